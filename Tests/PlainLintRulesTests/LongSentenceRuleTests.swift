import PlainLintCore
import Testing

@testable import PlainLintRules

@Suite("long-sentence")
struct LongSentenceRuleTests {
  func lint(_ text: String, _ options: [String: RuleOptionValue] = [:]) throws -> [Finding] {
    try findings(of: LongSentenceRule.self, in: text, options: options)
  }

  /// A sentence of exactly `n` words.
  func sentence(words n: Int) -> String {
    (1...n).map { $0 == 1 ? "Word" : "word" }.joined(separator: " ") + "."
  }

  @Test func theLimitItselfIsAllowed() throws {
    #expect(try lint(sentence(words: 25)).isEmpty)
    #expect(try lint(sentence(words: 26)).count == 1)
  }

  @Test func messageGivesTheCountTheLimitAndWhatToDo() throws {
    let finding = try #require(try lint(sentence(words: 31)).first)
    #expect(finding.message.contains("31 words"))
    #expect(finding.message.contains("limit is 25"))
    #expect(finding.message.contains("Split"))
    #expect(finding.severity == .warning)
    #expect(finding.rule == "long-sentence")
  }

  @Test func numbersCountAndPunctuationDoesNot() throws {
    // A reader counts 25 words here: each number is one word (the phone number is one), and no punctuation
    // mark, dash or bracket is a word.
    let text = "Call 0300 123 4567, 9am – 5pm, on days 1, 2 and 3; ask for Ward 10 (the “blue” ward) — they "
      + "will help you with this, … thank you!"
    #expect(try lint(text).isEmpty)
    #expect(try lint(text, ["max-words": .integer(25)]).isEmpty)
    let finding = try #require(try lint(text, ["max-words": .integer(24)]).first)
    #expect(finding.message.contains("25 words"))
  }

  /// Messages are kept by word count and shared by one rule's checkers on every document (and on several
  /// threads): each document still gets the message for its own counts, including counts past the ones a checker
  /// keeps for itself.
  @Test func messagesKeptAcrossDocumentsStillNameEachSentencesCount() async throws {
    let resolved = try LongSentenceRule.description.resolveOptions(["max-words": .integer(10)])
    let linter = Linter(rules: [ConfiguredRule(rule: LongSentenceRule(options: resolved), severity: .warning)])
    let counts = [11, 40, 11, 1_500, 12, 40, 1_500, 11]
    func messages(_ counts: [Int]) -> [String] {
      let text = counts.map { sentence(words: $0) }.joined(separator: " ")
      return linter.lint(PlainTextFrontEnd.prose(of: Document(path: "a.txt", text: text))).map(\.message)
    }
    let expected = counts.map { "This sentence has \($0) words" }
    for round in 0..<3 {
      let found = messages(round == 1 ? counts.reversed() : counts)
      #expect(found.map { String($0.prefix { $0 != ";" }) } == (round == 1 ? expected.reversed() : expected))
      #expect(found.allSatisfy { $0.contains("the limit is 10.") })
    }
    let parallel = await withTaskGroup(of: [String].self) { group in
      for shift in 0..<8 {
        group.addTask { messages(Array(counts[shift...] + counts[..<shift])) }
      }
      return await group.reduce(into: [[String]]()) { $0.append($1) }
    }
    #expect(parallel.count == 8)
    #expect(parallel.allSatisfy { Set($0.map { $0.prefix { $0 != ";" } }) == Set(expected.map { Substring($0) }) })
  }

  @Test func theFindingSpansTheWholeSentenceAcrossLines() throws {
    let text = "Short.\nThe\n" + (1...30).map { "w\($0)" }.joined(separator: "\n") + ".\nNext one."
    let finding = try #require(try lint(text).first)
    let document = Document(path: "x.txt", text: text)
    #expect(document.text(finding.range).hasPrefix("The\nw1\nw2"))
    #expect(document.text(finding.range).hasSuffix("w30."))
  }

  @Test func optionsAreChecked() {
    #expect(throws: RuleOptionError.outOfRange(rule: "long-sentence", option: "max-words", value: 2, range: 5...200)) {
      try LongSentenceRule.description.resolveOptions(["max-words": .integer(2)])
    }
    #expect(throws: RuleOptionError.unknownOption(rule: "long-sentence", option: "max-word", suggestion: "max-words")) {
      try LongSentenceRule.description.resolveOptions(["max-word": .integer(20)])
    }
    #expect(throws: RuleOptionError.wrongType(rule: "long-sentence", option: "max-words", value: "many", expected: "a whole number")) {
      try LongSentenceRule.description.resolveOptions(["max-words": .string("many")])
    }
    #expect((try? LongSentenceRule.description.resolveOptions(["max-words": .string("30")]))?.integer("max-words") == 30)
  }

  @Test func unknownRulesSuggestTheNearest() {
    #expect(throws: RuleOptionError.unknownRule("long-sentance", suggestion: "long-sentence")) {
      try BuiltInRules.configured(options: ["long-sentance": ["max-words": .integer(3)]])
    }
  }
}
