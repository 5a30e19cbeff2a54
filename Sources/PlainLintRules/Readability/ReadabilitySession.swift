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

/// Up to three of a part's longest words (by syllables, then letters), longest first, each word once (words
/// are the same when their bytes are, in small letters). Kept in place rather than in an array, so making and
/// copying a part allocates nothing and counts no references.
struct LongWords: RandomAccessCollection {
  private var first = LongWord(range: 0..<0, syllables: 0)
  private var second = LongWord(range: 0..<0, syllables: 0)
  private var third = LongWord(range: 0..<0, syllables: 0)
  /// How many are kept.
  private(set) var count = 0

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  /// The word at `index`, longest first.
  subscript(index: Int) -> LongWord {
    get {
      switch index {
      case 0: return first
      case 1: return second
      default: return third
      }
    }
    set {
      switch index {
      case 0: first = newValue
      case 1: second = newValue
      default: third = newValue
      }
    }
  }

  /// Whether `a` is longer (by syllables, then letters) than `b`.
  static func longer(_ a: LongWord, _ b: LongWord) -> Bool {
    (a.syllables, a.range.count) > (b.syllables, b.range.count)
  }

  /// Whether `word` is long enough to be among the three kept.
  func wouldKeep(_ word: LongWord) -> Bool {
    count < 3 || LongWords.longer(word, third)
  }

  /// Keeps `word` (its bytes in `p`) if it is among the three longest and not already kept.
  mutating func offer(_ word: LongWord, _ p: UnsafeBufferPointer<UInt8>) {
    guard wouldKeep(word) else { return }
    for index in 0..<count where LongWords.sameWord(self[index].range, word.range, p) { return }
    if count == 3 { count = 2 }
    var position = count
    for index in 0..<count where LongWords.longer(word, self[index]) {
      position = index
      break
    }
    var index = count
    while index > position {
      self[index] = self[index - 1]
      index -= 1
    }
    self[position] = word
    count += 1
  }

  /// Whether the bytes of two ranges are the same in small letters.
  static func sameWord(_ a: Range<Int>, _ b: Range<Int>, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    for k in 0..<a.count where lowercased(p[a.lowerBound + k]) != lowercased(p[b.lowerBound + k]) { return false }
    return true
  }

  /// A byte with an ASCII capital made small.
  @inline(__always)
  static func lowercased(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }
}

/// What the readability rules know about a part of the document: a paragraph, a section or the whole.
struct PartFacts {
  /// The part's bytes in the prose.
  var range: Range<Int>
  /// For a section, the heading's bytes in the prose.
  var titleRange: Range<Int> = 0..<0
  var counts = TextCounts()
  var longest = LongestSentence()
  /// Up to three of its longest words.
  var longWords = LongWords()

  /// Takes in the counts and longest sentence and words of a part inside this one (the prose is `p`).
  mutating func add(_ part: PartFacts, _ p: UnsafeBufferPointer<UInt8>) {
    counts += part.counts
    range = range.isEmpty ? part.range : range.lowerBound..<max(range.upperBound, part.range.upperBound)
    if part.longest.words > longest.words { longest = part.longest }
    for word in part.longWords { longWords.offer(word, p) }
  }
}

/// One sentence's readability facts.
struct SentenceFacts {
  /// Its bytes in the prose.
  var range: Range<Int>
  var counts: TextCounts
  /// Where its hard words are in the session's `State.hardRanges` (see `ReadabilitySession.hardWords(of:)`).
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
  /// The document's prose, which every range points into.
  let text: [UInt8]
  /// What the session knows of the current block and of the document so far. One value, so that reading a
  /// block checks exclusive access to the class's properties once, not at every use of each.
  struct State {
    /// The block the facts are for.
    var blockRange: Range<Int> = -1 ..< -1
    /// The current block, as a part.
    var block = PartFacts(range: 0..<0)
    /// The whole document so far.
    var document = PartFacts(range: 0..<0)
    /// The section being read, once the document has had a heading.
    var section: PartFacts? = nil
    /// Sections that ended at the current block's heading (at most one) or at the end of the document.
    var endedSections: [PartFacts] = []
    /// The metrics of every paragraph and ended section so far.
    var metrics = DocumentMetrics()

    /// Ends a section (`text` is the prose).
    mutating func endSection(_ ended: PartFacts, _ text: [UInt8]) {
      endedSections.append(ended)
      if ended.counts.words > 0 {
        let title = String(decoding: text[ended.titleRange], as: UTF8.self)
        metrics.sections.append(PartMetrics(range: ended.range, title: title, counts: ended.counts))
      }
    }
  }
  /// (Not checked for exclusive access at run time: the session belongs to one document, read on one thread, and
  /// the check cost more than the reading at every block.)
  @exclusivity(unchecked) private var state = State()

  /// The current block's sentences.
  private let sentenceStore = ReusableBuffer<SentenceFacts>(capacity: 64)
  /// The ranges of the current block's hard words, sentence after sentence.
  private let hardStore = ReusableBuffer<Range<Int>>(capacity: 64)
  // (Kept in reusable buffers, not arrays: the rules read them at every block, and reading an array kept in a
  // class retains and releases it.)
  /// The current block's sentences; valid until the next block is read.
  var sentences: UnsafeBufferPointer<SentenceFacts> { sentenceStore.buffer }
  /// The current block, as a part.
  var block: PartFacts { state.block }
  /// The current block's counts (without copying the rest of its facts).
  var blockCounts: TextCounts { state.block.counts }
  /// The whole document so far.
  var document: PartFacts { state.document }
  /// The section being read, once the document has had a heading.
  var section: PartFacts? { state.section }
  /// Sections that ended at the current block's heading (at most one) or at the end of the document.
  var endedSections: [PartFacts] { state.endedSections }
  /// The metrics of every paragraph and ended section so far.
  var metrics: DocumentMetrics { state.metrics }
  /// The metrics, handed over: the session keeps none (see `MetricsChecker.takeMetrics`).
  func takeMetrics() -> DocumentMetrics {
    var taken = DocumentMetrics()
    swap(&taken, &state.metrics)
    return taken
  }
  /// Acronyms explained so far, by key.
  @exclusivity(unchecked) private var explained: Set<String> = []
  private var finished = false
  /// Scratch space for a word's normalized bytes.
  private let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: ReadabilitySession.scratchSize)
  private static let scratchSize = 264
  /// The syllables of words the lexicon does not have, lately counted (see `UnknownWord`).
  private let unknownWords: UnsafeMutablePointer<UnknownWord> = {
    let slots = UnsafeMutablePointer<UnknownWord>.allocate(capacity: 1 << UnknownWord.slotBits)
    slots.initialize(repeating: UnknownWord(), count: 1 << UnknownWord.slotBits)
    return slots
  }()

  /// A word the lexicon does not have, normalized, with its syllables. Names and rare words come back again
  /// and again in a document, and counting one afresh (the pronouncing table's probe, often the estimate)
  /// takes about 1,000 instructions; this cache of the last word in each of its slots takes about 30. A word
  /// of up to 24 bytes is its three chunks (zero bytes after the word) and its length.
  private struct UnknownWord {
    static let longest = 24
    static let slotBits = 9
    var chunk0: UInt64 = 0
    var chunk1: UInt64 = 0
    var chunk2: UInt64 = 0
    /// -1 for an empty slot.
    var length = -1
    var syllables = 0
  }

  init(document: DocumentState, dialect: Dialect, words projectWords: ProjectWords?) {
    words = WordSession.of(document, words: projectWords)
    acronyms = AcronymSession.of(document, words: projectWords)
    self.dialect = dialect
    syllableTable = words.syllables
    text = document.prose.bytes
  }

  deinit {
    scratch.deallocate()
    unknownWords.deallocate()
  }

  /// The session of a document, made by the first rule that asks.
  static func of(_ document: DocumentState, dialect: Dialect, words: ProjectWords?) -> ReadabilitySession {
    document.shared(ReadabilitySession.self) { ReadabilitySession(document: document, dialect: dialect, words: words) }
  }

  /// The hard words of a sentence.
  func hardWords(of sentence: SentenceFacts) -> Slice<UnsafeBufferPointer<Range<Int>>> {
    hardStore.buffer[sentence.hard]
  }

  /// Reads `block`, unless it has been read already.
  func analyze(_ context: BlockContext) {
    guard context.block.range != state.blockRange else { return }
    words.analyze(context)
    acronyms.analyze(context)
    analyze(context, &state)
  }

  /// Reads `block` into `state` (the session's, taken once).
  private func analyze(_ context: BlockContext, _ state: inout State) {
    state.blockRange = context.block.range
    // (`empty()` rather than `removeAll(keepingCapacity:)`: a block has few sentences and rarely an ended section.)
    state.endedSections.empty()
    sentenceStore.removeAll()
    hardStore.removeAll()
    // The block's facts are counted in place: a part is some 200 bytes, and copying it costs more than counting
    // a short block.
    state.block = PartFacts(range: context.block.range)
    let units = words.units
    let matches = words.matches
    let sentenceUnits = words.sentenceUnits
    let kind = context.block.kind
    context.text.withUnsafeBufferPointer { p in
      context.tokens.withUnsafeBufferPointer { t in
        count(context, p, t, units, matches, sentenceUnits, into: &state.block, sentenceStore, hardStore)
      }
      switch kind {
      case .metadata:
        return  // page titles and image descriptions are not part of the running text
      case .heading:
        if let ended = state.section { state.endSection(ended, text) }
        var started = PartFacts(range: state.block.range, titleRange: state.block.range)
        started.add(state.block, p)
        state.section = started
      default:
        // Text before the first heading belongs to the document only.
        if state.section != nil { state.section!.add(state.block, p) }
        if kind == .paragraph {
          state.metrics.paragraphs.append(
            PartMetrics(range: state.block.range, title: "", counts: state.block.counts))
        }
      }
      state.document.add(state.block, p)
    }
  }

  /// Ends the document: the last section ends. Safe to call more than once.
  func finish() {
    guard !finished else { return }
    finished = true
    state.endedSections.removeAll()
    if let ended = state.section { state.endSection(ended, text) }
    state.section = nil
    state.metrics.document = state.document.counts
  }

  /// Counts the words of each sentence of the block, and finds its hard words, into `part`, `facts` and `hard`.
  /// `units`, `matches` and `sentenceUnits` are the word session's for the block.
  ///
  /// The loop is kept small for the common case, an everyday word of one unit (counters with `&+=`: none
  /// can come near overflowing); rarer cases are in functions of their own, so the loop's values stay in
  /// registers.
  @inline(__always) private func count(
    _ context: BlockContext, _ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>,
    _ units: UnsafeBufferPointer<WordUnit>, _ matches: UnsafeBufferPointer<WordMatch>,
    _ sentenceUnits: UnsafeBufferPointer<Range<Int>>, into part: inout PartFacts,
    _ facts: ReusableBuffer<SentenceFacts>, _ hard: ReusableBuffer<Range<Int>>
  ) {
    // (The number, not the matcher: a reference kept in a local is retained and released at every block.)
    let everydayCount = words.matcher.everydayCount
    let table = syllableTable
    let dialect = dialect
    /// Where the dialect's count is in a unit's packed syllables.
    let shift: UInt8 = dialect == .uk ? 0 : 4
    var nextMatch = 0
    /// Where `matches[nextMatch]` starts (no later match starts before it), or `Int.max` after the last.
    var matchStart = matches.isEmpty ? Int.max : matches[0].range.lowerBound
    var nextUncommonMatch = 0
    var nextUse = 0
    var sentenceIndex = 0
    // (By index: a slice of the sentences would be retained and released at every block.)
    for sentenceNumber in context.sentenceRange {
      let sentence = context.allSentences[sentenceNumber]
      var counts = TextCounts()
      let firstHard = hard.count
      let unitRange = sentenceUnits[sentenceIndex]
      sentenceIndex &+= 1
      // The sentence's words are walked by their units: every word and acronym token has at least one (a token
      // starts with a letter, and a unit is each part between hyphens), and a token's units are side by side.
      var u = unitRange.lowerBound
      let unitsEnd = unitRange.upperBound
      var firstWord = true
      while u < unitsEnd {
        // The commonest words first, in a few instructions each: one unit read in place, an everyday word whose
        // syllables (fewer than three) the unit carries, with no term starting in it. It is not hard and not
        // long, and its letters are its length. A run of them is counted in a loop of its own, which keeps its
        // counts in registers.
        var everydayWords = 0
        var everydaySyllables = 0
        var everydayLetters = 0
        while u < unitsEnd {
          let unit = units[u]
          let carried = unit.syllables(shift: shift)
          guard unit.isEveryday && UInt(bitPattern: carried &- 1) < 2 && unit.end <= matchStart else { break }
          everydayWords &+= 1
          everydaySyllables &+= carried
          everydayLetters &+= unit.end &- unit.start
          u &+= 1
        }
        if everydayWords > 0 {
          counts.words &+= everydayWords
          counts.syllables &+= everydaySyllables
          counts.letters &+= everydayLetters
          firstWord = false
        }
        guard u < unitsEnd else { break }
        let first = units[u]
        counts.words &+= 1
        let k = Int(first.token)
        let token = t[k]
        var syllables = 0
        var uncommon = false
        // A word read in place is one unit of ASCII letters: its letters are its length.
        let letters = first.isLetters ? token.end &- token.start : ReadabilitySession.letters(p, token.range)
        while u < unitsEnd {
          let unit = units[u]
          guard Int(unit.token) == k else { break }
          if WordMatcher.isCommon(unit.word, everydayCount: everydayCount) {
            // An everyday word, read as a word even when written in capitals: its syllables are in the unit when
            // it was read in place (most are), else in the table.
            let carried = unit.syllables(shift: shift)
            syllables &+= carried != 0 ? carried : table.count(wordID: unit.word, dialect: dialect)
          } else {
            syllables &+= otherUnit(
              u, token, units, matches, p, t, uncommon: &uncommon, nextMatch: &nextUncommonMatch)
          }
          u &+= 1
        }
        // A word whose units give no syllables (only apostrophes, say) has one.
        syllables = max(1, syllables)
        counts.syllables &+= syllables
        counts.letters &+= letters
        if syllables >= 3 { longWord(token, syllables: syllables, firstWord: firstWord, p, &counts, &part) }
        // Hard: a term from the word lists (counted at its first word), an uncommon word, or an acronym the
        // reader has not had explained.
        while nextMatch < matches.count && matches[nextMatch].range.upperBound <= token.start { nextMatch &+= 1 }
        matchStart = nextMatch < matches.count ? matches[nextMatch].range.lowerBound : Int.max
        if nextMatch < matches.count && matches[nextMatch].range.lowerBound < token.end
          && matches[nextMatch].range.lowerBound >= token.start, hardMatch(matches[nextMatch])
        {
          counts.hardWords &+= 1
          hard.append(matches[nextMatch].range)
        } else if uncommon {
          counts.hardWords &+= 1
          hard.append(token.range)
        } else if token.kind == .acronym && hardAcronym(token, nextUse: &nextUse) {
          counts.hardWords &+= 1
          hard.append(token.range)
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
  }

  /// The syllables of unit `u` of `token` when it is not an everyday word, and whether it is uncommon (once
  /// `uncommon` is set for the token, it is not asked again).
  @inline(never)
  private func otherUnit(
    _ u: Int, _ token: Token, _ units: UnsafeBufferPointer<WordUnit>, _ matches: UnsafeBufferPointer<WordMatch>,
    _ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, uncommon: inout Bool, nextMatch: inout Int
  ) -> Int {
    let unit = units[u]
    // An acronym is read letter by letter, unless it is an everyday word.
    let syllables =
      token.kind != .word
      ? letterSyllables(unit, p)
      : unit.word >= 0 ? syllableTable.count(wordID: unit.word, dialect: dialect) : unknownSyllables(unit, p)
    if !uncommon
      && WordSession.isUncommon(u, units: units, matches: matches, p, t, matcher: words.matcher, nextMatch: &nextMatch)
    {
      uncommon = true
    }
    return syllables
  }

  /// Counts a word of three or more syllables: a polysyllable, perhaps a complex word, perhaps one of the
  /// part's longest.
  @inline(never)
  private func longWord(
    _ token: Token, syllables: Int, firstWord: Bool, _ p: UnsafeBufferPointer<UInt8>, _ counts: inout TextCounts,
    _ part: inout PartFacts
  ) {
    counts.polysyllables += 1
    if isComplex(token, syllables: syllables, firstWord: firstWord, p) { counts.complexWords += 1 }
    // Acronyms are read letter by letter: they are not what makes words long.
    guard token.kind == .word else { return }
    // Most long words are shorter than the three kept by now: one comparison turns them away.
    let word = LongWord(range: token.range, syllables: syllables)
    if part.longWords.wouldKeep(word) { part.longWords.offer(word, p) }
  }

  /// Whether a match is a term that makes text hard (not an exception).
  @inline(never)
  private func hardMatch(_ match: WordMatch) -> Bool {
    guard let entry = match.entry else { return false }
    return isHard(words.lexicon.entryFacts[entry])
  }

  /// Whether an acronym token needs explaining here; `nextUse` is the caller's place in the acronym uses.
  @inline(never)
  private func hardAcronym(_ token: Token, nextUse: inout Int) -> Bool {
    let uses = acronyms.uses
    while nextUse < uses.count && uses[nextUse].range.lowerBound < token.start { nextUse += 1 }
    return nextUse < uses.count && uses[nextUse].range.lowerBound == token.start && needsExplaining(uses[nextUse])
  }

  /// The letters of a word: ASCII letters and other characters, not apostrophes, hyphens or full stops.
  @inline(__always)
  static func letters(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    // A word of ASCII up to 16 bytes (nearly every word) is read as two 8-byte chunks and its letters counted
    // in registers: a byte is a letter when, with the capital bit set, it is from `a` to `z`.
    let count = range.count
    if count <= 16 && range.lowerBound <= p.count &- 16 {
      let word = UnsafeRawPointer(p.baseAddress! + range.lowerBound)
      let high: UInt64 = 0x8080_8080_8080_8080
      let mask0 = count >= 8 ? UInt64.max : UInt64.max &>> ((8 &- count) &* 8)
      let mask1 = count <= 8 ? 0 : UInt64.max &>> ((16 &- count) &* 8)
      let raw0 = word.loadUnaligned(as: UInt64.self) & mask0
      let raw1 = word.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & mask1
      if (raw0 | raw1) & high == 0 {
        /// A 1 in the lowest bit of each byte that is a letter.
        @inline(__always) func letters(_ raw: UInt64, _ mask: UInt64) -> UInt64 {
          let chunk = (raw | 0x2020_2020_2020_2020) & mask
          // The high bit of each byte from `a` (0x61) up and below `{` (0x7B); no carry crosses a byte.
          return ((chunk &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(chunk &+ 0x0505_0505_0505_0505) & high) &>> 7
        }
        // Adding the bytes (at most 16) by one multiplication: the sum ends up in the top byte.
        return Int(((letters(raw0, mask0) &+ letters(raw1, mask1)) &* 0x0101_0101_0101_0101) &>> 56)
      }
    }
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

  /// The syllables of a word unit the lexicon does not have: from the pronouncing dictionary or the estimate,
  /// through `unknownWords`.
  private func unknownSyllables(_ unit: WordUnit, _ p: UnsafeBufferPointer<UInt8>) -> Int {
    let limit = ReadabilitySession.scratchSize
    let n = min(normalizeWord(p, unit.start..<unit.end, into: scratch, limit: limit), limit)
    guard n <= UnknownWord.longest else {
      return syllableTable.count(UnsafeBufferPointer(start: scratch, count: n), dialect: dialect)
    }
    (scratch + n).initialize(repeating: 0, count: UnknownWord.longest - n)
    let raw = UnsafeRawPointer(scratch)
    let chunk0 = raw.loadUnaligned(as: UInt64.self)
    let chunk1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    let chunk2 = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
    let mixed = (chunk0 &* 0x9E37_79B9_7F4A_7C15) ^ (chunk1 &* 0xBF58_476D_1CE4_E5B9) ^ chunk2 ^ UInt64(n)
    let hash = mixed &* 0x94D0_49BB_1331_11EB
    let entry = unknownWords + Int(truncatingIfNeeded: hash >> UInt64(64 - UnknownWord.slotBits))
    if entry.pointee.length != n || entry.pointee.chunk0 != chunk0 || entry.pointee.chunk1 != chunk1
      || entry.pointee.chunk2 != chunk2
    {
      let syllables = syllableTable.count(UnsafeBufferPointer(start: scratch, count: n), dialect: dialect)
      entry.pointee = UnknownWord(chunk0: chunk0, chunk1: chunk1, chunk2: chunk2, length: n, syllables: syllables)
    }
    return entry.pointee.syllables
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
