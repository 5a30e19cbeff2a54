import PlainLintCore

/// Builds the prose of an HTML document from libxml2's events: keeps the stack of open elements with what each
/// means for the text inside it (language, skipped or not, the kind of block), gathers linted text into blocks,
/// and has the aligner map every byte back to the source.
///
/// A struct reached through a pointer during the parse (see `LibXML2HTMLParser.parse`), so that the event
/// handlers run without reference counting or dynamic exclusivity checks.
struct ProseAssembler {
  /// What an open element means for the text inside it.
  private struct Frame {
    var info: ElementInfo
    /// Whether the text is in English (from the nearest `lang`).
    var english: Bool
    /// Whether the text is in content that is never linted.
    var skipped: Bool
    /// Whether the element is inside `<head>`.
    var inHead: Bool
    /// Whether the element is inside `<title>`.
    var inTitle: Bool
    /// The kind of the innermost block element.
    var kind: BlockKind
    /// For `<abbr>` and `<dfn>`: the prose offset at which the term started, or -1.
    var termStart = -1
    /// For `<abbr>` and `<dfn>`: the order of its start tag among terms (and the index of its expansion).
    var termOrder = 0

    /// Whether text here is linted.
    var isLinted: Bool { english && !skipped && (!inHead || inTitle) }
  }

  /// The character set a `<meta>` declared, and where.
  struct CharsetDeclaration {
    /// The label as written (`windows-1252`).
    var label: String
    /// The offset of the `<meta>` tag.
    var offset: Int
  }

  /// The libxml2 parser context while a parse runs (for the parser's offset at each event).
  var parserContext: UnsafeMutableRawPointer?
  /// What libxml2 reported about itself.
  var parseReport = LibXML2ParseReport()
  private(set) var aligner: SourceAligner
  /// Where the bytes given to libxml2 start in the document (3 after a byte-order mark).
  private let base: Int

  private var bytes: [UInt8] = []
  private var blocks: [ProseBlock] = []
  /// The source map's segments, in prose order: those of the open block are at the end, from
  /// `blockSegmentStart`, until the block is kept or dropped.
  private var segments: [SourceMap.Segment] = []
  private var definitions: [(order: Int, definition: TermDefinition)] = []
  /// The expansion (`title`) of each `<abbr>` and `<dfn>`, by the order of its start tag.
  private var termExpansions: [String?] = []

  private var frames: [Frame] = []
  /// What the elements met so far are, by the address of their name: libxml2 keeps each name once per parse (in
  /// its dictionary), so the same address is the same name until the parse ends. A small table with one entry per
  /// slot, so a name costs one compare instead of a hash of its bytes.
  private var elementNames = [UnsafePointer<UInt8>?](repeating: nil, count: 64)
  private var elementInfos = [ElementInfo](repeating: .inline, count: 64)
  /// Whether the document is in English, from the first `<html lang>`; elements outside any other inherit it.
  private var documentEnglish = true
  private var sawRootTag = false
  /// The first character set the document declared.
  private(set) var charsetDeclaration: CharsetDeclaration?

  // The block being built: its bytes run from `blockStart` to the end of `bytes`.
  private var blockOpen = false
  /// The kind of the block that white space met with no block open would have opened (see `characters`): until
  /// text with content opens it or a boundary ends it, alt text waits for it as it waits for an open block.
  private var pendingBlockKind: BlockKind? = nil
  private var blockSeparatorStart = 0
  private var blockStart = 0
  private var blockKind = BlockKind.paragraph
  private var blockHasContent = false
  private var blockSegmentStart = 0
  private var blockDefinitions: [(order: Int, definition: TermDefinition)] = []
  /// Metadata blocks (alt text) met inside an open block, written after it: their bytes and segments (with prose
  /// offsets from 0).
  private var deferred: [([UInt8], [SourceMap.Segment])] = []
  /// Segments of text that is not linted, matched only to keep the cursor in step.
  private var discarded: [SourceMap.Segment] = []
  /// The comments that may hold plainlint directives, with their exact source ranges.
  private var comments: [SourceComment] = []

  /// Creates an assembler over the document's bytes (with NUL bytes replaced by spaces); libxml2 is given the
  /// bytes from `base` on.
  init(source: UnsafeBufferPointer<UInt8>, base: Int) {
    self.aligner = SourceAligner(source: source, start: base)
    self.base = base
    // The prose is never much longer than the source; reserving it all avoids copying it as it grows.
    bytes.reserveCapacity(source.count + 64)
    segments.reserveCapacity(source.count / 32 + 16)
  }

  /// The prose, once the parse has ended.
  mutating func finish() -> ProseText {
    closeBlock()
    definitions.sort { $0.order < $1.order }
    return ProseText(
      format: "html", bytes: bytes, blocks: blocks, map: SourceMap(segments: segments),
      definitions: definitions.map(\.definition), comments: comments)
  }

  /// The context of text outside every element.
  private var rootFrame: Frame {
    Frame(info: .inline, english: documentEnglish, skipped: false, inHead: false, inTitle: false, kind: .paragraph)
  }

  @inline(__always)
  private func documentOffset(_ position: Int) -> Int {
    min(max(position + base, base), aligner.count)
  }

  // MARK: Events

  mutating func startElement(name: UnsafeBufferPointer<UInt8>, attributes: HTMLAttributes, at position: Int) {
    let offset = documentOffset(position)
    let info = elementInfo(name)
    let tag = aligner.findStartTag(named: name, at: offset)
    var frame = frames.last ?? rootFrame
    frame.info = info
    frame.termStart = -1
    if let lang = attributes.value(of: "lang") ?? attributes.value(of: "xml:lang") {
      frame.english = isEnglish(lang)
    }
    if info.flags.contains(.root) && tag != nil && !sawRootTag {
      sawRootTag = true
      documentEnglish = frame.english
    }
    if info.flags.contains(.skipContent) { frame.skipped = true }
    if info.flags.contains(.head) { frame.inHead = true }
    if info.flags.contains(.title) { frame.inTitle = true }
    if info.flags.contains(.block) {
      frame.kind = info.kind
      closeBlock()
    } else if info.flags.contains(.lineBreak) {
      closeBlock()
    }
    let attributesLinted = frame.english && !frame.skipped && !frame.inHead
    if info.flags.contains(.alternativeText) && attributesLinted, let alt = attributes.value(of: "alt") {
      let isImageInput = attributes.value(of: "type").map { equalsIgnoringCase($0, "image") } ?? false
      if !equalsIgnoringCase(name, "input") || isImageInput {  // <input> has alt text only as an image button
        emitAttribute(alt, named: "alt", tag: tag, offset: offset)
      }
    }
    if info.flags.contains(.meta) {
      readMeta(attributes, tag: tag, offset: offset, linted: frame.english && !frame.skipped)
    }
    if info.flags.contains(.abbreviation) || info.flags.contains(.definition) {
      frame.termStart = frame.isLinted ? bytes.count : -1
      frame.termOrder = termExpansions.count
      termExpansions.append(attributes.value(of: "title").flatMap(collapsedText))
    }
    frames.append(frame)
  }

  mutating func endElement(at position: Int) {
    let top = frames.count - 1
    guard top >= 0 else { return }
    let termStart = frames[top].termStart
    let isBlock = frames[top].info.flags.contains(.block)
    if termStart >= 0 { finishTerm(frames[top]) }
    frames.removeLast()
    if isBlock { closeBlock() }
  }

  mutating func characters(_ text: UnsafeBufferPointer<UInt8>, at position: Int) {
    let offset = documentOffset(position)
    let top = frames.count - 1
    let linted = top >= 0 ? frames[top].isLinted : documentEnglish
    guard linted else {
      aligner.matchText(text, limit: offset, proseStart: 0, record: false, into: &discarded)
      return
    }
    if !blockOpen {
      // White space with no block open (most often a line break between two block elements) is not written: the
      // block it would open is only noted, and opens when text with content comes. Closing would have dropped it,
      // or trimming its start; only the aligner's cursor moves over it.
      guard hasContent(text) else {
        if pendingBlockKind == nil { pendingBlockKind = top >= 0 ? frames[top].kind : .paragraph }
        aligner.matchText(text, limit: offset, proseStart: 0, record: false, into: &discarded)
        return
      }
      openBlock(kind: pendingBlockKind ?? (top >= 0 ? frames[top].kind : .paragraph))
      blockHasContent = true
    }
    let proseStart = bytes.count
    bytes.append(contentsOf: text)
    aligner.matchText(text, limit: offset, proseStart: proseStart, record: true, into: &segments)
    if !blockHasContent { blockHasContent = hasContent(text) }
  }

  /// A comment, which libxml2 reported when it had read up to `position` (just after the `-->`). Kept only when
  /// it may be a plainlint directive and is not inside code or other content that is never linted (libxml2
  /// never reports comments inside `<script>` and `<style>`, whose content is raw text).
  mutating func comment(_ text: UnsafeBufferPointer<UInt8>, at position: Int) {
    guard SourceComment.mayBeDirective(text), frames.last?.skipped != true,
      let found = aligner.findComment(endingAt: documentOffset(position))
    else { return }
    comments.append(found)
  }

  // MARK: Blocks

  private mutating func openBlock(kind: BlockKind) {
    guard !blockOpen else { return }
    blockOpen = true
    pendingBlockKind = nil
    blockSeparatorStart = bytes.count
    if !bytes.isEmpty {
      bytes.append(0x0A)
      bytes.append(0x0A)
    }
    blockStart = bytes.count
    blockKind = kind
    blockHasContent = false
    blockSegmentStart = segments.count
  }

  /// Ends the open block: keeps it if it has anything but white space, and writes any metadata blocks met in it.
  private mutating func closeBlock() {
    pendingBlockKind = nil
    if blockOpen {
      blockOpen = false
      if blockHasContent {
        let (lower, upper) = trimmingSpace(blockStart, bytes.count)
        blocks.append(ProseBlock(kind: blockKind, range: lower..<upper))
        if !blockDefinitions.isEmpty { definitions.append(contentsOf: blockDefinitions) }
      } else {
        // A block of white space (white space alone no longer opens one; kept so that no path can leave one).
        while bytes.count > blockSeparatorStart { bytes.removeLast() }
        while segments.count > blockSegmentStart { segments.removeLast() }
      }
      if !blockDefinitions.isEmpty { blockDefinitions.removeAll(keepingCapacity: true) }
    }
    if !deferred.isEmpty {
      let pending = deferred
      deferred.removeAll()
      for (text, segments) in pending { writeMetadataBlock(text, segments: segments) }
    }
  }

  /// Writes a block of metadata (a title, alt text, a description) on its own.
  private mutating func writeMetadataBlock(_ text: [UInt8], segments pieces: [SourceMap.Segment]) {
    openBlock(kind: .metadata)
    let proseStart = bytes.count
    bytes.append(contentsOf: text)
    for var segment in pieces {
      segment.proseStart += proseStart
      SourceAligner.append(segment, to: &segments)
    }
    blockHasContent = text.withUnsafeBufferPointer { hasContent($0) }
    closeBlock()
  }

  /// Lints an attribute's value as a metadata block, mapped to the value in the source tag.
  private mutating func emitAttribute(
    _ value: UnsafeBufferPointer<UInt8>, named name: StaticString, tag: SourceAligner.StartTag?, offset: Int
  ) {
    guard hasContent(value) else { return }
    var segments: [SourceMap.Segment] = []
    if let tag, tag.consistent, let range = aligner.attributeValue(named: name, in: tag) {
      aligner.matchAttribute(value, source: range, proseStart: 0, into: &segments)
    } else {
      let span = tag.map { $0.start..<$0.end } ?? max(base, offset - 1)..<offset
      aligner.mapAsWhole(proseStart: 0, length: value.count, source: span, into: &segments)
    }
    let text = Array(value)
    if blockOpen || pendingBlockKind != nil {
      deferred.append((text, segments))
    } else {
      writeMetadataBlock(text, segments: segments)
    }
  }

  /// What the element with this name is, from the table of names met so far when it is there.
  @inline(__always)
  private mutating func elementInfo(_ name: UnsafeBufferPointer<UInt8>) -> ElementInfo {
    guard let address = name.baseAddress else { return ElementInfo.named(name) }
    let slot = Int(truncatingIfNeeded: UInt(bitPattern: address) >> 3) & 63
    if elementNames[slot] == address { return elementInfos[slot] }
    let info = ElementInfo.named(name)
    elementNames[slot] = address
    elementInfos[slot] = info
    return info
  }

  // MARK: Meta, language, terms

  private mutating func readMeta(_ attributes: HTMLAttributes, tag: SourceAligner.StartTag?, offset: Int, linted: Bool)
  {
    if linted, let name = attributes.value(of: "name"), equalsIgnoringCase(trimmed(name), "description"),
      let content = attributes.value(of: "content")
    {
      emitAttribute(content, named: "content", tag: tag, offset: offset)
    }
    guard charsetDeclaration == nil else { return }
    var label: UnsafeBufferPointer<UInt8>? = nil
    if let charset = attributes.value(of: "charset") {
      label = trimmed(charset)
    } else if let httpEquiv = attributes.value(of: "http-equiv"),
      equalsIgnoringCase(trimmed(httpEquiv), "content-type"), let content = attributes.value(of: "content")
    {
      label = charsetParameter(content)
    }
    if let label, !label.isEmpty {
      let printable = label.prefix(40).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }
      charsetDeclaration = CharsetDeclaration(
        label: String(decoding: printable, as: UTF8.self), offset: tag?.start ?? offset)
    }
  }

  /// The `charset=` parameter of a content type (`text/html; charset=iso-8859-1`).
  private func charsetParameter(_ content: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
    let key: [UInt8] = Array("charset".utf8)
    var i = 0
    while i + key.count <= content.count {
      var found = true
      for index in 0..<key.count where lowercased(content[i + index]) != key[index] {
        found = false
        break
      }
      if found {
        var j = i + key.count
        while j < content.count && isBlank(content[j]) { j += 1 }
        guard j < content.count, content[j] == UInt8(ascii: "=") else { return nil }
        j += 1
        while j < content.count && isBlank(content[j]) { j += 1 }
        if j < content.count && (content[j] == UInt8(ascii: "\"") || content[j] == UInt8(ascii: "'")) { j += 1 }
        var end = j
        while end < content.count && !isBlank(content[end]) && content[end] != UInt8(ascii: ";")
          && content[end] != UInt8(ascii: "\"") && content[end] != UInt8(ascii: "'")
        {
          end += 1
        }
        return UnsafeBufferPointer(rebasing: content[j..<end])
      }
      i += 1
    }
    return nil
  }

  /// Whether a `lang` value says English: empty (unknown, so plainlint's default), `en`, or `en-` anything.
  private func isEnglish(_ lang: UnsafeBufferPointer<UInt8>) -> Bool {
    let value = trimmed(lang)
    guard !value.isEmpty else { return true }
    guard value.count >= 2, lowercased(value[0]) == UInt8(ascii: "e"), lowercased(value[1]) == UInt8(ascii: "n")
    else { return false }
    return value.count == 2 || value[2] == UInt8(ascii: "-") || value[2] == UInt8(ascii: "_")
  }

  /// The prose range from `lower` to `upper` without white space (and no-break spaces) at either end.
  private func trimmingSpace(_ lower: Int, _ upper: Int) -> (Int, Int) {
    var lower = lower
    var upper = upper
    while lower < upper {
      let width = spaceWidth(at: lower)
      if width == 0 { break }
      lower += width
    }
    while upper > lower {
      let width = spaceWidth(endingAt: upper)
      if width == 0 { break }
      upper -= width
    }
    return (lower, upper)
  }

  /// Records an `<abbr>` or `<dfn>` that has ended, if its text is in the open block.
  private mutating func finishTerm(_ frame: Frame) {
    guard blockOpen else { return }
    let (lower, upper) = trimmingSpace(max(frame.termStart, blockStart), bytes.count)
    guard lower < upper else { return }
    let term = String(decoding: bytes[lower..<upper], as: UTF8.self)
    blockDefinitions.append(
      (frame.termOrder, TermDefinition(range: lower..<upper, term: term, expansion: termExpansions[frame.termOrder])))
  }

  // MARK: Bytes

  /// The width of the white space (ASCII white space or a no-break space) at `i` in the prose, or 0.
  @inline(__always)
  private func spaceWidth(at i: Int) -> Int {
    let b = bytes[i]
    if isBlank(b) || b == 0x0C { return 1 }
    if b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0 { return 2 }
    return 0
  }

  /// The width of the white space that ends just before `end` in the prose, or 0.
  @inline(__always)
  private func spaceWidth(endingAt end: Int) -> Int {
    let b = bytes[end - 1]
    if isBlank(b) || b == 0x0C { return 1 }
    if b == 0xA0 && end >= 2 && bytes[end - 2] == 0xC2 { return 2 }
    return 0
  }
}

/// Whether text has anything but white space (a no-break space counts as white space).
func hasContent(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
  var i = 0
  let n = text.count
  while i < n {
    let b = text[i]
    if isBlank(b) || b == 0x0C {
      i += 1
    } else if b == 0xC2 && i + 1 < n && text[i + 1] == 0xA0 {
      i += 2
    } else {
      return true
    }
  }
  return false
}

/// The text without ASCII white space at either end.
func trimmed(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
  var lower = 0
  var upper = text.count
  while lower < upper && isBlank(text[lower]) { lower += 1 }
  while upper > lower && isBlank(text[upper - 1]) { upper -= 1 }
  return UnsafeBufferPointer(rebasing: text[lower..<upper])
}

/// Whether the bytes are `word` (lower case), ignoring ASCII case.
func equalsIgnoringCase(_ text: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
  guard text.count == word.utf8CodeUnitCount else { return false }
  for index in 0..<text.count where lowercased(text[index]) != word.utf8Start[index] { return false }
  return true
}

/// Text with runs of white space made single spaces and none at either end; nil when nothing is left.
func collapsedText(_ text: UnsafeBufferPointer<UInt8>) -> String? {
  var result: [UInt8] = []
  result.reserveCapacity(text.count)
  var pendingSpace = false
  for b in text {
    if isBlank(b) || b == 0x0C {
      pendingSpace = !result.isEmpty
    } else {
      if pendingSpace { result.append(0x20) }
      pendingSpace = false
      result.append(b)
    }
  }
  return result.isEmpty ? nil : String(decoding: result, as: UTF8.self)
}
