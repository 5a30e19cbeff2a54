import PlainLintCore

/// A message written as UTF-8 bytes and made into one string at the end.
///
/// A reading-age message has some thirty pieces (numbers, quoted words, the start of a sentence); appending
/// each to a `String` cost about 500 instructions a piece, and appending each to an array about 90 (the array
/// checks that it is not shared and has room, and calls `memcpy`). Here the bytes go into memory the writer
/// owns and reuses from message to message: a piece is copied byte by byte, and the string is made once.
///
/// Making a `String` from bytes checks that they are UTF-8, byte by byte once one is not ASCII: about 2,800
/// instructions for a reading-age message with its curly quotes. The writer knows better. Its own pieces (static
/// strings and numbers) are UTF-8, so only the pieces taken from the document are checked, as they are appended
/// (a few words each, most of them ASCII, eight bytes at a step). When all are valid the string is made without
/// a second check; when one is not, it is decoded as before. Decoding the whole gives the same text as decoding
/// each piece: the pieces meet at ASCII bytes or at the first byte of a quotation mark, where UTF-8 decoding
/// starts afresh, so a piece's invalid bytes become the same U+FFFD either way.
final class MessageBytes {
  // Read and written only by the checker that owns the writer, on one thread: not checked for exclusive access.
  @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity: Int
  /// How many bytes have been written.
  @exclusivity(unchecked) private(set) var count = 0
  /// Whether every byte written so far is known to be valid UTF-8.
  @exclusivity(unchecked) private(set) var isValidUTF8 = true

  /// An empty writer with room for `capacity` bytes before it grows.
  init(capacity: Int = 256) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deallocate()
  }

  /// Starts a new message, keeping the memory.
  func removeAll() {
    count = 0
    isValidUTF8 = true
  }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  private func reserve(_ extra: Int) {
    if count &+ extra > capacity { grow(count + extra) }
  }

  @inline(never)
  private func grow(_ needed: Int) {
    var bigger = capacity * 2
    while bigger < needed { bigger *= 2 }
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
    moved.update(from: base, count: count)
    base.deallocate()
    base = moved
    capacity = bigger
  }

  /// Appends `n` bytes from `start`.
  @inline(__always)
  private func append(_ start: UnsafePointer<UInt8>, _ n: Int) {
    reserve(n)
    let to = base + count
    for k in 0..<n { to[k] = start[k] }
    count &+= n
  }

  /// Appends a literal.
  func append(_ text: StaticString) {
    append(text.utf8Start, text.utf8CodeUnitCount)
  }

  /// Appends bytes as they are, checking that they are UTF-8 (they come from the document).
  func append(_ piece: UnsafeBufferPointer<UInt8>) {
    guard let start = piece.baseAddress else { return }
    append(start, piece.count)
    noteValidity(of: piece)
  }

  /// Appends bytes as they are, checking that they are UTF-8.
  func append(_ piece: [UInt8]) {
    piece.withUnsafeBufferPointer { append($0) }
  }

  /// Appends bytes with ASCII capitals made small, checking that they are UTF-8 (they come from the document).
  func appendLowercased(_ piece: UnsafeBufferPointer<UInt8>) {
    reserve(piece.count)
    let to = base + count
    for (k, byte) in piece.enumerated() { to[k] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }
    count &+= piece.count
    noteValidity(of: piece)
  }

  /// Appends a whole number in decimal digits, as `"\(number)"` writes it.
  func append(_ number: Int) {
    // Most numbers in messages (ages, syllables, words in a sentence) are under 100: written here in a few steps.
    if UInt(bitPattern: number) < 100 {
      reserve(2)
      let tens = UInt8(truncatingIfNeeded: number / 10)
      let units = UInt8(truncatingIfNeeded: number % 10)
      if tens > 0 {
        base[count] = UInt8(ascii: "0") &+ tens
        count &+= 1
      }
      base[count] = UInt8(ascii: "0") &+ units
      count &+= 1
      return
    }
    withDecimalDigits(of: number) { digits in
      digits.withMemoryRebound(to: UInt8.self) { append($0.baseAddress!, $0.count) }
    }
  }

  /// Notes whether a piece just appended is valid UTF-8. Making capitals small changes no byte's validity.
  @inline(__always)
  private func noteValidity(of piece: UnsafeBufferPointer<UInt8>) {
    if isValidUTF8 && UTF8Scalar.firstInvalidOffset(in: piece) != nil { isValidUTF8 = false }
  }

  /// The bytes written.
  var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  /// The message: made without a second check when every piece is known to be UTF-8, and decoded (each invalid
  /// byte becoming U+FFFD) when one is not.
  var string: String {
    let written = UnsafeBufferPointer(start: base, count: count)
    guard isValidUTF8 else { return String(decoding: written, as: UTF8.self) }
    return String(copying: unsafe UTF8Span(unchecked: written.span))
  }
}
