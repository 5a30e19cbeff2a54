extension Bench {
  /// The least share of the smallest file's throughput the largest file must keep for linting to count as linear.
  static let linearShare = 0.8

  /// The `linearity` section: whole-process throughput of `plainlint check --format json FILE` on single files of
  /// growing size, format by format. A part of linting that is worse than linear shows as throughput that falls
  /// as the file grows. The fixed cost of starting the process (timed on the 1 KB file) is taken off before
  /// comparing, as it would otherwise make the small files look slow.
  mutating func linearity() throws(BenchError) {
    let plainlint = try requirePlainlint()
    let inputs = try sizedInputList()
    let shortPath = try save("short.txt", short)
    let outputPath = noteWritten("linearity.out")
    progress("linearity: start-up on the 1 KB file")
    let startup = try ProcessBenchmark.measure(
      "start-up", PreparedCommand([plainlint, "check", "--format", "json", shortPath], environment: environment),
      runs: 10, warmups: 3)
    let fixed = startup.samples.median
    var table = Table(
      [
        "format", "size", "bytes", "s median", "s best", "MB/s median", "MB/s without start-up",
        "share of the smallest's",
      ], firstNumeric: 2)
    var rows: [[String]] = []
    for format in InputFormat.allCases {
      let ofFormat = inputs.filter { $0.format == format }.sorted { $0.bytes < $1.bytes }
      guard let smallest = ofFormat.first else { continue }
      var smallestRate: Double? = nil
      var lastRate: (input: SizedInput, rate: Double, stopped: Bool)? = nil
      for input in ofFormat {
        if lastRate?.stopped == true {
          table.add(
            [format.label, LSPBenchmark.sizeLabel(input.targetBytes), Format.grouped(input.bytes)]
              + ["not run: a smaller file passed the time limit", "", "", "", ""])
          continue
        }
        progress("linearity: \(input.label)")
        // A file of 50 MB or more is read from the page cache already (it was just written): no warm-up run.
        let warmups = input.bytes >= 50_000_000 ? 0 : 1
        let command = PreparedCommand(
          [plainlint, "check", "--format", "json", input.path], environment: environment, outputPath: outputPath)
        do throws(BenchError) {
          let result = try ProcessBenchmark.measure(
            input.label, command, runs: options.processRuns, warmups: warmups, timeLimit: options.timeLimit)
          let s = result.samples
          let rate = Double(input.bytes) / 1e6 / max(s.median - fixed, 1e-9)
          if smallestRate == nil { smallestRate = rate }
          lastRate = (input, rate, false)
          table.add([
            format.label, LSPBenchmark.sizeLabel(input.targetBytes), Format.grouped(input.bytes),
            Format.fixed(s.median, 3), Format.fixed(s.best, 3),
            Format.megabytesPerSecond(bytes: input.bytes, seconds: s.median), Format.fixed(rate, 1),
            smallestRate.map { Format.fixed(rate / $0, 2) + "×" } ?? "",
          ])
        } catch {
          guard error.isTimeLimit else { throw error }
          // Slower than the limit: the throughput is at most the file over the limit.
          let rate = Double(input.bytes) / 1e6 / options.timeLimit
          lastRate = (input, rate, true)
          table.add([
            format.label, LSPBenchmark.sizeLabel(input.targetBytes), Format.grouped(input.bytes),
            "> " + Format.fixed(options.timeLimit, 0), "", "< " + Format.fixed(rate, 2), "< " + Format.fixed(rate, 2),
            smallestRate.map { "< " + Format.fixed(rate / $0, 2) + "×" } ?? "",
          ])
        }
      }
      guard let last = lastRate else { continue }
      guard let first = smallestRate else {
        rows.append([
          "\(format.label): MB/s on the largest file against the smallest",
          "≥ " + Format.fixed(Bench.linearShare, 1) + "×", "the smallest file passed the time limit", "NO",
        ])
        continue
      }
      guard last.input.bytes > smallest.bytes else { continue }
      let share = last.rate / first
      rows.append([
        "\(format.label): MB/s on \(LSPBenchmark.sizeLabel(last.input.targetBytes)) against "
          + "\(LSPBenchmark.sizeLabel(smallest.targetBytes)), start-up taken off",
        "≥ " + Format.fixed(Bench.linearShare, 1) + "×",
        (last.stopped ? "< " : "") + Format.fixed(share, 2) + "× (" + (last.stopped ? "< " : "")
          + Format.fixed(last.rate, 1) + " against " + Format.fixed(first, 1) + " MB/s)",
        share >= Bench.linearShare && !last.stopped ? "yes" : "NO",
      ])
    }
    say("## Linearity: whole process on single files of growing size")
    say()
    say(
      "`plainlint check --format json FILE` (every rule, JSON written to a file), "
        + "\(plural(options.processRuns, "timed run")) per file after 1 warm-up (none for 50 MB and more). "
        + "Start-up, `check --format json` on the \(short.count)-byte file, median of 10: "
        + "\(Format.milliseconds(fixed)) ms; it is taken off each median for the \"without start-up\" column, "
        + "which the share is worked out from. Linting is linear when the largest file keeps at least "
        + "\(Format.fixed(Bench.linearShare, 1))× the smallest file's throughput. Runs stop after "
        + "\(Format.fixed(options.timeLimit, 0)) s (--time-limit).")
    say()
    say(Bench.inputsTable(inputs))
    say(table.render())
    sectionTargets(rows)
  }
}
