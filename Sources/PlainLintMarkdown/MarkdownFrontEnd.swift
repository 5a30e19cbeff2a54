import CCmarkGFM
import PlainLintCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The front end for Markdown, through GitHub's cmark-gfm with the table, strikethrough, autolink and task-list
/// extensions and footnotes.
///
/// It lints paragraphs, headings, list items, block quotes, table cells, emphasis, link text, image alt text and
/// footnotes. It never lints code (fenced, indented or inline), link and image destinations, autolinks and bare
/// web addresses, raw HTML or HTML comments, or YAML (`---`) and TOML (`+++`) front matter. Each heading, list
/// item, table cell and block is its own prose block, so it ends a sentence; inline markup does not.
///
/// Every prose byte maps back to the exact source byte, including after backslash escapes, character
/// references (`&amp;`) and multibyte characters.
public enum MarkdownFrontEnd {
  /// The cmark-gfm version this was built against.
  public static var libraryVersion: String { String(cString: cmark_version_string()) }

  /// The prose of a Markdown document.
  public static func prose(of document: Document) -> ProseText {
    prose(of: document, inPiecesFrom: MarkdownPieces.threshold)
  }

  /// The prose of a Markdown document, parsed a piece at a time (`MarkdownPieces`) when it has at least
  /// `threshold` bytes; the tests set a small threshold and piece size to compare the two ways.
  static func prose(
    of document: Document, inPiecesFrom threshold: Int, pieceSize: Int = MarkdownPieces.pieceSize
  ) -> ProseText {
    let (source, frontMatter) = sanitized(document.bytes)
    var builder = MarkdownProseBuilder(document: document, source: source)
    if source.count >= threshold,
      MarkdownPieces.parse(source, blankingFirst: frontMatter, pieceSize: pieceSize, into: &builder)
    {
      return builder.finish()
    }
    parse(source, blankingFirst: frontMatter) { root in builder.walk(root) }
    return builder.finish()
  }

  /// Parses bytes with cmark-gfm and hands the document node to `body`; the tree is freed afterwards.
  ///
  /// Everything cmark-gfm allocates for the document comes from an arena that is freed in one go when `body` is
  /// done (see `CCmarkGFM/shim.h`): parsing does not pay for each node's `malloc` and `free`. The tree must not be
  /// used after `body` returns. All use of the arena is in this function, so the program has one copy of its state.
  /// With `blankingFirst`, cmark-gfm reads that many bytes at the start as blanks (front matter: each byte but a
  /// line break as a space), with the same offsets, and the rest as they are.
  static func parse(
    _ bytes: [UInt8], blankingFirst prefix: Int = 0, _ body: (UnsafeMutablePointer<cmark_node>) -> Void
  ) {
    var arena = plainlint_arena()
    let previous = plainlint_arena_begin(&arena)
    defer { plainlint_arena_end(&arena, previous) }
    // The parser and the tree are never freed one by one: ending the arena frees them.
    guard let parser = cmark_parser_new_with_mem(options(for: bytes), plainlint_arena_allocator()) else { return }
    guard let root = parse(bytes, blankingFirst: prefix, with: parser) else { return }
    body(root)
  }

  /// cmark-gfm's options for a document: source positions, and footnotes when the document has a `[^` anywhere.
  ///
  /// With footnotes on, cmark-gfm walks the whole tree twice more when it finishes, to number the references and
  /// move the definitions to the end, whether or not the document has any. A footnote, its reference and its
  /// definition alike, always starts with `[^` in the source, so without one the parse is the same either way.
  static func options(for bytes: [UInt8]) -> Int32 {
    let mayHaveFootnotes = containsPair(bytes, UInt8(ascii: "["), UInt8(ascii: "^"))
    return CMARK_OPT_SOURCEPOS | (mayHaveFootnotes ? CMARK_OPT_FOOTNOTES : 0)
  }

  /// Whether `bytes` has `first` followed by `second` somewhere.
  static func containsPair(_ bytes: [UInt8], _ first: UInt8, _ second: UInt8) -> Bool {
    bytes.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return false }
      var from = 0
      while from < p.count - 1, let found = memchr(base + from, Int32(first), p.count - 1 - from) {  // not the last
        let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        if p[index + 1] == second { return true }
        from = index + 1
      }
      return false
    }
  }

  /// Attaches the extensions to a new parser, parses bytes and returns the document node.
  ///
  /// Documents are parsed side by side, but those with a `~` parse their inlines one at a time (see
  /// `MarkdownExtensions`). Every parse in the program goes through here.
  static func parse(_ bytes: [UInt8], blankingFirst prefix: Int = 0, with parser: UnsafeMutablePointer<cmark_parser>)
    -> UnsafeMutablePointer<cmark_node>?
  {
    let tilde = bytes.withUnsafeBufferPointer { MarkdownExtensions.containsTilde($0) }
    for syntaxExtension in MarkdownExtensions.forDocument(containingTilde: tilde) {
      cmark_parser_attach_syntax_extension(parser, syntaxExtension)
    }
    feed(bytes, blankingFirst: prefix, to: parser)
    guard tilde else { return cmark_parser_finish(parser) }
    MarkdownExtensions.tildeLock.lock()
    defer { MarkdownExtensions.tildeLock.unlock() }
    return cmark_parser_finish(parser)
  }

  /// Feeds bytes to `parser`: the first `prefix` bytes as blanks (each byte but a line break as a space), then the
  /// rest `pieceSize` bytes at a time, calling `afterEachPiece` after each. cmark-gfm reads its input as a stream,
  /// so the pieces parse as one text would.
  static func feed(
    _ bytes: [UInt8], blankingFirst prefix: Int, to parser: UnsafeMutablePointer<cmark_parser>,
    pieceSize: Int = Int.max, afterEachPiece: () -> Void = {}
  ) {
    let blankedEnd = min(max(prefix, 0), bytes.count)
    if blankedEnd > 0 {
      let blanked = bytes[0..<blankedEnd].map { $0 == 0x0A || $0 == 0x0D ? $0 : 0x20 }
      blanked.withUnsafeBufferPointer { p in
        p.withMemoryRebound(to: CChar.self) { chars in cmark_parser_feed(parser, chars.baseAddress!, chars.count) }
      }
    }
    bytes.withUnsafeBufferPointer { p in
      p.withMemoryRebound(to: CChar.self) { chars in
        var start = blankedEnd
        while start < chars.count {
          let end = start + min(max(pieceSize, 1), chars.count - start)
          cmark_parser_feed(parser, chars.baseAddress! + start, end - start)
          afterEachPiece()
          start = end
        }
      }
    }
  }

  /// The source as cmark-gfm reads it, with the same byte offsets as the file, and how many bytes at its start
  /// (the front matter) cmark-gfm is to read as blanks (see `parse(_:blankingFirst:with:)`): cmark would otherwise
  /// drop front matter into the text. NUL bytes and bytes that are not valid UTF-8 are blanked in a copy (cmark would
  /// widen a bad byte into three, shifting every column after it on that line); a file with none is used as it is.
  /// Front matter holds no Markdown node, so what is left in it is never read.
  static func sanitized(_ bytes: [UInt8]) -> (source: [UInt8], blankPrefix: Int) {
    let frontMatter = bytes.withUnsafeBufferPointer { frontMatterEnd($0) } ?? 0
    guard let firstToBlank = firstByteToBlank(bytes) else { return (bytes, frontMatter) }
    var copy = bytes
    copy.withUnsafeMutableBufferPointer { p in
      // Everything before the first byte to blank is ASCII or valid UTF-8, so reading on from there finds what
      // reading from the start would.
      let n = p.count
      var i = firstToBlank
      while i < n {
        let b = p[i]
        if b == 0 {
          p[i] = 0x20
          i += 1
        } else if b < 0x80 {
          i += 1
        } else {
          let (scalar, length) = UTF8Scalar.decode(UnsafeBufferPointer(p), at: i)
          if scalar == UTF8Scalar.replacement && length == 1 { p[i] = 0x1A }  // SUB: a symbol, never a word
          i += length
        }
      }
    }
    return (copy, frontMatter)
  }

  /// The offset of the first NUL byte or byte that does not start valid UTF-8, or nil; ASCII eight bytes at a time.
  static func firstByteToBlank(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return nil }
      let n = p.count
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highBits: UInt64 = 0x8080_8080_8080_8080
      var i = 0
      while i < n {
        // No byte outside ASCII and no zero byte: nothing to look at in these 32, or these 8. A byte's high bit
        // after `(x - 1) & ~x` is set only when a byte is zero (or one below it is).
        if i + 32 <= n {
          let raw = UnsafeRawPointer(base + i)
          let a = raw.loadUnaligned(as: UInt64.self)
          let b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
          let c = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
          let d = raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
          let zeros = ((a &- ones) & ~a) | ((b &- ones) & ~b) | ((c &- ones) & ~c) | ((d &- ones) & ~d)
          if (a | b | c | d | zeros) & highBits == 0 {
            i += 32
            continue
          }
        }
        if i + 8 <= n {
          let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
          let marked = (word | ((word &- ones) & ~word)) & highBits
          if marked == 0 {
            i += 8
            continue
          }
          // The lowest marked byte is the first one to look at (a false mark is only ever above a zero byte).
          i += marked.trailingZeroBitCount >> 3
        }
        let b = base[i]
        if b == 0 { return i }
        if b < 0x80 {
          i += 1
          continue
        }
        let (scalar, length) = UTF8Scalar.decode(p, at: i)
        if scalar == UTF8Scalar.replacement && length == 1 { return i }
        i += length
      }
      return nil
    }
  }

  /// The end of YAML (`---` … `---` or `...`) or TOML (`+++` … `+++`) front matter at the very start, if any.
  static func frontMatterEnd(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
    var start = 0
    if p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { start = 3 }  // byte-order mark
    func line(at i: Int) -> (content: Range<Int>, next: Int)? {
      guard i < p.count else { return nil }
      var end = i
      while end < p.count && p[end] != 0x0A && p[end] != 0x0D { end += 1 }
      var next = end
      if next < p.count && p[next] == 0x0D { next += 1 }
      if next < p.count && p[next] == 0x0A { next += 1 }
      var trimmed = end
      while trimmed > i && (p[trimmed - 1] == 0x20 || p[trimmed - 1] == 0x09) { trimmed -= 1 }
      return (i..<trimmed, next)
    }
    /// Whether the line is three of `mark` (`---`, `...` or `+++`) and nothing else.
    func isLine(_ range: Range<Int>, of mark: UInt8) -> Bool {
      let i = range.lowerBound
      return range.count == 3 && p[i] == mark && p[i + 1] == mark && p[i + 2] == mark
    }
    guard let first = line(at: start) else { return nil }
    let closers: (UInt8, UInt8)
    if isLine(first.content, of: UInt8(ascii: "-")) {
      closers = (UInt8(ascii: "-"), UInt8(ascii: "."))
    } else if isLine(first.content, of: UInt8(ascii: "+")) {
      closers = (UInt8(ascii: "+"), UInt8(ascii: "+"))
    } else {
      return nil
    }
    var i = first.next
    while let current = line(at: i) {
      if isLine(current.content, of: closers.0) || isLine(current.content, of: closers.1) { return current.next }
      if current.next == i { break }
      i = current.next
    }
    return nil  // never closed: not front matter
  }
}

/// A plain mutual-exclusion lock around C calls that must not run at the same time.
final class ProcessLock: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>

  init() {
    mutex = .allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  func lock() { pthread_mutex_lock(mutex) }
  func unlock() { pthread_mutex_unlock(mutex) }
}
