import PlainLintCore

/// A fixed, simple piece of work timed with every run, so a reader can see how fast the machine was at the time.
///
/// On a shared virtual machine the same code can run at very different speeds from one minute to the next. The
/// reference is FNV-1a over a fixed 1 MiB buffer (it stays in cache) 16 times: one multiply per byte, each
/// depending on the last, so it measures the speed of one core and nothing else, and never changes with the code
/// under test. It is timed 11 times (about 0.3 s in all) and the median is reported. Divide a throughput by it to
/// compare runs made while the machine was faster or slower.
enum MachineReference {
  /// The bytes hashed per pass.
  static let bufferBytes = 1 << 20
  /// Passes over the buffer per timed run.
  static let passes = 16
  /// Timed runs.
  static let runs = 11

  /// One measurement.
  struct Result {
    /// Seconds per timed run.
    var samples: Samples
    /// The hash every run computed (the same each time).
    var checksum: UInt64

    /// Bytes hashed per timed run.
    var bytes: Int { MachineReference.bufferBytes * MachineReference.passes }
    /// Median throughput, MB/s.
    var medianMBps: Double { Double(bytes) / 1e6 / samples.median }

    /// One line for the report.
    var summary: String {
      "\(Format.megabytesPerSecond(bytes: bytes, seconds: samples.median)) MB/s median "
        + "(best \(Format.megabytesPerSecond(bytes: bytes, seconds: samples.best)), "
        + "worst \(Format.megabytesPerSecond(bytes: bytes, seconds: samples.worst)); "
        + "FNV-1a over 1 MiB × \(passes), \(runs) runs)"
    }
  }

  /// Measures: one untimed run, then `runs` timed ones.
  static func measure() -> Result {
    var rng = SplitMix64(seed: 0x5EED_0F_BE7C)
    var buffer = [UInt8](repeating: 0, count: bufferBytes)
    for index in stride(from: 0, to: bufferBytes, by: 8) {
      var word = rng.next()
      for offset in 0..<8 {
        buffer[index + offset] = UInt8(truncatingIfNeeded: word)
        word >>= 8
      }
    }
    return buffer.withUnsafeBufferPointer { p in
      let checksum = hash(p, passes: passes)
      var seconds: [Double] = []
      for _ in 0..<runs {
        let (value, time) = timed { hash(p, passes: passes) }
        precondition(value == checksum, "the machine reference hashed differently on a later run")
        seconds.append(time)
      }
      return Result(samples: Samples(seconds), checksum: checksum)
    }
  }

  /// FNV-1a over `p`, `passes` times in a row, each pass carrying on from the last hash.
  @inline(never)
  static func hash(_ p: UnsafeBufferPointer<UInt8>, passes: Int) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for _ in 0..<passes {
      for byte in p {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      }
    }
    return hash
  }
}
