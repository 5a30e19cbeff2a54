import PlainLintCore
import PlainLintDictionaries
import PlainLintLexicon

/// Flags words outside everyday vocabulary that no word list knows, the first time each is used.
public struct UncommonWordRule: Rule {
  public static let description = RuleDescription(
    identifier: "uncommon-word",
    name: "Uncommon word",
    summary: "Words outside everyday English that no word list has an alternative for (first use only).",
    rationale: """
      A word most readers have never seen stops them, even when no plainer word exists. plainlint knows about \
      40,000 everyday English words (from SCOWL); a word outside them and outside its word lists is flagged \
      the first time it is used, so you can explain it or choose a more familiar word. Names (words with a \
      capital letter) and acronyms are left alone.
      """,
    defaultSeverity: .info,
    options: [
      RuleOptionDescription(
        name: "min-letters", summary: "Shorter words are never flagged.", defaultValue: .integer(4),
        allowedRange: 1...30)
    ],
    triggeringExamples: [
      RuleExample("Her «lassitude» was «perspicacious» of the nurse to notice."),
      RuleExample("It can cause «lassitude», so rest when you can. Lassitude passes."),
    ],
    nonTriggeringExamples: [
      RuleExample("The results were not clear."),
      RuleExample("Dr Okonkwo will see you at Addenbrooke's."),
      RuleExample("You may have some oedema."),
      RuleExample("Call 0300 123 4567 or visit www.nhs.uk/conditions."),
      RuleExample("Ask the clinic co-ordinator."),
    ]
  )

  let minLetters: Int

  public init(options: RuleOptions) {
    minLetters = options.integer("min-letters")
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    Checker(session: WordSession.of(document), minLetters: minLetters)
  }

  final class Checker: RuleChecker {
    let session: WordSession
    let minLetters: Int
    /// Words already flagged in this document (small ASCII letters, so equal strings are equal bytes).
    var seen: Set<String> = []

    init(session: WordSession, minLetters: Int) {
      self.session = session
      self.minLetters = minLetters
    }

    var checksSentences: Bool { false }

    func check(block: BlockContext, report: inout FindingSink) {
      session.analyze(block)
      let units = session.units
      let matches = session.matches
      // Matches are in text order: the next one that may cover a unit.
      var nextMatch = 0
      block.text.withUnsafeBufferPointer { p in
        for index in units.indices {
          let unit = units[index]
          // Most words are everyday words: the cheapest test first.
          guard !session.matcher.isCommon(unit), unit.end - unit.start >= minLetters else { continue }
          // Words a match covers (a term or an exception) are for the word lists.
          while nextMatch < matches.count && matches[nextMatch].units.upperBound <= index { nextMatch += 1 }
          if nextMatch < matches.count && matches[nextMatch].units.contains(index) { continue }
          let token = block.tokens[Int(unit.token)]
          guard token.kind == .word, !token.flags.contains(.capitalized), isPlainLowercaseWord(p, unit.start..<unit.end)
          else { continue }
          // A part of a hyphenated word: the whole word may be everyday (co-ordinator).
          if token.range != unit.start..<unit.end && session.matcher.isCommonJoined(p, token.range) { continue }
          let text = block.string(unit.start..<unit.end)
          guard seen.insert(text).inserted else { continue }
          report.report(
            unit.start..<unit.end,
            message: "“\(text)” is not an everyday word; explain what it means, or use a more familiar word.")
        }
      }
    }

    /// Small ASCII letters only, with at most an apostrophe: other words (with digits, capitals inside,
    /// accents) are names, codes or borrowed words this rule cannot judge.
    func isPlainLowercaseWord(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
      for i in range {
        let byte = p[i]
        if byte &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "'") { continue }
        return false
      }
      return true
    }
  }
}
