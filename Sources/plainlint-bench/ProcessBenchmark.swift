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
    /// CPU seconds (user plus system) per run, in the same order of runs as they came.
    var cpuSeconds: [Double] = []

    /// The median CPU seconds of the runs.
    var cpuMedian: Double { cpuSeconds.isEmpty ? 0 : Samples(cpuSeconds).median }
  }

  /// Runs `command` `warmups` times untimed (to fill the page cache and the dynamic loader's caches), then `runs`
  /// times timed. Every run must exit with one of `exitCodes`, and the same one each time. With a `timeLimit`, a
  /// run still going after that many seconds is killed and the error says so (`isTimeLimit`).
  static func measure(
    _ label: String, _ command: PreparedCommand, runs: Int, warmups: Int, exitCodes: Set<Int32> = [0, 1],
    timeLimit: Double? = nil
  ) throws(BenchError) -> Result {
    var firstCode: Int32? = nil
    var seconds: [Double] = []
    var cpu: [Double] = []
    for index in 0..<(warmups + runs) {
      let run = try command.runMeasured(timeLimit: timeLimit)
      let commandLine = command.arguments.joined(separator: " ")
      if run.timedOut {
        throw BenchError("`\(commandLine)` was \(run.ending)", isTimeLimit: true)
      }
      guard let code = run.exitCode else { throw BenchError("`\(commandLine)` was \(run.ending)") }
      guard exitCodes.contains(code), firstCode == nil || firstCode == code else {
        throw BenchError("`\(commandLine)` exited with \(code)")
      }
      firstCode = code
      if index >= warmups {
        seconds.append(run.seconds)
        cpu.append(run.cpuSeconds)
      }
    }
    return Result(label: label, samples: Samples(seconds), exitCode: firstCode ?? 0, cpuSeconds: cpu)
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

  /// One run measured through a fresh, small `plainlint-bench` (see `peakMemory`).
  struct PeakRun {
    /// How the measured command ended, with its times and `ru_maxrss`.
    var run: ChildRun
    /// The helper's own peak memory when it spawned the command, in KiB: no reading can be below it.
    var floorKiB: Int
  }

  /// The hidden first argument that makes `plainlint-bench` the helper of `peakMemory`.
  static let helperFlag = "--measure-child"

  /// Runs `arguments` once through a fresh `plainlint-bench --measure-child`, which spawns it and reports its
  /// `wait4` figures, so that its `ru_maxrss` is its own peak resident memory.
  ///
  /// Linux carries a process's peak resident memory over into the program it execs, and `posix_spawn` execs in a
  /// copy of the spawning process: a child of this bench (which holds the corpus, up to hundreds of MB) would never
  /// show less than the bench's own peak. The helper is a few MB; its peak at the time (`floorKiB`) is reported so
  /// a reader can see it is below every reading. Standard output goes to `outputPath`, standard error to
  /// `errorPath`; the helper's report is written to `reportPath`.
  static func peakMemory(
    _ arguments: [String], environment: [String], outputPath: String, errorPath: String = "/dev/null",
    reportPath: String, timeLimit: Double? = nil
  ) throws(BenchError) -> PeakRun {
    let helper = System.executableDirectory() + "/plainlint-bench"
    let limit = timeLimit.map { Format.fixed($0, 3) } ?? "0"
    let command = PreparedCommand(
      [helper, helperFlag, outputPath, errorPath, limit, "--"] + arguments, environment: environment,
      outputPath: reportPath)
    let (code, _) = try command.run()
    let report = String(decoding: System.readFile(reportPath) ?? [], as: UTF8.self)
    let fields = report.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    guard code == 0, fields.count == 7, let exitCode = Int32(fields[0]), let signal = Int32(fields[1]),
      let seconds = Double(fields[3]), let cpu = Double(fields[4]), let peak = Int(fields[5]),
      let floor = Int(fields[6])
    else {
      throw BenchError("`plainlint-bench \(helperFlag)` did not report on `\(arguments.joined(separator: " "))`")
    }
    let run = ChildRun(
      exitCode: signal == 0 ? exitCode : nil, signal: signal == 0 ? nil : signal, timedOut: fields[2] == "1",
      seconds: seconds, cpuSeconds: cpu, maxResidentKiB: peak)
    return PeakRun(run: run, floorKiB: floor)
  }

  /// The helper's side of `peakMemory`: `OUTPUT ERROR LIMIT -- PROGRAM ARGUMENTS...` (LIMIT in seconds, 0 for
  /// none). Prints one line: exit code, signal, 1 if stopped at the time limit, wall seconds, CPU seconds,
  /// `ru_maxrss` in KiB, and its own peak in KiB before spawning. Returns this process's exit code.
  static func helperMain(_ arguments: ArraySlice<String>) -> Int32 {
    let parts = Array(arguments)
    guard parts.count >= 5, parts[3] == "--", let limit = Double(parts[2]) else {
      progress("plainlint-bench \(helperFlag): expected OUTPUT ERROR LIMIT -- PROGRAM [ARGUMENTS...]")
      return 2
    }
    let command = PreparedCommand(
      Array(parts[4...]), environment: System.environment(), outputPath: parts[0], errorPath: parts[1])
    let floor = System.ownPeakKiB()
    do throws(BenchError) {
      let run = try command.runMeasured(timeLimit: limit > 0 ? limit : nil)
      print(
        "\(run.exitCode ?? -1) \(run.signal ?? 0) \(run.timedOut ? 1 : 0) \(run.seconds) \(run.cpuSeconds) "
          + "\(run.maxResidentKiB) \(floor)")
      return 0
    } catch {
      progress("plainlint-bench \(helperFlag): \(error.description)")
      return 2
    }
  }
}
