/// The output check: what `plainlint check --format json` (every built-in rule) writes for a fixed corpus, kept in
/// `Fixtures/bench/expected-output.tsv`, so that a faster build can be shown to give the same output.
///
/// The corpus does not depend on `--size-mb` or `--seed`: it is always the first MB of leaflets from seed 2025, as
/// text, Markdown and HTML pages (the `formats` section's pages), one folder per format. For each format the file
/// keeps the size and FNV-1a hash of the JSON, the number of findings, and the findings of each rule, so that a
/// difference says which rules changed, not only that something did.
enum OutputCheck {
  /// The corpus seed, whatever `--seed` says.
  static let seed: UInt64 = 2025
  /// The corpus size, whatever `--size-mb` says.
  static let targetBytes = 1_000_000

  /// What one format's JSON report holds, in short.
  struct Summary: Equatable {
    /// `text`, `markdown` or `html`.
    var format: String
    /// How many pages were linted.
    var files: Int
    /// The size of the JSON report.
    var bytes: Int
    /// Its FNV-1a 64 hash.
    var hash: UInt64
    /// Findings by rule identifier.
    var rules: [String: Int]

    /// All findings.
    var findings: Int { rules.values.reduce(0, +) }
  }

  /// The expected file in the package this program was built from: `Fixtures/bench/expected-output.tsv`.
  static var defaultExpectedPath: String {
    // #filePath is <package>/Sources/plainlint-bench/OutputCheck.swift.
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/Fixtures/bench/expected-output.tsv"
  }

  /// The pages of one format, named as they are written: `text/page-00001.txt` and so on.
  typealias Pages = (format: InputFormat, files: [(name: String, bytes: [UInt8])])

  /// The check corpus, every format.
  static func corpus() -> [Pages] {
    let pages = FormatCorpus.generate(seed: seed, targetBytes: targetBytes)
    return InputFormat.allCases.map { format in
      let files = pages[format].enumerated().map { index, page in
        let number = String(index + 1)
        let name = "page-" + String(repeating: "0", count: max(0, 5 - number.count)) + number
        return (format.rawValue + "/" + name + "." + format.fileExtension, page)
      }
      return (format, files)
    }
  }

  /// Writes the corpus into `folder` (which must exist), with an empty configuration file beside it, so that no
  /// `.plainlint.yml` of the folders above changes what is checked.
  static func write(_ corpus: [Pages], into folder: String) throws(BenchError) {
    try System.writeFile(folder + "/" + configurationName, [])
    for (format, files) in corpus {
      try System.makeDirectory(folder + "/" + format.rawValue)
      for file in files { try System.writeFile(folder + "/" + file.name, file.bytes) }
    }
  }

  /// The empty configuration the check runs with: every built-in rule at its default setting.
  static let configurationName = "check-configuration.yml"

  /// Runs `plainlint check --format json` on each format's folder of a corpus written by `write(_:into:)`, with the
  /// output of each in `outputPath(format)`. Returns each format's report with the folder taken out of its paths
  /// (`text/page-00001.txt`), so that it is the same wherever the folder is. (The program does not change its own
  /// working folder for this: tests run side by side in one process.)
  static func run(
    _ corpus: [Pages], plainlint: String, in folder: String, environment: [String],
    outputPath: (InputFormat) -> String
  ) throws(BenchError) -> [(format: InputFormat, files: Int, json: [UInt8])] {
    // JSON writes a path as it is unless it has a quote, a backslash or a control character.
    guard !folder.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
      throw BenchError("the output check needs a folder without quotes, backslashes or control characters: \(folder)")
    }
    let prefix = Array((folder + "/").utf8)
    var reports: [(InputFormat, Int, [UInt8])] = []
    for (format, files) in corpus {
      let arguments = [
        plainlint, "check", "--format", "json", "--config", folder + "/" + configurationName, "--jobs", "1",
        folder + "/" + format.rawValue,
      ]
      let (code, output) = try ProcessBenchmark.capture(
        arguments, environment: environment, outputPath: outputPath(format))
      // 1 means findings at the failing level, which this corpus has; anything else is a failure to run.
      guard code == 0 || code == 1, output.first == UInt8(ascii: "{") else {
        throw BenchError(
          "`plainlint check --format json \(format.rawValue)` ended with \(code) and no report: "
            + String(decoding: output.prefix(300), as: UTF8.self))
      }
      reports.append((format, files.count, removing(prefix, from: output)))
    }
    return reports
  }

  /// `bytes` with every occurrence of `prefix` taken out.
  static func removing(_ prefix: [UInt8], from bytes: [UInt8]) -> [UInt8] {
    guard let first = prefix.first else { return bytes }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if bytes[i] == first && i + prefix.count <= bytes.count && bytes[i..<(i + prefix.count)].elementsEqual(prefix) {
        i += prefix.count
      } else {
        result.append(bytes[i])
        i += 1
      }
    }
    return result
  }

  /// A format's report in short.
  static func summary(format: InputFormat, files: Int, json: [UInt8]) -> Summary {
    Summary(format: format.rawValue, files: files, bytes: json.count, hash: fnv1a(json), rules: ruleCounts(json))
  }

  /// Findings by rule in a JSON report: each `"rule": "…"` key of a diagnostic.
  static func ruleCounts(_ json: [UInt8]) -> [String: Int] {
    let key = Array("\"rule\": \"".utf8)
    var counts: [String: Int] = [:]
    var i = 0
    let n = json.count
    while i + key.count <= n {
      guard json[i] == key[0], json[i..<(i + key.count)].elementsEqual(key) else {
        i += 1
        continue
      }
      var end = i + key.count
      while end < n && json[end] != UInt8(ascii: "\"") { end += 1 }
      counts[String(decoding: json[(i + key.count)..<end], as: UTF8.self), default: 0] += 1
      i = end
    }
    return counts
  }

  /// The expected file's text for these summaries.
  static func render(_ summaries: [Summary]) -> String {
    var lines = [
      "# What `plainlint check --format json` (every built-in rule, an empty configuration, --jobs 1) writes for",
      "# the benchmark's check corpus: the first MB of leaflets from seed \(seed), as text, Markdown and HTML pages.",
      "# Checked by `plainlint-bench output` (part of every default run, and of `swift test`); after a change",
      "# that is meant to change the output, rewrite it with `scripts/bench output --update-expected` and look",
      "# at the difference in the rule counts before committing it.",
      "#",
      "# report  format  files  JSON bytes  JSON FNV-1a 64  findings",
      "# rule    format  rule   findings",
    ]
    for summary in summaries {
      lines.append(
        [
          "report", summary.format, String(summary.files), String(summary.bytes), Format.hex(summary.hash),
          String(summary.findings),
        ].joined(separator: "\t"))
    }
    for summary in summaries {
      for (rule, count) in summary.rules.sorted(by: { $0.key < $1.key }) {
        lines.append(["rule", summary.format, rule, String(count)].joined(separator: "\t"))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Reads an expected file; a line that cannot be read is an error naming its line number.
  static func parse(_ text: String, path: String) throws(BenchError) -> [Summary] {
    var summaries: [Summary] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      let bad = BenchError("\(path):\(index + 1): cannot read '\(line)'; rewrite the file with --update-expected")
      if fields.count == 6 && fields[0] == "report" {
        guard let files = Int(fields[2]), let bytes = Int(fields[3]), let hash = UInt64(fields[4], radix: 16),
          Int(fields[5]) != nil
        else { throw bad }
        summaries.append(Summary(format: fields[1], files: files, bytes: bytes, hash: hash, rules: [:]))
      } else if fields.count == 4 && fields[0] == "rule" {
        guard let count = Int(fields[3]), let at = summaries.firstIndex(where: { $0.format == fields[1] }) else {
          throw bad
        }
        summaries[at].rules[fields[2]] = count
      } else {
        throw bad
      }
    }
    return summaries
  }

  /// What differs between the expected summaries and the actual ones, a line each; empty when they are the same.
  static func differences(expected: [Summary], actual: [Summary]) -> [String] {
    var lines: [String] = []
    for summary in actual {
      guard let old = expected.first(where: { $0.format == summary.format }) else {
        lines.append("\(summary.format): not in the expected file")
        continue
      }
      if old == summary { continue }
      var parts: [String] = []
      if old.files != summary.files { parts.append("\(old.files) files expected, \(summary.files) linted") }
      if old.bytes != summary.bytes || old.hash != summary.hash {
        parts.append(
          "JSON of \(Format.grouped(summary.bytes)) bytes, hash \(Format.hex(summary.hash)) (expected "
            + "\(Format.grouped(old.bytes)) bytes, hash \(Format.hex(old.hash)))")
      }
      for rule in Set(old.rules.keys).union(summary.rules.keys).sorted() {
        let before = old.rules[rule] ?? 0
        let after = summary.rules[rule] ?? 0
        if before != after { parts.append("\(rule) \(after) findings (expected \(before))") }
      }
      lines.append("\(summary.format): " + parts.joined(separator: "; "))
    }
    for old in expected where !actual.contains(where: { $0.format == old.format }) {
      lines.append("\(old.format): expected, but not checked")
    }
    return lines
  }
}

extension Bench {
  /// The `output` section: the output check (see `OutputCheck`). With `--update-expected` it writes the expected
  /// file instead of comparing with it.
  mutating func output() throws(BenchError) {
    let plainlint = try requirePlainlint()
    let folder = try makeFolder("output-check")
    progress("output: writing the check corpus")
    let corpus = OutputCheck.corpus()
    for (format, files) in corpus {
      _ = try makeFolder("output-check/" + format.rawValue)
      for file in files { _ = noteWritten("output-check/" + file.name) }
    }
    try OutputCheck.write(corpus, into: folder)
    _ = noteWritten("output-check/" + OutputCheck.configurationName)
    var outputPaths: [InputFormat: String] = [:]
    for format in InputFormat.allCases {
      outputPaths[format] = noteWritten("output-check-\(format.rawValue).json")
    }
    progress("output: plainlint check --format json on each format")
    let reports = try OutputCheck.run(
      corpus, plainlint: plainlint, in: folder, environment: environment, outputPath: { outputPaths[$0]! })
    let actual = reports.map { OutputCheck.summary(format: $0.format, files: $0.files, json: $0.json) }
    let expectedPath = options.expectedOutput ?? OutputCheck.defaultExpectedPath

    say("## Output check")
    say()
    say(
      "`plainlint check --format json` (every built-in rule, an empty configuration) on the check corpus: the first "
        + "MB of leaflets from seed \(OutputCheck.seed), whatever --size-mb and --seed say, as text, Markdown and "
        + "HTML pages. Compared with `\(expectedPath)`.")
    say()
    var table = Table(["format", "pages", "JSON bytes", "JSON FNV-1a 64", "findings", "rules with findings"])
    for summary in actual {
      table.add([
        summary.format, Format.grouped(summary.files), Format.grouped(summary.bytes), Format.hex(summary.hash),
        Format.grouped(summary.findings), String(summary.rules.count),
      ])
    }
    say(table.render())

    if options.updateExpected {
      try System.writeFileAtomically(expectedPath, Array(OutputCheck.render(actual).utf8))
      say("Wrote the expected output to \(expectedPath).")
      say()
      return
    }
    guard let text = System.readFile(expectedPath).map({ String(decoding: $0, as: UTF8.self) }) else {
      throw BenchError(
        "cannot read the expected output \(expectedPath); pass --expected-output FILE, or write it with "
          + "--update-expected")
    }
    let expected = try OutputCheck.parse(text, path: expectedPath)
    let differences = OutputCheck.differences(expected: expected, actual: actual)
    let same = differences.isEmpty
    if same {
      say("The output is the expected output: the same size and hash for every format.")
      say()
    }
    sectionTargets([
      [
        "the JSON report on the check corpus is the expected one", "the same", same ? "the same" : "different",
        same ? "yes" : "NO",
      ]
    ])
    guard same else {
      let kept = isTemporary ? "" : " The reports are in \(directory)/output-check-*.json."
      throw BenchError(
        "the output differs from \(expectedPath):\n  " + differences.joined(separator: "\n  ") + "\nIf the change "
          + "is meant, rewrite the file with `scripts/bench output --update-expected` and commit it." + kept)
    }
  }
}
