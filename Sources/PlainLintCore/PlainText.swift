/// The front end for plain text: paragraphs are separated by blank lines, and a line that starts with a list
/// marker (`-`, `*`, `•`, `1.`, `2)`, `a)`) and a space starts a list item. The prose is the file itself.
///
/// A line whose text starts with `plainlint-` is a directive (`plainlint-disable-next-line jargon`), not prose:
/// it is in no block, so it is neither linted nor counted, and it ends the paragraph or list item it interrupts.
public enum PlainTextFrontEnd {
  /// The prose of a plain-text document, with its directive lines.
  public static func prose(of document: Document) -> ProseText {
    let (blocks, comments) = document.bytes.withUnsafeBufferPointer { scan($0) }
    return ProseText(format: "text", bytes: document.bytes, blocks: blocks, map: .identity, comments: comments)
  }

  /// The paragraphs and list items of a plain-text document.
  public static func blocks(of document: Document) -> [ProseBlock] {
    document.bytes.withUnsafeBufferPointer { scan($0).blocks }
  }

  /// The paragraphs and list items of plain-text bytes.
  static func blocks(in p: UnsafeBufferPointer<UInt8>) -> [ProseBlock] {
    scan(p).blocks
  }

  /// The directive prefix a plain-text line starts with.
  private static let directivePrefix: StaticString = "plainlint-"

  /// Whether the line text from `start` to `end` starts with `plainlint-`.
  static func isDirectiveLine(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
    let count = directivePrefix.utf8CodeUnitCount
    guard end - start >= count else { return false }
    let prefix = directivePrefix.utf8Start
    for index in 0..<count where p[start + index] != prefix[index] { return false }
    return true
  }

  /// The paragraphs and list items of plain-text bytes, and its directive lines, in one pass over the lines (the
  /// document's line index is not needed: it is built only to report positions).
  static func scan(_ p: UnsafeBufferPointer<UInt8>) -> (blocks: [ProseBlock], comments: [SourceComment]) {
    var blocks: [ProseBlock] = []
    blocks.reserveCapacity(p.count / 80 + 1)
    var comments: [SourceComment] = []
    var openKind: BlockKind? = nil
    var openStart = 0
    var lastContentEnd = 0
    let n = p.count
    let carriageReturns = Document.hasCarriageReturn(p)
    var lineStart = 0
    while lineStart <= n {
      let lineEnd = Document.lineEnd(in: p, from: lineStart, carriageReturns: carriageReturns)
      let nextStart = lineEnd < n ? Document.lineStart(after: lineEnd, in: p) : n + 1
      var contentStart = lineStart
      while contentStart < lineEnd && (p[contentStart] == 0x20 || p[contentStart] == 0x09) { contentStart += 1 }
      var contentEnd = lineEnd
      while contentEnd > contentStart && (p[contentEnd - 1] == 0x20 || p[contentEnd - 1] == 0x09) { contentEnd -= 1 }
      // A directive line ends the open block and belongs to none. Its first byte is looked at anyway (is the line
      // blank? a list item?), so a line that does not start with `p` costs one comparison more.
      if contentStart < contentEnd && p[contentStart] == UInt8(ascii: "p")
        && isDirectiveLine(p, from: contentStart, to: contentEnd)
      {
        if let kind = openKind, lastContentEnd > openStart {
          blocks.append(ProseBlock(kind: kind, range: openStart..<lastContentEnd))
        }
        openKind = nil
        comments.append(SourceComment(range: contentStart..<contentEnd, text: contentStart..<contentEnd))
        lineStart = nextStart
        continue
      }
      let listText = contentStart < contentEnd ? listItemText(p, from: contentStart, to: contentEnd) : nil
      // A blank line or a new list item ends the open block.
      if contentStart == contentEnd || listText != nil, let kind = openKind {
        if lastContentEnd > openStart { blocks.append(ProseBlock(kind: kind, range: openStart..<lastContentEnd)) }
        openKind = nil
      }
      if let listText {
        openKind = .listItem
        openStart = listText
      } else if contentStart < contentEnd && openKind == nil {
        openKind = .paragraph
        openStart = contentStart
      }
      if contentStart < contentEnd { lastContentEnd = contentEnd }
      lineStart = nextStart
    }
    if let kind = openKind, lastContentEnd > openStart {
      blocks.append(ProseBlock(kind: kind, range: openStart..<lastContentEnd))
    }
    return (blocks, comments)
  }

  /// Whether the last two bytes of a three-byte sequence starting E2 are a bullet: • (U+2022), ‣ (U+2023),
  /// – (U+2013), ▪ (U+25AA), ● (U+25CF) or ◦ (U+25E6).
  static func isBullet(_ b1: UInt8, _ b2: UInt8) -> Bool {
    switch (b1, b2) {
    case (0x80, 0xA2), (0x80, 0xA3), (0x80, 0x93), (0x96, 0xAA), (0x97, 0x8F), (0x97, 0xA6): true
    default: false
    }
  }

  /// If the line starts with a list marker followed by a space, where the item's text starts.
  static func listItemText(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
    var i = start
    guard i < end else { return nil }
    let b = p[i]
    if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") {
      i += 1
    } else if b == 0xE2, i + 2 < end, isBullet(p[i + 1], p[i + 2]) {
      i += 3  // • ‣ – ▪ ● ◦: bullets that word processors paste as text
    } else if b == 0xC2, i + 1 < end, p[i + 1] == 0xB7 {
      i += 2  // · middle dot
    } else if b &- 0x30 < 10 {
      while i < end && p[i] &- 0x30 < 10 && i - start < 3 { i += 1 }
      guard i < end, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ")") else { return nil }
      i += 1
    } else if (b | 0x20) &- 0x61 < 26, i + 1 < end, p[i + 1] == UInt8(ascii: ")") {
      i += 2
    } else {
      return nil
    }
    guard i < end, p[i] == 0x20 || p[i] == 0x09 else { return nil }
    while i < end && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
    return i < end ? i : nil
  }
}
