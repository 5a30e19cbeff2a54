extension Bench {
  /// The most memory `check --format json` may take on a file of `bytes`: twice the file plus 40 MB, in bytes.
  static func memoryLimit(bytes: Int) -> Int {
    2 * bytes + 40_000_000
  }

  /// The `memory` section: the peak resident memory (`ru_maxrss`) of `plainlint check --format json FILE` on each
  /// of the generated single files, measured through a small helper process (see `ProcessBenchmark.peakMemory`).
  mutating func memory() throws(BenchError) {
    let plainlint = try requirePlainlint()
    let inputs = try sizedInputList()
    let shortPath = try save("short.txt", short)
    let outputPath = noteWritten("memory.out")
    let reportPath = noteWritten("memory.report")
    let runs = max(1, min(3, options.processRuns))
    /// The largest `ru_maxrss` of `runs` runs of `arguments`, with the last run's time and how it ended.
    func peak(_ arguments: [String], label: String) throws(BenchError) -> (kib: Int, floor: Int, last: ChildRun) {
      var most = 0
      var floor = 0
      var last: ChildRun? = nil
      for run in 1...runs {
        progress("memory: \(label), run \(run) of \(runs)")
        let result = try ProcessBenchmark.peakMemory(
          arguments, environment: environment, outputPath: outputPath, reportPath: reportPath,
          timeLimit: options.timeLimit)
        most = max(most, result.run.maxResidentKiB)
        floor = max(floor, result.floorKiB)
        last = result.run
        if result.run.timedOut { break }
        guard let code = result.run.exitCode, code <= 1 else {
          throw BenchError("`\(arguments.joined(separator: " "))` ended with \(result.run.ending)")
        }
      }
      return (most, floor, last!)
    }
    /// MiB from KiB.
    func mebibytes(_ kib: Int) -> String { Format.fixed(Double(kib) / 1024, 1) }

    var table = Table(["command (output to a file)", "input bytes", "peak MiB", "limit MiB", "met", "s (last run)"])
    let truePath = System.isExecutable("/bin/true") ? "/bin/true" : "/usr/bin/true"
    let baseline = try peak([truePath], label: "/bin/true")
    table.add(["/bin/true (the helper's floor)", "–", mebibytes(baseline.kib), "–", "–", "–"])
    let startup = try peak([plainlint, "check", "--format", "json", shortPath], label: "the 1 KB file")
    table.add([
      "check --format json short.txt", Format.grouped(short.count), mebibytes(startup.kib), "–", "–",
      Format.fixed(startup.last.seconds, 3),
    ])
    var worst: (input: SizedInput, kib: Int, limit: Int)? = nil
    var allMet = true
    var stopped: [String] = []
    var helperFloor = max(baseline.floor, startup.floor)
    for input in inputs {
      let (kib, floor, last) = try peak(
        [plainlint, "check", "--format", "json", input.path], label: input.label)
      helperFloor = max(helperFloor, floor)
      let limit = Bench.memoryLimit(bytes: input.bytes)
      let peakBytes = kib * 1024
      let met = peakBytes <= limit
      if last.timedOut { stopped.append(input.label) }
      allMet = allMet && met && !last.timedOut
      if worst == nil || Double(peakBytes) / Double(limit) > Double(worst!.kib * 1024) / Double(worst!.limit) {
        worst = (input, kib, limit)
      }
      table.add([
        "check --format json \(input.label)", Format.grouped(input.bytes),
        (last.timedOut ? "≥ " : "") + mebibytes(kib), Format.fixed(Double(limit) / 1_048_576, 1),
        last.timedOut ? (met ? "unknown" : "NO") : (met ? "yes" : "NO"),
        last.timedOut ? last.ending : Format.fixed(last.seconds, 3),
      ])
    }
    say("## Peak memory of the whole process (\(plural(runs, "run")) each, the largest reading)")
    say()
    say(
      "`ru_maxrss` from `wait4`, read by a small helper process (`plainlint-bench \(ProcessBenchmark.helperFlag)`) "
        + "that spawns plainlint: Linux carries the spawning process's own peak over into the child, so spawned "
        + "from this bench (which holds the corpus) every reading would be at least the bench's size. The helper's "
        + "floor is the first row. The limit is 2 × the file + 40 MB (10^6 bytes), shown in MiB; JSON output goes "
        + "to a file. The plain text is the start of the large corpus; Markdown and HTML are the same leaflets on "
        + "one page (one front matter, one page shell).")
    say()
    say(Bench.inputsTable(inputs))
    say(table.render())
    say(
      "The helper's own peak when it spawned plainlint (no reading can be below it): at most "
        + mebibytes(helperFloor) + " MiB.")
    say()
    if !stopped.isEmpty {
      say(
        "Stopped at the time limit (\(Format.fixed(options.timeLimit, 0)) s, --time-limit): "
          + stopped.joined(separator: ", ") + "; their peak is the peak until then.")
      say()
    }
    if let worst {
      sectionTargets([
        [
          "peak memory of `check --format json FILE` ≤ 2 × the file + 40 MB, every input", "≤ 2 × file + 40 MB",
          "worst \(worst.input.label): \(mebibytes(worst.kib)) of "
            + Format.fixed(Double(worst.limit) / 1_048_576, 1) + " MiB",
          allMet ? "yes" : "NO",
        ]
      ])
    }
  }
}
