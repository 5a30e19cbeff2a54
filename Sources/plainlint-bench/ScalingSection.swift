import Foundation

extension Bench {
  /// The `scaling` section: `plainlint check --format json FOLDER` on a folder of many small files, with one job
  /// and with one job per processor; the two outputs must be the same byte for byte.
  mutating func scaling() throws(BenchError) {
    let plainlint = try requirePlainlint()
    let count = options.scalingFiles
    progress("scaling: generating \(Format.grouped(count)) small files")
    let (files, seconds) = timed { SmallFiles.leaflets(seed: options.seed, count: count) }
    let folderName = "scaling-\(count)"
    let folder = try makeFolder(folderName)
    for file in files { _ = try save(folderName + "/" + file.name, file.bytes) }
    let totalBytes = files.reduce(0) { $0 + $1.bytes.count }
    var filesTable = Table(["files", "count", "bytes", "KB per file (min, median, max)", "FNV-1a 64"])
    for format in InputFormat.allCases {
      let ofFormat = files.filter { $0.format == format }
      guard !ofFormat.isEmpty else { continue }
      filesTable.add(Bench.filesRow(format.label, ofFormat.map(\.bytes)))
    }
    filesTable.add(Bench.filesRow("all", files.map(\.bytes)))

    // `--jobs` is new: an older plainlint is timed with its default only.
    let helpPath = noteWritten("scaling-help.txt")
    let help = try ProcessBenchmark.capture(
      [plainlint, "check", "--help"], environment: environment, outputPath: helpPath)
    let hasJobs = String(decoding: help.output, as: UTF8.self).contains("--jobs")
    let processors = ProcessInfo.processInfo.activeProcessorCount
    var jobCounts: [Int?] = hasJobs ? [1] : [nil]
    if hasJobs && processors > 1 { jobCounts.append(processors) }

    var table = Table([
      "command (\(Format.grouped(count)) files, output to a file)", "s median", "s best", "CPU s median", "files/s",
      "MB/s", "speed-up",
    ])
    var outputs: [(jobs: Int?, bytes: [UInt8])] = []
    var medians: [Int?: Double] = [:]
    for jobs in jobCounts {
      let name = jobs.map { "scaling-jobs\($0).json" } ?? "scaling-default.json"
      let outputPath = noteWritten(name)
      let arguments =
        [plainlint, "check", "--format", "json"] + (jobs.map { ["--jobs", String($0)] } ?? []) + [folder]
      let label = "check --format json" + (jobs.map { " --jobs \($0)" } ?? " (no --jobs in this plainlint)")
      progress("scaling: \(label)")
      let result = try ProcessBenchmark.measure(
        label, PreparedCommand(arguments, environment: environment, outputPath: outputPath),
        runs: options.processRuns, warmups: 1, timeLimit: options.timeLimit)
      guard let output = System.readFile(outputPath), output.first == UInt8(ascii: "{") else {
        throw BenchError("`\(arguments.joined(separator: " "))` wrote no JSON")
      }
      outputs.append((jobs, output))
      let s = result.samples
      medians[jobs] = s.median
      let oneJob = medians[1].map { Format.fixed($0 / s.median, 2) + "×" } ?? "–"
      table.add([
        label, Format.fixed(s.median, 3), Format.fixed(s.best, 3), Format.fixed(result.cpuMedian, 3),
        Format.fixed(Double(count) / s.median, 0), Format.megabytesPerSecond(bytes: totalBytes, seconds: s.median),
        oneJob,
      ])
    }
    let load = System.readText("/proc/loadavg").split(separator: " ").prefix(3).joined(separator: " ")
    say("## Scaling: a folder of \(Format.grouped(count)) small files")
    say()
    say(
      "`plainlint check --format json FOLDER` (every rule), \(plural(options.processRuns, "timed run")) each after "
        + "1 warm-up. Each file is one leaflet of the large corpus, cut to \(SmallFiles.proseBytes.lowerBound)–"
        + "\(SmallFiles.proseBytes.upperBound) bytes of plain text, written as text, Markdown (with front matter) or "
        + "HTML (with a page shell); generated in \(Format.fixed(seconds, 2)) s. Processors for this process: "
        + "\(processors); load average (1, 5, 15 min) after the runs: \(load).")
    say()
    say(filesTable.render())
    say(table.render())
    var rows: [[String]] = []
    if outputs.count == 2 {
      let same = outputs[0].bytes == outputs[1].bytes
      guard same else {
        throw BenchError(
          "the outputs of --jobs 1 and --jobs \(processors) differ (\(outputs[0].bytes.count) and "
            + "\(outputs[1].bytes.count) bytes; kept as scaling-jobs1.json and scaling-jobs\(processors).json "
            + "when --write-corpus is given)")
      }
      say(
        "The JSON output of `--jobs 1` and `--jobs \(processors)` is the same byte for byte "
          + "(\(Format.grouped(outputs[0].bytes.count)) bytes, FNV-1a \(Format.hex(fnv1a(outputs[0].bytes)))).")
      say()
      if let one = medians[1], let many = medians[processors] {
        let required = 0.9 * Double(processors)
        let speedUp = one / many
        rows.append([
          "\(Format.grouped(count)) small files: --jobs \(processors) against --jobs 1 (medians)",
          "≥ " + Format.fixed(required, 1) + "×", Format.fixed(speedUp, 2) + "×",
          speedUp >= required ? "yes" : "NO",
        ])
      }
    } else {
      rows.append([
        "\(Format.grouped(count)) small files: one job per processor against --jobs 1",
        "≥ " + Format.fixed(0.9 * Double(max(processors, 2)), 1) + "×",
        hasJobs ? "not measured: one processor" : "not measured: this plainlint has no --jobs", "–",
      ])
    }
    sectionTargets(rows)
  }

  /// A row of the table of generated files: a label, how many, their bytes, sizes and hash (in order).
  static func filesRow(_ label: String, _ files: [[UInt8]]) -> [String] {
    let sizes = Samples(files.map { Double($0.count) / 1e3 })
    return [
      label, Format.grouped(files.count), Format.grouped(files.reduce(0) { $0 + $1.count }),
      "\(Format.fixed(sizes.best, 1)), \(Format.fixed(sizes.median, 1)), \(Format.fixed(sizes.worst, 1))",
      Format.hex(fnv1a(pages: files)),
    ]
  }
}
