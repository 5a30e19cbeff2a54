#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import CCmarkGFM
import PlainLintCore

/// What a cmark node is, as far as the front end cares.
enum MarkdownNode {
  case document, paragraph, heading, item, blockQuote, list, table, tableRow, tableCell, footnoteDefinition
  case text, softBreak, lineBreak, code, link, image, emphasis, strong, strikethrough, htmlInline, footnoteReference
  case skippedBlock  // code blocks, thematic breaks
  case htmlBlock  // raw HTML blocks, read only for directive comments
  case other
}

/// Builds prose from a cmark-gfm tree: one block per paragraph, heading, list item paragraph, table cell and
/// image alt text, each text node aligned with its exact bytes in the source.
struct MarkdownProseBuilder {
  let document: Document
  /// The source cmark read, sanitized (same offsets as the document); front matter is there as written, as cmark-gfm
  /// read it as blanks and no node lies in it.
  let source: [UInt8]
  var bytes: [UInt8] = []
  var blocks: [ProseBlock] = []
  var map = SourceMap(segments: [])
  /// The prose offset where the open block started, and its kind.
  var openBlock: (start: Int, kind: BlockKind)? = nil
  /// Image alt texts met inside the open block: written out as blocks of their own after it.
  var pendingAltTexts: [(bytes: [UInt8], segments: [SourceMap.Segment])] = []
  /// Nesting of images: text inside an image is alt text.
  var imageDepth = 0
  var altBytes: [UInt8] = []
  var altSegments: [SourceMap.Segment] = []
  /// Node kinds by cmark type (see `slot(of:)`), learned from type names the first time a type is met (extension
  /// types are numbered at run time).
  var kinds = [MarkdownNode?](repeating: nil, count: 128)
  /// Segments of the text node being aligned, reused from node to node.
  var scratch: [SourceMap.Segment] = []
  /// The document's line starts, read once (cmark gives positions as lines and columns).
  let lineStarts: LineStarts
  /// The prose offset of the space last appended for a line break (see `mapLineBreakSpace`), or -1.
  var lineBreakSpace = -1
  /// Raw HTML that may hold directive comments, read for them when the prose is finished.
  var rawHTML: [MarkdownComments.RawHTML] = []

  init(document: Document, source: [UInt8]) {
    self.document = document
    self.source = source
    self.lineStarts = document.lineStarts
    bytes.reserveCapacity(source.count)
    // About one segment for every 40 bytes of source: a text node between two pieces of markup.
    map.reserveCapacity(source.count / 40 + 16)
  }

  /// U+FFFC OBJECT REPLACEMENT CHARACTER: stands in the prose for inline code and web addresses, so the
  /// sentence keeps its shape while no rule reads what is inside.
  static let placeholder: [UInt8] = [0xEF, 0xBF, 0xBC]

  /// The kind of a node, from the cache when its type has been seen before.
  @inline(__always)
  mutating func cachedKind(of node: UnsafeMutablePointer<cmark_node>) -> MarkdownNode {
    guard let slot = Self.slot(of: node.pointee.type) else { return kind(of: node) }
    if let known = kinds[slot] { return known }
    let found = kind(of: node)
    kinds[slot] = found
    return found
  }

  /// The cache slot of a node type: block types take the first 64 slots and inline types the next 64 (cmark-gfm
  /// numbers its own types and then the extensions' from 1 up, in each group).
  @inline(__always)
  static func slot(of type: UInt16) -> Int? {
    let value = Int(type & 0x3FFF)
    guard value < 64 else { return nil }
    return type & 0x4000 != 0 ? 64 + value : value
  }

  /// Whether cmark-gfm's iterator treats the node as a leaf: entered, never exited, children never read.
  @inline(__always)
  static func isLeaf(_ node: UnsafeMutablePointer<cmark_node>) -> Bool {
    switch cmark_node_type(UInt32(node.pointee.type)) {
    case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
      CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
      return true
    default:
      return false
    }
  }

  func kind(of node: UnsafeMutablePointer<cmark_node>) -> MarkdownNode {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_DOCUMENT: return .document
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading
    case CMARK_NODE_ITEM: return .item
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST: return .list
    case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
    case CMARK_NODE_TEXT: return .text
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code
    case CMARK_NODE_LINK: return .link
    case CMARK_NODE_IMAGE: return .image
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_HTML_INLINE: return .htmlInline
    case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
    case CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK: return .skippedBlock
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock
    default:
      switch String(cString: cmark_node_get_type_string(node)) {
      case "table": return .table
      case "table_row", "table_header": return .tableRow
      case "table_cell": return .tableCell
      case "strikethrough": return .strikethrough
      case "tasklist": return .item
      default: return .other
      }
    }
  }

  /// Walks the tree in document order without recursion (nesting can be thousands deep), visiting nodes as
  /// cmark-gfm's iterator would: a leaf is entered only; any other node is entered, then its children are walked,
  /// then it is exited. The node fields are read directly, with no call per node.
  mutating func walk(_ root: UnsafeMutablePointer<cmark_node>) {
    var node = root
    var entering = true
    while true {
      if entering {
        let nodeKind = cachedKind(of: node)
        var readChildren = true
        enter(node, nodeKind, readChildren: &readChildren)
        if readChildren && !Self.isLeaf(node) {
          if let child = node.pointee.first_child {
            node = child
            continue
          }
          exit(node, nodeKind)
        }
      }
      // The node is done: go on to its next sibling, or up to its parent and exit that.
      if node == root { break }
      if let next = node.pointee.next {
        node = next
        entering = true
        continue
      }
      guard let parent = node.pointee.parent else { break }
      node = parent
      exit(node, cachedKind(of: node))
      entering = false
    }
  }

  /// Enters a node; sets `readChildren` to false for a node whose children are not read (an autolink).
  mutating func enter(_ node: UnsafeMutablePointer<cmark_node>, _ kind: MarkdownNode, readChildren: inout Bool) {
    switch kind {
    case .paragraph:
      let parent = node.pointee.parent.map { self.cachedKind(of: $0) }
      openBlockIfNeeded(parent == .item ? .listItem : .paragraph)
    case .heading:
      openBlockIfNeeded(.heading(level: Int(node.pointee.as.heading.level)))
    case .tableCell:
      openBlockIfNeeded(.tableCell)
    case .text:
      appendText(node)
    case .softBreak, .lineBreak:
      appendSpace()
    case .code:
      appendPlaceholder(for: codeSpan(node))
    case .link:
      if let span = autolinkSpan(node) {
        appendPlaceholder(for: span)
        readChildren = false
      }
    case .image:
      imageDepth += 1
    case .htmlInline:
      if let span = sourceSpan(node) { rawHTML.append(.inline(span, block: blocks.count)) }
    case .htmlBlock:
      // cmark-gfm gives an HTML block no end position: keep its first line and its content.
      if let literal = cmark_node_get_literal(node), strstr(literal, "<!--") != nil {
        let bytes = UnsafeRawBufferPointer(start: literal, count: strlen(literal))
        rawHTML.append(.block(firstLine: Int(cmark_node_get_start_line(node)) - 1, content: Array(bytes)))
      }
    case .skippedBlock, .footnoteReference:
      break
    default:
      break
    }
  }

  mutating func exit(_ node: UnsafeMutablePointer<cmark_node>, _ kind: MarkdownNode) {
    switch kind {
    case .paragraph, .heading, .tableCell:
      closeBlock()
    case .image:
      imageDepth -= 1
      if imageDepth == 0 {
        if !altBytes.isEmpty { pendingAltTexts.append((altBytes, altSegments)) }
        altBytes.removeAll()
        altSegments.removeAll()
      }
    default:
      break
    }
  }

  // MARK: Blocks

  mutating func openBlockIfNeeded(_ kind: BlockKind) {
    if openBlock == nil {
      separate()
      openBlock = (bytes.count, kind)
    }
  }

  mutating func closeBlock() {
    guard let open = openBlock else { return }
    openBlock = nil
    if bytes.count > open.start { blocks.append(ProseBlock(kind: open.kind, range: open.start..<bytes.count)) }
    for alt in pendingAltTexts {
      separate()
      let start = bytes.count
      for segment in alt.segments {
        map.append(
          proseStart: segment.proseStart + start, proseLength: segment.proseLength, sourceStart: segment.sourceStart,
          sourceLength: segment.sourceLength)
      }
      bytes.append(contentsOf: alt.bytes)
      blocks.append(ProseBlock(kind: .metadata, range: start..<bytes.count))
    }
    pendingAltTexts.removeAll()
  }

  /// Blocks are separated by a blank line in the prose, which maps nowhere.
  mutating func separate() {
    if !bytes.isEmpty { bytes.append(contentsOf: [0x0A, 0x0A]) }
  }

  // MARK: Inline content

  mutating func appendSpace() {
    if imageDepth > 0 {
      altBytes.append(0x20)
    } else if openBlock != nil {
      lineBreakSpace = bytes.count
      bytes.append(0x20)
    }
  }

  /// Maps the space just appended for a line break to the source's `\n` when the text after it starts right after
  /// that `\n` and the text before it ended right before it: the two text segments and the space then merge into
  /// one, which maps every offset as before (the space is never a word's edge), with a segment less for every
  /// line of a wrapped paragraph.
  @inline(__always)
  mutating func mapLineBreakSpace(beforeSourceAt sourceStart: Int) {
    guard lineBreakSpace == bytes.count - 1, let last = map.last,
      last.proseStart + last.proseLength == lineBreakSpace, last.proseLength == last.sourceLength,
      last.sourceStart + last.sourceLength == sourceStart - 1, source[sourceStart - 1] == 0x0A
    else { return }
    map.append(proseStart: lineBreakSpace, proseLength: 1, sourceStart: sourceStart - 1, sourceLength: 1)
  }

  /// The source byte range cmark gives a node (its positions are 1-based lines and byte columns, inclusive).
  @inline(__always)
  func sourceSpan(_ node: UnsafeMutablePointer<cmark_node>) -> Range<Int>? {
    let startLine = Int(node.pointee.start_line)
    let startColumn = Int(node.pointee.start_column)
    guard startLine >= 1, Int(node.pointee.end_line) >= startLine, startColumn >= 1, let end = sourceEnd(node) else {
      return nil
    }
    let start = lineStarts[startLine - 1] + startColumn - 1
    guard start <= end else { return nil }
    return start..<end
  }

  /// The source offset just after a node, from its end line and column; nil when cmark gave none that fits.
  @inline(__always)
  func sourceEnd(_ node: UnsafeMutablePointer<cmark_node>) -> Int? {
    let endLine = Int(node.pointee.end_line)
    let endColumn = Int(node.pointee.end_column)
    guard endLine >= 1, endLine <= lineStarts.count, endColumn >= 0 else { return nil }
    let end = lineStarts[endLine - 1] + endColumn
    return end <= source.count ? end : nil
  }

  /// Appends a text node's literal, mapped to its source. The literal is read where cmark-gfm keeps it.
  mutating func appendText(_ node: UnsafeMutablePointer<cmark_node>) {
    let chunk = node.pointee.as.literal
    guard let data = chunk.data, chunk.len > 0 else { return }
    let literal = UnsafeBufferPointer(start: data, count: Int(chunk.len))
    guard imageDepth > 0 || openBlock != nil else { return }
    let span = sourceSpan(node)
    if imageDepth == 0, let span, let whole = MarkdownAlignment.identicalSpan(literal, source: source, span: span) {
      // Most text is copied from the source unchanged: one segment, straight into the map.
      mapLineBreakSpace(beforeSourceAt: whole.sourceStart)
      map.append(
        proseStart: bytes.count, proseLength: whole.proseLength, sourceStart: whole.sourceStart,
        sourceLength: whole.sourceLength)
      bytes.append(contentsOf: literal)
      return
    }
    align(literal, to: span)
    if imageDepth > 0 {
      let start = altBytes.count
      for var segment in scratch {
        segment.proseStart += start
        altSegments.append(segment)
      }
      altBytes.append(contentsOf: literal)
    } else {
      let start = bytes.count
      for segment in scratch {
        map.append(
          proseStart: start + segment.proseStart, proseLength: segment.proseLength, sourceStart: segment.sourceStart,
          sourceLength: segment.sourceLength)
      }
      bytes.append(contentsOf: literal)
    }
  }

  /// Puts the placeholder in the prose for code or a web address, mapped to its whole source span.
  mutating func appendPlaceholder(for span: Range<Int>?) {
    if imageDepth > 0 {
      if let span {
        altSegments.append(
          SourceMap.Segment(
            proseStart: altBytes.count, proseLength: 3, sourceStart: span.lowerBound, sourceLength: span.count))
      }
      altBytes.append(contentsOf: Self.placeholder)
    } else if openBlock != nil {
      if let span {
        map.append(proseStart: bytes.count, proseLength: 3, sourceStart: span.lowerBound, sourceLength: span.count)
      }
      bytes.append(contentsOf: Self.placeholder)
    }
  }

  /// An inline code span's source with its backticks (cmark's position covers only the code inside them, and
  /// leaves out one space of padding on each side when there is one).
  func codeSpan(_ node: UnsafeMutablePointer<cmark_node>) -> Range<Int>? {
    guard let span = sourceSpan(node) else { return nil }
    func widen(from index: Int, step: Int, limit: Int) -> Int {
      var i = index
      if i + step >= 0 && i + step < limit && source[i + step] == 0x20 { i += step }  // padding
      var sawBacktick = false
      while i + step >= 0 && i + step < limit && source[i + step] == UInt8(ascii: "`") {
        i += step
        sawBacktick = true
      }
      return sawBacktick ? i : index
    }
    let start = widen(from: span.lowerBound, step: -1, limit: source.count)
    let end = widen(from: span.upperBound - 1, step: 1, limit: source.count) + 1
    return start..<max(start, end)
  }

  /// For an autolink (`<https://…>`, `<name@nhs.net>`, or a bare `www.…` address), its source span; nil for
  /// an ordinary link, whose text is linted.
  func autolinkSpan(_ node: UnsafeMutablePointer<cmark_node>) -> Range<Int>? {
    guard let first = node.pointee.first_child, first.pointee.type == UInt16(CMARK_NODE_TEXT.rawValue),
      first.pointee.next == nil
    else { return nil }
    let urlChunk = node.pointee.as.link.url
    let textChunk = first.pointee.as.literal
    let url = UnsafeBufferPointer(start: urlChunk.data, count: urlChunk.data == nil ? 0 : Int(urlChunk.len))
    let text = UnsafeBufferPointer(start: textChunk.data, count: textChunk.data == nil ? 0 : Int(textChunk.len))
    guard Self.isAutolink(url: url, text: text) else { return nil }
    if let span = bareWebAddressSpan(first, url: url, literal: text) { return span }
    guard var span = sourceSpan(first) else { return nil }
    if span.lowerBound > 0 && span.upperBound < source.count && source[span.lowerBound - 1] == UInt8(ascii: "<")
      && source[span.upperBound] == UInt8(ascii: ">")
    {
      span = (span.lowerBound - 1)..<(span.upperBound + 1)
    }
    return span
  }

  /// For a bare `www.` address the autolink extension made a link of, its source span, worked out back from its end.
  /// The extension gives such a link a start one column early (the byte before the address, or column 0 when it
  /// starts a line), while its end is right and its text is the source unchanged. Nil for any other link.
  func bareWebAddressSpan(
    _ text: UnsafeMutablePointer<cmark_node>, url: UnsafeBufferPointer<UInt8>, literal: UnsafeBufferPointer<UInt8>
  ) -> Range<Int>? {
    guard url.count == literal.count + 7, literal.starts(with: "www.".utf8), url.starts(with: "http://".utf8) else {
      return nil
    }
    guard let end = sourceEnd(text) else { return nil }
    let start = end - literal.count
    guard start >= 0, source[start..<end].elementsEqual(literal) else { return nil }
    return start..<end
  }

  /// Whether a link's destination is its text, as written (`<https://…>`, `<name@nhs.net>`, `www.…`): the text, or
  /// the text after `mailto:`, `http://` or `https://`. Strings are compared as Swift compares them (canonically
  /// equivalent text is equal), with a byte comparison first.
  static func isAutolink(url: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>) -> Bool {
    for prefix in ["", "mailto:", "http://", "https://"] as [StaticString] {
      let prefixLength = prefix.utf8CodeUnitCount
      guard url.count == prefixLength + text.count else { continue }
      var same = true
      for index in 0..<prefixLength where url[index] != prefix.utf8Start[index] {
        same = false
        break
      }
      if same && (text.isEmpty || memcmp(url.baseAddress! + prefixLength, text.baseAddress!, text.count) == 0) {
        return true
      }
    }
    // Text outside ASCII can be equal as strings with different bytes (a composed é and e + U+0301).
    guard url.contains(where: { $0 >= 0x80 }) || text.contains(where: { $0 >= 0x80 }) else { return false }
    let urlString = String(decoding: url, as: UTF8.self)
    let textString = String(decoding: text, as: UTF8.self)
    return urlString == textString || urlString == "mailto:" + textString || urlString == "http://" + textString
      || urlString == "https://" + textString
  }

  /// Maps a literal to its source span into `scratch`: byte for byte where they agree, with backslash escapes and
  /// character references as pieces of their own. Segments have prose offsets relative to the literal's start.
  /// When the literal cannot be matched to the span (cmark's position is off), the whole literal maps to the whole
  /// span.
  mutating func align(_ literal: UnsafeBufferPointer<UInt8>, to span: Range<Int>?) {
    scratch.removeAll(keepingCapacity: true)
    guard let span else { return }
    // Most text is copied from the source unchanged: then it is one segment.
    if let whole = MarkdownAlignment.identicalSpan(literal, source: source, span: span) {
      scratch.append(whole)
      return
    }
    if MarkdownAlignment.align(literal, source: source, span: span, into: &scratch) { return }
    // cmark-gfm's table cells count the end column after unescaping `\|`, and the autolink extension shortens a
    // text node without moving its end, so the span can be wrong at its end: try again up to the end of the line.
    scratch.removeAll(keepingCapacity: true)
    let end = span.upperBound
    if end < source.count && source[end] != 0x0A && source[end] != 0x0D,
      MarkdownAlignment.align(literal, source: source, span: span, toLineEnd: true, into: &scratch)
    {
      return
    }
    scratch.removeAll(keepingCapacity: true)
    scratch.append(
      SourceMap.Segment(
        proseStart: 0, proseLength: literal.count, sourceStart: span.lowerBound, sourceLength: span.count))
  }

  mutating func finish() -> ProseText {
    closeBlock()
    return ProseText(
      format: "markdown", bytes: bytes, blocks: blocks, map: map,
      comments: MarkdownComments.directiveComments(in: source, lineStarts: lineStarts, rawHTML: rawHTML))
  }
}
