/// Decoding of UTF-8 one scalar at a time, tolerant of invalid bytes.
///
/// Every part of plainlint agrees on one rule for invalid UTF-8: each byte that does not start a valid sequence
/// counts as one replacement character (U+FFFD) of length one. Columns, UTF-16 columns and the tokenizer all use
/// this rule, so positions stay exact in a file that is not valid UTF-8.
public enum UTF8Scalar {
  /// The replacement character used for a byte that does not start a valid sequence.
  public static let replacement: UInt32 = 0xFFFD

  /// Decodes the scalar that starts at `i`, returning its value and its length in bytes (1 for an invalid byte).
  @inline(__always)
  public static func decode(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
    let b0 = p[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    let end = p.count
    if b0 >= 0xC2 && b0 <= 0xDF {
      if i + 1 < end, p[i + 1] & 0xC0 == 0x80 {
        return (UInt32(b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2)
      }
    } else if b0 >= 0xE0 && b0 <= 0xEF {
      if i + 2 < end, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
        let value = UInt32(b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
        // Reject overlong forms and UTF-16 surrogates.
        if value >= 0x800 && !(0xD800...0xDFFF).contains(value) { return (value, 3) }
      }
    } else if b0 >= 0xF0 && b0 <= 0xF4 {
      if i + 3 < end, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 {
        let value =
          UInt32(b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
          | UInt32(p[i + 3] & 0x3F)
        if value >= 0x10000 && value <= 0x10FFFF { return (value, 4) }
      }
    }
    return (replacement, 1)
  }

  /// The byte offset of the first byte that does not start a valid UTF-8 sequence, or `nil` when all are valid.
  public static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidOffset(in: $0) }
  }

  /// The offset in `p` of the first byte that does not start a valid UTF-8 sequence, or `nil` when all are valid.
  public static func firstInvalidOffset(in p: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = p.count
    while i < n {
      // Skip ASCII eight bytes at a time.
      if i + 8 <= n {
        let word = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          i += 8
          continue
        }
      }
      if p[i] < 0x80 {
        i += 1
        continue
      }
      let (scalar, length) = decode(p, at: i)
      if scalar == replacement && length == 1 { return i }
      i += length
    }
    return nil
  }
}

/// Calls `body` with the decimal digits of `number`, a minus sign first when it is negative, as `String(number)`
/// writes them, without making a string.
public func withDecimalDigits<Result>(of number: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
  var value = number.magnitude
  var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the sign and 20 digits of any Int
  return Swift.withUnsafeMutableBytes(of: &digits) { buffer in
    var first = buffer.count
    repeat {
      first -= 1
      buffer[first] = UInt8(ascii: "0") + UInt8(value % 10)
      value /= 10
    } while value > 0
    if number < 0 {
      first -= 1
      buffer[first] = UInt8(ascii: "-")
    }
    return body(UnsafeRawBufferPointer(rebasing: buffer[first...]))
  }
}

extension Array where Element == UInt8 {
  /// Appends a whole number in decimal digits, as `String(number)` writes it, without making a string.
  public mutating func appendDecimal(_ number: Int) {
    withDecimalDigits(of: number) { append(contentsOf: $0) }
  }
}
