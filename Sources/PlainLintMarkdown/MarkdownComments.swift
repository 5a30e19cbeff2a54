import PlainLintCore

/// Finds the HTML comments in a Markdown document's raw HTML that may hold plainlint directives.
///
/// cmark-gfm gives raw HTML as HTML blocks and inline HTML nodes; the prose builder records them as it meets
/// them, and only their bytes are read here, so code (fenced, indented or inline) is never looked at. A comment
/// within `<pre>`, `<code>`, `<script>`, `<style>` and the other elements whose content is code is not a directive
/// either, in an HTML block or inline in a paragraph.
enum MarkdownComments {
  /// Raw HTML as the prose builder met it.
  enum RawHTML {
    /// Inline HTML (a tag or a comment), by its source span, with the number of prose blocks closed before it
    /// (the same number means the same paragraph).
    case inline(Range<Int>, block: Int)
    /// An HTML block: its first line (0-based) and its content as cmark-gfm gives it, one line per source line,
    /// each the end of its source line (what container markers such as `> ` leave of it).
    case block(firstLine: Int, content: [UInt8])
  }

  /// Elements whose content is code or program text, as the HTML front end skips them.
  static let codeElements: [StaticString] = [
    "pre", "code", "kbd", "samp", "var", "script", "style", "template", "xmp", "listing", "math",
  ]

  /// The comments in the raw HTML (in document order) whose text starts with `plainlint`, with exact source
  /// ranges.
  static func directiveComments(in source: [UInt8], lineStarts: LineStarts, rawHTML: [RawHTML]) -> [SourceComment] {
    guard !rawHTML.isEmpty else { return [] }
    var comments: [SourceComment] = []
    source.withUnsafeBufferPointer { p in
      /// A code element opened by an inline tag, and the paragraph it is in: inline HTML comes one tag at a time.
      var openCode: (name: StaticString, block: Int)? = nil
      for html in rawHTML {
        switch html {
        case .inline(let reported, let block):
          guard reported.upperBound <= p.count, reported.count >= 3 else { continue }
          let span = inlineSpan(p, reported)
          if let open = openCode {
            if open.block == block {
              if p[span.lowerBound + 1] == UInt8(ascii: "/") && matches(p, open.name, at: span.lowerBound + 2) {
                openCode = nil
              }
              continue
            }
            openCode = nil
          }
          if let name = codeElement(p, at: span.lowerBound, end: span.upperBound),
            p[span.upperBound - 2] != UInt8(ascii: "/"),
            closingTag(p, of: name, from: span.lowerBound + 1, to: span.upperBound) == nil
          {
            openCode = (name, block)
            continue
          }
          scan(p, span, into: &comments)
        case .block(let firstLine, let content):
          openCode = nil
          var found: [SourceComment] = []
          content.withUnsafeBufferPointer { scan($0, 0..<$0.count, into: &found) }
          guard !found.isEmpty else { continue }
          let map = BlockLines(content: content, firstLine: firstLine, lineStarts: lineStarts, source: p)
          for comment in found {
            if let mapped = map.sourceComment(comment) { comments.append(mapped) }
          }
        }
      }
    }
    return comments
  }

  /// The source span of inline HTML. cmark-gfm puts the end of inline HTML over several lines one byte short, so
  /// the end is found again: a comment ends at the first `-->` (CommonMark allows no `--` inside one), a tag at
  /// its `>`.
  static func inlineSpan(_ p: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Range<Int> {
    let start = span.lowerBound
    if matches(p, "<!--", at: start), let end = find(p, "-->", from: start + 4, to: p.count) {
      return start..<(end + 3)
    }
    if p[span.upperBound - 1] != UInt8(ascii: ">") && span.upperBound < p.count
      && p[span.upperBound] == UInt8(ascii: ">")
    {
      return start..<(span.upperBound + 1)
    }
    return span
  }

  /// Maps offsets in an HTML block's content to the source: each content line is the end of its source line.
  struct BlockLines {
    let content: [UInt8]
    let firstLine: Int
    let lineStarts: LineStarts
    let source: UnsafeBufferPointer<UInt8>
    /// Where each content line's text ends (before its line break).
    private var contentLineEnds: [Int] = []

    init(content: [UInt8], firstLine: Int, lineStarts: LineStarts, source: UnsafeBufferPointer<UInt8>) {
      self.content = content
      self.firstLine = firstLine
      self.lineStarts = lineStarts
      self.source = source
      var i = 0
      while i < content.count {
        var end = i
        while end < content.count && content[end] != 0x0A && content[end] != 0x0D { end += 1 }
        contentLineEnds.append(end)
        if end < content.count && content[end] == 0x0D { end += 1 }
        if end < content.count && content[end] == 0x0A { end += 1 }
        i = end
      }
    }

    /// The source offset of the content byte at `offset` (`after` for an exclusive end just past a byte). A line
    /// break maps to the source line's break.
    func sourceOffset(_ offset: Int, after: Bool) -> Int? {
      let byte = after ? offset - 1 : offset
      guard let line = contentLineEnds.firstIndex(where: { $0 >= byte }) else { return nil }
      let sourceLine = firstLine + line
      guard sourceLine >= 0, sourceLine < lineStarts.count else { return nil }
      var sourceEnd = sourceLine + 1 < lineStarts.count ? lineStarts[sourceLine + 1] : source.count
      while sourceEnd > lineStarts[sourceLine] && (source[sourceEnd - 1] == 0x0A || source[sourceEnd - 1] == 0x0D) {
        sourceEnd -= 1
      }
      let fromEnd = contentLineEnds[line] - byte
      let mapped = sourceEnd - fromEnd
      guard mapped >= lineStarts[sourceLine], fromEnd == 0 || source[mapped] == content[byte] else { return nil }
      return after ? mapped + 1 : mapped
    }

    /// A comment found in the content, at its place in the source; nil if the content does not line up with it.
    func sourceComment(_ comment: SourceComment) -> SourceComment? {
      guard let start = sourceOffset(comment.range.lowerBound, after: false),
        let end = sourceOffset(comment.range.upperBound, after: true),
        let textStart = sourceOffset(comment.text.lowerBound, after: false),
        let textEnd = sourceOffset(comment.text.upperBound, after: false)
      else { return nil }
      return SourceComment(range: start..<end, text: textStart..<textEnd)
    }
  }

  /// Reads one span of raw HTML for comments, skipping the content of code elements.
  static func scan(_ p: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, into comments: inout [SourceComment]) {
    let end = span.upperBound
    var i = span.lowerBound
    while i < end {
      guard p[i] == UInt8(ascii: "<") else {
        i += 1
        continue
      }
      if i + 3 < end && p[i + 1] == UInt8(ascii: "!") && p[i + 2] == UInt8(ascii: "-") && p[i + 3] == UInt8(ascii: "-")
      {
        let textStart = i + 4
        guard let textEnd = find(p, "-->", from: textStart, to: end) else { return }  // never closed
        if SourceComment.mayBeDirective(UnsafeBufferPointer(rebasing: p[textStart..<textEnd])) {
          comments.append(SourceComment(range: i..<(textEnd + 3), text: textStart..<textEnd))
        }
        i = textEnd + 3
      } else if let element = codeElement(p, at: i, end: end) {
        i = closingTag(p, of: element, from: i + 1 + element.utf8CodeUnitCount, to: end) ?? end
      } else {
        i += 1
      }
    }
  }

  /// The code element whose start tag is at `i` (a `<`), if it is one.
  static func codeElement(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> StaticString? {
    for name in codeElements {
      let length = name.utf8CodeUnitCount
      guard i + 1 + length < end, matches(p, name, at: i + 1) else { continue }
      let after = p[i + 1 + length]
      if after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || after == 0x20 || after == 0x09 || after == 0x0A
        || after == 0x0D
      {
        return name
      }
    }
    return nil
  }

  /// Where the end tag `</name` after `start` ends, or nil when there is none before `end`.
  static func closingTag(_ p: UnsafeBufferPointer<UInt8>, of name: StaticString, from start: Int, to end: Int)
    -> Int?
  {
    var i = start
    while let lt = find(p, "</", from: i, to: end) {
      if matches(p, name, at: lt + 2) { return lt + 2 + name.utf8CodeUnitCount }
      i = lt + 2
    }
    return nil
  }

  /// Whether the bytes at `i` are `name` (lower case), ignoring ASCII case.
  static func matches(_ p: UnsafeBufferPointer<UInt8>, _ name: StaticString, at i: Int) -> Bool {
    let length = name.utf8CodeUnitCount
    guard i + length <= p.count else { return false }
    let expected = name.utf8Start
    for index in 0..<length {
      let b = p[i + index]
      if (b &- 0x41 < 26 ? b | 0x20 : b) != expected[index] { return false }
    }
    return true
  }

  /// The first offset from `start` (before `end`) where `needle` starts, or nil.
  static func find(_ p: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from start: Int, to end: Int) -> Int? {
    let length = needle.utf8CodeUnitCount
    let bytes = needle.utf8Start
    var i = start
    while i + length <= end {
      if p[i] == bytes[0] {
        var same = true
        for index in 1..<length where p[i + index] != bytes[index] {
          same = false
          break
        }
        if same { return i }
      }
      i += 1
    }
    return nil
  }
}
