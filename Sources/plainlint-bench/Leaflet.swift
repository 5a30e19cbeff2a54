/// One generated leaflet as structure: the pieces of prose that every output format shares, before any markup.
///
/// The generator fills a leaflet from the prose random numbers alone; `TextWriter`, `MarkdownWriter` and
/// `HTMLWriter` then lay the same pieces out in their own formats, so the same seed gives the same sentences in
/// plain text, Markdown and HTML.
struct Leaflet {
  /// One block of a leaflet, with its pieces as ranges of `bytes`.
  enum Block {
    /// A heading line (the first block of a leaflet is its title).
    case heading(Range<Int>)
    /// A paragraph: its sentences, and whether plain text hard-wraps it at 72 columns.
    case paragraph(sentences: [Range<Int>], wrapped: Bool)
    /// A list: its introducing line, its marker (0 `-`, 1 `*`, 2 `•`, 3 numbered) and its items.
    case list(intro: Range<Int>, marker: Int, items: [Range<Int>])
    /// Footer lines: reference numbers, copyright, contact details.
    case footer([Range<Int>])
  }

  /// The prose of every piece, back to back, with nothing between them.
  var bytes: [UInt8] = []
  /// The blocks, in order.
  var blocks: [Block] = []

  /// Empties the leaflet, keeping its storage for the next one.
  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    blocks.removeAll(keepingCapacity: true)
  }

  /// The text of the first heading (the title), or an empty slice when there is none.
  var title: ArraySlice<UInt8> {
    for block in blocks {
      if case .heading(let range) = block { return bytes[range] }
    }
    return bytes[0..<0]
  }
}

/// Lays leaflets out as plain text: exactly the bytes of the `core` section's large corpus.
enum TextWriter {
  /// Appends a whole leaflet.
  static func append(_ leaflet: Leaflet, into out: inout [UInt8]) {
    for block in leaflet.blocks { append(block, of: leaflet, into: &out) }
  }

  /// Appends one block and the blank line after it.
  static func append(_ block: Leaflet.Block, of leaflet: Leaflet, into out: inout [UInt8]) {
    let bytes = leaflet.bytes
    switch block {
    case .heading(let range):
      out.append(contentsOf: bytes[range])
      out.append(contentsOf: [0x0A, 0x0A])
    case .paragraph(let sentences, let wrapped):
      let start = out.count
      for (index, sentence) in sentences.enumerated() {
        if index > 0 { out.append(0x20) }
        out.append(contentsOf: bytes[sentence])
      }
      if wrapped { wrap(&out, from: start, width: 72) }
      out.append(contentsOf: [0x0A, 0x0A])
    case .list(let intro, let marker, let items):
      out.append(contentsOf: bytes[intro])
      out.append(0x0A)
      for (index, item) in items.enumerated() {
        switch marker {
        case 0: out.append(contentsOf: "- ".utf8)
        case 1: out.append(contentsOf: "* ".utf8)
        case 2: out.append(contentsOf: "• ".utf8)
        default: out.append(contentsOf: "\(index + 1). ".utf8)
        }
        out.append(contentsOf: bytes[item])
        out.append(0x0A)
      }
      out.append(0x0A)
    case .footer(let lines):
      for line in lines {
        out.append(contentsOf: bytes[line])
        out.append(0x0A)
      }
      out.append(0x0A)
    }
  }
}

/// Hard-wraps `out[start...]` by turning the last space before each `width`-byte line into a line break.
func wrap(_ out: inout [UInt8], from start: Int, width: Int) {
  var lineStart = start
  var lastSpace = -1
  var i = start
  while i < out.count {
    if out[i] == 0x0A {
      lineStart = i + 1
      lastSpace = -1
    } else if out[i] == 0x20 {
      lastSpace = i
    }
    if i - lineStart >= width && lastSpace > lineStart {
      out[lastSpace] = 0x0A
      lineStart = lastSpace + 1
      lastSpace = -1
    }
    i += 1
  }
}
