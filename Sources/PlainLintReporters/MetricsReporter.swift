import PlainLintCore

/// Counts of findings by rule, sorted by rule name.
func findingsByRule(_ findings: [Finding]) -> [(rule: String, count: Int)] {
  var counts: [String: Int] = [:]
  for finding in findings {
    counts[finding.rule, default: 0] += 1
  }
  return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
}

/// Where a file's findings start, in order, for counting the findings of each section and paragraph: a binary
/// search finds the first, so a long file with many paragraphs and findings is not read once per paragraph.
///
/// A file's findings normally come sorted by position already (`Linter` sorts them); they are then searched where
/// they lie, with no copy, which matters for a large file: 100 MB of text can have 360,000 findings, and a sorted
/// copy of their starts would hold 17 MB more at the moment memory peaks. Findings in another order are sorted
/// first, by their indices.
struct FindingStarts {
  /// The findings.
  private let findings: [Finding]
  /// The findings' indices by start, or nil when `findings` is sorted by start itself.
  private let order: [Int32]?

  /// Takes the findings, sorting their indices by start when they are not already in that order.
  init(_ findings: [Finding]) {
    self.findings = findings
    let sorted = zip(findings, findings.dropFirst()).allSatisfy { $0.range.lowerBound <= $1.range.lowerBound }
    order = sorted ? nil : findings.indices.map { Int32($0) }.sorted {
      findings[Int($0)].range.lowerBound < findings[Int($1)].range.lowerBound
    }
  }

  /// Where the `index`th finding by start is in `findings`.
  private func position(_ index: Int) -> Int {
    if let order { Int(order[index]) } else { index }
  }

  /// The start of the `index`th finding by start.
  private func start(_ index: Int) -> Int { findings[position(index)].range.lowerBound }

  /// Counts of the findings that start in `range`, by rule, sorted by rule name as `findingsByRule` gives them.
  func byRule(in range: Range<Int>) -> [(rule: String, count: Int)] {
    var low = 0
    var high = findings.count
    while low < high {
      let middle = (low + high) / 2
      if start(middle) < range.lowerBound { low = middle + 1 } else { high = middle }
    }
    var counts: [String: Int] = [:]
    while low < findings.count && start(low) < range.upperBound {
      counts[findings[position(low)].rule, default: 0] += 1
      low += 1
    }
    return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }
}

/// A number rounded to two decimal places, for JSON.
private func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

/// The readability figures of some counts, as JSON members of the object being written.
private func writeFigures(_ counts: TextCounts, to object: inout JSONWriter) {
  let scores = counts.scores
  object.integer("words", counts.words)
  object.integer("sentences", counts.sentences)
  object.integer("syllables", counts.syllables)
  object.integer("polysyllables", counts.polysyllables)
  object.integer("complexWords", counts.complexWords)
  object.integer("letters", counts.letters)
  object.integer("hardWords", counts.hardWords)
  func figure(_ key: String, _ value: Double?) {
    if let value { object.number(key, rounded(value)) } else { object.null(key) }
  }
  figure("wordsPerSentence", scores.wordsPerSentence)
  figure("syllablesPerWord", scores.syllablesPerWord)
  figure("readingAge", scores.readingAge)
  figure("hardWordsPer100", scores.hardWordsPer100)
  figure("fleschReadingEase", scores.fleschReadingEase)
  figure("fleschKincaidGrade", scores.fleschKincaidGrade)
  figure("smogGrade", scores.smogGrade)
  object.boolean("smogFewSentences", scores.smogHasFewSentences)
  figure("gunningFog", scores.gunningFog)
  figure("colemanLiau", scores.colemanLiau)
  figure("automatedReadabilityIndex", scores.automatedReadabilityIndex)
}

/// Findings by rule as a JSON object member.
private func writeFindings(_ counts: [(rule: String, count: Int)], to object: inout JSONWriter) {
  object.object("findings") { findings in
    for (rule, count) in counts { findings.integer(rule, count) }
  }
}

/// The `metrics` object of a file in the JSON output: the document's figures, its findings by rule, and each
/// section's figures and findings.
struct JSONMetrics: JSONWritable {
  var report: FileReport
  var metrics: DocumentMetrics

  func write(to writer: inout JSONWriter, key: String?) {
    writer.object(key) { object in
      writeFigures(metrics.document, to: &object)
      writeFindings(findingsByRule(report.findings), to: &object)
      var converter = PositionConverter(report.document)
      let starts = FindingStarts(report.findings)
      object.array("sections") { sections in
        for section in metrics.sections {
          sections.object { s in
            s.string("title", section.title)
            writePart(section, to: &s, converter: &converter, starts: starts)
          }
        }
      }
      object.array("paragraphs") { paragraphs in
        for paragraph in metrics.paragraphs {
          paragraphs.object { p in writePart(paragraph, to: &p, converter: &converter, starts: starts) }
        }
      }
    }
  }

  /// A section's or paragraph's range, figures and findings.
  func writePart(
    _ part: PartMetrics, to object: inout JSONWriter, converter: inout PositionConverter, starts: FindingStarts
  ) {
    let start = converter.location(at: part.range.lowerBound)
    let end = converter.location(at: part.range.upperBound)
    object.object("range") { range in
      range.object("start") { p in
        p.integer("line", start.line)
        p.integer("column", start.column)
      }
      range.object("end") { p in
        p.integer("line", end.line)
        p.integer("column", end.column)
      }
    }
    writeFigures(part.counts, to: &object)
    writeFindings(starts.byRule(in: part.range), to: &object)
  }
}

/// `plainlint stats --format json`: the tool, and each file's path, format and metrics.
public struct StatsJSONReporter: Reporter {
  /// The version written in `tool.version`.
  public var version: String

  /// Creates the reporter.
  public init(version: String) {
    self.version = version
  }

  public func render(_ reports: [FileReport]) -> String {
    var writer = JSONWriter()
    writer.object { root in
      writeTool(version, to: &root)
      root.array("files") { files in
        for report in reports {
          files.object { file in
            file.string("path", report.document.path)
            file.string("format", report.format)
            if let metrics = report.metrics { file.value("metrics", JSONMetrics(report: report, metrics: metrics)) }
          }
        }
      }
    }
    return writer.line()
  }
}

/// `plainlint stats`: a table of readability figures per file, and per section when asked, for people reading
/// it together.
public struct StatsTextReporter: Reporter {
  /// The reading age the text aims at, shown beside the reading age.
  public var target: Int
  /// Whether to show each section too.
  public var sections: Bool
  /// Whether to list each paragraph's reading age too.
  public var paragraphs: Bool

  /// Creates the reporter.
  public init(target: Int, sections: Bool, paragraphs: Bool = false) {
    self.target = target
    self.sections = sections
    self.paragraphs = paragraphs
  }

  public func render(_ reports: [FileReport]) -> String {
    var out = ""
    for report in reports {
      guard let metrics = report.metrics else { continue }
      // The target in force for this file, under its configuration.
      var reporter = self
      reporter.target = report.readingAgeTarget ?? target
      out += report.document.path + "\n\n"
      out += reporter.table(metrics.document, findings: findingsByRule(report.findings))
      if sections {
        var converter = PositionConverter(report.document)
        let starts = FindingStarts(report.findings)
        for section in metrics.sections {
          let line = converter.location(at: section.range.lowerBound).line
          var title = section.title.split(whereSeparator: \.isNewline).joined(separator: " ")
          if title.count > 60 { title = String(title.prefix(59)) + "…" }
          out += "\n  Section “\(title)” (\(report.placeName) \(line))\n\n"
          out += reporter.table(section.counts, findings: starts.byRule(in: section.range))
        }
      }
      if paragraphs && !metrics.paragraphs.isEmpty {
        out += "\n" + reporter.paragraphTable(metrics.paragraphs, report: report)
      }
      out += "\n"
    }
    if reports.isEmpty { out = "No files were checked.\n" }
    return out
  }

  /// A line per paragraph: where it starts, its size, its reading age and hard words, and a mark when its
  /// reading age is above the target.
  func paragraphTable(_ parts: [PartMetrics], report: FileReport) -> String {
    var converter = PositionConverter(report.document)
    var rows = [["Paragraph", "Sentences", "Words", "Reading age", "Hard words", ""]]
    for part in parts {
      let line = converter.location(at: part.range.lowerBound).line
      let age = part.counts.scores.readingAge.map { Int($0.rounded()) }
      rows.append([
        "\(report.placeName) \(line)", String(part.counts.sentences), String(part.counts.words),
        age.map(String.init) ?? "–",
        String(part.counts.hardWords), (age ?? 0) > target ? "above the target of \(target)" : "",
      ])
    }
    let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
    var out = ""
    for row in rows {
      var line = "  " + row[0] + String(repeating: " ", count: widths[0] - row[0].count)
      for column in 1..<5 {
        line += "  " + String(repeating: " ", count: widths[column] - row[column].count) + row[column]
      }
      if !row[5].isEmpty { line += "   " + row[5] }
      out += line + "\n"
    }
    return out
  }

  /// One table: a row per figure, with a plain note where it helps.
  func table(_ counts: TextCounts, findings: [(rule: String, count: Int)]) -> String {
    let scores = counts.scores
    func figure(_ value: Double?) -> String {
      guard let value else { return "–" }
      return String((value * 10).rounded() / 10)
    }
    var rows: [(String, String, String)] = [
      ("Words", String(counts.words), ""),
      ("Sentences", String(counts.sentences), ""),
      ("Words per sentence", figure(scores.wordsPerSentence), "aim for 15 to 20 or fewer"),
    ]
    if let age = scores.readingAge {
      let whole = Int(age.rounded())
      let verdict =
        whole > target ? "above the target of \(target)" : "within the target of \(target)"
      rows.append(("Reading age (years)", String(whole), verdict))
    } else {
      rows.append(("Reading age (years)", "–", "no sentences to measure"))
    }
    rows += [
      (
        "Hard words per 100 words", figure(scores.hardWordsPer100),
        counts.hardWords == 1 ? "1 hard word" : "\(counts.hardWords) hard words"
      ),
      ("Flesch Reading Ease", figure(scores.fleschReadingEase), "0 to 100; 60 or more is plain English"),
      ("Flesch–Kincaid grade", figure(scores.fleschKincaidGrade), "US school grade"),
      (
        "SMOG grade", figure(scores.smogGrade),
        scores.smogHasFewSentences && counts.sentences > 0
          ? "rough: \(counts.sentences) sentences, SMOG is made for 30 or more" : ""
      ),
      ("Gunning Fog index", figure(scores.gunningFog), ""),
      ("Coleman–Liau index", figure(scores.colemanLiau), ""),
      ("Automated Readability Index", figure(scores.automatedReadabilityIndex), ""),
    ]
    let total = findings.reduce(0) { $0 + $1.count }
    rows.append(("Findings", String(total), findings.map { "\($0.rule) \($0.count)" }.joined(separator: ", ")))
    let labelWidth = rows.map(\.0.count).max() ?? 0
    let valueWidth = rows.map(\.1.count).max() ?? 0
    var out = ""
    for (label, value, note) in rows {
      var line = "  " + label + String(repeating: " ", count: labelWidth - label.count + 2)
      line += String(repeating: " ", count: valueWidth - value.count) + value
      if !note.isEmpty { line += "   " + note }
      out += line + "\n"
    }
    return out
  }
}
