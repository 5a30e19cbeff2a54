import PlainLintCore

/// A mark that a writer puts around some words of a sentence: emphasis, a link, code, an abbreviation.
struct InlineMark {
  /// What the mark is.
  enum Kind {
    /// Strong emphasis: `**word**`, `<strong>`.
    case strong
    /// Emphasis: `_word_`, `<em>`.
    case emphasis
    /// Inline code: `` `word` ``, `<code>`.
    case code
    /// A link whose text is one to four words.
    case link
    /// An acronym explained by `<abbr title="…">`.
    case abbreviation
    /// A web address written out in the text, made a link to itself.
    case webAddress
    /// An email address written out in the text, made a `mailto:` link.
    case email
  }

  /// The marked bytes, in the leaflet's bytes.
  var range: Range<Int>
  /// What the mark is.
  var kind: Kind
}

/// How often each mark is chosen, in thousandths of the words it could go on.
struct InlineRates {
  /// Plain words made strong.
  var strong: Int
  /// Plain words emphasised.
  var emphasis: Int
  /// Lower-case plain words of five letters or more made code.
  var code: Int
  /// Plain words that start a link.
  var link: Int
  /// Known acronyms given an `<abbr title>`.
  var abbreviation: Int
  /// Web addresses made links.
  var webAddress: Int
  /// Email addresses made links.
  var email: Int
}

/// Chooses inline marks for the words of a sentence, list item or heading.
enum InlinePlanner {
  /// What a word is, as far as marking goes.
  private enum WordClass {
    /// Letters only (A–Z, a–z), at least two of them.
    case plain(lowercase: Bool)
    /// An acronym that `MarkupText.expansions` explains.
    case acronym
    /// A web address.
    case webAddress
    /// An email address.
    case email
    /// Anything else: numbers, times, words with apostrophes or accents.
    case other
  }

  /// Replaces `marks` with marks for the words of `bytes[range]`, in order and never overlapping. Words are runs of
  /// bytes between spaces; opening brackets and quotes before a word and punctuation after it stay outside marks.
  static func plan(
    _ bytes: [UInt8], _ range: Range<Int>, rates: InlineRates, rng: inout SplitMix64, into marks: inout [InlineMark]
  ) {
    marks.removeAll(keepingCapacity: true)
    let end = range.upperBound
    var i = range.lowerBound
    var linkWordsLeft = 0
    while i < end {
      while i < end && (bytes[i] == 0x20 || bytes[i] == 0x0A) { i += 1 }
      guard i < end else { break }
      let wordStart = i
      while i < end && bytes[i] != 0x20 && bytes[i] != 0x0A { i += 1 }
      let wordEnd = i
      let core = trimmed(bytes, wordStart..<wordEnd)
      guard !core.isEmpty else {
        linkWordsLeft = 0
        continue
      }
      let wordClass = classify(bytes, core)
      // Extend an open link over the next plain word when nothing but a space came between.
      if linkWordsLeft > 0, case .plain = wordClass, core.lowerBound == wordStart,
        let last = marks.last, last.kind == .link, last.range.upperBound + 1 == wordStart
      {
        marks[marks.count - 1].range = last.range.lowerBound..<core.upperBound
        linkWordsLeft = core.upperBound == wordEnd ? linkWordsLeft - 1 : 0
        continue
      }
      linkWordsLeft = 0
      switch wordClass {
      case .other:
        continue
      case .acronym:
        if rng.below(1000) < rates.abbreviation { marks.append(InlineMark(range: core, kind: .abbreviation)) }
      case .webAddress:
        if rng.below(1000) < rates.webAddress { marks.append(InlineMark(range: core, kind: .webAddress)) }
      case .email:
        if rng.below(1000) < rates.email { marks.append(InlineMark(range: core, kind: .email)) }
      case .plain(let lowercase):
        var roll = rng.below(1000)
        if roll < rates.strong {
          marks.append(InlineMark(range: core, kind: .strong))
          continue
        }
        roll -= rates.strong
        if roll < rates.emphasis {
          marks.append(InlineMark(range: core, kind: .emphasis))
          continue
        }
        roll -= rates.emphasis
        if roll < rates.code {
          if lowercase && core.count >= 5 { marks.append(InlineMark(range: core, kind: .code)) }
          continue
        }
        roll -= rates.code
        if roll < rates.link {
          marks.append(InlineMark(range: core, kind: .link))
          linkWordsLeft = core.upperBound == wordEnd ? rng.below(4) : 0
        }
      }
    }
  }

  /// The word without opening brackets and quotes before it or punctuation after it.
  private static func trimmed(_ bytes: [UInt8], _ word: Range<Int>) -> Range<Int> {
    var start = word.lowerBound
    var end = word.upperBound
    while start < end {
      if bytes[start] == UInt8(ascii: "(") {
        start += 1
      } else if end - start >= 3 && bytes[start] == 0xE2 && bytes[start + 1] == 0x80
        && (bytes[start + 2] == 0x98 || bytes[start + 2] == 0x9C)
      {
        start += 3  // ‘ or “
      } else {
        break
      }
    }
    while end > start {
      let last = bytes[end - 1]
      if last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";")
        || last == UInt8(ascii: ":") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
        || last == UInt8(ascii: ")")
      {
        end -= 1
      } else if end - start >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80
        && (bytes[end - 1] == 0x99 || bytes[end - 1] == 0x9D)
      {
        end -= 3  // ’ or ”
      } else {
        break
      }
    }
    return start..<end
  }

  /// What a trimmed word is.
  private static func classify(_ bytes: [UInt8], _ word: Range<Int>) -> WordClass {
    var letters = true
    var lowercase = true
    var uppercase = true
    var at = false
    var dot = false
    for index in word {
      let byte = bytes[index]
      let lower = byte &- UInt8(ascii: "a") < 26
      let upper = byte &- UInt8(ascii: "A") < 26
      if !lower && !upper { letters = false }
      if upper { lowercase = false }
      if lower { uppercase = false }
      if byte == UInt8(ascii: "@") { at = true }
      if byte == UInt8(ascii: ".") { dot = true }
    }
    if letters {
      guard word.count >= 2 else { return .other }
      if uppercase {
        let known = MarkupText.expansions[String(decoding: bytes[word], as: UTF8.self)] != nil
        return known ? .acronym : .plain(lowercase: false)
      }
      return .plain(lowercase: lowercase)
    }
    if at && dot { return .email }
    if dot && (startsWith(bytes, word, "http") || startsWith(bytes, word, "www.") || contains(bytes, word, ".uk")) {
      return .webAddress
    }
    return .other
  }

  /// Whether `bytes[word]` starts with `prefix`.
  private static func startsWith(_ bytes: [UInt8], _ word: Range<Int>, _ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard word.count >= count else { return false }
    let start = prefix.utf8Start
    for offset in 0..<count where bytes[word.lowerBound + offset] != start[offset] { return false }
    return true
  }

  /// Whether `bytes[word]` contains `needle` anywhere.
  private static func contains(_ bytes: [UInt8], _ word: Range<Int>, _ needle: StaticString) -> Bool {
    let count = needle.utf8CodeUnitCount
    guard word.count >= count else { return false }
    for start in word.lowerBound...(word.upperBound - count)
    where startsWith(bytes, start..<word.upperBound, needle) {
      return true
    }
    return false
  }
}
