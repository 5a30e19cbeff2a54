import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A position in a source file: 1-based line, and 1-based column counted in Unicode scalar values.
public struct SourcePosition: Hashable, Sendable, Comparable {
  /// The 1-based line number.
  public var line: Int
  /// The 1-based column, counted in Unicode scalar values (an invalid UTF-8 byte counts as one).
  public var column: Int

  /// Creates a position from a 1-based line and column.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }
}

/// Everything a reporter or the language server needs to know about one byte offset.
public struct SourceLocation: Hashable, Sendable {
  /// The UTF-8 byte offset from the start of the file.
  public var offset: Int
  /// The 1-based line number.
  public var line: Int
  /// The 1-based column in Unicode scalar values.
  public var column: Int
  /// The 1-based column in UTF-16 code units (what most language-server clients count).
  public var utf16Column: Int
  /// The 1-based column in UTF-8 bytes (what reviewdog counts).
  public var byteColumn: Int

  /// The line and scalar column as a `SourcePosition`.
  public var position: SourcePosition { SourcePosition(line: line, column: column) }
}

/// A source file: its bytes, its path for reporting, and an index of where each line starts.
///
/// Every token, sentence and finding refers to the file by UTF-8 byte offsets. Converting an offset to a line
/// and column is a binary search over the line index plus a walk along that one line; it never rescans the file.
/// The line index is built the first time a position is asked for, so a file with nothing to report never
/// pays for it.
public struct Document: Sendable {
  /// The path shown to the user (as given on the command line, or the `--stdin-filename`).
  public let path: String
  /// The file's bytes, exactly as read.
  public let bytes: [UInt8]
  private let lineIndexStorage: LineIndexStorage

  /// Creates a document. Line breaks are `\n`, `\r\n` and a lone `\r`.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    self.lineIndexStorage = LineIndexStorage()
  }

  /// The byte offset at which each line starts. The first entry is always 0.
  public var lineStarts: LineStarts {
    lineIndexStorage.starts { Document.indexLines(bytes) }
  }

  /// Creates a document from a string (for tests and standard input).
  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The number of lines (an empty file has one empty line).
  public var lineCount: Int { lineStarts.count }

  static func indexLines(_ bytes: [UInt8]) -> LineStarts {
    // Offsets fit in 32 bits: plainlint refuses files of 4 GiB and more before making a document of them.
    precondition(bytes.count <= Int(UInt32.max), "a document of 4 GiB or more")
    var starts: [UInt32] = [0]
    starts.reserveCapacity(bytes.count / 40 + 1)
    bytes.withUnsafeBufferPointer { p in
      let carriageReturns = hasCarriageReturn(p)
      var end = lineEnd(in: p, from: 0, carriageReturns: carriageReturns)
      while end < p.count {
        let next = lineStart(after: end, in: p)
        starts.append(UInt32(truncatingIfNeeded: next))
        end = lineEnd(in: p, from: next, carriageReturns: carriageReturns)
      }
    }
    return LineStarts(offsets: starts)
  }

  /// Whether the bytes hold a carriage return (most files have none; see `lineEnd`).
  static func hasCarriageReturn(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = p.baseAddress else { return false }
    return memchr(base, 0x0D, p.count) != nil
  }

  /// The offset of the `\n` or `\r` that ends the line starting at `start`, or the end of the bytes. Without
  /// carriage returns in the bytes (`hasCarriageReturn`), the C library's vectorised memchr finds it, at a small
  /// fraction of the cost of looking at the bytes here; otherwise they are read eight at a time.
  @inline(__always)
  static func lineEnd(in p: UnsafeBufferPointer<UInt8>, from start: Int, carriageReturns: Bool) -> Int {
    let n = p.count
    guard start < n, let base = p.baseAddress else { return n }
    if !carriageReturns {
      guard let found = memchr(base + start, 0x0A, n - start) else { return n }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
    var i = start
    // Skip eight bytes at a time while none is \n or \r (a zero byte after XOR marks a match).
    while i + 8 <= n {
      if hasLineBreak(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { break }
      i += 8
    }
    while i < n && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
    return i
  }

  /// Where the next line starts after the line break at `end` (`\r\n` is one break).
  @inline(__always)
  static func lineStart(after end: Int, in p: UnsafeBufferPointer<UInt8>) -> Int {
    end + 1 < p.count && p[end] == 0x0D && p[end + 1] == 0x0A ? end + 2 : end + 1
  }

  /// Whether any of the eight bytes of `word` is `\n` or `\r`.
  @inline(__always)
  static func hasLineBreak(_ word: UInt64) -> Bool {
    hasZeroByte(word ^ 0x0A0A_0A0A_0A0A_0A0A) || hasZeroByte(word ^ 0x0D0D_0D0D_0D0D_0D0D)
  }

  /// Whether any of the eight bytes of `x` is zero.
  @inline(__always)
  private static func hasZeroByte(_ x: UInt64) -> Bool {
    (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
  }

  /// The 0-based index of the line that contains `offset`.
  public func lineIndex(containing offset: Int) -> Int {
    lineStarts.line(containing: offset)
  }

  /// The byte range of a 0-based line, without its line break.
  public func lineRange(_ index: Int) -> Range<Int> {
    let lineStarts = self.lineStarts
    let start = lineStarts[index]
    var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
    if end > start && bytes[end - 1] == 0x0A { end -= 1 }
    if end > start && bytes[end - 1] == 0x0D { end -= 1 }
    return start..<end
  }

  /// The full location (line, scalar column, UTF-16 column) of a byte offset.
  public func location(at offset: Int) -> SourceLocation {
    var converter = PositionConverter(self)
    return converter.location(at: offset)
  }

  /// The source text of a byte range, with any invalid UTF-8 shown as U+FFFD.
  public func text(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }
}

/// Converts byte offsets to locations, remembering the last answer so that a run of offsets in order along one
/// long line costs a single walk of that line rather than one walk per offset.
public struct PositionConverter {
  private let document: Document
  /// The document's line starts, taken on the first `location` (each time from the document would take its lock).
  private var lineStarts: LineStarts? = nil
  private var cachedLine = -1
  private var cachedOffset = 0
  private var cachedColumn = 1
  private var cachedUTF16Column = 1

  /// Creates a converter for one document.
  public init(_ document: Document) {
    self.document = document
  }

  /// The location of a byte offset (clamped to the file).
  public mutating func location(at rawOffset: Int) -> SourceLocation {
    let offset = max(0, min(rawOffset, document.bytes.count))
    if lineStarts == nil { lineStarts = document.lineStarts }
    let line = lineStarts.unsafelyUnwrapped.line(containing: offset)
    let lineStart = lineStarts.unsafelyUnwrapped[line]
    var i = lineStart
    var column = 1
    var utf16 = 1
    if line == cachedLine && cachedOffset <= offset {
      i = cachedOffset
      column = cachedColumn
      utf16 = cachedUTF16Column
    }
    document.bytes.withUnsafeBufferPointer { p in
      while i < offset {
        let b = p[i]
        if b < 0x80 {
          i += 1
          column += 1
          utf16 += 1
          continue
        }
        let (scalar, length) = UTF8Scalar.decode(p, at: i)
        i += length
        column += 1
        utf16 += scalar >= 0x10000 ? 2 : 1
      }
    }
    // An offset inside a multibyte sequence is rounded up to the next scalar; remember the walk either way.
    cachedLine = line
    cachedOffset = i
    cachedColumn = column
    cachedUTF16Column = utf16
    return SourceLocation(
      offset: offset, line: line + 1, column: column, utf16Column: utf16, byteColumn: offset - lineStart + 1)
  }
}

/// The line index of a document, built once on first use and shared by copies of the document.
final class LineIndexStorage: @unchecked Sendable {
  private let lock = Mutex(())
  private nonisolated(unsafe) var computed: LineStarts? = nil

  /// The line starts, building them with `make` the first time.
  func starts(_ make: () -> LineStarts) -> LineStarts {
    lock.withLock { _ in
      if let computed { return computed }
      let made = make()
      computed = made
      return made
    }
  }
}

/// Where each line of a document starts, as byte offsets in order; the first is always 0.
///
/// The offsets are kept in 32 bits (plainlint reads no file of 4 GiB or more), half the memory of `[Int]`: 100 MB of
/// text has about two million lines, and this index is held for as long as the document's findings are.
public struct LineStarts: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
  // Visible to other modules' inlined code: the front ends read a line start for every node or event.
  @usableFromInline let offsets: [UInt32]

  init(offsets: [UInt32]) {
    self.offsets = offsets
  }

  /// Line starts written out (for tests).
  public init(arrayLiteral elements: Int...) {
    offsets = elements.map { UInt32($0) }
  }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { offsets.count }

  /// The byte offset at which the line at index `line` (0-based) starts.
  @inlinable @inline(__always)
  public subscript(line: Int) -> Int { Int(offsets[line]) }

  /// The 0-based index of the line that contains `offset`: the last line starting at or before it.
  public func line(containing offset: Int) -> Int {
    var low = 0
    var high = offsets.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if Int(offsets[mid]) <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }
}
