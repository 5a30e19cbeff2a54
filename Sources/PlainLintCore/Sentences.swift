/// A sentence: its byte range in the prose, the range of its tokens, and how many words a reader counts in it.
public struct Sentence: Hashable, Sendable {
  /// From the start of its first token to the end of its last (closing punctuation included).
  public var range: Range<Int>
  /// Indices of its tokens in the block's token array.
  public var tokens: Range<Int>
  /// Words as a reader counts them: words, acronyms, numbers and addresses; never punctuation or symbols.
  public var wordCount: Int

  /// Creates a sentence.
  public init(range: Range<Int>, tokens: Range<Int>, wordCount: Int) {
    self.range = range
    self.tokens = tokens
    self.wordCount = wordCount
  }
}

/// Splits the tokens of one block into sentences.
///
/// A sentence ends at `.`, `?`, `!` or an ellipsis followed by white space, after any closing quotes and
/// brackets, unless what comes before and after shows the full stop belongs to an abbreviation (Dr, e.g.,
/// approx. 5, No. 3), an initial (J. Smith), or a sentence that goes on in small letters. The end of a block
/// always ends a sentence.
public enum SentenceSplitter {
  /// Appends the sentences of `tokens[tokenRange]` to `sentences`.
  public static func split(
    _ bytes: [UInt8], tokens: [Token], tokenRange: Range<Int>, into sentences: inout [Sentence]
  ) {
    bytes.withUnsafeBufferPointer { p in
      tokens.withUnsafeBufferPointer { t in
        split(p, tokens: t, tokenRange: tokenRange, into: &sentences)
      }
    }
  }

  /// The sentences of a string that is one block (a convenience for tests and tools).
  public static func sentences(in text: String) -> [String] {
    let bytes = Array(text.utf8)
    var tokens: [Token] = []
    Tokenizer.tokenize(bytes, range: 0..<bytes.count, into: &tokens)
    var sentences: [Sentence] = []
    split(bytes, tokens: tokens, tokenRange: 0..<tokens.count, into: &sentences)
    return sentences.map { String(decoding: bytes[$0.range], as: UTF8.self) }
  }

  /// Appends the sentences of `t[tokenRange]` to `sentences`.
  public static func split(
    _ p: UnsafeBufferPointer<UInt8>, tokens t: UnsafeBufferPointer<Token>, tokenRange: Range<Int>,
    into sentences: inout [Sentence]
  ) {
    let last = tokenRange.upperBound
    var sentenceStart = tokenRange.lowerBound
    var words = 0
    var k = tokenRange.lowerBound

    func emit(upTo end: Int) {
      guard end > sentenceStart else { return }
      let range = t[sentenceStart].start..<t[end - 1].end
      sentences.append(Sentence(range: range, tokens: sentenceStart..<end, wordCount: words))
      sentenceStart = end
      words = 0
    }

    while k < last {
      let token = t[k]
      if token.kind.countsAsWord { words &+= 1 }
      // Most tokens cannot end a sentence; the tokenizer marks the few that can.
      guard token.flags.contains(.mayEndSentence) else {
        k &+= 1
        continue
      }
      let terminator = Terminator(p, token)
      guard terminator != .none else {
        k += 1
        continue
      }
      // Take in more terminators and closing quotes or brackets written right after it: ?!, .” and .)
      var j = k + 1
      while j < last, t[j].start == t[j - 1].end,
        (t[j].flags.contains(.mayEndSentence) && Terminator(p, t[j]) != .none) || isCloser(p, t[j])
      {
        j += 1
      }
      if j == last { break }
      // Only white space after the sentence ends it: v2.0, nhs.uk and 3.5 are not sentence ends.
      if t[j].start == t[j - 1].end {
        k = j
        continue
      }
      if endsSentence(p, t, terminator: terminator, at: k, next: j, sentenceStart: sentenceStart, last: last) {
        emit(upTo: j)
      }
      k = j
    }
    emit(upTo: last)
  }

  /// The kinds of sentence-ending punctuation.
  enum Terminator {
    case none, fullStop, ellipsis, strong, dotted

    init(_ p: UnsafeBufferPointer<UInt8>, _ token: Token) {
      let first = p[token.start]
      if token.kind == .punctuation {
        let length = token.end - token.start
        if first == UInt8(ascii: ".") {
          self = length == 1 ? .fullStop : .ellipsis
        } else if first == UInt8(ascii: "?") || first == UInt8(ascii: "!") {
          self = .strong
        } else if length == 3 && first == 0xE2 && p[token.start + 1] == 0x80 && p[token.start + 2] == 0xA6 {
          self = .ellipsis  // …
        } else if length == 3 && first == 0xE2 && p[token.start + 1] == 0x80 && p[token.start + 2] == 0xBD {
          self = .strong  // ‽
        } else {
          self = .none
        }
      } else if token.flags.contains(.dotted) {
        self = .dotted
      } else {
        self = .none
      }
    }
  }

  /// Closing quotes and brackets: " ' ” ’ » ) ] }
  static func isCloser(_ p: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
    guard token.kind == .punctuation else { return false }
    let b = p[token.start]
    switch token.end - token.start {
    case 1:
      return b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")")
        || b == UInt8(ascii: "]") || b == UInt8(ascii: "}")
    case 2:
      return b == 0xC2 && p[token.start + 1] == 0xBB  // »
    case 3:
      return b == 0xE2 && p[token.start + 1] == 0x80 && (p[token.start + 2] == 0x9D || p[token.start + 2] == 0x99)
    default:
      return false
    }
  }

  /// Opening quotes and brackets: " ' “ ‘ « ( [ {
  static func isOpener(_ p: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
    guard token.kind == .punctuation else { return false }
    let b = p[token.start]
    switch token.end - token.start {
    case 1:
      return b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "(")
        || b == UInt8(ascii: "[") || b == UInt8(ascii: "{")
    case 2:
      return b == 0xC2 && p[token.start + 1] == 0xAB  // «
    case 3:
      return b == 0xE2 && p[token.start + 1] == 0x80 && (p[token.start + 2] == 0x9C || p[token.start + 2] == 0x98)
    default:
      return false
    }
  }

  /// Whether the terminator at `k`, followed by white space and then token `next`, ends the sentence.
  static func endsSentence(
    _ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, terminator: Terminator, at k: Int, next: Int,
    sentenceStart: Int, last: Int
  ) -> Bool {
    // The first word of what follows, looking past opening quotes and brackets.
    var n = next
    while n < last && isOpener(p, t[n]) { n += 1 }
    guard n < last else { return true }
    let following = t[n]
    let followingIsLowercaseWord = following.kind == .word && following.flags.contains(.lowercase)
    switch terminator {
    case .none:
      return false
    case .strong:
      // "Is it safe?" she asked.
      return !followingIsLowercaseWord
    case .ellipsis:
      // "I was worried … and then" goes on; "… Then" starts again.
      return following.flags.contains(.capitalized) || following.kind == .acronym
    case .dotted:
      // e.g. and i.e. introduce what follows. A time (a.m., p.m.) goes on only into a day, a month or a time
      // zone (9 a.m. Monday to Friday); U.K. and the like end a sentence only before a usual first word.
      let word = key(p, t[k])
      if Abbreviations.introducing.contains(word) { return false }
      guard following.flags.contains(.capitalized) else { return false }
      let next = key(p, following)
      if Abbreviations.times.contains(word) { return !Abbreviations.afterTimes.contains(next) }
      return Abbreviations.sentenceStarters.contains(next)
    case .fullStop:
      if followingIsLowercaseWord { return false }
      guard k > sentenceStart, t[k - 1].end == t[k].start else { return true }
      let previous = t[k - 1]
      guard previous.kind == .word || previous.kind == .acronym else { return true }
      let word = key(p, previous)
      // Titles are written Dr, Mrs, St. In capitals they are acronyms (MS is multiple sclerosis), and in small
      // letters they are not titles at all.
      if previous.kind == .word && previous.flags.contains(.capitalized) && Abbreviations.titles.contains(word) {
        return false
      }
      if Abbreviations.continuing.contains(word) { return false }
      if Abbreviations.beforeNumbers.contains(word) && startsWithNumber(p, t, at: n, last: last) { return false }
      // An initial: J. Smith, Professor A. B. Jones, written by J. Smith. Not "vitamin D. Take it…".
      if previous.flags.contains(.singleLetter) && previous.flags.contains(.capitalized)
        && following.flags.contains(.capitalized) && following.kind == .word
        && !Abbreviations.sentenceStarters.contains(key(p, following))
      {
        if k - 1 == sentenceStart { return false }
        var before = k - 2
        while before > sentenceStart && isOpener(p, t[before]) { before -= 1 }
        let b = t[before]
        if b.kind == .punctuation {
          // A. B. Jones; "Action: K. Begum"; "J. Smith, A. Patel". A full stop with space before the letter
          // ends a sentence of its own, and the letter could start the next.
          return false
        }
        guard b.kind == .word || b.kind == .acronym else { return true }
        let beforeWord = key(p, b)
        // A letter that names a thing: vitamin D, hepatitis B, plan B, grade A. The sentence ends with it.
        if Abbreviations.beforeLetters.contains(beforeWord) { return true }
        // "so did I." ends a sentence; "Dr I. Khan" is the rare case and needs the title before it.
        if p[previous.start] == UInt8(ascii: "I") && !b.flags.contains(.capitalized) { return true }
        return false  // Dr J. Smith, Professor A. Jones, written by J. Smith, and K. Owen
      }
      return true
    }
  }

  /// Whether the tokens from `n` start with a number: 3, £9.90, AB12345 (a reference with digits in it).
  static func startsWithNumber(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, at n: Int, last: Int)
    -> Bool
  {
    let token = t[n]
    switch token.kind {
    case .number:
      return true
    case .symbol:
      // A currency sign written on to the number: £9.90, $5, €20.
      return n + 1 < last && t[n + 1].start == token.end && t[n + 1].kind == .number
    case .word, .acronym:
      var i = token.start
      while i < token.end {
        if p[i] &- 0x30 < 10 { return true }
        i += 1
      }
      return false
    default:
      return false
    }
  }

  /// The token as a packed word key (0 when it is not a short word of letters, apostrophes and full stops).
  @inline(__always)
  static func key(_ p: UnsafeBufferPointer<UInt8>, _ token: Token) -> UInt64 {
    WordKey.pack(p, token.start..<token.end)
  }
}

/// Short words packed into 64 bits with case folded, so abbreviation checks need no `String`: 5 bits for each
/// of up to 12 characters (a–z, the apostrophe straight or curly, and the full stop).
enum WordKey {
  /// The key of `p[range]`, or 0 when it is longer than 12 characters or has any other character.
  @inline(__always)
  static func pack(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
    var value: UInt64 = 0
    var count = 0
    var i = range.lowerBound
    while i < range.upperBound {
      let b = p[i]
      let code: UInt64
      if (b | 0x20) &- 0x61 < 26 {
        code = UInt64((b | 0x20) - 0x60)
      } else if b == UInt8(ascii: "'") {
        code = 27
      } else if b == UInt8(ascii: ".") {
        code = 28
      } else if b == 0xE2 && i + 2 < range.upperBound && p[i + 1] == 0x80 && p[i + 2] == 0x99 {
        code = 27  // ’
        i += 2
      } else {
        return 0
      }
      count += 1
      if count > 12 { return 0 }
      value = value << 5 | code
      i += 1
    }
    return value
  }

  /// The key of a word written in the source code.
  static func pack(_ word: String) -> UInt64 {
    let bytes = Array(word.utf8)
    return bytes.withUnsafeBufferPointer { pack($0, 0..<bytes.count) }
  }

  /// The keys of a list of words.
  static func set(_ words: [String]) -> WordKeySet {
    WordKeySet(words.map { pack($0) })
  }
}

/// A small set of word keys in an open-addressing table: one multiply and, usually, one comparison per look-up.
struct WordKeySet: Sendable {
  private let slots: [UInt64]
  private let shift: UInt64

  init(_ keys: [UInt64]) {
    var size = 8
    var bits: UInt64 = 3
    while size < keys.count * 4 {
      size *= 2
      bits += 1
    }
    shift = 64 - bits
    var slots = [UInt64](repeating: 0, count: size)
    for key in keys where key != 0 {
      var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> (64 - bits))
      while slots[i] != 0 && slots[i] != key { i = (i + 1) & (size - 1) }
      slots[i] = key
    }
    self.slots = slots
  }

  /// Whether the set holds `key` (0, the key of no word, is never held).
  @inline(__always)
  func contains(_ key: UInt64) -> Bool {
    guard key != 0 else { return false }
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    while true {
      let slot = slots[i]
      if slot == key { return true }
      if slot == 0 { return false }
      i = (i + 1) & mask
    }
  }
}

/// Word lists for sentence splitting: abbreviations that take a full stop, and usual first words.
enum Abbreviations {
  /// Dotted abbreviations that introduce what follows: e.g., i.e.
  static let introducing: WordKeySet = WordKey.set(["e.g.", "i.e.", "c.f.", "n.b."])

  /// Times of day written with full stops.
  static let times: WordKeySet = WordKey.set(["a.m.", "p.m."])

  /// Titles come before a name, so their full stop never ends a sentence.
  static let titles: WordKeySet = WordKey.set([
    "dr", "mr", "mrs", "ms", "mx", "prof", "st", "rev", "revd", "fr", "sr", "hon", "capt", "col", "gen", "lt",
    "sgt", "insp", "cllr", "rt", "messrs", "mme", "mlle", "supt", "cpl", "maj", "adm", "gov", "sen", "rep", "jr",
  ])

  /// Abbreviations that always lead on to more of the sentence.
  static let continuing: WordKeySet = WordKey.set(["eg", "ie", "cf", "viz", "vs", "v", "incl", "esp", "resp", "nb", "ibid", "al"])

  /// Abbreviations that come before a number (No. 5, approx. 20, p. 12, Tel. 0300…, Jan. 2025). Units that
  /// come after a number (2 hrs., 5 yrs.) are not here: a number after them starts a new sentence.
  static let beforeNumbers: WordKeySet = WordKey.set([
    "no", "nos", "fig", "figs", "tel", "ref", "vol", "p", "pp", "approx", "ca", "para", "paras", "ch", "sec",
    "art", "ext", "est", "min", "max", "mob", "tab", "tabs", "cap", "caps", "op", "ed", "edn", "reg", "ward", "bed",
    "rm", "apt", "pt", "wk", "yr", "mth", "hr", "sect", "pg", "pgs", "vols",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  ])

  /// Words that come before a single capital letter that is not an initial: vitamin D, hepatitis B, plan B,
  /// grade A, part C, an A.
  static let beforeLetters: WordKeySet = WordKey.set([
    "a", "an", "the", "vitamin", "vitamins", "hepatitis", "hep", "type", "group", "strep", "plan", "grade", "graded", "stage", "class",
    "part", "appendix", "annex", "section", "schedule", "category", "option", "band", "ward", "block", "wing",
    "zone", "level", "form", "phase", "step", "room", "bay", "table", "figure", "box", "clinic", "floor",
    "area", "building", "question", "item", "row", "column", "site", "unit", "theatre", "door", "entrance", "exit",
    "gate", "lift", "stair", "stairs", "corridor", "suite", "pod", "tier", "version",
  ])

  /// Capitalized words that carry on a sentence after a time such as 9 a.m.: days, months and time zones.
  static let afterTimes: WordKeySet = WordKey.set([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "gmt", "bst", "utc", "uk",
  ])

  /// Words that often start a sentence, so a capital after "J." or "a.m." starting one of them is a new sentence.
  static let sentenceStarters: WordKeySet = WordKey.set([
    "a", "about", "after", "all", "also", "although", "an", "and", "any", "are", "as", "ask", "at", "be",
    "because", "before", "both", "but", "by", "call", "can", "check", "contact", "do", "does", "don't", "during",
    "each", "even", "every", "find", "first", "for", "from", "get", "go", "have", "he", "her", "here", "his", "how",
    "i", "if", "in", "is", "it", "it's", "its", "just", "keep", "let", "many", "may", "more", "most", "much", "my",
    "never", "next", "no", "not", "now", "of", "on", "once", "one", "only", "or", "other", "our", "please", "read",
    "see", "she", "since", "so", "some", "speak", "take", "talk", "tell", "that", "the", "their", "then", "there",
    "there's", "these", "they", "this", "those", "to", "try", "two", "use", "visit", "we", "we'll", "what", "when",
    "where", "which", "while", "who", "why", "will", "with", "without", "yes", "you", "you'll", "you're", "your",
  ])
}
