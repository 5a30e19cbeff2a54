#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The monotonic clock, in nanoseconds (never goes back, unaffected by changes to the wall clock).
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// Runs `body` and returns its result with the seconds it took on the monotonic clock.
@inline(__always)
func timed<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
  let start = monotonicNanoseconds()
  let result = try body()
  let end = monotonicNanoseconds()
  return (result, Double(end - start) / 1e9)
}

/// Runs `pass` once untimed, then `runs` times timed; every run must give the same counts as the first, which
/// also keeps the optimiser from skipping work. Returns those counts and the timings.
func timedRuns<Counts: Equatable>(_ runs: Int, label: String, _ pass: () -> Counts) -> (counts: Counts, samples: Samples) {
  let expected = pass()
  var seconds: [Double] = []
  for _ in 0..<runs {
    let (counts, time) = timed(pass)
    precondition(counts == expected, "\(label) counted differently on a later run")
    seconds.append(time)
  }
  return (expected, Samples(seconds))
}

/// Timings of repeated runs, in seconds, with the order statistics the report shows.
struct Samples {
  /// The times, sorted from fastest to slowest.
  let sorted: [Double]

  /// Creates samples from times in any order.
  init(_ seconds: [Double]) {
    precondition(!seconds.isEmpty, "no samples")
    sorted = seconds.sorted()
  }

  /// The number of runs.
  var count: Int { sorted.count }
  /// The fastest run.
  var best: Double { sorted[0] }
  /// The slowest run.
  var worst: Double { sorted[sorted.count - 1] }
  /// The median (the mean of the middle two for an even count).
  var median: Double { quantile(0.5) }
  /// The 90th percentile.
  var p90: Double { quantile(0.9) }

  /// A quantile by linear interpolation between the closest ranks.
  func quantile(_ q: Double) -> Double {
    let position = q * Double(sorted.count - 1)
    let lower = Int(position)
    let upper = min(lower + 1, sorted.count - 1)
    let fraction = position - Double(lower)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
  }
}
