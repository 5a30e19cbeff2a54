/// What a block of prose is, as the reader sees it. Block boundaries always end a sentence.
public enum BlockKind: Hashable, Sendable {
  /// A paragraph of running text.
  case paragraph
  /// A heading, with its level (1 is the title).
  case heading(level: Int)

  /// The highest heading level a `ProseBlock` keeps (HTML and Markdown go to 6, Word to 9).
  public static let highestStoredLevel = 200
  /// One item of a bulleted or numbered list.
  case listItem
  /// A cell of a table.
  case tableCell
  /// Text that is read aloud or shown elsewhere: a page title, image alt text, a description.
  case metadata
}

/// One block of prose: its kind and its byte range in the prose text.
///
/// A block takes 12 bytes: offsets in 32 bits (documents are limited to 4 GiB, as for tokens) and the kind in
/// one byte. A large plain text has a block for every paragraph, kept while it is linted.
public struct ProseBlock: Hashable, Sendable {
  @usableFromInline var storedStart: UInt32
  @usableFromInline var storedEnd: UInt32
  @usableFromInline var storedKind: UInt8

  /// What the block is. Heading levels above `BlockKind.highestStoredLevel` are kept as that level.
  @inlinable public var kind: BlockKind {
    get {
      switch storedKind {
      case 0: .paragraph
      case 1: .listItem
      case 2: .tableCell
      case 3: .metadata
      default: .heading(level: Int(storedKind) - 4)
      }
    }
    set {
      switch newValue {
      case .paragraph: storedKind = 0
      case .listItem: storedKind = 1
      case .tableCell: storedKind = 2
      case .metadata: storedKind = 3
      case .heading(let level): storedKind = UInt8(4 + min(max(level, 0), BlockKind.highestStoredLevel))
      }
    }
  }

  /// The block's bytes in `ProseText.bytes`.
  @inlinable public var range: Range<Int> {
    get { Int(storedStart)..<Int(storedEnd) }
    set {
      storedStart = UInt32(truncatingIfNeeded: newValue.lowerBound)
      storedEnd = UInt32(truncatingIfNeeded: newValue.upperBound)
    }
  }

  /// Creates a block.
  public init(kind: BlockKind, range: Range<Int>) {
    storedStart = UInt32(truncatingIfNeeded: range.lowerBound)
    storedEnd = UInt32(truncatingIfNeeded: range.upperBound)
    storedKind = 0
    self.kind = kind
  }
}

/// The prose of a document as a front end extracted it: the bytes to lint, the blocks they fall into, and a
/// map from those bytes back to the original file.
///
/// For plain text the prose is the file itself (the same array, not a copy) and the map is the identity.
/// Markdown and HTML front ends build their own bytes (link text without its destination, `&amp;` as `&`) and a
/// map that takes every offset back to the exact place in the source.
public struct ProseText: Sendable {
  /// The name of the format the front end read ("text", "markdown", "html").
  public var format: String
  /// The prose bytes that are tokenized.
  public var bytes: [UInt8]
  /// The blocks, in document order.
  public var blocks: [ProseBlock]
  /// Where each prose byte came from in the source file.
  public var map: SourceMap
  /// Terms the markup itself defines (`<abbr title="…">`, `<dfn>`), in document order.
  public var definitions: [TermDefinition]
  /// The comments (plain text: the lines) that may hold plainlint directives, in document order. Empty for
  /// almost every document, and then suppression costs nothing.
  public var comments: [SourceComment]

  /// Creates prose text.
  public init(
    format: String, bytes: [UInt8], blocks: [ProseBlock], map: SourceMap, definitions: [TermDefinition] = [],
    comments: [SourceComment] = []
  ) {
    self.format = format
    self.bytes = bytes
    self.blocks = blocks
    self.map = map
    self.definitions = definitions
    self.comments = comments
  }
}

/// A place in the source that may hold a plainlint directive: an HTML comment (`<!-- plainlint-disable -->`) in
/// Markdown or HTML, or a line of its own (`plainlint-disable`) in plain text. Front ends record only those whose
/// text starts with `plainlint` (see `mayBeDirective`), and never one inside code.
public struct SourceComment: Hashable, Sendable {
  /// The whole comment, markers included (plain text: the line without the blanks around it), in source bytes.
  public var range: Range<Int>
  /// The text inside the comment markers (plain text: the same as `range`), in source bytes.
  public var text: Range<Int>

  /// Creates a comment.
  public init(range: Range<Int>, text: Range<Int>) {
    self.range = range
    self.text = text
  }

  /// Whether a comment's text, after any white space, starts with `plainlint` (in any case): only such a comment
  /// is read for a directive, and a misspelt one is reported.
  public static func mayBeDirective(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < text.count && (text[i] == 0x20 || text[i] == 0x09 || text[i] == 0x0A || text[i] == 0x0D) { i += 1 }
    let prefix = "plainlint".utf8
    guard text.count - i >= prefix.count else { return false }
    for byte in prefix {
      if text[i] | 0x20 != byte { return false }
      i += 1
    }
    return true
  }
}

/// A term that the document's markup defines where it is used: `<abbr title="Patient Advice and Liaison
/// Service">PALS</abbr>` or `<dfn>`. Rules treat the term as explained at that place.
public struct TermDefinition: Hashable, Sendable {
  /// The term's range in the prose bytes.
  public var range: Range<Int>
  /// The term as written.
  public var term: String
  /// Its expansion or explanation (the `title`), or nil when the markup only marks it as being defined.
  public var expansion: String?

  /// Creates a definition.
  public init(range: Range<Int>, term: String, expansion: String?) {
    self.range = range
    self.term = term
    self.expansion = expansion
  }
}

/// Maps byte offsets in extracted prose back to byte offsets in the source file.
///
/// The map is a sorted list of segments. A segment of equal lengths maps byte for byte; a segment of unequal
/// lengths (an entity such as `&amp;` that became `&`) maps as a whole: a range that starts inside it starts at
/// its source start, and one that ends inside it ends at its source end. Bytes between segments (separators a
/// front end inserted) map to the nearest edge.
public struct SourceMap: Sendable {
  /// One piece of the map.
  ///
  /// Its offsets are kept in 32 bits, as tokens keep theirs (`Token.maximumDocumentSize`): a large Markdown or HTML
  /// file has a segment for every 40 bytes or so, and half the size is megabytes less at the peak.
  public struct Segment: Hashable, Sendable {
    @usableFromInline var storedProseStart: UInt32
    @usableFromInline var storedProseLength: UInt32
    @usableFromInline var storedSourceStart: UInt32
    @usableFromInline var storedSourceLength: UInt32

    /// Where the piece starts in the prose.
    @inlinable public var proseStart: Int {
      get { Int(storedProseStart) }
      set { storedProseStart = UInt32(truncatingIfNeeded: newValue) }
    }
    /// Its length in the prose.
    @inlinable public var proseLength: Int {
      get { Int(storedProseLength) }
      set { storedProseLength = UInt32(truncatingIfNeeded: newValue) }
    }
    /// Where it starts in the source.
    @inlinable public var sourceStart: Int {
      get { Int(storedSourceStart) }
      set { storedSourceStart = UInt32(truncatingIfNeeded: newValue) }
    }
    /// Its length in the source.
    @inlinable public var sourceLength: Int {
      get { Int(storedSourceLength) }
      set { storedSourceLength = UInt32(truncatingIfNeeded: newValue) }
    }

    /// Creates a segment.
    @inlinable
    public init(proseStart: Int, proseLength: Int, sourceStart: Int, sourceLength: Int) {
      storedProseStart = UInt32(truncatingIfNeeded: proseStart)
      storedProseLength = UInt32(truncatingIfNeeded: proseLength)
      storedSourceStart = UInt32(truncatingIfNeeded: sourceStart)
      storedSourceLength = UInt32(truncatingIfNeeded: sourceLength)
    }
  }

  /// The segments, sorted by `proseStart`. Empty means the identity map.
  public var segments: [Segment] { storage }
  /// The segments (stored under another name so that `append`, which the front ends call for every piece of text,
  /// can be inlined into them while only this type changes them).
  @usableFromInline var storage: [Segment]

  /// The map that sends every offset to itself (plain text).
  public static let identity = SourceMap(segments: [])

  /// Creates a map from sorted segments.
  public init(segments: [Segment]) {
    self.storage = segments
  }

  /// The last segment, if any.
  @inlinable public var last: Segment? { storage.last }

  /// Whether this is the identity map.
  public var isIdentity: Bool { segments.isEmpty }

  /// Makes room for `count` segments, so that a front end that knows about how many it will append does not grow
  /// the array a doubling at a time.
  public mutating func reserveCapacity(_ count: Int) {
    storage.reserveCapacity(count)
  }

  /// Appends a piece, merging it with the previous one when both map byte for byte and touch on both sides.
  @inlinable
  public mutating func append(proseStart: Int, proseLength: Int, sourceStart: Int, sourceLength: Int) {
    if let last = storage.last, last.proseLength == last.sourceLength, proseLength == sourceLength,
      last.proseStart + last.proseLength == proseStart, last.sourceStart + last.sourceLength == sourceStart
    {
      storage[storage.count - 1].proseLength += proseLength
      storage[storage.count - 1].sourceLength += sourceLength
      return
    }
    storage.append(
      Segment(proseStart: proseStart, proseLength: proseLength, sourceStart: sourceStart, sourceLength: sourceLength))
  }

  /// The index of the last segment whose prose start is at or before `offset` (or strictly before it).
  private func segmentIndex(atOrBefore offset: Int, strictly: Bool) -> Int? {
    var low = 0
    var high = segments.count
    while low < high {
      let mid = (low + high) / 2
      let start = segments[mid].proseStart
      if strictly ? start < offset : start <= offset { low = mid + 1 } else { high = mid }
    }
    return low == 0 ? nil : low - 1
  }

  /// The source offset where a prose range that starts at `offset` starts.
  public func sourceStart(ofProse offset: Int) -> Int {
    if segments.isEmpty { return offset }
    guard let index = segmentIndex(atOrBefore: offset, strictly: false) else { return segments[0].sourceStart }
    let segment = segments[index]
    let delta = offset - segment.proseStart
    if delta < segment.proseLength {
      return segment.proseLength == segment.sourceLength ? segment.sourceStart + delta : segment.sourceStart
    }
    // In a gap after the segment: start at the next piece of source.
    if index + 1 < segments.count { return segments[index + 1].sourceStart }
    return segment.sourceStart + segment.sourceLength
  }

  /// The source offset where a prose range that ends (exclusively) at `offset` ends.
  public func sourceEnd(ofProse offset: Int) -> Int {
    if segments.isEmpty { return offset }
    guard let index = segmentIndex(atOrBefore: offset, strictly: true) else { return segments[0].sourceStart }
    let segment = segments[index]
    let delta = offset - segment.proseStart
    if delta < segment.proseLength && segment.proseLength == segment.sourceLength {
      return segment.sourceStart + delta
    }
    return segment.sourceStart + segment.sourceLength
  }

  /// The source range of a prose range.
  public func sourceRange(ofProse range: Range<Int>) -> Range<Int> {
    let start = sourceStart(ofProse: range.lowerBound)
    let end = sourceEnd(ofProse: range.upperBound)
    return start..<max(start, end)
  }
}

extension SourceMap {
  /// The map read the other way, from source offsets to prose offsets: made once for a document, for showing
  /// findings (found in source offsets) in the prose a reader reads.
  public struct Inverse: Sendable {
    /// The segments, sorted by where they start in the source.
    private let bySource: [Segment]
    /// Whether the map is the identity.
    private let isIdentity: Bool

    /// Makes the inverse of `map`.
    public init(_ map: SourceMap) {
      isIdentity = map.isIdentity
      bySource = map.segments.sorted { ($0.sourceStart, $0.proseStart) < ($1.sourceStart, $1.proseStart) }
    }

    /// The index of the last segment that starts in the source at or before `offset`, if any.
    private func segmentIndex(atOrBefore offset: Int) -> Int? {
      var low = 0
      var high = bySource.count
      while low < high {
        let mid = (low + high) / 2
        if bySource[mid].sourceStart <= offset { low = mid + 1 } else { high = mid }
      }
      return low == 0 ? nil : low - 1
    }

    /// The prose offset where a source range starting at `offset` starts: inside a segment that maps byte for
    /// byte, the same byte; inside one that does not (an entity), its start; between segments (markup), the
    /// start of the next piece of prose.
    public func proseStart(ofSource offset: Int) -> Int {
      if isIdentity { return offset }
      guard let index = segmentIndex(atOrBefore: offset) else { return bySource.first?.proseStart ?? 0 }
      let segment = bySource[index]
      let delta = offset - segment.sourceStart
      if delta < segment.sourceLength {
        return segment.proseLength == segment.sourceLength ? segment.proseStart + delta : segment.proseStart
      }
      if index + 1 < bySource.count { return bySource[index + 1].proseStart }
      return segment.proseStart + segment.proseLength
    }

    /// The prose offset where a source range ending (exclusively) at `offset` ends: inside a segment that does not
    /// map byte for byte, its end; between segments, the end of the prose before.
    public func proseEnd(ofSource offset: Int) -> Int {
      if isIdentity { return offset }
      guard let index = segmentIndex(atOrBefore: offset - 1) else { return bySource.first?.proseStart ?? 0 }
      let segment = bySource[index]
      let delta = offset - segment.sourceStart
      if delta <= segment.sourceLength && segment.proseLength == segment.sourceLength {
        return segment.proseStart + delta
      }
      return segment.proseStart + segment.proseLength
    }

    /// The prose range of a source range (empty when the source range holds no prose).
    public func proseRange(ofSource range: Range<Int>) -> Range<Int> {
      let start = proseStart(ofSource: range.lowerBound)
      let end = proseEnd(ofSource: range.upperBound)
      return start..<max(start, end)
    }
  }
}
