/// The front end for plain text: paragraphs are separated by blank lines, and a line that starts with a list
/// marker (`-`, `*`, `•`, `1.`, `2)`, `a)`) and a space starts a list item. The prose is the file itself.
public enum PlainTextFrontEnd {
  /// The prose of a plain-text document.
  public static func prose(of document: Document) -> ProseText {
    ProseText(format: "text", bytes: document.bytes, blocks: blocks(of: document), map: .identity)
  }

  /// The paragraphs and list items of a plain-text document.
  public static func blocks(of document: Document) -> [ProseBlock] {
    var blocks: [ProseBlock] = []
    document.bytes.withUnsafeBufferPointer { p in
      var current: ProseBlock? = nil
      var lastContentEnd = 0
      func close() {
        if var block = current {
          block.range = block.range.lowerBound..<lastContentEnd
          if !block.range.isEmpty { blocks.append(block) }
        }
        current = nil
      }
      for lineIndex in 0..<document.lineCount {
        let line = document.lineRange(lineIndex)
        var contentStart = line.lowerBound
        while contentStart < line.upperBound && (p[contentStart] == 0x20 || p[contentStart] == 0x09) {
          contentStart += 1
        }
        if contentStart == line.upperBound {
          close()  // a blank line ends the paragraph
          continue
        }
        var contentEnd = line.upperBound
        while contentEnd > contentStart && (p[contentEnd - 1] == 0x20 || p[contentEnd - 1] == 0x09) { contentEnd -= 1 }
        if let textStart = listItemText(p, from: contentStart, to: contentEnd) {
          close()
          current = ProseBlock(kind: .listItem, range: textStart..<contentEnd)
        } else if current == nil {
          current = ProseBlock(kind: .paragraph, range: contentStart..<contentEnd)
        }
        lastContentEnd = contentEnd
      }
      close()
    }
    return blocks
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
