import PlainLintCore
import PlainLintDictionaries
import PlainLintLexicon

/// The word matches of the block being checked, found once and shared by every word rule of a document.
///
/// The linter asks each rule about each block in turn; the first word rule to ask finds the block's units and
/// matches, and the others reuse them. One pass means one finding per word: the longest term wins, whichever
/// rule owns it.
final class WordSession {
  let matcher: WordMatcher
  // The fields are not checked for exclusive access at run time: a session belongs to one document, read on one
  // thread, and the checks cost more than finding a short block's matches.
  /// The block the units and matches are for.
  @exclusivity(unchecked) private var blockRange: Range<Int> = -1 ..< -1
  /// Where the units of the block's sentences are kept, sentence after sentence.
  private let unitStore = WordUnits()
  /// Where the ranges of the sentences' units are kept.
  private let sentenceUnitStore = ReusableBuffer<Range<Int>>(capacity: 64)
  /// Where the matches are kept.
  private let matchStore = ReusableBuffer<WordMatch>(capacity: 64)
  // (Kept in reusable buffers, not arrays: the rules read them at every block, and reading an array kept in a
  // class retains and releases it.)
  /// The units of the block's sentences, sentence after sentence; valid until the next block is analyzed.
  var units: UnsafeBufferPointer<WordUnit> { unitStore.buffer }
  /// Where each sentence's units are in `units`, in the order of the block's sentences; valid until the next
  /// block is analyzed.
  var sentenceUnits: UnsafeBufferPointer<Range<Int>> { sentenceUnitStore.buffer }
  /// The matches, in text order; valid until the next block is analyzed.
  var matches: UnsafeBufferPointer<WordMatch> { matchStore.buffer }

  /// The syllables of the lexicon's words by number, for the readability rules.
  let syllables: SyllableTable
  /// The project's words the lexicon is from, kept so the memory `syllables` reads lives as long as the session.
  private let projectWords: ProjectWords?

  /// A session with the built-in lexicon, or that of a project's words.
  init(words: ProjectWords?) {
    projectWords = words
    if let words {
      syllables = words.syllables
      matcher = WordMatcher(lexicon: words.lexicon, syllables: syllables)
    } else {
      syllables = BuiltInDictionaries.syllables
      matcher = WordMatcher(lexicon: BuiltInDictionaries.lexicon, syllables: syllables)
    }
  }

  var lexicon: Lexicon { matcher.lexicon }

  /// The session of a document, made by the first word rule that asks, with the lexicon of the project's words
  /// (every rule of a configuration has the same) or the built-in one.
  static func of(_ document: DocumentState, words: ProjectWords?) -> WordSession {
    document.shared(WordSession.self) { WordSession(words: words) }
  }

  /// Finds the units and matches of `block`, unless they are already found.
  func analyze(_ block: BlockContext) {
    guard block.block.range != blockRange else { return }
    blockRange = block.block.range
    let units = unitStore
    let sentenceUnits = sentenceUnitStore
    let matches = matchStore
    units.removeAll()
    sentenceUnits.removeAll()
    matches.removeAll()
    block.text.withUnsafeBufferPointer { p in
      block.tokens.withUnsafeBufferPointer { t in
        // (By index: a slice of the sentences would be retained and released at every block.)
        for sentenceNumber in block.sentenceRange {
          let sentence = block.allSentences[sentenceNumber]
          let first = units.count
          matcher.units(p, tokens: t, range: sentence.tokens, into: units)
          sentenceUnits.append(first..<units.count)
          matcher.match(units.buffer, range: first..<units.count, into: matches)
        }
      }
    }
  }
}

extension WordSession {
  /// Whether unit `index` of a block is a word outside everyday English that no word list has: not matched,
  /// not an everyday word, at least `minLetters` long, and in small ASCII letters (names, codes and borrowed
  /// words with accents are left alone). A part of a hyphenated word whose whole is everyday (co-ordinator) is
  /// not uncommon. `units` and `matches` are the session's for the block, `tokens` the block's; `nextMatch` is
  /// the caller's place in `matches`: ask about units in text order.
  static func isUncommon(
    _ index: Int, units: UnsafeBufferPointer<WordUnit>, matches: UnsafeBufferPointer<WordMatch>,
    _ p: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>, matcher: WordMatcher,
    minLetters: Int = 4, nextMatch: inout Int
  ) -> Bool {
    let unit = units[index]
    // Most words are everyday words: the cheapest test first.
    guard !matcher.isCommon(unit), unit.end - unit.start >= minLetters else { return false }
    // Words a match covers (a term or an exception) are for the word lists.
    while nextMatch < matches.count && matches[nextMatch].units.upperBound <= index { nextMatch += 1 }
    if nextMatch < matches.count && matches[nextMatch].units.contains(index) { return false }
    let token = tokens[Int(unit.token)]
    guard token.kind == .word, !token.flags.contains(.capitalized) else { return false }
    for i in unit.start..<unit.end where p[i] &- UInt8(ascii: "a") >= 26 && p[i] != UInt8(ascii: "'") {
      return false
    }
    return token.range == unit.start..<unit.end || !matcher.isCommonJoined(p, token.range)
  }
}

/// How a suggestion is written to fit the text it replaces: capitals for capitals.
func matchCapitals(_ replacement: String, to original: String) -> String {
  guard let first = original.unicodeScalars.first, first.properties.isUppercase, !replacement.isEmpty else {
    return replacement
  }
  let letters = original.unicodeScalars.filter { $0.properties.isAlphabetic }
  if letters.count > 1 && letters.allSatisfy({ $0.properties.isUppercase }) { return replacement.uppercased() }
  return capitalizingFirst(replacement)
}

/// The text with its first letter a capital, for the start of a sentence.
func capitalizingFirst(_ text: String) -> String {
  text.prefix(1).uppercased() + text.dropFirst()
}

/// A list of quoted alternatives for a message: “a”, “b” or “c”.
func quotedList(_ items: [String], conjunction: String = "or") -> String {
  let quoted = items.map { "“\($0)”" }
  switch quoted.count {
  case 0: return ""
  case 1: return quoted[0]
  default: return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + quoted.last!
  }
}

extension Array {
  /// Removes every element and keeps the memory, as `removeAll(keepingCapacity: true)` does, but cheaply for
  /// the few elements a block has: that call replaces a range, which costs a hundred instructions or so even
  /// for one element or none.
  @inline(__always)
  mutating func empty() {
    if count > 16 {
      removeAll(keepingCapacity: true)
    } else {
      while !isEmpty { removeLast() }
    }
  }
}
