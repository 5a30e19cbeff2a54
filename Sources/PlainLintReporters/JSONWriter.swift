/// Writes pretty-printed JSON with keys in the order they are written (2-space indent, `"key": value`).
///
/// Output types describe themselves through `JSONWritable`, so the shape lives in typed structs and the key
/// order that users and golden files see is the order the documentation shows.
public struct JSONWriter {
  /// The latest JSON text, as UTF-8 bytes: appending bytes costs far less than appending to a `String`, which
  /// matters when a large site's report runs to hundreds of megabytes.
  private var bytes: [UInt8] = []
  /// The text before `bytes`, in pieces of about `chunkSize`: a large report is never copied to grow its buffer,
  /// and at the end it is copied once, so it takes about twice its size in memory at most.
  private var chunks: [[UInt8]] = []
  private static let chunkSize = reportPartSize
  /// Where full chunks may go instead of being kept (see `init(depth:spill:)`).
  private var spill: (([UInt8]) -> Bool)? = nil
  private var depth = 0
  private var needsComma = [false]

  /// Whether to write everything on one line (JSON Lines), with no indentation.
  private var compact = false

  /// Creates an empty writer.
  public init() {}

  /// Creates an empty writer that writes pretty-printed JSON, or everything on one line when `compact`.
  public init(compact: Bool) {
    self.compact = compact
  }

  /// Creates an empty writer for an element or member at `depth`, to be put into a larger document: it writes
  /// the line break and indentation before the value, but no comma.
  public init(depth: Int) {
    self.depth = depth
  }

  /// Creates an empty writer like `init(depth:)` that offers each full chunk (about 1 MB) to `spill` while it has
  /// kept none: when `spill` takes it (returns true, having written it out), the writer forgets it, so a large
  /// piece need not be held whole. Once `spill` refuses a chunk, every later chunk is kept, in order.
  public init(depth: Int, spill: @escaping ([UInt8]) -> Bool) {
    self.depth = depth
    self.spill = spill
  }

  /// The JSON text so far, as UTF-8 bytes.
  public var utf8: [UInt8] { chunks.isEmpty ? bytes : chunks.joined() + bytes }

  /// The JSON text so far, as UTF-8 in parts, without joining them.
  public var parts: [[UInt8]] { chunks + [bytes] }

  /// The JSON text so far.
  public var output: String { joinedText(parts) }

  /// The JSON text with a newline after it.
  public func line() -> String { joinedText(parts, tail: "\n") }

  /// Moves the bytes written so far into `chunks` once they fill a chunk (checked before each value).
  private mutating func startChunkIfFull() {
    guard bytes.count >= Self.chunkSize else { return }
    if chunks.isEmpty, let spill, spill(bytes) {
      bytes.removeAll(keepingCapacity: true)
      return
    }
    chunks.append(bytes)
    bytes = []
    bytes.reserveCapacity(Self.chunkSize + Self.chunkSize / 4)
  }

  /// The longest indentation written so far, a newline and two spaces per level; each line takes a prefix.
  private var indent: [UInt8] = [0x0A]

  private mutating func newlineAndIndent() {
    if compact { return }
    let length = 1 + 2 * depth
    while indent.count < length { indent.append(0x20) }
    indent.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<length])) }
  }

  private mutating func append(_ literal: StaticString) {
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  private mutating func beforeValue(key: String?) {
    startChunkIfFull()
    if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
    if depth > 0 { newlineAndIndent() }
    if let key {
      appendString(key)
      if compact { bytes.append(UInt8(ascii: ":")) } else { append(": ") }
    }
  }

  /// Writes an object; `body` writes its members.
  public mutating func object(_ key: String? = nil, _ body: (inout JSONWriter) -> Void) {
    beforeValue(key: key)
    bytes.append(UInt8(ascii: "{"))
    depth += 1
    needsComma.append(false)
    body(&self)
    let hadMembers = needsComma.removeLast()
    depth -= 1
    if hadMembers { newlineAndIndent() }
    bytes.append(UInt8(ascii: "}"))
  }

  /// Writes an array; `body` writes its elements.
  public mutating func array(_ key: String? = nil, _ body: (inout JSONWriter) -> Void) {
    beforeValue(key: key)
    bytes.append(UInt8(ascii: "["))
    depth += 1
    needsComma.append(false)
    body(&self)
    let hadElements = needsComma.removeLast()
    depth -= 1
    if hadElements { newlineAndIndent() }
    bytes.append(UInt8(ascii: "]"))
  }

  /// Writes a string member or element.
  public mutating func string(_ key: String? = nil, _ value: String) {
    beforeValue(key: key)
    appendString(value)
  }

  /// Writes a whole-number member or element.
  public mutating func integer(_ key: String? = nil, _ value: Int) {
    beforeValue(key: key)
    bytes.appendDecimal(value)
  }

  /// Writes a number member or element (non-finite numbers become null).
  public mutating func number(_ key: String? = nil, _ value: Double) {
    beforeValue(key: key)
    if !value.isFinite {
      append("null")
    } else if !appendHundredths(value) {
      bytes.append(contentsOf: String(value).utf8)
    }
  }

  /// Writes a number that is a whole number of hundredths (as the readability figures are, rounded to two
  /// places) exactly as `String(value)` would, without formatting a `Double`: `12.5`, `-3.07`, `7.0`. Returns
  /// false, writing nothing, for any other number.
  ///
  /// `String` gives the shortest decimal that reads back as the same `Double`. For `k / 100`, that is the decimal
  /// `k / 100` with trailing zeros dropped: any decimal with fewer digits is a different multiple of 0.01, and
  /// below 10^12 such numbers are much further apart than `Double`'s precision.
  private mutating func appendHundredths(_ value: Double) -> Bool {
    guard value.magnitude < 1e12 else { return false }
    let scaled = (value * 100).rounded()
    guard scaled / 100 == value, scaled != 0 || value.sign == .plus else { return false }
    let hundredths = Int(scaled)
    if hundredths < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = hundredths.magnitude
    bytes.appendDecimal(Int(magnitude / 100))
    bytes.append(UInt8(ascii: "."))
    let fraction = Int(magnitude % 100)
    bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
    if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    return true
  }

  /// Writes a null member or element.
  public mutating func null(_ key: String? = nil) {
    beforeValue(key: key)
    append("null")
  }

  /// Writes a boolean member or element.
  public mutating func boolean(_ key: String? = nil, _ value: Bool) {
    beforeValue(key: key)
    if value { append("true") } else { append("false") }
  }

  /// Writes a value that knows how to write itself.
  public mutating func value(_ key: String? = nil, _ value: some JSONWritable) {
    value.write(to: &self, key: key)
  }

  private mutating func appendString(_ value: String) {
    var value = value
    value.withUTF8 { appendString(utf8: $0) }
  }

  /// Whether any of the eight bytes of `chunk` is one `appendString` must look at: below 0x20, `"`, `\`, 0x7F, or
  /// 0xE2 (the first byte of U+2028 and U+2029). It may say true when only a later byte of such a chunk is near one
  /// of them; it never says false when one is there.
  @inline(__always)
  static func mayNeedEscaping(_ chunk: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & high }
    let below20 = (chunk &- ones &* 0x20) & ~chunk & high
    let specials =
      hasZeroByte(chunk ^ (ones &* 0x22)) | hasZeroByte(chunk ^ (ones &* 0x5C)) | hasZeroByte(chunk ^ (ones &* 0x7F))
      | hasZeroByte(chunk ^ (ones &* 0xE2))
    return below20 | specials != 0
  }

  /// Writes a JSON string: runs that need no escaping are copied whole; quotes, backslashes and control
  /// characters are escaped, and so are U+2028 and U+2029, which end a line in JavaScript.
  private mutating func appendString(utf8 text: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    var runStart = 0
    var index = 0
    func flush(_ writer: inout JSONWriter, to end: Int) {
      if end > runStart { writer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<end])) }
    }
    while index < text.count {
      // Eight bytes at a time while none of them can need escaping (most of every string).
      if index &+ 8 <= text.count,
        !JSONWriter.mayNeedEscaping(UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self))
      {
        index &+= 8
        continue
      }
      let byte = text[index]
      if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2 {
        index += 1
        continue
      }
      if byte == 0xE2 {
        // U+2028 is E2 80 A8 and U+2029 is E2 80 A9; any other character starting with E2 (curly quotes, dashes)
        // is copied as it is.
        guard index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] & 0xFE == 0xA8 else {
          index += 1
          continue
        }
        flush(&self, to: index)
        append(text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
        index += 3
        runStart = index
        continue
      }
      flush(&self, to: index)
      switch byte {
      case 0x22: append("\\\"")
      case 0x5C: append("\\\\")
      case 0x0A: append("\\n")
      case 0x0D: append("\\r")
      case 0x09: append("\\t")
      case 0x08: append("\\b")
      case 0x0C: append("\\f")
      default:
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        append("\\u00")
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0x0F)])
      }
      index += 1
      runStart = index
    }
    flush(&self, to: index)
    bytes.append(UInt8(ascii: "\""))
  }
}

/// A type that writes itself as JSON.
public protocol JSONWritable {
  /// Writes the value, as a member named `key` or as an array element when `key` is nil.
  func write(to writer: inout JSONWriter, key: String?)
}
