/// Where an editor should write a `plainlint-disable-line` comment that switches a finding's rule off on its line:
/// the language server's "Switch off RULE on this line" quick fix in Markdown and HTML. Pure functions of the
/// document's bytes; nothing here runs when linting.
///
/// The comment ` <!-- plainlint-disable-line RULE -->` goes at the end of the finding's first line, before any
/// blanks that end it. At the end, never at the start: a comment alone at the start of a paragraph's
/// continuation line starts an HTML block and ends the paragraph.
/// - Markdown: a line that ends with `|` (a table row) gets the comment at the end of the finding's cell, since
///   cmark-gfm drops a cell after a row's last `|`; a closing `###` of a heading and a `\` hard line break stay
///   at the end of the line.
/// - HTML: when the end of the line is inside a tag, a comment or an element whose content is text or code
///   (`<title>`, `<script>`, `<pre>`, `<code>`…), the comment goes right after the finding instead, if that is a
///   place a comment counts, else nowhere (nil).
///
/// Plain text has no comments: a directive there is a line of its own, and a line inside a paragraph would end
/// the paragraph, so where it goes is the server's choice (nil here).
public enum DirectivePlacement {
  /// A text to insert at a byte offset of the document.
  public struct Insertion: Hashable, Sendable {
    /// The byte offset in the document.
    public var offset: Int
    /// The text to insert there.
    public var text: String

    /// Creates an insertion.
    public init(offset: Int, text: String) {
      self.offset = offset
      self.text = text
    }
  }

  /// The edit that switches `rule` off on the line where `range` (a finding's source range) starts, in a
  /// document of `format` ("markdown" or "html"); nil for plain text, or when there is no safe place for it.
  public static func disableLine(rule: String, in bytes: [UInt8], format: String, range: Range<Int>) -> Insertion? {
    directivePlacement(in: bytes, format: format, range: range).map {
      Insertion(offset: $0, text: " <!-- \(Directive.Kind.disableLine.rawValue) \(rule) -->")
    }
  }

  /// The byte offset where ` <!-- plainlint-disable-line RULE -->` goes for a finding at `range` in a Markdown or
  /// HTML document (see the type's summary); nil for plain text, or when no place on the line is safe.
  public static func directivePlacement(in bytes: [UInt8], format: String, range: Range<Int>) -> Int? {
    guard range.lowerBound >= 0, range.lowerBound <= bytes.count else { return nil }
    let line = lineBounds(bytes, containing: range.lowerBound)
    var end = line.end
    while end > line.start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
    let findingEnd = min(max(range.upperBound, range.lowerBound), end)
    switch format {
    case "markdown": return markdownPlacement(bytes, lineStart: line.start, end: end, findingEnd: findingEnd)
    case "html":
      if HTMLState.isText(bytes, at: end) { return end }
      if range.upperBound <= line.end && HTMLState.isText(bytes, at: findingEnd) { return findingEnd }
      return nil
    default: return nil
    }
  }

  /// Markdown: the end of the line's content, or of the finding's cell in a table row.
  private static func markdownPlacement(_ bytes: [UInt8], lineStart: Int, end: Int, findingEnd: Int) -> Int {
    guard end > lineStart else { return end }
    let last = bytes[end - 1]
    if last == UInt8(ascii: "|") && !isEscaped(bytes, end - 1, from: lineStart) {
      // A table row: before the first unescaped `|` after the finding, and the blanks before it.
      var bar = findingEnd
      while bar < end && !(bytes[bar] == UInt8(ascii: "|") && !isEscaped(bytes, bar, from: lineStart)) { bar += 1 }
      var at = bar
      while at > findingEnd && (bytes[at - 1] == 0x20 || bytes[at - 1] == 0x09) { at -= 1 }
      return at
    }
    if last == UInt8(ascii: "\\") && !isEscaped(bytes, end - 1, from: lineStart) {
      // A hard line break written as a backslash must stay last.
      return end - 1
    }
    if last == UInt8(ascii: "#") {
      // The closing sequence of an ATX heading (`## Title ##`) must stay last.
      var first = lineStart
      while first < end && [0x20, 0x09, UInt8(ascii: ">")].contains(bytes[first]) { first += 1 }
      var hashes = end
      while hashes > lineStart && bytes[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
      if first < end && bytes[first] == UInt8(ascii: "#") && hashes > first && hashes > lineStart
        && (bytes[hashes - 1] == 0x20 || bytes[hashes - 1] == 0x09)
      {
        return hashes - 1
      }
    }
    return end
  }

  /// Whether the byte at `index` is escaped by an odd number of backslashes before it on its line.
  private static func isEscaped(_ bytes: [UInt8], _ index: Int, from lineStart: Int) -> Bool {
    var count = 0
    var i = index
    while i > lineStart && bytes[i - 1] == UInt8(ascii: "\\") {
      count += 1
      i -= 1
    }
    return count % 2 == 1
  }

  /// The start of the line holding `offset` and the end of its text (before `\n`, `\r\n` or `\r`).
  static func lineBounds(_ bytes: [UInt8], containing offset: Int) -> (start: Int, end: Int) {
    var start = min(offset, bytes.count)
    while start > 0 && bytes[start - 1] != 0x0A && bytes[start - 1] != 0x0D { start -= 1 }
    var end = min(offset, bytes.count)
    while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
    return (start, end)
  }

}

/// Just enough of HTML's tokenizer to tell whether a comment written at an offset would be a comment in running
/// text that plainlint reads for directives: not inside a tag, a comment, a `<script>` or `<title>` (whose
/// content is text, not markup) or an element whose content is code (where directives are not read).
enum HTMLState {
  /// Elements whose content is raw text: a comment written in them is not a comment.
  static let rawText: Set<String> = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
  ]
  /// Elements whose content plainlint never lints, so a directive in them is not read.
  static let code: Set<String> = [
    "pre", "listing", "plaintext", "xmp", "iframe", "noembed", "noframes", "script", "style", "code", "kbd", "samp",
    "var", "template", "math",
  ]

  /// Whether `offset` is in running text outside any code element.
  static func isText(_ bytes: [UInt8], at offset: Int) -> Bool {
    var codeDepth = 0
    var i = 0
    while i < offset {
      guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else {
        i += 1
        continue
      }
      let next = bytes[i + 1]
      var end: Int
      if next == UInt8(ascii: "!") && starts(bytes, "<!--", at: i) {
        end = find(bytes, "-->", from: i + 4).map { $0 + 3 } ?? bytes.count
      } else if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
        end = (bytes[i...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
      } else if next == UInt8(ascii: "/") || isLetter(next) {
        let closing = next == UInt8(ascii: "/")
        let nameStart = closing ? i + 2 : i + 1
        var nameEnd = nameStart
        while nameEnd < bytes.count && (isLetter(bytes[nameEnd]) || (bytes[nameEnd] >= 0x30 && bytes[nameEnd] <= 0x39))
        { nameEnd += 1 }
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased()
        end = tagEnd(bytes, from: nameEnd)
        if !closing && rawText.contains(name) {
          // Its content, up to and including the place just before its end tag, is text, not markup.
          let close = closingTag(bytes, name, from: end) ?? bytes.count
          if offset <= close { return false }
          i = close
          continue
        }
        if code.contains(name) && (closing || end < 2 || bytes[end - 2] != UInt8(ascii: "/")) {
          codeDepth = max(0, codeDepth + (closing ? -1 : 1))
        }
      } else {
        i += 1
        continue
      }
      if offset < end { return false }
      i = end
    }
    return codeDepth == 0
  }

  /// The end (just past `>`) of a tag whose attributes start at `from`, skipping quoted values.
  private static func tagEnd(_ bytes: [UInt8], from: Int) -> Int {
    var i = from
    var quote: UInt8? = nil
    while i < bytes.count {
      let b = bytes[i]
      if let open = quote {
        if b == open { quote = nil }
      } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
        quote = b
      } else if b == UInt8(ascii: ">") {
        return i + 1
      }
      i += 1
    }
    return bytes.count
  }

  /// The start of `</name` after `from` (any case), or nil.
  private static func closingTag(_ bytes: [UInt8], _ name: String, from: Int) -> Int? {
    var i = from
    while let lt = find(bytes, "</", from: i) {
      let nameBytes = Array(name.utf8)
      if lt + 2 + nameBytes.count <= bytes.count && zip(bytes[(lt + 2)...], nameBytes).allSatisfy({ ($0 | 0x20) == $1 })
      {
        return lt
      }
      i = lt + 2
    }
    return nil
  }

  private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

  private static func starts(_ bytes: [UInt8], _ text: String, at i: Int) -> Bool {
    let t = Array(text.utf8)
    return i + t.count <= bytes.count && bytes[i..<i + t.count].elementsEqual(t)
  }

  private static func find(_ bytes: [UInt8], _ text: String, from start: Int) -> Int? {
    let t = Array(text.utf8)
    var i = start
    while i + t.count <= bytes.count {
      if bytes[i..<i + t.count].elementsEqual(t) { return i }
      i += 1
    }
    return nil
  }
}
