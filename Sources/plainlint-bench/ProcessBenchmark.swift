/// The whole-process measurements: the release `plainlint` binary spawned again and again.
enum ProcessBenchmark {
  /// One timed command.
  struct Result {
    /// What was run, for the table.
    var label: String
    /// Seconds per run, from spawn to reaping the process.
    var samples: Samples
    /// The exit code (the same on every run).
    var exitCode: Int32
  }

  /// Runs `command` `warmups` times untimed (to fill the page cache and the dynamic loader's caches), then `runs`
  /// times timed. Every run must exit with one of `exitCodes`, and the same one each time.
  static func measure(
    _ label: String, _ command: PreparedCommand, runs: Int, warmups: Int, exitCodes: Set<Int32> = [0, 1]
  ) throws(BenchError) -> Result {
    var firstCode: Int32? = nil
    var seconds: [Double] = []
    for index in 0..<(warmups + runs) {
      let (code, time) = try command.run()
      guard exitCodes.contains(code), firstCode == nil || firstCode == code else {
        throw BenchError("`\(command.arguments.joined(separator: " "))` exited with \(code)")
      }
      firstCode = code
      if index >= warmups { seconds.append(time) }
    }
    return Result(label: label, samples: Samples(seconds), exitCode: firstCode ?? 0)
  }

  /// Runs a command once with its output kept in `outputPath`, and returns that output, to check that the
  /// command being timed does the work it should.
  static func capture(_ arguments: [String], environment: [String], outputPath: String) throws(BenchError)
    -> (exitCode: Int32, output: [UInt8])
  {
    let command = PreparedCommand(arguments, environment: environment, outputPath: outputPath)
    let (code, _) = try command.run()
    guard let output = System.readFile(outputPath) else { throw BenchError("cannot read back \(outputPath)") }
    return (code, output)
  }
}
