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
  let words: ProjectWords?

  public init(options: RuleOptions) {
    minLetters = options.integer("min-letters")
    words = options.words
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    Checker(session: WordSession.of(document, words: words), minLetters: minLetters)
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
      // (The number, not the matcher: a reference kept in a local is retained and released at every block.)
      let everydayCount = session.matcher.everydayCount
      let minLetters = minLetters
      // Matches are in text order: the next one that may cover a unit.
      var nextMatch = 0
      block.text.withUnsafeBufferPointer { p in
        block.tokens.withUnsafeBufferPointer { t in
          // Most words are everyday words, or short: the first test of `isUncommon` is made here, so that they
          // cost no call.
          for index in 0..<units.count
          where !WordMatcher.isCommon(units[index].word, everydayCount: everydayCount)
            && units[index].end &- units[index].start >= minLetters
            && WordSession.isUncommon(
              index, units: units, matches: matches, p, t, matcher: session.matcher, minLetters: minLetters,
              nextMatch: &nextMatch)
          {
            let unit = units[index]
            let text = block.string(unit.start..<unit.end)
            guard seen.insert(text).inserted else { continue }
            report.report(
              unit.start..<unit.end,
              message: "“\(text)” is not an everyday word; explain what it means, or use a more familiar word.")
          }
        }
      }
    }
  }
}
