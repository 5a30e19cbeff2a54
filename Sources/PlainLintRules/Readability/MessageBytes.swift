/// A message written as UTF-8 bytes and made into one string at the end.
///
/// A reading-age message has some thirty pieces (numbers, quoted words, the start of a sentence); appending
/// each to a `String` cost about 500 instructions a piece, more than all the counting behind the message.
/// Bytes are appended with a copy each, and the string is decoded once. Decoding the whole gives the same
/// text as decoding each piece: the pieces meet at ASCII bytes or at the first byte of a quotation mark, where
/// UTF-8 decoding starts afresh, so a piece's invalid bytes become the same U+FFFD either way.
struct MessageBytes {
  private(set) var bytes: [UInt8] = []

  /// An empty message with room for `capacity` bytes.
  init(capacity: Int = 256) {
    bytes.reserveCapacity(capacity)
  }

  /// Appends a literal.
  mutating func append(_ text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends bytes as they are.
  mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: piece)
  }

  /// Appends bytes as they are.
  mutating func append(_ piece: [UInt8]) {
    bytes.append(contentsOf: piece)
  }

  /// Appends bytes with ASCII capitals made small.
  mutating func appendLowercased(_ piece: UnsafeBufferPointer<UInt8>) {
    for byte in piece { bytes.append(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte) }
  }

  /// Appends a number in decimal digits, as `"\(number)"` writes it.
  mutating func append(_ number: Int) {
    bytes.appendDecimal(number)
  }

  /// The message.
  var string: String { String(decoding: bytes, as: UTF8.self) }
}
