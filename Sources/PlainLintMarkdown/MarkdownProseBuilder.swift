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
  /// The sanitized source cmark read (same offsets as the document).
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
  /// Node kinds by cmark type, learned from type names (extension types are numbered at run time).
  var kinds: [UInt32: MarkdownNode] = [:]
  /// The document's line starts, read once (cmark gives positions as lines and columns).
  let lineStarts: [Int]
  /// Raw HTML that may hold directive comments, read for them when the prose is finished.
  var rawHTML: [MarkdownComments.RawHTML] = []

  init(document: Document, source: [UInt8]) {
    self.document = document
    self.source = source
    self.lineStarts = document.lineStarts
    bytes.reserveCapacity(source.count)
  }

  /// U+FFFC OBJECT REPLACEMENT CHARACTER: stands in the prose for inline code and web addresses, so the
  /// sentence keeps its shape while no rule reads what is inside.
  static let placeholder: [UInt8] = [0xEF, 0xBF, 0xBC]

  func kind(of node: OpaquePointer) -> MarkdownNode {
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

  /// Walks the tree in document order without recursion (nesting can be thousands deep).
  mutating func walk(_ root: OpaquePointer) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    /// A node whose children are not read (an autolink), until the iterator leaves it.
    var skipping: OpaquePointer? = nil
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      if let skipped = skipping {
        if event == CMARK_EVENT_EXIT && node == skipped { skipping = nil }
        continue
      }
      let type = cmark_node_get_type(node).rawValue
      let nodeKind: MarkdownNode
      if let known = kinds[type] {
        nodeKind = known
      } else {
        nodeKind = kind(of: node)
        kinds[type] = nodeKind
      }
      if event == CMARK_EVENT_ENTER {
        enter(node, nodeKind, skipping: &skipping)
      } else if event == CMARK_EVENT_EXIT {
        exit(node, nodeKind)
      }
    }
  }

  mutating func enter(_ node: OpaquePointer, _ kind: MarkdownNode, skipping: inout OpaquePointer?) {
    switch kind {
    case .paragraph:
      let parent = cmark_node_parent(node).map { self.kind(of: $0) }
      openBlockIfNeeded(parent == .item ? .listItem : .paragraph)
    case .heading:
      openBlockIfNeeded(.heading(level: Int(cmark_node_get_heading_level(node))))
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
        skipping = node
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

  mutating func exit(_ node: OpaquePointer, _ kind: MarkdownNode) {
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
      bytes.append(0x20)
    }
  }

  /// The source byte range cmark gives a node (its positions are 1-based lines and byte columns, inclusive).
  func sourceSpan(_ node: OpaquePointer) -> Range<Int>? {
    let startLine = Int(cmark_node_get_start_line(node))
    let startColumn = Int(cmark_node_get_start_column(node))
    let endLine = Int(cmark_node_get_end_line(node))
    let endColumn = Int(cmark_node_get_end_column(node))
    guard startLine >= 1, endLine >= startLine, endLine <= lineStarts.count, startColumn >= 1, endColumn >= 0
    else { return nil }
    let start = lineStarts[startLine - 1] + startColumn - 1
    let end = lineStarts[endLine - 1] + endColumn
    guard start <= end, end <= source.count else { return nil }
    return start..<end
  }

  mutating func appendText(_ node: OpaquePointer) {
    guard let literalPointer = cmark_node_get_literal(node) else { return }
    let length = strlen(literalPointer)
    guard length > 0 else { return }
    let literal = UnsafeRawBufferPointer(start: literalPointer, count: length).bindMemory(to: UInt8.self)
    let span = sourceSpan(node)
    let segments = align(literal, to: span)
    if imageDepth > 0 {
      let start = altBytes.count
      for var segment in segments {
        segment.proseStart += start
        altSegments.append(segment)
      }
      altBytes.append(contentsOf: literal)
    } else if openBlock != nil {
      let start = bytes.count
      for segment in segments {
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
  func codeSpan(_ node: OpaquePointer) -> Range<Int>? {
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
  func autolinkSpan(_ node: OpaquePointer) -> Range<Int>? {
    guard let first = cmark_node_first_child(node), cmark_node_get_type(first) == CMARK_NODE_TEXT,
      cmark_node_next(first) == nil, let urlPointer = cmark_node_get_url(node),
      let textPointer = cmark_node_get_literal(first)
    else { return nil }
    let url = String(cString: urlPointer)
    let text = String(cString: textPointer)
    guard url == text || url == "mailto:" + text || url == "http://" + text || url == "https://" + text else {
      return nil
    }
    guard var span = sourceSpan(first) else { return nil }
    if span.lowerBound > 0 && span.upperBound < source.count && source[span.lowerBound - 1] == UInt8(ascii: "<")
      && source[span.upperBound] == UInt8(ascii: ">")
    {
      span = (span.lowerBound - 1)..<(span.upperBound + 1)
    }
    return span
  }

  /// Maps a literal to its source span: byte for byte where they agree, with backslash escapes and character
  /// references as pieces of their own. Segments have prose offsets relative to the literal's start. When the
  /// literal cannot be matched to the span (cmark's position is off), the whole literal maps to the whole span.
  func align(_ literal: UnsafeBufferPointer<UInt8>, to span: Range<Int>?) -> [SourceMap.Segment] {
    guard let span else { return [] }
    if let segments = MarkdownAlignment.align(literal, source: source, span: span) { return segments }
    // cmark-gfm's table cells count the end column after unescaping `\|`, so the span can be short: try again
    // up to the end of the line.
    var lineEnd = span.upperBound
    while lineEnd < source.count && source[lineEnd] != 0x0A && source[lineEnd] != 0x0D { lineEnd += 1 }
    if lineEnd > span.upperBound,
      let segments = MarkdownAlignment.align(
        literal, source: source, span: span.lowerBound..<lineEnd, allowingMore: true)
    {
      return segments
    }
    return [SourceMap.Segment(proseStart: 0, proseLength: literal.count, sourceStart: span.lowerBound, sourceLength: span.count)]
  }

  mutating func finish() -> ProseText {
    closeBlock()
    return ProseText(
      format: "markdown", bytes: bytes, blocks: blocks, map: map,
      comments: MarkdownComments.directiveComments(in: source, lineStarts: lineStarts, rawHTML: rawHTML))
  }
}
