/// What kind of thing a token is.
public enum TokenKind: UInt8, Sendable, CustomStringConvertible {
  /// A word: letters with internal apostrophes and hyphens (don't, readers’, co-production).
  case word
  /// An acronym-shaped word: two or more capitals and at most one small letter (PPI, A&E, KPIs, COVID-19).
  case acronym
  /// A number, with its decimals, separators, units and ranges (2.5, 1,000, 3pm, 10–15, 0300 123 4567).
  case number
  /// A web address (https://…, www.…, nhs.uk/…): one token, never linted as words.
  case url
  /// An email address: one token, never linted as words.
  case email
  /// Something a front end took out of the prose but a reader still reads, such as inline code: the
  /// object replacement character U+FFFC stands in its place. It counts as a word; no rule reads inside it.
  case opaque
  /// A punctuation mark (an ellipsis `...` is one token).
  case punctuation
  /// Anything else: symbols, currency signs, emoji.
  case symbol

  public var description: String {
    switch self {
    case .word: "word"
    case .acronym: "acronym"
    case .number: "number"
    case .url: "url"
    case .email: "email"
    case .opaque: "opaque"
    case .punctuation: "punctuation"
    case .symbol: "symbol"
    }
  }

  /// Whether a reader counts this token as a word (numbers, addresses and acronyms do; punctuation does not).
  @inline(__always)
  public var countsAsWord: Bool { self.rawValue <= TokenKind.opaque.rawValue }
}

/// A token: a kind, a few shape flags, and its byte range in the text it was read from.
///
/// Offsets are stored in 32 bits, so a token takes 12 bytes: the tokenizer writes millions of them and reads
/// them back, and half the memory traffic is most of the speed. Documents are limited to 4 GiB.
public struct Token: Hashable, Sendable {
  @usableFromInline var storedStart: UInt32
  @usableFromInline var storedEnd: UInt32

  /// The byte offset where the token starts.
  @inlinable public var start: Int {
    get { Int(storedStart) }
    set { storedStart = UInt32(truncatingIfNeeded: newValue) }
  }
  /// The byte offset just after the token.
  @inlinable public var end: Int {
    get { Int(storedEnd) }
    set { storedEnd = UInt32(truncatingIfNeeded: newValue) }
  }
  /// What kind of token this is.
  public var kind: TokenKind
  /// Shape facts about the token (see `Token.Flags`).
  public var flags: Flags

  /// Shape facts the sentence splitter and rules need without looking at the bytes again.
  public struct Flags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// The first letter is a capital.
    public static let capitalized = Flags(rawValue: 1 << 0)
    /// The token has internal full stops (e.g., i.e., a.m.) and ends with one.
    public static let dotted = Flags(rawValue: 1 << 1)
    /// The token is a single letter.
    public static let singleLetter = Flags(rawValue: 1 << 2)
    /// The first letter is a small letter.
    public static let lowercase = Flags(rawValue: 1 << 3)
    /// The token can end a sentence: `.`, `?`, `!`, an ellipsis, `‽`, or a dotted abbreviation such as a.m.
    /// The sentence splitter looks closely only at these.
    public static let mayEndSentence = Flags(rawValue: 1 << 4)
  }

  /// Creates a token.
  @inlinable
  public init(start: Int, end: Int, kind: TokenKind, flags: Flags = []) {
    storedStart = UInt32(truncatingIfNeeded: start)
    storedEnd = UInt32(truncatingIfNeeded: end)
    self.kind = kind
    self.flags = flags
  }

  /// The token's byte range.
  @inlinable public var range: Range<Int> { start..<end }

  /// The largest document, in bytes, whose offsets a token can hold.
  public static let maximumDocumentSize = Int(UInt32.max)
}
