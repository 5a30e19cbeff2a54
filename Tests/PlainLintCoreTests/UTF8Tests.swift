import Testing

@testable import PlainLintCore

/// Decodes the scalar at `i` of `bytes`.
func decode(_ bytes: [UInt8], at i: Int = 0) -> (scalar: UInt32, length: Int) {
  bytes.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: i) }
}

/// Whether the standard library accepts the bytes as UTF-8 (decoding them changes nothing).
func isValidUTF8(_ bytes: [UInt8]) -> Bool {
  Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
}

@Suite("UTF-8 decoding")
struct UTF8Tests {
  @Test(arguments: [
    ("a", 0x61, 1), ("é", 0xE9, 2), ("ŵ", 0x175, 2), ("’", 0x2019, 3), ("…", 0x2026, 3), ("😀", 0x1F600, 4),
    ("\u{10FFFF}", 0x10FFFF, 4), ("\u{80}", 0x80, 2), ("\u{800}", 0x800, 3), ("\u{10000}", 0x10000, 4),
  ] as [(String, UInt32, Int)])
  func decodesValidScalars(text: String, scalar: UInt32, length: Int) {
    let result = decode(Array(text.utf8))
    #expect(result.scalar == scalar)
    #expect(result.length == length)
  }

  @Test(
    "each byte that does not start a valid sequence is one replacement character",
    arguments: [
      [0x80], [0xBF], [0xFF], [0xFE], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80],
      [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
      [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xC3, 0x41], [0xE2, 0x41, 0x99],
    ] as [[UInt8]])
  func rejectsInvalidSequences(bytes: [UInt8]) {
    let result = decode(bytes)
    #expect(result.scalar == UTF8Scalar.replacement)
    #expect(result.length == 1)
  }

  @Test func decodingStopsAtTheEndOfTheBuffer() {
    // A three-byte lead with only one continuation byte left in the buffer.
    let bytes: [UInt8] = [0x61, 0xE2, 0x80]
    #expect(decode(bytes, at: 1).length == 1)
    #expect(decode(bytes, at: 2).length == 1)
  }

  @Test func decodesEveryScalarOfRealText() {
    let text = "Gŵyl Dewi: don’t “stop” 😀 👩‍⚕️ café e\u{301} 🇬🇧 中文 \u{10FFFF}"
    let bytes = Array(text.utf8)
    var decoded: [UInt32] = []
    var i = 0
    while i < bytes.count {
      let (scalar, length) = decode(bytes, at: i)
      decoded.append(scalar)
      i += length
    }
    #expect(decoded == text.unicodeScalars.map(\.value))
  }

  @Test func firstInvalidOffsetOfValidText() {
    #expect(UTF8Scalar.firstInvalidOffset(in: []) == nil)
    #expect(UTF8Scalar.firstInvalidOffset(in: Array("Plain ASCII that is longer than eight bytes".utf8)) == nil)
    #expect(UTF8Scalar.firstInvalidOffset(in: Array("Gŵyl Dewi, don’t 😀 👩‍⚕️".utf8)) == nil)
  }

  @Test(arguments: [
    ([0xFF], 0), (Array("abcdefgh".utf8) + [0xFF], 8), (Array("abcdefghijklmno".utf8) + [0x80, 0x61], 15),
    (Array("café ".utf8) + [0xE2, 0x80], 6), (Array("😀".utf8) + [0xED, 0xA0, 0x80], 4),
    (Array("abc".utf8) + [0xC0, 0xAF] + Array("defghijk".utf8), 3),
  ] as [([UInt8], Int)])
  func firstInvalidOffsetFindsTheFirstBadByte(bytes: [UInt8], offset: Int) {
    #expect(UTF8Scalar.firstInvalidOffset(in: bytes) == offset)
  }

  /// Random byte strings: the file is valid exactly when the standard library says so, and every byte before
  /// the first invalid one is valid.
  @Test(arguments: 0..<30)
  func firstInvalidOffsetAgreesWithTheStandardLibrary(seed: Int) {
    var generator = SplitMix64(seed: UInt64(seed) &+ 4242)
    for _ in 0..<20 {
      let bytes = randomDocumentBytes(Int.random(in: 0...20, using: &generator), using: &generator)
      let found = UTF8Scalar.firstInvalidOffset(in: bytes)
      if let offset = found {
        #expect(!isValidUTF8(bytes))
        #expect(isValidUTF8(Array(bytes[..<offset])), "\(bytes) at \(offset)")
      } else {
        #expect(isValidUTF8(bytes), "\(bytes)")
      }
    }
  }
}

@Suite("Numbers written as bytes")
struct DecimalTests {
  @Test(arguments: [0, 7, -7, 10, 99, 100, -120, 123_456_789, Int.max, Int.min])
  func digitsAreWhatStringWrites(_ number: Int) {
    var bytes: [UInt8] = Array("x".utf8)
    bytes.appendDecimal(number)
    #expect(bytes == Array("x\(number)".utf8))
    #expect(withDecimalDigits(of: number) { Array($0) } == Array(String(number).utf8))
  }
}
