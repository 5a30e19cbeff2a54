/// Splits UTF-8 text into tokens: words, acronyms, numbers, web and email addresses, punctuation and symbols.
///
/// The tokenizer works on bytes and never builds a `String`. It classifies ASCII bytes through a table and
/// decodes other scalars only when it meets them. Whitespace is skipped; every other byte belongs to a token.
public enum Tokenizer {
  /// Appends the tokens of `bytes[range]` to `tokens`. Token offsets are offsets into `bytes`.
  public static func tokenize(_ bytes: [UInt8], range: Range<Int>, into tokens: inout [Token]) {
    bytes.withUnsafeBufferPointer { p in
      tokenize(p, range: range, into: &tokens)
    }
  }

  /// Tokenizes a whole string (a convenience for tests and tools).
  public static func tokenize(_ text: String) -> [Token] {
    let bytes = Array(text.utf8)
    var tokens: [Token] = []
    tokenize(bytes, range: 0..<bytes.count, into: &tokens)
    return tokens
  }

  /// Appends the tokens of `p[range]` to `tokens`.
  public static func tokenize(_ p: UnsafeBufferPointer<UInt8>, range: Range<Int>, into tokens: inout [Token]) {
    withUnsafeTemporaryAllocation(of: Token.self, capacity: TokenBuffer.capacity) { scratch in
      var buffer = TokenBuffer(scratch: scratch.baseAddress!)
      swap(&buffer.array, &tokens)  // the buffer holds the only reference, so appends never copy
      CharClassifier.ascii.withUnsafeBufferPointer { table in
        CharClassifier.endsPlainWord.withUnsafeBufferPointer { endsWord in
          let scanner = Scanner(
            p: p, table: table, endsWord: endsWord, start: range.lowerBound, end: range.upperBound)
          scanner.run(into: &buffer)
        }
      }
      buffer.flush()
      swap(&buffer.array, &tokens)
    }
  }
}

extension Tokenizer {
  /// Tokenizes several blocks in one call, appending to `tokens` and, for each block, the index in `tokens`
  /// where its tokens end. The linter uses this for batches of short blocks, so the set-up is paid once.
  public static func tokenize(
    _ p: UnsafeBufferPointer<UInt8>, blocks: ArraySlice<ProseBlock>, into tokens: inout [Token], ends: inout [Int]
  ) {
    withUnsafeTemporaryAllocation(of: Token.self, capacity: TokenBuffer.capacity) { scratch in
      var buffer = TokenBuffer(scratch: scratch.baseAddress!)
      swap(&buffer.array, &tokens)
      CharClassifier.ascii.withUnsafeBufferPointer { table in
        CharClassifier.endsPlainWord.withUnsafeBufferPointer { endsWord in
          for block in blocks {
            let scanner = Scanner(
              p: p, table: table, endsWord: endsWord, start: block.range.lowerBound, end: block.range.upperBound)
            scanner.run(into: &buffer)
            ends.append(buffer.array.count + buffer.count)
          }
        }
      }
      buffer.flush()
      swap(&buffer.array, &tokens)
    }
  }
}

/// Collects tokens in a small scratch buffer and appends them to the array in bulk, so the array's checks run
/// once per few hundred tokens instead of once per token.
struct TokenBuffer {
  /// How many tokens the scratch buffer holds.
  static let capacity = 256
  var array: [Token] = []
  let scratch: UnsafeMutablePointer<Token>
  var count = 0

  init(scratch: UnsafeMutablePointer<Token>) {
    self.scratch = scratch
  }

  @inline(__always)
  mutating func append(_ token: Token) {
    if count == TokenBuffer.capacity { flush() }
    (scratch + count).initialize(to: token)
    count &+= 1
  }

  mutating func flush() {
    array.append(contentsOf: UnsafeBufferPointer(start: scratch, count: count))
    count = 0
  }
}

/// The domain endings that make a bare `name.ending` a web address (nhs.uk, gov.uk, example.org).
private let topLevelDomains: Set<String> = [
  "uk", "com", "org", "net", "gov", "nhs", "edu", "io", "info", "scot", "wales", "cymru", "eu", "int", "ie", "us",
  "ca", "au", "nz", "de", "fr", "es", "it", "nl", "be", "ch", "se", "no", "dk", "fi", "in", "app", "dev", "me",
  "ly", "co", "ac", "health", "online", "site", "biz", "london", "care", "charity", "ngo", "global", "tv",
]

private struct Scanner {
  let p: UnsafeBufferPointer<UInt8>
  let table: UnsafeBufferPointer<CharClass>
  /// `CharClassifier.endsPlainWord`.
  let endsWord: UnsafeBufferPointer<Bool>
  let start: Int
  let end: Int

  init(
    p: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<CharClass>, endsWord: UnsafeBufferPointer<Bool>,
    start: Int, end: Int
  ) {
    self.endsWord = endsWord
    self.end = min(end, p.count)
    // The buffer stops at the end of the range, so that decoding a scalar never reads past it; offsets are
    // unchanged because the buffer still starts at byte 0.
    self.p = UnsafeBufferPointer(rebasing: p[0..<self.end])
    self.table = table
    self.start = start
  }

  @inline(__always)
  func classAt(_ i: Int) -> (CharClass, Int) {
    let b = p[i]
    if b < 0x80 { return (table[Int(b)], 1) }
    let (scalar, length) = UTF8Scalar.decode(p, at: i)
    return (CharClassifier.classify(nonASCII: scalar), length)
  }

  @inline(__always)
  func isASCIIDigit(_ i: Int) -> Bool { i < end && p[i] &- 0x30 < 10 }

  @inline(__always)
  func isASCIIAlnum(_ i: Int) -> Bool {
    guard i < end else { return false }
    let b = p[i]
    return b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26
  }

  @inline(__always)
  func isWordStart(_ i: Int) -> Bool {
    guard i < end else { return false }
    let c = classAt(i).0
    return c == .letter || c == .upper || c == .digit
  }

  func run(into tokens: inout TokenBuffer) {
    var i = start
    var previousWasSpace = true
    while i < end {
      // The common cases first, straight from the byte: white space, and words of ASCII letters.
      let b = p[i]
      if b == 0x20 || b == 0x0A {
        i &+= 1
        previousWasSpace = true
        continue
      }
      if (b | 0x20) &- 0x61 < 26 {
        // A word of small letters after its first letter, the commonest token, is written here when what
        // follows ends it, and so are such words joined by hyphens and apostrophes (`joinedWordEnd`); anything
        // else is read again from the start by `scanPlainWord`. A single space and another ASCII letter after
        // such a word go straight on to the next word, as the top of the loop would.
        var first = b
        while true {
          var j = smallLettersEnd(from: i &+ 1)
          var ends = plainWordEnds(at: j, start: i)
          if !ends, let joinedEnd = joinedWordEnd(from: j, start: i) {
            j = joinedEnd
            ends = true
          }
          guard ends else {
            i = scanPlainWord(from: i, into: &tokens)
            break
          }
          // `.lowercase` (8) for a small first letter (bit 5 set), `.capitalized` (1) for a capital, and
          // `.singleLetter` (4) for a word of one letter.
          let caseFlag = 1 &+ 7 &* ((first &>> 5) & 1)
          let single: UInt8 = j &- i == 1 ? 4 : 0
          tokens.append(Token(start: i, end: j, kind: .word, flags: Token.Flags(rawValue: caseFlag | single)))
          let next = j &+ 1
          guard next < end, p[j] == 0x20 else {
            i = j
            break
          }
          first = p[next]
          guard (first | 0x20) &- 0x61 < 26 else {
            i = j  // the top of the loop takes the space (and notes it for a `+` after it)
            break
          }
          i = next
        }
        previousWasSpace = false
        continue
      }
      let (c, length) = classAt(i)
      switch c {
      case .space, .newline, .joiner:
        i += length
        previousWasSpace = true
        continue
      case .letter, .upper:
        i = scanWord(from: i, into: &tokens)
      case .mark:
        // A combining mark with no letter before it (or the keycap of 1️⃣ on its own) is a symbol, not a word.
        i = scanSymbol(from: i, length: length, into: &tokens)
      case .digit:
        if let keycapEnd = keycapEnd(at: i) {
          tokens.append(Token(start: i, end: keycapEnd, kind: .symbol))
          i = keycapEnd
        } else {
          i = scanNumber(from: i, plus: false, into: &tokens)
        }
      case .period:
        var j = i + length
        if p[i] == UInt8(ascii: ".") {
          while j < end && p[j] == UInt8(ascii: ".") { j += 1 }
          if j - i == 2 { j = i + 1 }  // two dots are two full stops, three or more an ellipsis
        }
        tokens.append(Token(start: i, end: j, kind: .punctuation, flags: .mayEndSentence))
        i = j
      case .apostrophe, .hyphen, .punctuation:
        let b = p[i]
        let ends =
          (length == 1 && (b == UInt8(ascii: "?") || b == UInt8(ascii: "!")))
          || (length == 3 && b == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0xBD)  // ‽
        tokens.append(Token(start: i, end: i + length, kind: .punctuation, flags: ends ? .mayEndSentence : []))
        i += length
      case .symbol:
        let b = p[i]
        if length == 3 && b == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBC {
          tokens.append(Token(start: i, end: i + 3, kind: .opaque))  // U+FFFC, put in by a front end
          i += 3
          previousWasSpace = false
          continue
        }
        if b == UInt8(ascii: "+") && isASCIIDigit(i + 1)
          && (previousWasSpace || p[i - 1] == UInt8(ascii: ":") || p[i - 1] == UInt8(ascii: "("))
        {
          i = scanNumber(from: i, plus: true, into: &tokens)
        } else if (b == UInt8(ascii: "#") || b == UInt8(ascii: "*")), let keycapEnd = keycapEnd(at: i) {
          tokens.append(Token(start: i, end: keycapEnd, kind: .symbol))
          i = keycapEnd
        } else {
          i = scanSymbol(from: i, length: length, into: &tokens)
        }
      }
      previousWasSpace = false
    }
  }

  /// The end of a keycap emoji (1️⃣, #️⃣: a digit, `#` or `*`, an optional U+FE0F and U+20E3) starting at `i`.
  @inline(__always)
  func keycapEnd(at i: Int) -> Int? {
    var j = i + 1
    if j + 3 <= end && p[j] == 0xEF && p[j + 1] == 0xB8 && p[j + 2] == 0x8F { j += 3 }  // U+FE0F
    guard j + 3 <= end, p[j] == 0xE2, p[j + 1] == 0x83, p[j + 2] == 0xA3 else { return nil }  // U+20E3
    return j + 3
  }

  /// A symbol, with any joiners, variation selectors and skin-tone modifiers that belong to it (👩‍⚕️ is one),
  /// or a pair of regional indicators (a flag such as 🇬🇧).
  func scanSymbol(from s: Int, length: Int, into tokens: inout TokenBuffer) -> Int {
    var i = s + length
    if length == 4 && isRegionalIndicator(s) && i + 4 <= end && isRegionalIndicator(i) { i += 4 }
    while i < end {
      let (c, len) = classAt(i)
      guard c == .joiner else { break }
      let isZWJ = p[i] == 0xE2 && len == 3 && p[i + 1] == 0x80 && p[i + 2] == 0x8D
      i += len
      if isZWJ && i < end {
        let (_, nextLength) = classAt(i)
        i += nextLength
      }
    }
    tokens.append(Token(start: s, end: i, kind: .symbol))
    return i
  }

  /// Whether the four bytes at `i` are a regional indicator letter (U+1F1E6 to U+1F1FF, F0 9F 87 A6...BF).
  @inline(__always)
  func isRegionalIndicator(_ i: Int) -> Bool {
    p[i] == 0xF0 && p[i + 1] == 0x9F && p[i + 2] == 0x87 && p[i + 3] &- 0xA6 < 26
  }

  /// A word starting with an ASCII letter. Letters and digits are counted in a tight loop; only when what
  /// follows could make it something more (an apostrophe, hyphen, `&`, `@`, `:`, a full stop before a letter or
  /// after a single letter, or any non-ASCII character) does the full `scanWord` take over from the start.
  @inline(__always)
  func scanPlainWord(from s: Int, into tokens: inout TokenBuffer) -> Int {
    let firstIsUpper = p[s] &- 0x41 < 26
    var upper = firstIsUpper ? 1 : 0
    var lower = 1 &- upper
    var i = s &+ 1
    while true {
      let next = smallLettersEnd(from: i)
      lower &+= next &- i
      i = next
      guard i < end else { break }
      let b = p[i]
      if b &- 0x41 < 26 {
        upper &+= 1
      } else if b &- 0x30 >= 10 {
        break
      }
      i &+= 1
    }
    if !plainWordEnds(at: i, start: s) { return scanWord(from: s, into: &tokens) }
    // Web addresses start with a word followed by `:` or `.`, which went to `scanWord` above.
    var flags: Token.Flags = firstIsUpper ? .capitalized : .lowercase
    if i &- s == 1 { flags.insert(.singleLetter) }
    let kind: TokenKind = upper >= 2 && lower <= 1 ? .acronym : .word
    tokens.append(Token(start: s, end: i, kind: kind, flags: flags))
    return i
  }

  /// The end of the run of ASCII small letters from `start`, read eight bytes at a time where there are eight.
  @inline(__always)
  func smallLettersEnd(from start: Int) -> Int {
    var i = start
    while i &+ 8 <= end {
      let run = lowercaseRun(at: i)
      i &+= run
      if run != 8 { return i }
    }
    while i < end && p[i] &- 0x61 < 26 { i &+= 1 }
    return i
  }

  /// Whether a word of ASCII letters and digits that starts at `start` ends at `i` as it is: at the end of the
  /// text, white space or most punctuation, a full stop with no letter or digit after it (after one letter, a
  /// full stop may start a dotted abbreviation such as e.g.), or a colon before white space (a colon before
  /// anything else may be part of a web address). Anything else is for `scanWord` to read.
  @inline(__always)
  func plainWordEnds(at i: Int, start: Int) -> Bool {
    guard i < end else { return true }
    let b = p[i]
    if b < 0x80 && endsWord[Int(b)] { return true }
    if b == UInt8(ascii: ":") {
      let n = i &+ 1
      return n == end || p[n] == 0x20 || p[n] == 0x0A || p[n] == 0x09 || p[n] == 0x0D
    }
    return b == UInt8(ascii: ".") && i &- start != 1 && !isASCIIAlnum(i &+ 1)
  }

  /// The end of a word of small letters (after its first letter) that goes on at `i` through hyphens and
  /// apostrophes, each followed by more small letters (follow-up, don’t, mother-in-law’s), when what follows
  /// ends it as `plainWordEnds` says; nil otherwise. `scanWord` joins such words the same way. Kept out of the
  /// main loop, which reaches it for few words.
  @inline(never)
  func joinedWordEnd(from i: Int, start: Int) -> Int? {
    guard let first = smallLetterAfterConnector(at: i) else { return nil }
    var j = smallLettersEnd(from: first &+ 1)
    while let next = smallLetterAfterConnector(at: j) { j = smallLettersEnd(from: next &+ 1) }
    return plainWordEnds(at: j, start: start) ? j : nil
  }

  /// Where the small letter after a hyphen, a straight apostrophe or a curly one (U+2019) at `i` is, when one
  /// follows it; nil otherwise.
  @inline(__always)
  func smallLetterAfterConnector(at i: Int) -> Int? {
    guard i < end else { return nil }
    let b = p[i]
    var next = i &+ 1
    if b == UInt8(ascii: "-") || b == UInt8(ascii: "'") {
      // next as it is
    } else if b == 0xE2 && i &+ 2 < end && p[i &+ 1] == 0x80 && p[i &+ 2] == 0x99 {
      next = i &+ 3
    } else {
      return nil
    }
    return next < end && p[next] &- 0x61 < 26 ? next : nil
  }

  /// How many of the eight bytes at `i` (which must all be readable) are ASCII small letters before the first
  /// that is not: 8 when all are. Each byte's high bit says whether it is a small letter, found with a few
  /// operations on the eight bytes as one 64-bit word.
  @inline(__always)
  func lowercaseRun(at i: Int) -> Int {
    let x = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low7 = x & (ones &* 0x7F)
    let atLeastA = low7 &+ ones &* (0x80 - 0x61)  // high bit set where the byte is >= "a"
    let aboveZ = low7 &+ ones &* (0x80 - 0x7B)  // high bit set where the byte is > "z"
    let isLower = atLeastA & ~aboveZ & ~x & (ones &* 0x80)
    let notLower = ~isLower & (ones &* 0x80)
    return notLower == 0 ? 8 : (UInt64(littleEndian: notLower).trailingZeroBitCount >> 3)
  }

  /// A word, acronym, dotted abbreviation, web address or email address starting with a letter.
  func scanWord(from s: Int, into tokens: inout TokenBuffer) -> Int {
    if let urlEnd = scanURLIfPresent(at: s) {
      tokens.append(Token(start: s, end: urlEnd, kind: .url))
      return urlEnd
    }
    var i = s
    var upper = 0
    var lower = 0
    // The word starts with a letter (the caller saw one), so its case says whether it is capitalized.
    let firstLetterUpper = classAt(s).0 == .upper
    i = scanLetters(i, upper: &upper, lower: &lower)
    // Connectors inside a word: apostrophes, hyphens and the ampersand of A&E. Most words end at a space.
    while i < end && p[i] != 0x20 && p[i] != 0x0A {
      let (c, length) = classAt(i)
      let next = i + length
      if c == .apostrophe {
        if isWordStart(next) && classAt(next).0 != .digit {
          i = next
        } else {
          // A plural possessive: readers’ panel, patients' notes.
          if p[i - 1] | 0x20 == UInt8(ascii: "s") { i = next }
          break
        }
      } else if c == .hyphen {
        guard isWordStart(next) else { break }
        i = next
      } else if p[i] == UInt8(ascii: "&") {
        guard p[i - 1] &- 0x41 < 26, next < end, p[next] &- 0x41 < 26 else { break }
        i = next
      } else if p[i] == UInt8(ascii: "."), p[i - 1] &- 0x30 < 10, isASCIIDigit(next) {
        // A version or decimal written on to a word: v2.0, iOS17.2.
        i = next
      } else {
        break
      }
      // Continue the word after the connector.
      i = scanLetters(i, upper: &upper, lower: &lower)
    }
    let letters = upper + lower
    var flags: Token.Flags = firstLetterUpper ? .capitalized : .lowercase
    if i < end {
      let b = p[i]
      // Dotted abbreviations: e.g., i.e., a.m., U.K.
      if b == UInt8(ascii: "."), letters == 1, i - s == 1, let dottedEnd = scanDotted(from: s) {
        flags.insert(.dotted)
        flags.insert(.mayEndSentence)
        let kind: TokenKind = p[s] &- 0x41 < 26 && p[s + 2] &- 0x41 < 26 ? .acronym : .word
        tokens.append(Token(start: s, end: dottedEnd, kind: kind, flags: flags))
        return dottedEnd
      }
      // An address goes on after the full stop (nhs.uk); a full stop before a space ends a sentence instead.
      if (b == UInt8(ascii: ".") && isASCIIAlnum(i + 1)) || b == UInt8(ascii: "@") || b == UInt8(ascii: "_")
        || b == UInt8(ascii: "+")
      {
        if let (kind, addressEnd) = scanAddress(from: s) {
          tokens.append(Token(start: s, end: addressEnd, kind: kind))
          return addressEnd
        }
      }
    }
    if letters == 1 && i - s <= 4 && upper + lower == 1 {
      // A lone letter (with no digits after it): "A", "I", the initial in "J. Smith".
      if classAt(s).1 == i - s { flags.insert(.singleLetter) }
    }
    let kind: TokenKind = upper >= 2 && lower <= 1 ? .acronym : .word
    tokens.append(Token(start: s, end: i, kind: kind, flags: flags))
    return i
  }

  /// Moves `i` over letters, digits and combining marks, counting capitals and small letters. ASCII, the
  /// common case, is decided by two subtractions per byte; other scalars are decoded and classified.
  @inline(__always)
  func scanLetters(_ start: Int, upper: inout Int, lower: inout Int) -> Int {
    var i = start
    var capitals = 0
    var smalls = 0
    defer {
      upper &+= capitals
      lower &+= smalls
    }
    while i < end {
      let b = p[i]
      if b < 0x80 {
        if b &- 0x61 < 26 {
          smalls &+= 1
        } else if b &- 0x41 < 26 {
          capitals &+= 1
        } else if b &- 0x30 >= 10 {
          return i
        }
        i &+= 1
        continue
      }
      let (c, length) = classAt(i)
      switch c {
      case .letter: smalls &+= 1
      case .upper: capitals &+= 1
      case .digit, .mark: break
      default: return i
      }
      i &+= length
    }
    return i
  }

  /// `e.g.`, `i.e.`, `a.m.`, `U.K.`: single letters each followed by a full stop, at least two of them.
  func scanDotted(from s: Int) -> Int? {
    var i = s
    var count = 0
    while i + 1 < end, (p[i] | 0x20) &- 0x61 < 26, p[i + 1] == UInt8(ascii: ".") {
      i += 2
      count += 1
    }
    guard count >= 2, !isASCIIAlnum(i) else { return nil }
    return i
  }

  /// A number: digits with decimals, thousands separators, times, dates, ranges, units and phone groups.
  func scanNumber(from s: Int, plus: Bool, into tokens: inout TokenBuffer) -> Int {
    var i = plus ? s + 1 : s
    while isASCIIDigit(i) { i += 1 }
    var onlyDigits = true
    while i < end {
      let b = p[i]
      if (b == UInt8(ascii: ".") || b == UInt8(ascii: ":") || b == UInt8(ascii: "/")) && isASCIIDigit(i + 1) {
        i += 1
        while isASCIIDigit(i) { i += 1 }
        onlyDigits = false
        continue
      }
      if b == UInt8(ascii: ","), isASCIIDigit(i + 1), isASCIIDigit(i + 2), isASCIIDigit(i + 3), !isASCIIDigit(i + 4) {
        i += 4
        onlyDigits = false
        continue
      }
      let (c, length) = classAt(i)
      let isDash = c == .hyphen || (length == 3 && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0x93)  // – en dash
      if isDash && isASCIIAlnum(i + length) && (c == .hyphen || isASCIIDigit(i + length)) {
        i += length
        while isASCIIAlnum(i) { i += 1 }
        onlyDigits = false
        continue
      }
      if (b | 0x20) &- 0x61 < 26 {
        // Units and ordinals written on: 3pm, 5mg, 2nd, 1990s, and units per unit: 5mg/ml, 2mmol/L.
        while isASCIIAlnum(i) { i += 1 }
        if i + 1 < end && p[i] == UInt8(ascii: "/") && (p[i + 1] | 0x20) &- 0x61 < 26 {
          i += 1
          while isASCIIAlnum(i) { i += 1 }
        }
        onlyDigits = false
        continue
      }
      break
    }
    // A plural written with an apostrophe: the 1990's, over 65's.
    if isApostropheS(at: i) {
      i += p[i] == UInt8(ascii: "'") ? 2 : 4
      onlyDigits = false
    }
    // Phone numbers: 0300 123 4567, 07700 900123, +44 20 7946 0958. A UK number has 11 digits written with its
    // leading 0 and 12 with +44 (15 at most anywhere), so a number after it stays a number of its own.
    if onlyDigits && (plus || (p[s] == UInt8(ascii: "0") && i - s >= 3)) {
      let minimumGroup = plus ? 2 : 3
      var digits = plus ? i - s - 1 : i - s
      let isUK = plus && s + 2 < end && p[s + 1] == UInt8(ascii: "4") && p[s + 2] == UInt8(ascii: "4")
      let maximumDigits = !plus ? 11 : isUK ? 12 : 15
      while i + 1 < end, p[i] == UInt8(ascii: " "), isASCIIDigit(i + 1) {
        var j = i + 1
        while isASCIIDigit(j) { j += 1 }
        let group = j - (i + 1)
        guard group >= minimumGroup, !isASCIIAlnum(j), digits + group <= maximumDigits else { break }
        digits += group
        i = j
      }
    }
    // A web address that starts with digits: 111.nhs.uk.
    if !plus, i < end, p[i] == UInt8(ascii: "."), let (kind, addressEnd) = scanAddress(from: s), kind == .url {
      tokens.append(Token(start: s, end: addressEnd, kind: .url))
      return addressEnd
    }
    tokens.append(Token(start: s, end: i, kind: .number))
    return i
  }

  /// Whether `'s` or `’s` at `i` ends a number: the 1990's, over 65's.
  @inline(__always)
  func isApostropheS(at i: Int) -> Bool {
    guard i < end else { return false }
    if p[i] == UInt8(ascii: "'") {
      return i + 1 < end && p[i + 1] == UInt8(ascii: "s") && !isASCIIAlnum(i + 2)
    }
    return i + 3 < end && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0x99 && p[i + 3] == UInt8(ascii: "s")
      && !isASCIIAlnum(i + 4)
  }

  /// `https://…`, `http://…`, `ftp://…`, `www.…` and `mailto:…`: the end of the address, or nil.
  ///
  /// Called for every word, so it decides from the first bytes without building anything.
  @inline(__always)
  func scanURLIfPresent(at s: Int) -> Int? {
    @inline(__always) func lower(_ i: Int) -> UInt8 { i < end ? p[i] | 0x20 : 0 }
    let prefixLength: Int
    switch p[s] | 0x20 {
    case UInt8(ascii: "h"):
      guard lower(s + 1) == UInt8(ascii: "t"), lower(s + 2) == UInt8(ascii: "t"), lower(s + 3) == UInt8(ascii: "p")
      else { return nil }
      let secure = lower(s + 4) == UInt8(ascii: "s")
      let colon = s + (secure ? 5 : 4)
      guard colon + 2 < end, p[colon] == UInt8(ascii: ":"), p[colon + 1] == UInt8(ascii: "/"),
        p[colon + 2] == UInt8(ascii: "/")
      else { return nil }
      prefixLength = colon + 3 - s
    case UInt8(ascii: "w"):
      guard lower(s + 1) == UInt8(ascii: "w"), lower(s + 2) == UInt8(ascii: "w"), s + 3 < end,
        p[s + 3] == UInt8(ascii: ".")
      else { return nil }
      prefixLength = 4
    case UInt8(ascii: "f"):
      guard lower(s + 1) == UInt8(ascii: "t"), lower(s + 2) == UInt8(ascii: "p"), s + 5 < end,
        p[s + 3] == UInt8(ascii: ":"), p[s + 4] == UInt8(ascii: "/"), p[s + 5] == UInt8(ascii: "/")
      else { return nil }
      prefixLength = 6
    case UInt8(ascii: "m"):
      guard lower(s + 1) == UInt8(ascii: "a"), lower(s + 2) == UInt8(ascii: "i"), lower(s + 3) == UInt8(ascii: "l"),
        lower(s + 4) == UInt8(ascii: "t"), lower(s + 5) == UInt8(ascii: "o"), s + 6 < end,
        p[s + 6] == UInt8(ascii: ":")
      else { return nil }
      prefixLength = 7
    default:
      return nil
    }
    return isASCIIAlnum(s + prefixLength) ? scanURLTail(from: s + prefixLength) : nil
  }

  /// The rest of a web address: up to white space, quotes or angle brackets, without trailing punctuation.
  func scanURLTail(from s: Int) -> Int {
    var i = s
    var parens = 0
    var brackets = 0
    while i < end {
      let b = p[i]
      if b <= 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
        || b == UInt8(ascii: "`") || b == 0x7F
      {
        break
      }
      if b >= 0x80 {
        let (c, length) = classAt(i)
        if c == .space || c == .punctuation || c == .apostrophe || c == .period { break }
        i += length
        continue
      }
      if b == UInt8(ascii: "(") { parens += 1 }
      if b == UInt8(ascii: ")") { parens -= 1 }
      if b == UInt8(ascii: "[") { brackets += 1 }
      if b == UInt8(ascii: "]") { brackets -= 1 }
      i += 1
    }
    // Trailing punctuation belongs to the sentence, and a closing bracket to the text around the address.
    while i > s {
      let b = p[i - 1]
      if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
        || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: "'") || b == UInt8(ascii: "*")
      {
        i -= 1
      } else if b == UInt8(ascii: ")") && parens < 0 {
        parens += 1
        i -= 1
      } else if b == UInt8(ascii: "]") && brackets < 0 {
        brackets += 1
        i -= 1
      } else {
        break
      }
    }
    return i
  }

  /// An email address (name@domain.ending) or a bare web address (nhs.uk, gov.uk/path) starting at `s`.
  func scanAddress(from s: Int) -> (TokenKind, Int)? {
    var i = s
    while i < end {
      let b = p[i]
      if isASCIIAlnum(i) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
        || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
      {
        i += 1
      } else {
        break
      }
    }
    if i < end, p[i] == UInt8(ascii: "@"), i > s, let (domainEnd, _) = scanDomain(from: i + 1) {
      return (.email, domainEnd)
    }
    guard let (domainEnd, ending) = scanDomain(from: s), topLevelDomains.contains(ending) else { return nil }
    // A capitalized ending is a sentence written on without a space: "food.It helps", "results.In March".
    let endingStart = domainEnd - ending.utf8.count
    if p[endingStart] &- 0x41 < 26 && p[domainEnd - 1] &- 0x61 < 26 { return nil }
    if domainEnd < end && p[domainEnd] == UInt8(ascii: "/") {
      return (.url, scanURLTail(from: domainEnd))
    }
    return (.url, domainEnd)
  }

  /// Labels separated by full stops, at least two, the last all letters: returns the end and the last label.
  func scanDomain(from s: Int) -> (Int, String)? {
    var i = s
    var labels = 0
    var lastStart = s
    while true {
      let labelStart = i
      while i < end && (isASCIIAlnum(i) || p[i] == UInt8(ascii: "-")) { i += 1 }
      guard i > labelStart else { return nil }
      labels += 1
      lastStart = labelStart
      if i + 1 < end && p[i] == UInt8(ascii: ".") && isASCIIAlnum(i + 1) {
        i += 1
      } else {
        break
      }
    }
    guard labels >= 2, i - lastStart >= 2 else { return nil }
    var ending = ""
    for j in lastStart..<i {
      let b = p[j] | 0x20
      guard b &- 0x61 < 26 else { return nil }
      ending.unicodeScalars.append(Unicode.Scalar(b))
    }
    return (i, ending)
  }
}
