#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import PlainLintCore

/// Matches the text cmark-gfm gives a node with the source bytes it came from.
enum MarkdownAlignment {
  /// The one segment that maps `literal` onto `source[span]` when the span starts with exactly the literal's bytes,
  /// the literal has no backslash, and the rest of the span is spaces and tabs: what `align` makes of such text, in
  /// a single compare. Nil otherwise.
  @inline(__always)
  static func identicalSpan(_ literal: UnsafeBufferPointer<UInt8>, source: [UInt8], span: Range<Int>)
    -> SourceMap.Segment?
  {
    let count = literal.count
    guard count > 0, count <= span.count, let l = literal.baseAddress else { return nil }
    return source.withUnsafeBufferPointer { s -> SourceMap.Segment? in
      guard span.upperBound <= s.count, let base = s.baseAddress else { return nil }
      let start = base + span.lowerBound
      guard memcmp(l, start, count) == 0, memchr(l, Int32(UInt8(ascii: "\\")), count) == nil else { return nil }
      var i = count
      while i < span.count {
        guard start[i] == 0x20 || start[i] == 0x09 else { return nil }
        i += 1
      }
      return SourceMap.Segment(proseStart: 0, proseLength: count, sourceStart: span.lowerBound, sourceLength: count)
    }
  }

  /// Appends to `segments` the segments mapping `literal` onto `source[span]`; false when they do not match (then
  /// what was appended is to be dropped).
  ///
  /// Bytes that agree map one to one. A backslash escape (`\*` → `*`) and a character reference (`&amp;` → `&`,
  /// `&#8217;` → `’`) each become a piece of their own, so a finding that starts or ends beside one still lands
  /// exactly on source bytes.
  /// With `toLineEnd`, the span runs on to the end of the line its end is on (cmark's end is a guess that may fall
  /// short), and source bytes left after the literal is matched are ignored. The line end is found on the way, so
  /// the cost is the literal's length, never the line's: one long line of many such pieces stays linear.
  static func align(
    _ literal: UnsafeBufferPointer<UInt8>, source: [UInt8], span: Range<Int>, toLineEnd: Bool = false,
    into segments: inout [SourceMap.Segment]
  ) -> Bool {
    source.withUnsafeBufferPointer { s in
      var i = span.lowerBound
      var j = 0
      let end = span.upperBound
      let count = s.count
      /// Whether `index` is inside the span (or, with `toLineEnd`, before the end of its last line). Characters a
      /// match steps over at once (an escape, a reference) never hold a line break, so stepping over them never
      /// passes one.
      @inline(__always)
      func inside(_ index: Int) -> Bool {
        index < end || (toLineEnd && index < count && s[index] != 0x0A && s[index] != 0x0D)
      }
      // A reference never holds a line break either, so it may look up to the end of the source.
      let referenceEnd = toLineEnd ? count : end
      /// Start of the current byte-for-byte run (prose, source).
      var runStart: (prose: Int, source: Int)? = nil

      func flushRun() {
        if let run = runStart, j > run.prose {
          segments.append(
            SourceMap.Segment(
              proseStart: run.prose, proseLength: j - run.prose, sourceStart: run.source, sourceLength: j - run.prose))
        }
        runStart = nil
      }

      while j < literal.count {
        guard inside(i) else { return false }
        let b = s[i]
        // A backslash before ASCII punctuation stands for the punctuation alone.
        if b == UInt8(ascii: "\\"), inside(i + 1), isASCIIPunctuation(s[i + 1]), literal[j] == s[i + 1] {
          flushRun()
          segments.append(SourceMap.Segment(proseStart: j, proseLength: 1, sourceStart: i, sourceLength: 2))
          i += 2
          j += 1
          continue
        }
        if b == UInt8(ascii: "&"), let reference = characterReference(s, at: i, end: referenceEnd) {
          let sourceLength = reference.length
          // cmark leaves unknown names as they are: then the bytes agree and the ordinary path takes them.
          let literalAgrees =
            j + sourceLength <= literal.count && (0..<sourceLength).allSatisfy { literal[j + $0] == s[i + $0] }
          if !literalAgrees {
            let proseLength = reference.decoded?.count ?? scalarLength(literal, at: j)
            guard proseLength > 0, j + proseLength <= literal.count else { return false }
            if let decoded = reference.decoded {
              guard (0..<proseLength).allSatisfy({ literal[j + $0] == decoded[$0] }) else { return false }
            }
            flushRun()
            segments.append(
              SourceMap.Segment(proseStart: j, proseLength: proseLength, sourceStart: i, sourceLength: sourceLength))
            i += sourceLength
            j += proseLength
            continue
          }
        }
        guard b == literal[j] else { return false }
        if runStart == nil { runStart = (j, i) }
        i += 1
        j += 1
      }
      flushRun()
      if toLineEnd { return true }
      // Trailing source bytes the literal does not have (spaces cmark trimmed) are fine; anything else is not.
      while i < end {
        guard s[i] == 0x20 || s[i] == 0x09 else { return false }
        i += 1
      }
      return true
    }
  }

  static func isASCIIPunctuation(_ b: UInt8) -> Bool {
    (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b)
  }

  static func scalarLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    guard i < p.count else { return 0 }
    return UTF8Scalar.decode(p, at: i).length
  }

  /// A character reference at `i`: `&name;`, `&#123;` or `&#x1F600;`. `decoded` is its UTF-8, when known.
  static func characterReference(_ s: UnsafeBufferPointer<UInt8>, at start: Int, end: Int)
    -> (length: Int, decoded: [UInt8]?)?
  {
    var i = start + 1
    guard i < end else { return nil }
    if s[i] == UInt8(ascii: "#") {
      i += 1
      var radix: UInt32 = 10
      if i < end && (s[i] | 0x20) == UInt8(ascii: "x") {
        radix = 16
        i += 1
      }
      let digitsStart = i
      var value: UInt32 = 0
      while i < end, i - digitsStart < 8, let digit = digitValue(s[i], radix: radix) {
        value = value &* radix &+ digit
        i += 1
      }
      guard i > digitsStart, i < end, s[i] == UInt8(ascii: ";") else { return nil }
      let scalar = (value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value)) ? 0xFFFD : value
      return (i + 1 - start, Array(String(Unicode.Scalar(scalar)!).utf8))
    }
    let nameStart = i
    while i < end && i - nameStart < 32 && isASCIIAlphanumeric(s[i]) { i += 1 }
    guard i > nameStart, i < end, s[i] == UInt8(ascii: ";") else { return nil }
    let name = String(decoding: UnsafeBufferPointer(rebasing: s[nameStart..<i]), as: UTF8.self)
    return (i + 1 - start, namedEntities[name].map { Array($0.utf8) })
  }

  static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
    b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26
  }

  static func digitValue(_ b: UInt8, radix: UInt32) -> UInt32? {
    if b &- 0x30 < 10 { return UInt32(b - 0x30) }
    if radix == 16 && (b | 0x20) &- 0x61 < 6 { return UInt32((b | 0x20) - 0x61 + 10) }
    return nil
  }

  /// The named references seen in health writing. An unknown name is taken to stand for one character, which is
  /// what nearly all of HTML's 2,000 names do.
  static let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "shy": "\u{AD}",
    "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "minus": "−",
    "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„", "laquo": "«",
    "raquo": "»", "bull": "•", "middot": "·", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷",
    "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³", "micro": "µ", "para": "¶",
    "sect": "§", "pound": "£", "euro": "€", "yen": "¥", "cent": "¢", "le": "≤", "ge": "≥", "ne": "≠",
    "asymp": "≈", "infin": "∞", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔",
    "check": "✓", "dagger": "†", "Dagger": "‡", "permil": "‰", "prime": "′", "Prime": "″",
    "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
    "lrm": "\u{200E}", "rlm": "\u{200F}", "iexcl": "¡", "iquest": "¿", "alpha": "α", "beta": "β",
    "gamma": "γ", "delta": "δ", "mu": "μ", "pi": "π", "sigma": "σ", "omega": "ω",
    "aacute": "á", "Aacute": "Á", "agrave": "à", "Agrave": "À", "acirc": "â", "Acirc": "Â", "auml": "ä",
    "Auml": "Ä", "aring": "å", "Aring": "Å", "atilde": "ã", "Atilde": "Ã", "aelig": "æ", "AElig": "Æ",
    "ccedil": "ç", "Ccedil": "Ç", "eacute": "é", "Eacute": "É", "egrave": "è", "Egrave": "È",
    "ecirc": "ê", "Ecirc": "Ê", "euml": "ë", "Euml": "Ë", "iacute": "í", "Iacute": "Í", "igrave": "ì",
    "Igrave": "Ì", "icirc": "î", "Icirc": "Î", "iuml": "ï", "Iuml": "Ï", "ntilde": "ñ", "Ntilde": "Ñ",
    "oacute": "ó", "Oacute": "Ó", "ograve": "ò", "Ograve": "Ò", "ocirc": "ô", "Ocirc": "Ô", "ouml": "ö",
    "Ouml": "Ö", "otilde": "õ", "Otilde": "Õ", "oslash": "ø", "Oslash": "Ø", "uacute": "ú", "Uacute": "Ú",
    "ugrave": "ù", "Ugrave": "Ù", "ucirc": "û", "Ucirc": "Û", "uuml": "ü", "Uuml": "Ü", "yacute": "ý",
    "Yacute": "Ý", "yuml": "ÿ", "szlig": "ß", "thorn": "þ", "THORN": "Þ", "eth": "ð", "ETH": "Ð",
    "wcirc": "ŵ", "Wcirc": "Ŵ", "ycirc": "ŷ", "Ycirc": "Ŷ",
  ]
}
