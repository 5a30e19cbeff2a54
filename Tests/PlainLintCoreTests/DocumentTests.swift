import Testing

@testable import PlainLintCore

/// An expected location: the bytes of a file, an offset in it, and where a reader finds that offset.
struct PositionCase: CustomTestStringConvertible, Sendable {
  let label: String
  let bytes: [UInt8]
  let expected: PlainLintCore.SourceLocation

  init(_ label: String, _ text: String, offset: Int, _ line: Int, _ column: Int, utf16: Int, byte: Int) {
    self.init(label, Array(text.utf8), offset: offset, line, column, utf16: utf16, byte: byte)
  }

  init(_ label: String, _ bytes: [UInt8], offset: Int, _ line: Int, _ column: Int, utf16: Int, byte: Int) {
    self.label = label
    self.bytes = bytes
    expected = PlainLintCore.SourceLocation(
      offset: offset, line: line, column: column, utf16Column: utf16, byteColumn: byte)
  }

  var testDescription: String { label }
}

let positionCases: [PositionCase] = [
  PositionCase("start of a file", "Hello", offset: 0, 1, 1, utf16: 1, byte: 1),
  PositionCase("ASCII", "Hello world", offset: 6, 1, 7, utf16: 7, byte: 7),
  PositionCase("after é (2 bytes)", "café menu", offset: 5, 1, 5, utf16: 5, byte: 6),
  PositionCase("after decomposed e + U+0301", "cafe\u{301} menu", offset: 6, 1, 6, utf16: 6, byte: 7),
  PositionCase("after curly apostrophe (3 bytes)", "don’t", offset: 6, 1, 5, utf16: 5, byte: 7),
  PositionCase("inside curly quotes", "“Take it” now", offset: 3, 1, 2, utf16: 2, byte: 4),
  PositionCase("after curly quotes", "“Take it” now", offset: 14, 1, 11, utf16: 11, byte: 15),
  PositionCase("after 😀 (2 UTF-16 units)", "😀 smile", offset: 5, 1, 3, utf16: 4, byte: 6),
  PositionCase("after 👩‍⚕️ (4 scalars, 5 UTF-16 units)", "👩‍⚕️ nurse", offset: 14, 1, 6, utf16: 7, byte: 15),
  PositionCase("Welsh ŵ", "Gŵyl Dewi", offset: 3, 1, 3, utf16: 3, byte: 4),
  PositionCase("second line after LF", "one\ntwo", offset: 4, 2, 1, utf16: 1, byte: 1),
  PositionCase("second line after CRLF", "one\r\ntwo", offset: 5, 2, 1, utf16: 1, byte: 1),
  PositionCase("the CR of a CRLF", "one\r\ntwo", offset: 3, 1, 4, utf16: 4, byte: 4),
  PositionCase("the LF of a CRLF", "one\r\ntwo", offset: 4, 1, 5, utf16: 5, byte: 5),
  PositionCase("second line after a lone CR", "one\rtwo", offset: 4, 2, 1, utf16: 1, byte: 1),
  PositionCase("mixed line breaks", "a\n\rb\r\n\nc", offset: 7, 5, 1, utf16: 1, byte: 1),
  PositionCase("a line after a lone CR in mixed breaks", "a\n\rb\r\n\nc", offset: 3, 3, 1, utf16: 1, byte: 1),
  PositionCase("multibyte on a later CRLF line", "Title\r\n😀 é x", offset: 15, 2, 5, utf16: 6, byte: 9),
  PositionCase("end of a file without a final newline", "one\ntwo", offset: 7, 2, 4, utf16: 4, byte: 4),
  PositionCase("end of a file with a final newline", "one\n", offset: 4, 2, 1, utf16: 1, byte: 1),
  PositionCase("end of a file with a final CRLF", "one\r\n", offset: 5, 2, 1, utf16: 1, byte: 1),
  PositionCase("end of a file ending in emoji", "ok 😀", offset: 7, 1, 5, utf16: 6, byte: 8),
  PositionCase("empty file", "", offset: 0, 1, 1, utf16: 1, byte: 1),
  PositionCase("inside é rounds up to the next scalar", "é", offset: 1, 1, 2, utf16: 2, byte: 2),
  PositionCase("inside 😀 rounds up to the next scalar", "a😀b", offset: 2, 1, 3, utf16: 4, byte: 3),
  PositionCase("an invalid byte counts as one column", [0x61, 0xFF, 0x62], offset: 2, 1, 3, utf16: 3, byte: 3),
  PositionCase("after an invalid byte", [0x61, 0xFF, 0x62], offset: 3, 1, 4, utf16: 4, byte: 4),
  PositionCase(
    "a truncated ’ is two invalid bytes, two columns", [0xE2, 0x80, 0x99, 0xE2, 0x80, 0x61], offset: 5, 1, 4,
    utf16: 4, byte: 6),
  PositionCase("after a truncated ’", [0xE2, 0x80, 0x99, 0xE2, 0x80, 0x61], offset: 6, 1, 5, utf16: 5, byte: 7),
  PositionCase(
    "an encoded surrogate is three invalid bytes", [0xED, 0xA0, 0x80, 0x78], offset: 3, 1, 4, utf16: 4, byte: 4),
  PositionCase("an overlong slash is two invalid bytes", [0xC0, 0xAF, 0x78], offset: 2, 1, 3, utf16: 3, byte: 3),
  PositionCase(
    "a truncated emoji at the end of the file", [0x78, 0xF0, 0x9F, 0x98], offset: 4, 1, 5, utf16: 5, byte: 5),
]

/// The slow reference: walks the file from the start and decodes each scalar through the standard library's
/// `String`, counting each byte that is not part of a valid sequence as one column (the rule in `UTF8Scalar`).
func referenceLocation(_ bytes: [UInt8], _ rawOffset: Int) -> PlainLintCore.SourceLocation {
  let offset = max(0, min(rawOffset, bytes.count))
  var line = 1
  var lineStart = 0
  var i = 0
  while i < offset {
    if bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    } else if bytes[i] == 0x0D {
      if i + 1 < bytes.count && bytes[i + 1] == 0x0A {
        guard i + 1 < offset else { break }  // the offset is the LF of this CRLF: still on this line
        i += 1
      }
      line += 1
      lineStart = i + 1
    }
    i += 1
  }
  var column = 1
  var utf16 = 1
  i = lineStart
  while i < offset {
    var length = 1
    var units = 1
    for candidate in 1...4 where i + candidate <= bytes.count {
      let slice = bytes[i..<i + candidate]
      let decoded = String(decoding: slice, as: UTF8.self)
      if Array(decoded.utf8) == Array(slice) && decoded.unicodeScalars.count == 1 {
        length = candidate
        units = decoded.utf16.count
        break
      }
    }
    i += length
    column += 1
    utf16 += units
  }
  return PlainLintCore.SourceLocation(
    offset: offset, line: line, column: column, utf16Column: utf16, byteColumn: offset - lineStart + 1)
}

@Suite("Documents and positions")
struct DocumentTests {
  @Test("location of an offset", arguments: positionCases)
  func location(_ example: PositionCase) {
    let document = Document(path: "test.txt", bytes: example.bytes)
    #expect(document.location(at: example.expected.offset) == example.expected)
    // The reference agrees with the hand-worked answer, so it can be trusted in the property tests below.
    #expect(referenceLocation(example.bytes, example.expected.offset) == example.expected)
  }

  @Test func lineIndexOfEveryKindOfLineBreak() {
    let document = Document(path: "a.txt", text: "a\nb\r\nc\rd")
    #expect(document.lineStarts == [0, 2, 5, 7])
    #expect(document.lineCount == 4)
    #expect((0..<4).map { document.text(document.lineRange($0)) } == ["a", "b", "c", "d"])
  }

  @Test func blankLinesOfEveryKind() {
    let document = Document(path: "a.txt", text: "\n\r\n\r\r\n")
    #expect(document.lineStarts == [0, 1, 3, 4, 6])
    #expect((0..<document.lineCount).map { document.lineRange($0) } == [0..<0, 1..<1, 3..<3, 4..<4, 6..<6])
  }

  @Test func aFinalNewlineStartsAnEmptyLastLine() {
    let withNewline = Document(path: "a.txt", text: "one\ntwo\n")
    #expect(withNewline.lineCount == 3)
    #expect(withNewline.lineRange(2) == 8..<8)
    let withoutNewline = Document(path: "a.txt", text: "one\ntwo")
    #expect(withoutNewline.lineCount == 2)
    #expect(withoutNewline.lineRange(1) == 4..<7)
  }

  @Test func emptyFileHasOneEmptyLine() {
    let document = Document(path: "empty.txt", bytes: [])
    #expect(document.lineCount == 1)
    #expect(document.lineStarts == [0])
    #expect(document.lineRange(0) == 0..<0)
    #expect(document.lineIndex(containing: 0) == 0)
    #expect(document.text(0..<0) == "")
  }

  @Test func lineIndexContainingOffsets() {
    let document = Document(path: "a.txt", text: "ab\r\ncd\ref\n")
    // Offsets:        a0 b1 \r2 \n3 c4 d5 \r6 e7 f8 \n9, end 10
    let lines = (0...10).map { document.lineIndex(containing: $0) }
    #expect(lines == [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3])
  }

  @Test func lineRangeStripsOnlyTheLineBreak() {
    let document = Document(path: "a.txt", text: "  indented \t\r\nnext")
    #expect(document.text(document.lineRange(0)) == "  indented \t")
  }

  @Test func offsetsOutsideTheFileAreClamped() {
    let document = Document(path: "a.txt", text: "ab\ncd")
    #expect(document.location(at: -3) == document.location(at: 0))
    #expect(document.location(at: 99) == document.location(at: 5))
    #expect(document.location(at: 99).offset == 5)
    #expect(document.location(at: 99).position == SourcePosition(line: 2, column: 3))
  }

  @Test func textShowsInvalidBytesAsReplacementCharacters() {
    let document = Document(path: "a.txt", bytes: [0x61, 0xFF, 0x62])
    #expect(document.text(0..<3) == "a\u{FFFD}b")
  }

  @Test func sourcePositionsOrderByLineThenColumn() {
    #expect(SourcePosition(line: 1, column: 9) < SourcePosition(line: 2, column: 1))
    #expect(SourcePosition(line: 2, column: 1) < SourcePosition(line: 2, column: 2))
    #expect(!(SourcePosition(line: 2, column: 2) < SourcePosition(line: 2, column: 2)))
  }

  /// One converter, asked about many offsets in random order (including offsets inside multibyte sequences,
  /// repeats and the end of the file), gives the same answers as the slow reference and as fresh converters.
  @Test(arguments: 0..<40)
  func converterCacheMatchesReference(seed: Int) {
    var generator = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
    let bytes = randomDocumentBytes(Int.random(in: 0...60, using: &generator), using: &generator)
    let document = Document(path: "random.txt", bytes: bytes)
    var offsets = Array(-2...(bytes.count + 2))
    offsets += offsets.shuffled(using: &generator)  // every offset at least twice, in two orders
    offsets.shuffle(using: &generator)
    var converter = PositionConverter(document)
    for offset in offsets {
      let expected = referenceLocation(bytes, offset)
      let cached = converter.location(at: offset)
      #expect(cached == expected, "offset \(offset) of \(bytes)")
      #expect(document.location(at: offset) == expected, "offset \(offset) of \(bytes)")
      if cached != expected { return }
    }
  }

  /// The line index has two paths (the C library's memchr when the file has no carriage return, eight bytes at a
  /// time otherwise); both give the starts a byte-by-byte reading gives, on files long enough for either path to
  /// skip whole blocks of bytes.
  @Test(arguments: 0..<60)
  func lineStartsMatchAByteByByteReading(seed: Int) {
    var generator = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 3)
    var bytes = randomDocumentBytes(Int.random(in: 0...400, using: &generator), using: &generator)
    if seed % 2 == 0 { bytes.removeAll { $0 == 0x0D } }  // half the files take the memchr path
    var expected = [0]
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
      if bytes[i] == 0x0A || bytes[i] == 0x0D { expected.append(i + 1) }
      i += 1
    }
    #expect(Document(path: "random.txt", bytes: bytes).lineStarts.map { $0 } == expected, "\(bytes)")
  }

  /// The same, with offsets in order (the usual case for findings sorted by position).
  @Test(arguments: 0..<20)
  func converterInOrderMatchesReference(seed: Int) {
    var generator = SplitMix64(seed: UInt64(seed) &+ 1000)
    let bytes = randomDocumentBytes(80, using: &generator)
    let document = Document(path: "random.txt", bytes: bytes)
    var converter = PositionConverter(document)
    for offset in 0...bytes.count {
      let expected = referenceLocation(bytes, offset)
      let cached = converter.location(at: offset)
      #expect(cached == expected, "offset \(offset) of \(bytes)")
      if cached != expected { return }
    }
  }

  /// Positions along one very long line: one converter walks the line once, where a fresh conversion for each
  /// offset walks it again from the start. The cached sweep must be many times faster.
  @Test func convertingInOrderDoesNotRescanTheLine() {
    let line = String(repeating: "Take one tablet café 😀 ", count: 4_000)  // about 100,000 bytes, one line
    let document = Document(path: "long.txt", text: line)
    let offsets = stride(from: 0, to: document.bytes.count, by: 97).map { $0 }
    let clock = ContinuousClock()
    var cachedColumns: [Int] = []
    // The best of three, so that a pause while other tests run cannot make the cached sweep look slow.
    var cached = Duration.seconds(1_000)
    for _ in 0..<3 {
      var converter = PositionConverter(document)
      cachedColumns.removeAll()
      cached = min(
        cached,
        clock.measure {
          for offset in offsets { cachedColumns.append(converter.location(at: offset).column) }
        })
    }
    var freshColumns: [Int] = []
    let fresh = clock.measure {
      for offset in offsets { freshColumns.append(document.location(at: offset).column) }
    }
    #expect(cachedColumns == freshColumns)
    #expect(cached * 20 < fresh, "cached \(cached), fresh \(fresh)")
  }
}
