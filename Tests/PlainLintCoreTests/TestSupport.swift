import PlainLintCore

/// A token as a test writes it: its kind and its exact text.
struct Tok: Equatable, Sendable, CustomStringConvertible {
  let kind: TokenKind
  let text: String

  static func word(_ text: String) -> Tok { Tok(kind: .word, text: text) }
  static func acronym(_ text: String) -> Tok { Tok(kind: .acronym, text: text) }
  static func number(_ text: String) -> Tok { Tok(kind: .number, text: text) }
  static func url(_ text: String) -> Tok { Tok(kind: .url, text: text) }
  static func email(_ text: String) -> Tok { Tok(kind: .email, text: text) }
  static func punct(_ text: String) -> Tok { Tok(kind: .punctuation, text: text) }
  static func symbol(_ text: String) -> Tok { Tok(kind: .symbol, text: text) }
  static func opaque(_ text: String) -> Tok { Tok(kind: .opaque, text: text) }

  var description: String { "\(kind)(\(text.debugDescription))" }
}

/// The tokens of a string as (kind, text) pairs, with each text read from the token's byte range.
func toks(_ text: String) -> [Tok] {
  let bytes = Array(text.utf8)
  return Tokenizer.tokenize(text).map { Tok(kind: $0.kind, text: String(decoding: bytes[$0.range], as: UTF8.self)) }
}

/// The byte ranges of the tokens of a string.
func ranges(_ text: String) -> [Range<Int>] {
  Tokenizer.tokenize(text).map(\.range)
}

/// Pieces that random test documents are built from: ASCII, multibyte letters, emoji, every kind of line break
/// and invalid UTF-8.
let documentPieces: [[UInt8]] = [
  Array("Take ".utf8), Array("one tablet".utf8), Array("é".utf8), Array("’".utf8), Array("“quoted”".utf8),
  Array("👩‍⚕️".utf8), Array("😀".utf8), Array("ŵ".utf8), Array("e\u{301}".utf8), Array("🇬🇧".utf8),
  Array("\n".utf8), Array("\r\n".utf8), Array("\r".utf8), Array("\n\n".utf8), Array(" ".utf8), Array("\t".utf8),
  Array("nhs.uk".utf8), Array("2.5".utf8), Array("Dr. ".utf8), Array("...".utf8), Array("—".utf8),
  [0xFF], [0xE2, 0x80], [0xC3], [0x80], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
]

/// A random document of `count` pieces.
func randomDocumentBytes(_ count: Int, using generator: inout SplitMix64) -> [UInt8] {
  var bytes: [UInt8] = []
  for _ in 0..<count { bytes += documentPieces.randomElement(using: &generator)! }
  return bytes
}
