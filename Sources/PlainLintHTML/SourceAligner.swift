#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import PlainLintCore

/// Finds where libxml2's events came from in the source bytes.
///
/// libxml2 reports decoded text and element names, and the offset it had reached when it reported each event,
/// but not where a piece of text starts. The aligner walks the source with a cursor, in step with the events:
/// it reads markup the way libxml2 2.9's HTML parser does (tags and their attributes, comments, doctypes,
/// processing instructions, the raw text of `<script>` and `<style>`), decodes character references the way it
/// does, and matches each piece of decoded text to the source bytes it came from. Every event's offset bounds the
/// search, so a piece the aligner cannot match costs nothing beyond that event: it is mapped as a whole to the
/// source span that held it, and the cursor moves on to where libxml2 was.
///
/// Everything is linear: the cursor only moves forward, and each byte is read a bounded number of times.
struct SourceAligner {
  /// How libxml2 treats the text being matched.
  enum Mode {
    /// Character data between tags: markup between pieces is skipped, and a byte that is not UTF-8 is kept as is.
    case text
    /// An attribute value: no markup, and a byte that is not UTF-8 became the Latin-1 character of that value.
    case attribute
  }

  /// A start tag found in the source.
  struct StartTag {
    /// Where its `<` is.
    var start: Int
    /// Where its name ends (it starts after the `<`).
    var nameEnd: Int
    /// Where its attributes start (after the name and any blanks).
    var attributesStart: Int
    /// Where libxml2 stopped reading attributes: at the `>` or `/>`, or the end of the file.
    var attributesEnd: Int
    /// Just after its `>` or `/>` (the end of the file for a tag that never ends).
    var end: Int
    /// Whether it ended with `/>`.
    var selfClosing: Bool
    /// Where what it contains as raw text ends (`<script>`, `<style>`); `end` for other tags.
    var contentEnd: Int
    /// Whether its extent agrees with the offset libxml2 reported for it.
    var consistent = true
  }

  /// The source: the document's bytes, with any NUL byte replaced by a space exactly as for the parser.
  let source: UnsafeBufferPointer<UInt8>
  /// The number of source bytes.
  let count: Int
  /// Everything before the cursor has been accounted for.
  private(set) var cursor: Int
  /// How many pieces could not be matched byte for byte and were mapped to a span instead.
  private(set) var failures = 0
  /// Where the doctype of the prolog starts (only blanks, comments and processing instructions before it), or -1.
  private var prologDoctype = -1
  /// Just after the last doctype met in the middle of the document: libxml2 reads a `<` there as text unless a
  /// start tag, a comment or a processing instruction starts with it.
  private var afterMisplacedDoctype = -1

  /// Creates an aligner whose cursor starts at `start` (after a byte-order mark).
  init(source: UnsafeBufferPointer<UInt8>, start: Int) {
    self.source = source
    self.count = source.count
    self.cursor = start
    self.prologDoctype = findPrologDoctype(from: start)
  }

  /// The doctype libxml2 reads before the content, if there is one: after blanks, comments and processing
  /// instructions only.
  private func findPrologDoctype(from start: Int) -> Int {
    var i = start
    while true {
      i = skipBlanks(from: i)
      guard i + 1 < count, source[i] == UInt8(ascii: "<") else { return -1 }
      if hasPrefixIgnoringCase(at: i + 1, "!DOCTYPE") { return i }
      if source[i + 1] == UInt8(ascii: "?")
        || (i + 3 < count && source[i + 1] == UInt8(ascii: "!")
          && source[i + 2] == UInt8(ascii: "-") && source[i + 3] == UInt8(ascii: "-"))
      {
        guard let end = markupEnd(at: i), end > i else { return -1 }
        i = end
        continue
      }
      return -1
    }
  }

  /// Where the markup at `i` (a `<`) ends, taking a misplaced doctype before it into account; nil for a `<` that
  /// is text. Remembers where a misplaced doctype ends.
  private mutating func skipMarkup(at i: Int) -> Int? {
    if i == afterMisplacedDoctype && i + 1 < count {
      let next = source[i + 1]
      if next == UInt8(ascii: "/")
        || (next == UInt8(ascii: "!")
          && !(i + 3 < count
            && source[i + 2] == UInt8(ascii: "-") && source[i + 3] == UInt8(ascii: "-")))
      {
        return nil
      }
    }
    guard let end = markupEnd(at: i) else { return nil }
    if i != prologDoctype && i + 1 < count && source[i + 1] == UInt8(ascii: "!")
      && hasPrefixIgnoringCase(at: i + 2, "DOCTYPE")
    {
      afterMisplacedDoctype = end
    }
    return end
  }

  // MARK: Text

  /// Matches character data that libxml2 reported at `limit` (the offset it had reached: the end of the text, or
  /// the start of its last character when it delivered a long run in pieces). The segments, with prose offsets
  /// from `proseStart`, are appended to `segments` when `record` is true.
  ///
  /// Most text is the source copied unchanged, after markup libxml2 reported no text for (an end tag): that case
  /// is settled in one pass over the bytes, with the result the careful walk below would give.
  mutating func matchText(
    _ text: UnsafeBufferPointer<UInt8>, limit: Int, proseStart: Int, record: Bool,
    into segments: inout [SourceMap.Segment]
  ) {
    let m = text.count
    var i = cursor
    // The careful walk, shortened: skip markup where it would, then take the text as one run of unchanged bytes.
    // Anything else (a reference, a `<` in the text, a byte libxml2 dropped) is left to the careful walk, which
    // starts again from the cursor and reads the same markup the same way.
    while m > 0 && i < count && i <= limit {
      if source[i] == UInt8(ascii: "<") {
        guard let end = skipMarkup(at: i), end <= limit else { break }
        i = end
        continue
      }
      if source[i] == text[0] && isPlainCopy(text, at: i) {
        if record {
          Self.append(
            SourceMap.Segment(proseStart: proseStart, proseLength: m, sourceStart: i, sourceLength: m), to: &segments)
        }
        cursor = i + m
        return
      }
      break
    }
    let (end, matched) = match(
      text, from: cursor, limit: limit, mode: .text, proseStart: proseStart, record: record, into: &segments)
    cursor = matched ? max(cursor, end) : max(cursor, end, limit)
  }

  /// Matches a decoded attribute value against the value's bytes in the source tag.
  mutating func matchAttribute(
    _ value: UnsafeBufferPointer<UInt8>, source range: Range<Int>, proseStart: Int,
    into segments: inout [SourceMap.Segment]
  ) {
    _ = match(
      value, from: range.lowerBound, limit: range.upperBound, mode: .attribute, proseStart: proseStart, record: true,
      into: &segments)
  }

  /// Appends a segment, merging it into the last one when both copy bytes unchanged and they touch on both sides
  /// (as `SourceMap.append` does).
  @inline(__always)
  static func append(_ segment: SourceMap.Segment, to segments: inout [SourceMap.Segment]) {
    if segment.proseLength == segment.sourceLength, let last = segments.last, last.proseLength == last.sourceLength,
      last.proseStart + last.proseLength == segment.proseStart,
      last.sourceStart + last.sourceLength == segment.sourceStart
    {
      segments[segments.count - 1].proseLength += segment.proseLength
      segments[segments.count - 1].sourceLength += segment.sourceLength
      return
    }
    segments.append(segment)
  }

  /// Maps `length` prose bytes as a whole to a source span, when nothing better is known.
  mutating func mapAsWhole(
    proseStart: Int, length: Int, source span: Range<Int>, into segments: inout [SourceMap.Segment]
  ) {
    failures += 1
    guard length > 0 else { return }
    var lower = min(max(span.lowerBound, 0), count)
    var upper = min(max(span.upperBound, lower), count)
    if lower == upper {
      if upper < count { upper += 1 } else if lower > 0 { lower -= 1 }
    }
    segments.append(
      SourceMap.Segment(proseStart: proseStart, proseLength: length, sourceStart: lower, sourceLength: upper - lower))
  }

  /// The core of matching: walks the source from `start` and `text` from its first byte together. Returns where
  /// the walk ended in the source and whether all of `text` was matched.
  private mutating func match(
    _ text: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, mode: Mode, proseStart: Int, record: Bool,
    into segments: inout [SourceMap.Segment]
  ) -> (Int, Bool) {
    let s = source
    let n = count
    let m = text.count
    var walk = Walk(k: 0, i: start, proseStart: proseStart, record: record)
    var matched = true
    while walk.k < m {
      guard walk.i < n, walk.i <= limit else {
        matched = false
        break
      }
      let b = s[walk.i]
      let c = text[walk.k]
      if b == c && b != UInt8(ascii: "&") && (b != UInt8(ascii: "<") || mode == .attribute)
        && (b < 0x80 || mode == .text)
      {
        // A run of bytes copied unchanged, ended before a byte that needs a closer look.
        let run = plainRun(text, from: walk.k, source: walk.i, mode: mode)
        if run > 0 {
          walk.literal(run, into: &segments)
          continue
        }
      }
      if b < 0x80 {
        if b == UInt8(ascii: "<") && mode == .text {
          if let end = skipMarkup(at: walk.i) {
            // Markup libxml2 reported nothing for (a stray end tag) or before this text.
            guard end <= limit else {
              matched = false
              break
            }
            walk.i = end
            continue
          }
          if c == b {
            walk.literal(1, into: &segments)
            continue
          }
        } else if b == UInt8(ascii: "&") {
          if let (length, scalar) = reference(at: walk.i) {
            guard let scalar else {
              walk.i += length  // a reference to no character: libxml2 drops it
              continue
            }
            let encoded = EncodedScalar(scalar)
            if text.hasPrefix(encoded, at: walk.k) {
              walk.replaced(proseLength: encoded.count, sourceLength: length, into: &segments)
              continue
            }
          }
          if c == b {
            walk.literal(1, into: &segments)
            continue
          }
        } else if b == c {
          walk.literal(1, into: &segments)
          continue
        }
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || (b < 0x20 && !isXMLChar(UInt32(b))) {
          walk.i += 1  // white space libxml2 dropped, or a control character it does not allow
          continue
        }
        matched = false
        break
      }
      // A character outside ASCII, read as libxml2 reads it.
      let (scalar, length, valid) = libxmlCharacter(at: walk.i)
      if valid {
        if walk.i + length <= n && walk.k + length <= m {
          var same = true
          for index in 0..<length where s[walk.i + index] != text[walk.k + index] {
            same = false
            break
          }
          if same {
            walk.literal(length, into: &segments)
            continue
          }
        }
        if !isXMLChar(scalar) {
          walk.i += length  // a character libxml2 does not allow in text: dropped
          continue
        }
      } else {
        // A byte that does not start valid UTF-8: kept as is in text, read as Latin-1 in attributes.
        let latin1 = EncodedScalar(UInt32(b))
        if mode == .text && c == b {
          walk.literal(1, into: &segments)
          continue
        }
        if text.hasPrefix(latin1, at: walk.k) {
          walk.replaced(proseLength: latin1.count, sourceLength: 1, into: &segments)
          continue
        }
        if c == b {
          walk.literal(1, into: &segments)
          continue
        }
      }
      matched = false
      break
    }
    walk.flush(into: &segments)
    if !matched {
      let lower = min(walk.i, max(limit, start))
      if record {
        mapAsWhole(
          proseStart: proseStart + walk.k, length: m - walk.k, source: lower..<max(lower, limit), into: &segments)
      } else {
        failures += 1
      }
    }
    return (walk.i, matched)
  }

  /// Whether all of `text` is the source from `i` unchanged, with no `&` or `<` in it, and ends where a character
  /// ends in the source: then `plainRun(text, from: 0, source: i, mode: .text)` is the whole text. Eight bytes at a
  /// time, the last eight read again from where they end.
  @inline(__always)
  func isPlainCopy(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    let m = text.count
    guard m > 0, i + m <= count, let s = source.baseAddress, let t = text.baseAddress else { return false }
    if i + m < count && s[i + m] & 0xC0 == 0x80 { return false }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let ampersands = ones &* 0x26
    let lessThans = ones &* 0x3C
    @inline(__always)
    func plain(_ x: UInt64) -> Bool {
      let a = x ^ ampersands
      let l = x ^ lessThans
      return ((a &- ones) & ~a | (l &- ones) & ~l) & highs == 0
    }
    if m < 8 {
      for j in 0..<m {
        let b = s[i + j]
        if b != t[j] || b == 0x26 || b == 0x3C { return false }
      }
      return true
    }
    var j = 0
    while true {
      let at = min(j, m - 8)
      let x = UnsafeRawPointer(s + i + at).loadUnaligned(as: UInt64.self)
      let y = UnsafeRawPointer(t + at).loadUnaligned(as: UInt64.self)
      if x != y || !plain(x) { return false }
      if at == m - 8 { return true }
      j += 8
    }
  }

  /// How many bytes from `i` in the source equal those from `k` in `text`, stopping before an `&`, before a `<` in
  /// text, before any byte outside ASCII in an attribute, and never inside a character. Eight bytes at a time.
  @inline(__always)
  private func plainRun(_ text: UnsafeBufferPointer<UInt8>, from k: Int, source i: Int, mode: Mode) -> Int {
    guard let s = source.baseAddress, let t = text.baseAddress else { return 0 }
    let limit = min(text.count - k, count - i)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let ampersands = ones &* 0x26
    let lessThans = mode == .text ? ones &* 0x3C : ampersands
    let outside: UInt64 = mode == .text ? 0 : highs
    @inline(__always)
    func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
    var j = 0
    while j + 8 <= limit {
      let x = UnsafeRawPointer(s + i + j).loadUnaligned(as: UInt64.self)
      let y = UnsafeRawPointer(t + k + j).loadUnaligned(as: UInt64.self)
      if x != y || x & outside != 0 || hasZeroByte(x ^ ampersands) || hasZeroByte(x ^ lessThans) { break }
      j += 8
    }
    while j < limit {
      let b = s[i + j]
      if b != t[k + j] || b == 0x26 || (b == 0x3C && mode == .text) || (b >= 0x80 && mode == .attribute) { break }
      j += 1
    }
    // Stop at the start of a character, so that a character libxml2 dropped or changed is looked at whole.
    if j < limit || i + j < count {
      while j > 0 && i + j < count && s[i + j] & 0xC0 == 0x80 { j -= 1 }
    }
    return j
  }

  // MARK: Comments

  /// The comment that libxml2 has just reported, having read up to `limit`: the first comment between the cursor
  /// and `limit` that ends exactly there, found by reading the markup in between as libxml2 does. The cursor does
  /// not move (the next piece of text skips the comment as markup anyway).
  func findComment(endingAt limit: Int) -> SourceComment? {
    let s = source
    var i = cursor
    while i < min(limit, count) {
      guard s[i] == UInt8(ascii: "<") else {
        i += 1
        continue
      }
      if i + 3 < count && s[i + 1] == UInt8(ascii: "!") && s[i + 2] == UInt8(ascii: "-")
        && s[i + 3] == UInt8(ascii: "-")
      {
        let end = commentEnd(from: i + 4)
        if end == limit {
          let closer = s[end - 2] == UInt8(ascii: "!") ? 4 : 3  // `--!>` or `-->`
          return SourceComment(range: i..<end, text: (i + 4)..<max(i + 4, end - closer))
        }
        i = end
        continue
      }
      if let end = markupEnd(at: i), end > i {
        i = end
        continue
      }
      i += 1
    }
    return nil
  }

  // MARK: Start tags

  /// Finds the start tag of an element libxml2 started at `limit`, moving the cursor past it (and past the raw text
  /// of a `<script>` or `<style>`). Returns nil for an element that recovery implied (no tag in the source before
  /// `limit`); then the cursor stays at the first thing libxml2 may still report.
  mutating func findStartTag(named name: UnsafeBufferPointer<UInt8>, at limit: Int) -> StartTag? {
    let s = source
    let n = min(count, limit)
    var i = cursor
    var firstUnreported = -1
    while i < n {
      if s[i] == UInt8(ascii: "<") {
        if i + 1 < count && isASCIILetter(s[i + 1]) {
          var tag = scanStartTag(at: i)
          if nameIs(i + 1..<tag.nameEnd, name) {
            if tag.attributesEnd != limit {
              // libxml2 read this tag differently: trust its offset for where the tag ends.
              tag.consistent = false
              failures += 1
              var end = min(limit, count)
              if end < count && s[end] == UInt8(ascii: ">") {
                end += 1
              } else if end + 1 < count && s[end] == UInt8(ascii: "/") && s[end + 1] == UInt8(ascii: ">") {
                end += 2
              }
              tag.end = end
              tag.contentEnd = end
            }
            cursor = max(cursor, tag.contentEnd)
            return tag
          }
          if tag.contentEnd > limit {
            if firstUnreported < 0 { firstUnreported = i }
            break
          }
          i = tag.contentEnd
          continue
        }
        if let end = skipMarkup(at: i) {
          if end > limit {
            if firstUnreported < 0 { firstUnreported = i }
            break
          }
          i = end
          continue
        }
      }
      if firstUnreported < 0 { firstUnreported = i }
      i += 1
    }
    cursor = firstUnreported >= 0 ? firstUnreported : max(cursor, min(i, count))
    return nil
  }

  /// The source range of the value of the first attribute called `name` (lower case) in a start tag; an empty
  /// range for an attribute without a value; nil when the tag has no such attribute.
  func attributeValue(named name: StaticString, in tag: StartTag) -> Range<Int>? {
    var i = tag.attributesStart
    while let attribute = nextAttribute(at: i, end: tag.attributesEnd) {
      if let nameRange = attribute.name, equalsIgnoringCase(nameRange, name) {
        return attribute.value ?? nameRange.upperBound..<nameRange.upperBound
      }
      i = attribute.next
    }
    return nil
  }

  // MARK: Reading markup as libxml2 does

  /// If the `<` at `i` starts markup, where that markup ends (for `<script>` and `<style>`, where their raw text
  /// ends); nil when libxml2 reads the `<` as text.
  func markupEnd(at i: Int) -> Int? {
    let s = source
    let n = count
    guard i + 1 < n else { return nil }
    let next = s[i + 1]
    if isASCIILetter(next) {
      return scanStartTag(at: i).contentEnd
    }
    if next == UInt8(ascii: "/") {
      // An end tag runs to the next `>`. `</` with no name after it is dropped on its own.
      guard i + 2 < n, isHTMLNameStart(s[i + 2]) else { return i + 2 }
      return index(of: UInt8(ascii: ">"), from: i + 2).map { $0 + 1 } ?? n
    }
    if next == UInt8(ascii: "!") {
      if i + 3 < n && s[i + 2] == UInt8(ascii: "-") && s[i + 3] == UInt8(ascii: "-") {
        return commentEnd(from: i + 4)
      }
      if hasPrefixIgnoringCase(at: i + 2, "DOCTYPE") {
        return doctypeEnd(from: i + 9)
      }
      return nil
    }
    if next == UInt8(ascii: "?") {
      // A processing instruction runs to the next `>`; `<?` without a target is dropped on its own.
      guard i + 2 < n else { return i + 2 }
      let first = s[i + 2]
      let startsName =
        first < 0x80
        ? isASCIILetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
        : isXMLLetter(libxmlCharacter(at: i + 2).0)
      guard startsName else { return i + 2 }
      return index(of: UInt8(ascii: ">"), from: i + 2).map { $0 + 1 } ?? i + 2
    }
    return nil
  }

  /// Reads the start tag whose `<` is at `i` (followed by an ASCII letter) as libxml2's `htmlParseStartTag` does.
  func scanStartTag(at start: Int) -> StartTag {
    let s = source
    let n = count
    let nameEnd = htmlNameEnd(from: start + 1)
    let attributesStart = skipBlanks(from: nameEnd)
    var i = attributesStart
    if let greaterThan = usualAttributesEnd(from: attributesStart) {
      i = greaterThan
    } else {
      while let attribute = nextAttribute(at: i, end: n) { i = attribute.next }
    }
    var end = n
    var selfClosing = false
    if i < n && s[i] == UInt8(ascii: ">") {
      end = i + 1
    } else if i + 1 < n && s[i] == UInt8(ascii: "/") && s[i + 1] == UInt8(ascii: ">") {
      end = i + 2
      selfClosing = true
    }
    var contentEnd = end
    let nameLength = nameEnd - (start + 1)
    if !selfClosing && end < n && s[end - 1] == UInt8(ascii: ">") && (nameLength == 5 || nameLength == 6) {
      if equalsIgnoringCase(start + 1..<nameEnd, "script") {
        contentEnd = rawTextEnd(from: end, name: "script")
      } else if equalsIgnoringCase(start + 1..<nameEnd, "style") {
        contentEnd = rawTextEnd(from: end, name: "style")
      }
    }
    return StartTag(
      start: start, nameEnd: nameEnd, attributesStart: attributesStart, attributesEnd: i, end: end,
      selfClosing: selfClosing, contentEnd: contentEnd)
  }

  /// Where the attributes from `start` end, read as `nextAttribute` reads them one by one, for tags of the usual
  /// shape: names (of under 100 characters), each with no value, a quoted value or an unquoted one, up to a `>`.
  /// Nil for anything else (a `/`, a piece that is not an attribute, a quote or tag that never closes), which the
  /// full reading handles.
  @inline(__always)
  func usualAttributesEnd(from start: Int) -> Int? {
    let s = source
    var i = start
    while i < count {
      let b = s[i]
      if b == UInt8(ascii: ">") { return i }
      guard b != UInt8(ascii: "/"), isHTMLNameStart(b) else { return nil }
      var j = i + 1
      while j < count && isHTMLNameChar(s[j]) { j += 1 }
      guard j - i < 100 else { return nil }  // libxml2 cuts a name at 100 characters
      j = skipBlanks(from: j)
      if j < count && s[j] == UInt8(ascii: "=") {
        j = skipBlanks(from: j + 1)
        if j < count && (s[j] == UInt8(ascii: "\"") || s[j] == UInt8(ascii: "'")) {
          guard let close = index(of: s[j], from: j + 1) else { return nil }
          j = close + 1
        } else {
          while j < count && !isBlank(s[j]) && s[j] != UInt8(ascii: ">") { j += 1 }
        }
      }
      i = skipBlanks(from: j)
    }
    return nil
  }

  /// One attribute (or a piece of text that is not one) in a start tag.
  struct AttributeScan {
    /// The name's range, or nil for bytes libxml2 skipped as a bogus attribute.
    var name: Range<Int>?
    /// The value's range inside any quotes, or nil when there is no `=`.
    var value: Range<Int>?
    /// Where the next attribute starts (after blanks).
    var next: Int
  }

  /// The attribute at `i` (after blanks), or nil at the end of the tag: libxml2's `htmlParseAttribute`, with its
  /// way of skipping a bogus attribute up to the next blank or the end of the tag.
  func nextAttribute(at start: Int, end limit: Int) -> AttributeScan? {
    let s = source
    let n = min(count, limit)
    guard start < n else { return nil }
    let first = s[start]
    if first == UInt8(ascii: ">") { return nil }
    if first == UInt8(ascii: "/") && start + 1 < count && s[start + 1] == UInt8(ascii: ">") { return nil }
    if isHTMLNameStart(first) {
      let nameEnd = htmlNameEnd(from: start)
      var i = skipBlanks(from: nameEnd)
      var value: Range<Int>? = nil
      if i < n && s[i] == UInt8(ascii: "=") {
        i = skipBlanks(from: i + 1)
        if i < n && (s[i] == UInt8(ascii: "\"") || s[i] == UInt8(ascii: "'")) {
          let quote = s[i]
          let valueStart = i + 1
          let valueEnd = index(of: quote, from: valueStart) ?? count
          value = valueStart..<valueEnd
          i = valueEnd < count ? valueEnd + 1 : valueEnd
        } else {
          var j = i
          while j < count && !isBlank(s[j]) && s[j] != UInt8(ascii: ">") { j += 1 }
          value = i..<j
          i = j
        }
      }
      return AttributeScan(name: start..<nameEnd, value: value, next: skipBlanks(from: i))
    }
    var j = start
    while j < count && !isBlank(s[j]) && s[j] != UInt8(ascii: ">")
      && !(s[j] == UInt8(ascii: "/") && j + 1 < count && s[j + 1] == UInt8(ascii: ">"))
    {
      j += 1
    }
    return AttributeScan(name: nil, value: nil, next: skipBlanks(from: j))
  }

  /// Where the raw text of a `<script>` or `<style>` ends: at the first `</name` (any case) whose full end-tag name
  /// is the element's. An end tag with a longer name (`</scripts>`) is ignored and the raw text goes on.
  func rawTextEnd(from start: Int, name: StaticString) -> Int {
    let s = source
    let n = count
    var i = start
    while let lt = index(of: UInt8(ascii: "<"), from: i) {
      if lt + 1 < n && s[lt + 1] == UInt8(ascii: "/") && hasPrefixIgnoringCase(at: lt + 2, name) {
        let nameEnd = htmlNameEnd(from: lt + 2)
        if nameEnd - (lt + 2) == name.utf8CodeUnitCount { return lt }
        guard let gt = index(of: UInt8(ascii: ">"), from: nameEnd) else { return n }
        i = gt + 1
        continue
      }
      i = lt + 1
    }
    return n
  }

  /// Where a comment whose text starts at `i` ends: after the first `-->` or `--!>`, or at the end of the file.
  func commentEnd(from start: Int) -> Int {
    let s = source
    let n = count
    var i = start
    while let dash = index(of: UInt8(ascii: "-"), from: i) {
      if dash + 2 < n && s[dash + 1] == UInt8(ascii: "-") {
        if s[dash + 2] == UInt8(ascii: ">") { return dash + 3 }
        if s[dash + 2] == UInt8(ascii: "!") && dash + 3 < n && s[dash + 3] == UInt8(ascii: ">") { return dash + 4 }
      }
      i = dash + 1
    }
    return n
  }

  /// Where a doctype whose body starts at `i` ends: at the first `>` outside quoted literals.
  func doctypeEnd(from start: Int) -> Int {
    let s = source
    let n = count
    var i = start
    while i < n {
      let b = s[i]
      if b == UInt8(ascii: ">") { return i + 1 }
      if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
        guard let close = index(of: b, from: i + 1) else { return n }
        i = close + 1
        continue
      }
      i += 1
    }
    return n
  }

  /// The character reference at `i` (an `&`) as libxml2 reads it in text and attributes: its length in the source
  /// and its code point (nil for a numeric reference to a character XML does not allow, which libxml2 drops). Nil
  /// when libxml2 keeps the `&` as text (unknown names, names without `;`).
  func reference(at start: Int) -> (Int, UInt32?)? {
    let s = source
    let n = count
    guard start + 1 < n else { return nil }
    if s[start + 1] == UInt8(ascii: "#") {
      var i = start + 2
      var value: UInt32 = 0
      if i < n && (s[i] | 0x20) == UInt8(ascii: "x") {
        i += 1
        while i < n && s[i] != UInt8(ascii: ";") {
          let b = s[i]
          let digit: UInt32
          if b &- 0x30 < 10 {
            digit = UInt32(b &- 0x30)
          } else if (b | 0x20) &- 0x61 < 6 {
            digit = UInt32((b | 0x20) &- 0x61) + 10
          } else {
            break
          }
          if value < 0x110000 { value = value * 16 + digit }
          i += 1
        }
      } else {
        while i < n && s[i] != UInt8(ascii: ";") {
          let b = s[i]
          guard b &- 0x30 < 10 else { break }
          if value < 0x110000 { value = value * 10 + UInt32(b &- 0x30) }
          i += 1
        }
      }
      if i < n && s[i] == UInt8(ascii: ";") { i += 1 }
      return (i - start, isXMLChar(value) ? value : nil)
    }
    // A named reference: libxml2 decodes it only when the name is one it knows and a `;` follows.
    let nameStart = start + 1
    let first = s[nameStart]
    guard isASCIILetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") else { return nil }
    var i = nameStart + 1
    while i < n && i - nameStart <= 8 && isXMLNameCharASCII(s[i]) { i += 1 }
    guard i < n, s[i] == UInt8(ascii: ";"), let key = packEntityName(s, nameStart..<i),
      let value = htmlEntityValues[key]
    else { return nil }
    return (i + 1 - start, value)
  }

  /// The character at `i` as libxml2's `htmlCurrentChar` reads UTF-8: its value and length, and whether it is
  /// well formed (a malformed byte is read alone).
  @inline(__always)
  func libxmlCharacter(at i: Int) -> (UInt32, Int, Bool) {
    let s = source
    let n = count
    let c = s[i]
    if c < 0x80 { return (UInt32(c), 1, true) }
    let malformed = (UInt32(c), 1, false)
    guard c & 0x40 != 0, i + 1 < n, s[i + 1] & 0xC0 == 0x80 else { return malformed }
    if c & 0xE0 == 0xE0 {
      guard i + 2 < n, s[i + 2] & 0xC0 == 0x80 else { return malformed }
      if c & 0xF0 == 0xF0 {
        guard c & 0xF8 == 0xF0, i + 3 < n, s[i + 3] & 0xC0 == 0x80 else { return malformed }
        let value =
          UInt32(c & 0x07) << 18 | UInt32(s[i + 1] & 0x3F) << 12 | UInt32(s[i + 2] & 0x3F) << 6
          | UInt32(s[i + 3] & 0x3F)
        return value < 0x10000 ? malformed : (value, 4, true)
      }
      let value = UInt32(c & 0x0F) << 12 | UInt32(s[i + 1] & 0x3F) << 6 | UInt32(s[i + 2] & 0x3F)
      return value < 0x800 ? malformed : (value, 3, true)
    }
    let value = UInt32(c & 0x1F) << 6 | UInt32(s[i + 1] & 0x3F)
    return value < 0x80 ? malformed : (value, 2, true)
  }

  // MARK: Small helpers

  /// The end of an HTML name starting at `i`, as `htmlParseHTMLName` reads it: letters, digits, `:`, `-`, `_`
  /// and `.`, at most 100 of them (libxml2 leaves the rest for the attributes).
  @inline(__always)
  func htmlNameEnd(from start: Int) -> Int {
    let s = source
    let n = min(count, start + 100)
    var i = start
    guard i < n, isHTMLNameStart(s[i]) else { return start }
    i += 1
    while i < n && isHTMLNameChar(s[i]) { i += 1 }
    return i
  }

  /// Whether the name in `range` of the source (as libxml2 lower-cases it) is `name`.
  @inline(__always)
  func nameIs(_ range: Range<Int>, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
    guard range.count == name.count else { return false }
    for index in 0..<name.count where lowercased(source[range.lowerBound + index]) != name[index] { return false }
    return true
  }

  /// Whether the bytes in `range` are `name` (lower case), ignoring ASCII case.
  func equalsIgnoringCase(_ range: Range<Int>, _ name: StaticString) -> Bool {
    guard range.count == name.utf8CodeUnitCount else { return false }
    let expected = name.utf8Start
    for index in 0..<range.count where lowercased(source[range.lowerBound + index]) != expected[index] {
      return false
    }
    return true
  }

  /// Whether the source at `i` starts with `prefix`, ignoring ASCII case.
  func hasPrefixIgnoringCase(at start: Int, _ prefix: StaticString) -> Bool {
    let length = prefix.utf8CodeUnitCount
    guard start + length <= count else { return false }
    let expected = prefix.utf8Start
    for index in 0..<length where lowercased(source[start + index]) != lowercased(expected[index]) { return false }
    return true
  }

  /// The first offset at or after `i` holding `byte`.
  @inline(__always)
  func index(of byte: UInt8, from start: Int) -> Int? {
    guard start < count, let base = source.baseAddress else { return nil }
    guard let found = memchr(base + start, Int32(byte), count - start) else { return nil }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  @inline(__always)
  func skipBlanks(from start: Int) -> Int {
    var i = start
    while i < count && isBlank(source[i]) { i += 1 }
    return i
  }
}

/// Where one match is in the decoded text (`k`) and the source (`i`), with the run of unchanged bytes it has not
/// written as a segment yet.
private struct Walk {
  var k: Int
  var i: Int
  let proseStart: Int
  let record: Bool
  var runProse = 0
  var runSource = 0
  var runLength = 0

  init(k: Int, i: Int, proseStart: Int, record: Bool) {
    self.k = k
    self.i = i
    self.proseStart = proseStart
    self.record = record
  }

  /// Steps over `length` bytes that are the same in the text and the source.
  @inline(__always)
  mutating func literal(_ length: Int, into segments: inout [SourceMap.Segment]) {
    if record {
      if runLength > 0 && runProse + runLength == proseStart + k && runSource + runLength == i {
        runLength += length
      } else {
        flush(into: &segments)
        runProse = proseStart + k
        runSource = i
        runLength = length
      }
    }
    k += length
    i += length
  }

  /// Steps over a reference (or a byte libxml2 re-encoded): `proseLength` text bytes from `sourceLength` source bytes.
  @inline(__always)
  mutating func replaced(proseLength: Int, sourceLength: Int, into segments: inout [SourceMap.Segment]) {
    if record {
      flush(into: &segments)
      segments.append(
        SourceMap.Segment(
          proseStart: proseStart + k, proseLength: proseLength, sourceStart: i, sourceLength: sourceLength))
    }
    k += proseLength
    i += sourceLength
  }

  /// Writes the pending run of unchanged bytes.
  @inline(__always)
  mutating func flush(into segments: inout [SourceMap.Segment]) {
    guard runLength > 0 else { return }
    SourceAligner.append(
      SourceMap.Segment(proseStart: runProse, proseLength: runLength, sourceStart: runSource, sourceLength: runLength),
      to: &segments)
    runLength = 0
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// Whether the bytes from `k` start with the encoded scalar.
  @inline(__always)
  fileprivate func hasPrefix(_ encoded: EncodedScalar, at k: Int) -> Bool {
    guard k + encoded.count <= count else { return false }
    for index in 0..<encoded.count where self[k + index] != encoded[index] { return false }
    return true
  }
}

/// A code point encoded as UTF-8, without allocating.
struct EncodedScalar {
  private var bytes: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
  /// How many bytes the encoding has.
  private(set) var count = 0

  init(_ value: UInt32) {
    if value < 0x80 {
      bytes.0 = UInt8(value)
      count = 1
    } else if value < 0x800 {
      bytes = (UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F), 0, 0)
      count = 2
    } else if value < 0x10000 {
      bytes = (UInt8(0xE0 | value >> 12), UInt8(0x80 | (value >> 6) & 0x3F), UInt8(0x80 | value & 0x3F), 0)
      count = 3
    } else {
      bytes = (
        UInt8(0xF0 | (value >> 18) & 0x07), UInt8(0x80 | (value >> 12) & 0x3F), UInt8(0x80 | (value >> 6) & 0x3F),
        UInt8(0x80 | value & 0x3F)
      )
      count = 4
    }
  }

  subscript(index: Int) -> UInt8 {
    switch index {
    case 0: return bytes.0
    case 1: return bytes.1
    case 2: return bytes.2
    default: return bytes.3
    }
  }
}

/// Whether XML (and so libxml2) allows the code point as a character.
@inline(__always)
func isXMLChar(_ value: UInt32) -> Bool {
  value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value <= 0xD7FF)
    || (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF)
}

@inline(__always)
func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

@inline(__always)
func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

@inline(__always)
func lowercased(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

/// The first character of a name as libxml2's `htmlParseHTMLName` reads it: a letter, `_`, `:` or `.`.
@inline(__always)
func isHTMLNameStart(_ b: UInt8) -> Bool {
  // Bit b of the first word for b below 64 (`.` and `:`), bit b - 64 of the second for b below 128.
  let low: UInt64 = 1 << 0x2E | 1 << 0x3A
  let high: UInt64 = 0x07FF_FFFE_87FF_FFFE  // A–Z, `_`, a–z
  return b < 64 ? (low >> UInt64(b)) & 1 != 0 : b < 128 && (high >> UInt64(b &- 64)) & 1 != 0
}

/// A later character of a name as `htmlParseHTMLName` reads it: a letter, a digit, `:`, `-`, `_` or `.`.
@inline(__always)
func isHTMLNameChar(_ b: UInt8) -> Bool {
  let low: UInt64 = 0x07FF_6000_0000_0000  // `-`, `.`, 0–9, `:`
  let high: UInt64 = 0x07FF_FFFE_87FF_FFFE  // A–Z, `_`, a–z
  return b < 64 ? (low >> UInt64(b)) & 1 != 0 : b < 128 && (high >> UInt64(b &- 64)) & 1 != 0
}

/// A later ASCII character of an entity name as libxml2's `htmlParseName` reads it.
@inline(__always)
func isXMLNameCharASCII(_ b: UInt8) -> Bool { isHTMLNameChar(b) }
