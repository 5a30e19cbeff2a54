import PlainLintCore
import PlainLintDictionaries
import PlainLintLexicon

/// A word worth naming in a message: a long one, with its syllables.
struct LongWord {
  /// Its bytes in the prose.
  var range: Range<Int>
  /// Its syllables.
  var syllables: Int
}

/// The sentence of a part with the most words, for messages.
struct LongestSentence {
  /// Its bytes in the prose.
  var range: Range<Int> = 0..<0
  /// Its words.
  var words = 0
}

/// What the readability rules know about a part of the document: a paragraph, a section or the whole.
struct PartFacts {
  /// The part's bytes in the prose.
  var range: Range<Int>
  /// For a section, the heading's text.
  var title = ""
  var counts = TextCounts()
  var longest = LongestSentence()
  /// Up to three of its longest words, longest first, each word once.
  var longWords: [(word: LongWord, text: [UInt8])] = []

  /// Takes in the counts and longest sentence and words of a part inside this one.
  mutating func add(_ part: PartFacts) {
    counts += part.counts
    range = range.isEmpty ? part.range : range.lowerBound..<max(range.upperBound, part.range.upperBound)
    if part.longest.words > longest.words { longest = part.longest }
    for word in part.longWords { offer(word.word, text: word.text) }
  }

  /// Whether `word` is longer (by syllables, then letters) than another.
  static func longer(_ a: LongWord, _ b: LongWord) -> Bool {
    (a.syllables, a.range.count) > (b.syllables, b.range.count)
  }

  /// Whether `word` is long enough to be among the three longest kept.
  func wouldKeep(_ word: LongWord) -> Bool {
    longWords.count < 3 || PartFacts.longer(word, longWords[2].word)
  }

  /// Keeps `word` if it is among the three longest (by syllables, then letters) and not already kept.
  mutating func offer(_ word: LongWord, text: [UInt8]) {
    let longer = PartFacts.longer
    guard wouldKeep(word), !longWords.contains(where: { $0.text == text }) else { return }
    if longWords.count == 3 { longWords.removeLast() }
    let position = longWords.firstIndex { longer(word, $0.word) } ?? longWords.count
    longWords.insert((word, text), at: position)
  }
}

/// One sentence's readability facts.
struct SentenceFacts {
  /// Its bytes in the prose.
  var range: Range<Int>
  var counts: TextCounts
  /// Where its hard words are in `ReadabilitySession.hardRanges`.
  var hard: Range<Int>
}

/// Counts words, syllables, letters and hard words, sentence by sentence, for the readability rules and the
/// document's metrics; found once per block and shared by every rule that needs them.
///
/// Word facts come from the word rules' session (each word's number in the lexicon, the terms it is part of)
/// and acronym facts from the acronym session, so a word is read once for all of them.
final class ReadabilitySession {
  let words: WordSession
  let acronyms: AcronymSession
  let dialect: Dialect
  /// Syllables by the word session's lexicon numbers (see `WordSession.syllables`).
  let syllableTable: SyllableTable
  private var blockRange: Range<Int> = -1 ..< -1

  /// The current block's sentences.
  private(set) var sentences: [SentenceFacts] = []
  /// The ranges of the current block's hard words, sentence after sentence.
  private(set) var hardRanges: [Range<Int>] = []
  /// The current block, as a part.
  private(set) var block = PartFacts(range: 0..<0)

  /// The whole document so far.
  private(set) var document = PartFacts(range: 0..<0)
  /// The section being read, once the document has had a heading.
  private(set) var section: PartFacts? = nil
  /// Sections that ended at the current block's heading (at most one) or at the end of the document.
  private(set) var endedSections: [PartFacts] = []
  /// The metrics of every paragraph and ended section so far.
  private(set) var metrics = DocumentMetrics()
  /// Acronyms explained so far, by key.
  private var explained: Set<String> = []
  private var finished = false
  /// Scratch space for a word's normalized bytes.
  private let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: ReadabilitySession.scratchSize)
  private static let scratchSize = 264

  init(document: DocumentState, dialect: Dialect, words projectWords: ProjectWords?) {
    words = WordSession.of(document, words: projectWords)
    acronyms = AcronymSession.of(document, words: projectWords)
    self.dialect = dialect
    syllableTable = words.syllables
  }

  deinit {
    scratch.deallocate()
  }

  /// The session of a document, made by the first rule that asks.
  static func of(_ document: DocumentState, dialect: Dialect, words: ProjectWords?) -> ReadabilitySession {
    document.shared(ReadabilitySession.self) { ReadabilitySession(document: document, dialect: dialect, words: words) }
  }

  /// The hard words of a sentence.
  func hardWords(of sentence: SentenceFacts) -> ArraySlice<Range<Int>> { hardRanges[sentence.hard] }

  /// Reads `block`, unless it has been read already.
  func analyze(_ context: BlockContext) {
    guard context.block.range != blockRange else { return }
    blockRange = context.block.range
    endedSections.removeAll(keepingCapacity: true)
    sentences.removeAll(keepingCapacity: true)
    hardRanges.removeAll(keepingCapacity: true)
    block = PartFacts(range: context.block.range)
    words.analyze(context)
    acronyms.analyze(context)
    context.text.withUnsafeBufferPointer { p in
      context.tokens.withUnsafeBufferPointer { t in
        words.units.withUnsafeBufferPointer { units in count(context, p, t, units) }
      }
    }
    switch context.block.kind {
    case .metadata:
      return  // page titles and image descriptions are not part of the running text
    case .heading:
      if let ended = section { endSection(ended) }
      section = PartFacts(range: block.range, title: context.string(context.block.range))
      section?.add(block)
    default:
      // Text before the first heading belongs to the document only.
      section?.add(block)
      if context.block.kind == .paragraph {
        metrics.paragraphs.append(PartMetrics(range: block.range, title: "", counts: block.counts))
      }
    }
    document.add(block)
  }

  /// Ends the document: the last section ends. Safe to call more than once.
  func finish() {
    guard !finished else { return }
    finished = true
    endedSections.removeAll()
    if let ended = section { endSection(ended) }
    section = nil
    metrics.document = document.counts
  }

  private func endSection(_ ended: PartFacts) {
    endedSections.append(ended)
    if ended.counts.words > 0 {
      metrics.sections.append(PartMetrics(range: ended.range, title: ended.title, counts: ended.counts))
    }
  }

  /// Counts the words of each sentence of the block, and finds its hard words. Works in locals and writes the
  /// session's properties once per block: a class's properties are checked for exclusive access on every use.
  private func count(
    _ context: BlockContext, _ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>,
    _ units: UnsafeBufferPointer<WordUnit>
  ) {
    let tokens = context.tokens
    let matches = words.matches
    let lexicon = words.lexicon
    let uses = acronyms.uses
    let matcher = words.matcher
    var part = block
    var hard = hardRanges
    var facts = sentences
    var nextMatch = 0
    var nextUncommonMatch = 0
    var nextUse = 0
    for (sentenceIndex, sentence) in context.sentences.enumerated() {
      var counts = TextCounts()
      let firstHard = hard.count
      let unitRange = words.sentenceUnits[sentenceIndex]
      var u = unitRange.lowerBound
      var firstWord = true
      for k in sentence.tokens {
        let token = t[k]
        guard token.kind == .word || token.kind == .acronym else { continue }
        counts.words += 1
        var syllables = 0
        var uncommon = false
        while u < unitRange.upperBound && Int(units[u].token) == k {
          let unit = units[u]
          let common = matcher.isCommon(unit)
          if token.kind == .word {
            syllables += wordSyllables(unit, p)
          } else {
            syllables += common ? wordSyllables(unit, p) : letterSyllables(unit, p)
          }
          // Most words are everyday words: the cheapest test first.
          if !common && !uncommon && words.isUncommon(u, p, tokens, nextMatch: &nextUncommonMatch) { uncommon = true }
          u += 1
        }
        // A word with no unit (only apostrophes, say) has one syllable.
        syllables = max(1, syllables)
        counts.syllables += syllables
        counts.letters += ReadabilitySession.letters(p, token.range)
        if syllables >= 3 {
          counts.polysyllables += 1
          if isComplex(token, syllables: syllables, firstWord: firstWord, p) { counts.complexWords += 1 }
          // Acronyms are read letter by letter: they are not what makes words long.
          let word = LongWord(range: token.range, syllables: syllables)
          if token.kind == .word && part.wouldKeep(word) { part.offer(word, text: lowercased(p, token.range)) }
        }
        // Hard: a term from the word lists (counted at its first word), an uncommon word, or an acronym the
        // reader has not had explained.
        while nextMatch < matches.count && matches[nextMatch].range.upperBound <= token.start { nextMatch += 1 }
        if nextMatch < matches.count, matches[nextMatch].range.lowerBound >= token.start,
          matches[nextMatch].range.lowerBound < token.end,
          let entry = matches[nextMatch].entry, isHard(lexicon.entryFacts[entry])
        {
          counts.hardWords += 1
          hard.append(matches[nextMatch].range)
        } else if uncommon {
          counts.hardWords += 1
          hard.append(token.range)
        } else if token.kind == .acronym {
          while nextUse < uses.count && uses[nextUse].range.lowerBound < token.start { nextUse += 1 }
          if nextUse < uses.count, uses[nextUse].range.lowerBound == token.start, needsExplaining(uses[nextUse]) {
            counts.hardWords += 1
            hard.append(token.range)
          }
        }
        firstWord = false
      }
      if counts.words > 0 {
        counts.sentences = 1
        if counts.words > part.longest.words {
          part.longest = LongestSentence(range: sentence.range, words: counts.words)
        }
      }
      part.counts += counts
      facts.append(SentenceFacts(range: sentence.range, counts: counts, hard: firstHard..<hard.count))
    }
    block = part
    hardRanges = hard
    sentences = facts
  }

  /// The letters of a word: ASCII letters and other characters, not apostrophes, hyphens or full stops.
  static func letters(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var letters = 0
    var i = range.lowerBound
    while i < range.upperBound {
      let byte = p[i]
      if (byte | 0x20) &- UInt8(ascii: "a") < 26 {
        letters += 1
      } else if byte >= 0xC0 {
        // The first byte of a character other than ASCII: a letter, unless it is a curly apostrophe.
        let apostrophe = byte == 0xE2 && i + 2 < range.upperBound && p[i + 1] == 0x80 && p[i + 2] | 1 == 0x99
        if !apostrophe { letters += 1 }
      }
      i += 1
    }
    return letters
  }

  /// Whether a word-list term makes text hard: jargon and wordy terms do; terms that are not person-centred
  /// are about respect, not difficulty.
  private func isHard(_ facts: Lexicon.EntryFacts) -> Bool {
    facts.category != .inclusive && facts.region.applies(to: dialect)
  }

  /// Whether an acronym needs explaining where it is used: it is not explained here or before, in the text or
  /// the markup.
  private func needsExplaining(_ use: AcronymUse) -> Bool {
    if use.isDefinition {
      explained.insert(use.key)
      return false
    }
    if let policy = use.policy, policy == .ok { return false }
    if explained.contains(use.key) { return false }
    return !acronyms.markupExplains(use)
  }

  /// Gunning's complex word: three or more syllables without an `-ed`, `-es` or `-ing` ending's own syllable,
  /// not a name, not hyphenated.
  private func isComplex(_ token: Token, syllables: Int, firstWord: Bool, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
    if token.kind == .acronym || (token.flags.contains(.capitalized) && !firstWord) { return false }
    var ending = 0
    for i in token.range {
      if p[i] == UInt8(ascii: "-") { return false }
    }
    let n = token.range.count
    func byte(_ back: Int) -> UInt8 { back <= n ? p[token.range.upperBound - back] | 0x20 : 0 }
    if byte(3) == UInt8(ascii: "i") && byte(2) == UInt8(ascii: "n") && byte(1) == UInt8(ascii: "g") {
      ending = 1
    } else if byte(2) == UInt8(ascii: "e") && byte(1) == UInt8(ascii: "d") {
      if byte(3) == UInt8(ascii: "t") || byte(3) == UInt8(ascii: "d") { ending = 1 }
    } else if byte(2) == UInt8(ascii: "e") && byte(1) == UInt8(ascii: "s") {
      let before = byte(3)
      if before == UInt8(ascii: "s") || before == UInt8(ascii: "x") || before == UInt8(ascii: "z")
        || before == UInt8(ascii: "c") || before == UInt8(ascii: "g")
        || (before == UInt8(ascii: "h") && (byte(4) == UInt8(ascii: "c") || byte(4) == UInt8(ascii: "s")))
      {
        ending = 1
      }
    }
    return syllables - ending >= 3
  }

  /// The bytes of a range in small letters, to tell words apart in messages.
  private func lowercased(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
    p[range].map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }
  }

  /// The syllables of a word unit: by its lexicon number when the word rules found it (one memory read), else
  /// from the pronouncing dictionary or the estimate.
  private func wordSyllables(_ unit: WordUnit, _ p: UnsafeBufferPointer<UInt8>) -> Int {
    if unit.word >= 0 { return syllableTable.count(wordID: unit.word, dialect: dialect) }
    let limit = ReadabilitySession.scratchSize
    let n = min(normalizeWord(p, unit.start..<unit.end, into: scratch, limit: limit), limit)
    return syllableTable.count(UnsafeBufferPointer(start: scratch, count: n), dialect: dialect)
  }

  /// The syllables of an acronym read letter by letter (NHS is three; W is three on its own). An acronym that
  /// is an everyday word in small letters (PALS, AIDS) is read as a word instead.
  private func letterSyllables(_ unit: WordUnit, _ p: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for i in unit.start..<unit.end {
      let byte = p[i] | 0x20
      if byte == UInt8(ascii: "w") { count += 3 } else if byte &- UInt8(ascii: "a") < 26 { count += 1 }
    }
    return count
  }
}
