/// How the tokenizer sees one Unicode scalar.
@usableFromInline
enum CharClass: UInt8, Sendable {
  case space, newline, letter, upper, digit, apostrophe, hyphen, period, punctuation, symbol, mark, joiner
}

/// Classification of characters, with a table for ASCII and Unicode properties for the rest.
@usableFromInline
enum CharClassifier {
  @usableFromInline
  static let ascii: [CharClass] = {
    var table = [CharClass](repeating: .punctuation, count: 128)
    for b in 0..<32 { table[b] = .symbol }
    for b in [0x20, 0x09, 0x0B, 0x0C] { table[b] = .space }
    table[0x0A] = .newline
    table[0x0D] = .newline
    for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = .letter }
    for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = .upper }
    for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = .digit }
    table[Int(UInt8(ascii: "'"))] = .apostrophe
    table[Int(UInt8(ascii: "-"))] = .hyphen
    table[Int(UInt8(ascii: "."))] = .period
    for c in "$%+<=>^`|~#&*@\\/_" { table[Int(c.asciiValue!)] = .symbol }
    table[0x7F] = .symbol
    return table
  }()

  /// ASCII bytes after which a word of ASCII letters is certainly complete: white space and punctuation that
  /// never joins words. (A full stop is decided by what follows it.)
  @usableFromInline
  static let endsPlainWord: [Bool] = {
    var table = [Bool](repeating: false, count: 128)
    for b in [0x20, 0x0A, 0x0D, 0x09, 0x0B, 0x0C] { table[b] = true }
    for c in ",;)?!\"/*]}>|" { table[Int(c.asciiValue!)] = true }
    return table
  }()

  /// Classifies a scalar that is not ASCII.
  @usableFromInline
  static func classify(nonASCII value: UInt32) -> CharClass {
    switch value {
    case 0x2019, 0x02BC: return .apostrophe  // right single quote (curly apostrophe), modifier apostrophe
    case 0x2010, 0x2011: return .hyphen  // hyphen, non-breaking hyphen
    case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x2028, 0x2029, 0x0085: return .space
    case 0x200D, 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return .joiner
    case 0x200B, 0x2060, 0xFEFF: return .joiner  // zero-width space, word joiner, byte-order mark
    case 0x2026: return .period  // horizontal ellipsis (treated like `...`)
    // Common in health text, decided without a property look-up: Latin-1 letters, dashes and curly quotes.
    case 0x00C0...0x00D6, 0x00D8...0x00DE: return .upper
    case 0x00DF...0x00F6, 0x00F8...0x00FF: return .letter
    case 0x2012...0x2015, 0x2018, 0x201A...0x201F, 0x2020...0x2022: return .punctuation
    case 0x1F000...0x1F1E5, 0x1F200...0x1F3FA, 0x1F400...0x1FAFF, 0x2600...0x27BF: return .symbol  // emoji
    case 0x00AD: return .mark  // soft hyphen: part of the word it breaks (immuni&shy;sation)
    default: break
    }
    guard let scalar = Unicode.Scalar(value) else { return .symbol }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .uppercaseLetter, .titlecaseLetter: return .upper
    case .lowercaseLetter, .modifierLetter, .otherLetter: return .letter
    case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
    case .decimalNumber: return .digit
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation:
      return .punctuation
    case .spaceSeparator: return .space
    case .lineSeparator, .paragraphSeparator: return .space
    default: return properties.isAlphabetic ? .letter : .symbol
    }
  }
}
