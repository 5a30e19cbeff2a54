import Testing

@testable import PlainLintCore

/// A rule for tests: reports every sentence, with its word count as the message.
struct SentenceWordCountRule: Rule {
  static let description = RuleDescription(
    identifier: "sentence-word-count", name: "Sentence word count", summary: "Reports every sentence.",
    rationale: "For tests.", defaultSeverity: .info, triggeringExamples: [], nonTriggeringExamples: [])

  init(options: RuleOptions) {}

  func makeChecker(document: DocumentState) -> any RuleChecker { Checker() }

  final class Checker: RuleChecker {
    func check(sentence: Sentence, in block: BlockContext, report: inout FindingSink) {
      report.report(sentence.range, message: String(sentence.wordCount))
    }
  }
}

/// A rule for tests: reports every block once, with its kind.
struct BlockRule: Rule {
  static let description = RuleDescription(
    identifier: "block", name: "Block", summary: "Reports every block.", rationale: "For tests.",
    defaultSeverity: .warning, triggeringExamples: [], nonTriggeringExamples: [])

  init(options: RuleOptions) {}

  func makeChecker(document: DocumentState) -> any RuleChecker { Checker() }

  final class Checker: RuleChecker {
    func check(block: BlockContext, report: inout FindingSink) {
      report.report(block.block.range, message: block.block.kind == .listItem ? "item" : "paragraph")
    }
  }
}

/// The sentences the linter finds in plain text, each with the words a reader counts in it.
func sentenceWordCounts(_ text: String) -> [(String, Int)] {
  let document = Document(path: "a.txt", text: text)
  let rule = SentenceWordCountRule(options: RuleOptions(values: [:]))
  let linter = Linter(rules: [ConfiguredRule(rule: rule, severity: .info)])
  return linter.lint(PlainTextFrontEnd.prose(of: document)).map { (document.text($0.range), Int($0.message)!) }
}

@Suite("The linter loop")
struct LinterTests {
  @Test func sentenceWordCountsCountWordsNotPunctuation() {
    let text = """
      Take 2.5 mg of paracetamol, e.g. Calpol, twice a day. Call 0300 123 4567 or visit https://www.nhs.uk/flu/!

      The A&E team at St Thomas’ Hospital (see nhs.uk) can help 😀 👩‍⚕️ – email first.last@nhs.net today.
      - Bring your letter — and a list of KPIs.
      """
    let counts = sentenceWordCounts(text)
    #expect(counts.map(\.0) == [
      "Take 2.5 mg of paracetamol, e.g. Calpol, twice a day.",
      "Call 0300 123 4567 or visit https://www.nhs.uk/flu/!",
      "The A&E team at St Thomas’ Hospital (see nhs.uk) can help 😀 👩‍⚕️ – email first.last@nhs.net today.",
      "Bring your letter — and a list of KPIs.",
    ])
    // Take 2.5 mg of paracetamol e.g. Calpol twice a day: 10. Call 0300… or visit https://…: 5.
    // The A&E team at St Thomas’ Hospital see nhs.uk can help email first.last@nhs.net today: 14.
    // Bring your letter and a list of KPIs: 8.
    #expect(counts.map(\.1) == [10, 5, 14, 8])
  }

  @Test func findingsComeBackAtSourceRangesInDocumentOrder() {
    let document = Document(path: "a.txt", text: "First one. Second one.\n\n- An item")
    let linter = Linter(rules: [
      ConfiguredRule(rule: BlockRule(options: RuleOptions(values: [:])), severity: .warning),
      ConfiguredRule(rule: SentenceWordCountRule(options: RuleOptions(values: [:])), severity: .info),
    ])
    let findings = linter.lint(PlainTextFrontEnd.prose(of: document))
    #expect(findings.map(\.range) == [0..<10, 0..<22, 11..<22, 26..<33, 26..<33])
    #expect(findings.map(\.rule) == [
      "sentence-word-count", "block", "sentence-word-count", "block", "sentence-word-count",
    ])
    #expect(findings.map(\.severity) == [.info, .warning, .info, .warning, .info])
    #expect(findings.map(\.message) == ["2", "paragraph", "2", "item", "2"])
  }

  @Test func findingsInExtractedProseMapBackToTheSource() {
    // The source "<p>Fish &amp; chips. Eat well.</p>" read as the prose "Fish & chips. Eat well."
    let source = Array("<p>Fish &amp; chips. Eat well.</p>".utf8)
    let proseBytes = Array("Fish & chips. Eat well.".utf8)
    var map = SourceMap.identity
    map.append(proseStart: 0, proseLength: 5, sourceStart: 3, sourceLength: 5)
    map.append(proseStart: 5, proseLength: 1, sourceStart: 8, sourceLength: 5)
    map.append(proseStart: 6, proseLength: 17, sourceStart: 13, sourceLength: 17)
    let prose = ProseText(
      format: "html", bytes: proseBytes, blocks: [ProseBlock(kind: .paragraph, range: 0..<23)], map: map)
    let linter = Linter(rules: [
      ConfiguredRule(rule: SentenceWordCountRule(options: RuleOptions(values: [:])), severity: .info)
    ])
    let findings = linter.lint(prose)
    let texts = findings.map { String(decoding: source[$0.range], as: UTF8.self) }
    #expect(texts == ["Fish &amp; chips.", "Eat well."])
    #expect(findings.map(\.message) == ["2", "2"])
    // And the positions a reporter shows, counted in the source file.
    let document = Document(path: "a.html", bytes: source)
    var converter = PositionConverter(document)
    #expect(findings.map { converter.location(at: $0.range.lowerBound).column } == [4, 22])
  }

  @Test func sentencesInALaterBlockHaveAbsoluteOffsets() {
    let text = "Café. Ŵyn 😀.\n\nSecond paragraph here. Done."
    let document = Document(path: "a.txt", text: text)
    let prose = PlainTextFrontEnd.prose(of: document)
    var tokens: [Token] = []
    var sentences: [Sentence] = []
    var found: [String] = []
    for block in prose.blocks {
      tokens.removeAll()
      Tokenizer.tokenize(prose.bytes, range: block.range, into: &tokens)
      sentences.removeAll()
      SentenceSplitter.split(prose.bytes, tokens: tokens, tokenRange: 0..<tokens.count, into: &sentences)
      for sentence in sentences {
        found.append(document.text(sentence.range))
        #expect(block.range.contains(sentence.range.lowerBound))
        #expect(sentence.range.upperBound <= block.range.upperBound)
        let first = tokens[sentence.tokens.lowerBound]
        let last = tokens[sentence.tokens.upperBound - 1]
        #expect(sentence.range == first.start..<last.end)
      }
    }
    #expect(found == ["Café.", "Ŵyn 😀.", "Second paragraph here.", "Done."])
  }
}

@Suite("Findings sorted in place")
struct FindingSortTests {
  /// The order the standard library's stable sort gives, which `Linter.sortByPosition` must give too.
  func stablySorted(_ findings: [Finding]) -> [Finding] {
    findings.sorted {
      ($0.range.lowerBound, $0.range.upperBound, $0.rule) < ($1.range.lowerBound, $1.range.upperBound, $1.rule)
    }
  }

  @Test(arguments: [0, 1, 2, 3, 17, 500, 5_000])
  func sortsAsAStableSortDoes(count: Int) {
    var random = SplitMix64(seed: UInt64(count) &+ 77)
    let rules = ["jargon", "long-sentence", "reading-age"]
    // Few positions and rules, so many findings tie on all three; the message tells them apart.
    var findings = (0..<count).map { index in
      let start = Int(random.next() % 40)
      return Finding(
        rule: rules[Int(random.next() % 3)], severity: .warning, message: "\(index)",
        range: start..<(start + Int(random.next() % 4)))
    }
    let expected = stablySorted(findings)
    Linter.sortByPosition(&findings)
    #expect(findings.map(\.message) == expected.map(\.message))
    #expect(findings.map(\.range) == expected.map(\.range))
  }

  @Test func sortedFindingsStayAsTheyAre() {
    let findings = (0..<100).map {
      Finding(rule: "jargon", severity: .warning, message: "\($0)", range: ($0 / 3)..<($0 / 3 + 1))
    }
    var sorted = findings
    Linter.sortByPosition(&sorted)
    #expect(sorted.map(\.message) == findings.map(\.message))
  }
}
