import CCmarkGFM
import PlainLintCore

/// Parses a large Markdown document a piece at a time, so that cmark-gfm never holds the tree of the whole file.
///
/// cmark-gfm reads a document's blocks line by line as it is fed, and parses their inlines only when it finishes,
/// over the whole tree: for a 10 MB page the tree alone is over 120 MB. Here the file is fed a piece at a time, and
/// after each piece the top-level blocks that are already closed (every child of the document but the last) are
/// taken out of the tree, finished as `cmark_parser_finish` would finish them, walked into the prose and freed.
/// The prose is the same, byte for byte, as a parse of the whole file (the tests compare them):
/// - Link reference definitions may come after the links that use them, so a first pass over the same pieces,
///   blocks only, collects them; the second pass parses each block's inlines with that pass's map. It is needed
///   only when the file has a `]:` somewhere, as every definition has.
/// - Footnotes come out as cmark-gfm orders them: definitions after everything else, in the order of their first
///   reference, unreferenced ones dropped, and a reference to no definition left as the text `[^label]`. The first
///   pass collects the definitions' labels; the definitions are held back (parsed, not walked) and handed to
///   `cmark_parser_finish` with the last block, after a paragraph of references in the order they were first met,
///   so that cmark-gfm itself numbers, orders and drops them. That paragraph is taken out before the walk.
/// - A file whose footnote definitions are not all at the top level (inside a list or a quote) is parsed whole,
///   as is a file whose first pass finds anything else it does not expect.
///
/// cmark-gfm's own `malloc` is used, not the arena of `MarkdownFrontEnd.parse`, so that freed blocks are reused.
/// The pieces are 16 KB: 64 KB pieces gave the same peak for the benchmark's 10 MB page.
enum MarkdownPieces {
  /// Documents of at least this many bytes are parsed in pieces. A whole parse takes about 17 MB a megabyte
  /// of Markdown, over the 2 × the file + 40 MB a run may take from about 1.4 MB; below this, the whole parse
  /// (from an arena) is as cheap and well within it.
  static let threshold = 256 * 1024
  /// How many bytes are fed to cmark-gfm at a time.
  static let pieceSize = 16 * 1024

  /// Parses `source` (with `prefix` bytes of front matter read as blanks) into `builder`, `pieceSize` bytes at a
  /// time. Returns false, having done nothing, when the file must be parsed whole.
  static func parse(
    _ source: [UInt8], blankingFirst prefix: Int, pieceSize: Int = pieceSize, into builder: inout MarkdownProseBuilder
  ) -> Bool {
    let options = MarkdownFrontEnd.options(for: source)
    let footnotes = options & CMARK_OPT_FOOTNOTES != 0
    let tilde = source.withUnsafeBufferPointer { MarkdownExtensions.containsTilde($0) }
    let extensions = MarkdownExtensions.forDocument(containingTilde: tilde)
    let memory = cmark_get_default_mem_allocator()
    func newParser() -> UnsafeMutablePointer<cmark_parser>? {
      guard let parser = cmark_parser_new_with_mem(options, memory) else { return nil }
      for syntaxExtension in extensions { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
      return parser
    }

    // Pass 1, blocks only: the link reference definitions (kept in the parser's map) and the footnote labels.
    var definitionsPass: UnsafeMutablePointer<cmark_parser>? = nil
    defer { if let definitionsPass { cmark_parser_free(definitionsPass) } }
    var definedLabels = Set<[UInt8]>()
    if MarkdownFrontEnd.containsPair(source, UInt8(ascii: "]"), UInt8(ascii: ":")) {
      guard let parser = newParser() else { return false }
      definitionsPass = parser
      var nested = false
      func collect(_ block: UnsafeMutablePointer<cmark_node>, topLevel: Bool) {
        if footnotes {
          // A definition is at the top level only if it is the block itself, taken straight from the document.
          forEachNode(under: block, entering: true) { node in
            guard node.pointee.type == nodeType(CMARK_NODE_FOOTNOTE_DEFINITION) else { return }
            if node != block || !topLevel { nested = true }
            let key = footnoteKey(node)
            if !key.isEmpty { definedLabels.insert(key) }
          }
        }
        cmark_node_free(block)
      }
      feed(source, blankingFirst: prefix, pieceSize: pieceSize, to: parser, harvest: collect)
      // A blank line and a line at the left margin close every block still open but a fenced code block or an
      // HTML block left open at the end, and neither holds a definition.
      let closing: [UInt8] = Array("\n\nx\n".utf8)
      closing.withUnsafeBufferPointer { p in
        p.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress!, $0.count) }
      }
      harvestClosedBlocks(of: parser, collect)
      guard !nested else { return false }
    }

    // Pass 2: each closed block parsed, finished, walked and freed.
    guard let parser = newParser() else { return false }
    defer { cmark_parser_free(parser) }
    let refmap = (definitionsPass ?? parser).pointee.refmap
    if tilde { MarkdownExtensions.tildeLock.lock() }
    defer { if tilde { MarkdownExtensions.tildeLock.unlock() } }
    // As `cmark_parser_finish` does around its inline parsing (it takes them away again when it is done).
    cmark_manage_extensions_special_characters(parser, 1)
    var referenced = Set<[UInt8]>()
    var firstReferences: [[UInt8]] = []
    var heldDefinitions: [UnsafeMutablePointer<cmark_node>] = []
    feed(source, blankingFirst: prefix, pieceSize: pieceSize, to: parser) { block, topLevel in
      let isDefinition = topLevel && block.pointee.type == nodeType(CMARK_NODE_FOOTNOTE_DEFINITION)
      // A definition's blocks are marked as read once parsed: `cmark_parser_finish` goes over them again.
      plainlint_parse_inlines(parser, block, refmap, isDefinition ? 1 : 0)
      if footnotes {
        resolveFootnotes(under: block, parser: parser, defined: definedLabels) { key, label in
          if referenced.insert(key).inserted { firstReferences.append(label) }
        }
      }
      if isDefinition {
        heldDefinitions.append(block)
        return
      }
      cmark_consolidate_text_nodes(block)
      plainlint_postprocess(parser, block)
      builder.walk(block)
      cmark_node_free(block)
    }

    // The last block, and the footnotes: the references first met so far, then the held definitions, in front.
    var referencesFirstMet: UnsafeMutablePointer<cmark_node>? = nil
    if footnotes && !(firstReferences.isEmpty && heldDefinitions.isEmpty), let root = parser.pointee.root,
      let holder = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, memory)
    {
      for label in firstReferences {
        let reference = label.withUnsafeBufferPointer {
          plainlint_footnote_reference(parser, $0.baseAddress, Int32($0.count))
        }
        cmark_node_append_child(holder, reference)
      }
      cmark_node_prepend_child(root, holder)
      var previous = holder
      for definition in heldDefinitions {
        cmark_node_insert_after(previous, definition)
        previous = definition
      }
      referencesFirstMet = holder
    }
    guard let root = cmark_parser_finish(parser) else { return true }
    if let referencesFirstMet {
      cmark_node_unlink(referencesFirstMet)
      cmark_node_free(referencesFirstMet)
    }
    builder.walk(root)
    cmark_node_free(root)
    return true
  }

  /// Feeds the source to `parser` a piece at a time (the front matter first, as blanks), handing each block to
  /// `harvest` once it is closed, taken out of the tree (see `harvestClosedBlocks`), with whether it was a child
  /// of the document.
  static func feed(
    _ source: [UInt8], blankingFirst prefix: Int, pieceSize: Int, to parser: UnsafeMutablePointer<cmark_parser>,
    harvest: (UnsafeMutablePointer<cmark_node>, _ topLevel: Bool) -> Void
  ) {
    MarkdownFrontEnd.feed(source, blankingFirst: prefix, to: parser, pieceSize: pieceSize) {
      harvestClosedBlocks(of: parser, harvest)
    }
  }

  /// Takes the blocks cmark-gfm has closed out of the tree, in document order: every child of the document but
  /// the last, then, while the last is a list, a list item or a quote, every child of that but its last, and so
  /// on down, so that a file that is one long list or quote is taken a piece at a time too. A paragraph directly
  /// in a list item stays (it is prose of the item only inside it), and so does everything after it.
  static func harvestClosedBlocks(
    of parser: UnsafeMutablePointer<cmark_parser>,
    _ harvest: (UnsafeMutablePointer<cmark_node>, _ topLevel: Bool) -> Void
  ) {
    guard let root = parser.pointee.root else { return }
    var parent = root
    while true {
      while let first = parent.pointee.first_child, first != parent.pointee.last_child {
        if first.pointee.type == nodeType(CMARK_NODE_PARAGRAPH) && parent.pointee.type == nodeType(CMARK_NODE_ITEM) {
          return
        }
        cmark_node_unlink(first)
        harvest(first, parent == root)
      }
      guard let last = parent.pointee.last_child else { return }
      switch last.pointee.type {
      case nodeType(CMARK_NODE_LIST), nodeType(CMARK_NODE_ITEM), nodeType(CMARK_NODE_BLOCK_QUOTE): parent = last
      default: return
      }
    }
  }

  /// A node type as `cmark_node` stores it.
  @inline(__always)
  static func nodeType(_ type: cmark_node_type) -> UInt16 { UInt16(type.rawValue) }

  /// Calls `body` with each node of `root`'s subtree at its entering (or, with `entering` false, its leaving)
  /// event of cmark-gfm's iterator; `body` may replace the node it is given when leaving it.
  static func forEachNode(
    under root: UnsafeMutablePointer<cmark_node>, entering: Bool, _ body: (UnsafeMutablePointer<cmark_node>) -> Void
  ) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    let wanted = entering ? CMARK_EVENT_ENTER : CMARK_EVENT_EXIT
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      if event == wanted, let node = cmark_iter_get_node(iterator) { body(node) }
    }
  }

  /// A footnote's label as cmark-gfm compares labels.
  static func footnoteKey(_ node: UnsafeMutablePointer<cmark_node>) -> [UInt8] {
    var buffer = cmark_strbuf()
    cmark_strbuf_init(cmark_get_default_mem_allocator(), &buffer, 0)
    defer { cmark_strbuf_free(&buffer) }
    plainlint_footnote_key(node, &buffer)
    guard let bytes = buffer.ptr, buffer.size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: bytes, count: Int(buffer.size)))
  }

  /// Goes through the footnote references under `root` as cmark-gfm's `process_footnotes` does: a reference to a
  /// defined label is reported to `met` (its key and its label as written); any other becomes the text `[^label]`.
  static func resolveFootnotes(
    under root: UnsafeMutablePointer<cmark_node>, parser: UnsafeMutablePointer<cmark_parser>, defined: Set<[UInt8]>,
    met: ([UInt8], [UInt8]) -> Void
  ) {
    forEachNode(under: root, entering: false) { node in
      guard node.pointee.type == nodeType(CMARK_NODE_FOOTNOTE_REFERENCE) else { return }
      let key = footnoteKey(node)
      if !key.isEmpty && defined.contains(key) {
        let label = node.pointee.as.literal
        met(key, label.data.map { Array(UnsafeBufferPointer(start: $0, count: Int(label.len))) } ?? [])
      } else {
        plainlint_unresolved_footnote(parser, node)
      }
    }
  }
}
