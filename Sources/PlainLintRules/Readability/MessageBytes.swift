import PlainLintCore

/// A message written as UTF-8 bytes and made into one string at the end.
///
/// A reading-age message has some thirty pieces (numbers, quoted words, the start of a sentence); appending
/// each to a `String` cost about 500 instructions a piece, and appending each to an array about 90 (the array
/// checks that it is not shared and has room, and calls `memcpy`). Here the bytes go into memory the writer
/// owns and reuses from message to message: a piece is copied byte by byte, and the string is decoded once.
/// Decoding the whole gives the same text as decoding each piece: the pieces meet at ASCII bytes or at the
/// first byte of a quotation mark, where UTF-8 decoding starts afresh, so a piece's invalid bytes become the
/// same U+FFFD either way.
final class MessageBytes {
  // Read and written only by the checker that owns the writer, on one thread: not checked for exclusive access.
  @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity: Int
  /// How many bytes have been written.
  @exclusivity(unchecked) private(set) var count = 0

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

  /// Appends bytes as they are.
  func append(_ piece: UnsafeBufferPointer<UInt8>) {
    guard let start = piece.baseAddress else { return }
    append(start, piece.count)
  }

  /// Appends bytes as they are.
  func append(_ piece: [UInt8]) {
    piece.withUnsafeBufferPointer { append($0) }
  }

  /// Appends bytes with ASCII capitals made small.
  func appendLowercased(_ piece: UnsafeBufferPointer<UInt8>) {
    reserve(piece.count)
    let to = base + count
    for (k, byte) in piece.enumerated() { to[k] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }
    count &+= piece.count
  }

  /// Appends a whole number in decimal digits, as `"\(number)"` writes it.
  func append(_ number: Int) {
    withDecimalDigits(of: number) { digits in digits.withMemoryRebound(to: UInt8.self) { append($0) } }
  }

  /// The bytes written.
  var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  /// The message.
  var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
}
