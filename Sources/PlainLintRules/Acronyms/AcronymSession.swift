import PlainLintCore
import PlainLintDictionaries
import PlainLintLexicon

/// One acronym written in the text that may need attention (acronyms everyone knows are left out).
struct AcronymUse {
  /// Its bytes in the prose.
  var range: Range<Int>
  /// The key it is filed under (KPI for KPIs).
  var key: String
  /// Its number in the acronym list, or -1.
  var number: Int
  /// Its policy, if it is in the list.
  var policy: AcronymPolicy?
  /// Whether it is the first word of its sentence.
  var startsSentence: Bool
  /// Whether this is where the text explains it: "Patient Advice and Liaison Service (PALS)".
  var isDefinition: Bool
}

/// The acronyms of the block being checked, found once and shared by the acronym rules of a document, and
/// the glossary the document has, if any.
final class AcronymSession {
  let lexicon: Lexicon
  @exclusivity(unchecked) private var blockRange: Range<Int> = -1 ..< -1
  /// The acronyms of the current block that may need attention, in order. (Read by several rules for every
  /// block; the session belongs to one document, read on one thread, so its properties are not checked for
  /// exclusive access at run time, which cost more than reading them.)
  @exclusivity(unchecked) private(set) var uses: [AcronymUse] = []
  /// Acronyms a glossary in the document explains (anywhere in the document counts).
  @exclusivity(unchecked) private(set) var glossary: Set<String> = []
  /// Whether the blocks being read are a glossary, and the level of the heading that started it.
  private var glossaryLevel: Int? = nil
  /// Definitions made by markup (`<abbr title>`), by key: where each is.
  let markupDefinitions: [String: Int]
  /// Tokens this long or longer are never in the acronym list.
  private static let longestKey = 64

  init(lexicon: Lexicon, prose: ProseText) {
    self.lexicon = lexicon
    var definitions: [String: Int] = [:]
    for definition in prose.definitions where definition.expansion != nil {
      let key = Lexicon.acronymKey(definition.term)
      definitions[key] = min(definitions[key] ?? .max, definition.range.lowerBound)
    }
    markupDefinitions = definitions
  }

  /// The session of a document, made by the first rule that asks, with the lexicon of the project's words
  /// (every rule of a configuration has the same) or the built-in one.
  static func of(_ document: DocumentState, words: ProjectWords?) -> AcronymSession {
    document.shared(AcronymSession.self) {
      AcronymSession(lexicon: ProjectWords.lexicon(words), prose: document.prose)
    }
  }

  /// Whether the markup (`<abbr title>`) explains the acronym of `use` there or before it.
  func markupExplains(_ use: AcronymUse) -> Bool {
    guard let markup = markupDefinitions[use.key] else { return false }
    return markup <= use.range.lowerBound
  }

  /// The entry of a use that is in the list.
  func entry(_ use: AcronymUse) -> AcronymEntry? {
    use.number >= 0 ? lexicon.acronymEntry(number: use.number) : nil
  }

  /// Words that look like acronyms but are not.
  static let notAcronyms: Set<String> = ["OK", "AM", "PM", "I", "A", "MB", "GB", "KB", "MHZ", "GHZ", "KWH"]
  /// Words before a Roman numeral.
  static let numberedThings: Set<String> = [
    "stage", "type", "grade", "phase", "class", "part", "level", "chapter", "section", "appendix", "volume",
    "schedule", "article", "annex", "war", "tier", "band",
  ]
  /// How a glossary's heading starts.
  static let glossaryHeadings = [
    "glossary", "acronyms", "abbreviations", "jargon buster", "key terms", "words we use", "terms we use",
    "definitions", "a to z of terms", "a-z of terms",
  ]
  /// The bytes of `glossaryHeadings`.
  static let glossaryHeadingBytes = glossaryHeadings.map { Array($0.utf8) }
  /// The first letters of `glossaryHeadings`, a bit for each letter from `a`: most headings are turned away
  /// with one look.
  static let glossaryInitials: UInt32 = glossaryHeadings.reduce(0) { $0 | 1 << ($1.utf8.first! &- 97) }
  /// Roman numerals from I to XXXIX.
  static let romanNumerals: Set<String> = {
    var numerals: Set<String> = []
    for tens in ["", "X", "XX", "XXX"] {
      for units in ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"] { numerals.insert(tens + units) }
    }
    return numerals
  }()

  /// Whether `key` is one of `romanNumerals`. Those are made of I, V and X alone, at most 7 of them, so nearly every
  /// acronym is turned away at its first letter, without hashing it.
  static func isRomanNumeral(_ key: String) -> Bool {
    let utf8 = key.utf8
    guard utf8.count <= 7,
      utf8.allSatisfy({ $0 == UInt8(ascii: "I") || $0 == UInt8(ascii: "V") || $0 == UInt8(ascii: "X") })
    else { return false }
    return romanNumerals.contains(key)
  }

  func analyze(_ block: BlockContext) {
    guard block.block.range != blockRange else { return }
    blockRange = block.block.range
    uses.empty()
    updateGlossary(block)
    // Most blocks have no acronym, and then no use.
    let tokens = block.tokens
    let hasAcronym = tokens.withUnsafeBufferPointer { t in block.tokenRange.contains { t[$0].kind == .acronym } }
    guard hasAcronym else { return }
    var words = 0
    var capitals = 0
    var unknown = 0
    tokens.withUnsafeBufferPointer { t in
      for sentenceNumber in block.sentenceRange {
        let sentence = block.allSentences[sentenceNumber]
        var firstWord = true
        for k in sentence.tokens {
          let kind = t[k].kind
          guard kind == .acronym else {
            if kind == .word { words &+= 1 }
            if kind.countsAsWord { firstWord = false }
            continue
          }
          words &+= 1
          capitals &+= 1
          if addUse(block, t[k], at: k, sentence: sentence, firstWord: firstWord) { unknown &+= 1 }
          firstWord = false
        }
      }
    }
    // Capitals for emphasis ("WHAT HAPPENS NEXT") are not acronyms: most words are in capitals, and at least
    // two of them are not acronyms.
    if words >= 2 && unknown >= 2 && capitals * 10 >= words * 6 { uses.removeAll(keepingCapacity: true) }
  }

  /// Adds the use of the acronym `token` (token `k` of `sentence`) if it may need attention. Returns whether it is
  /// an acronym the list does not have.
  @inline(never)
  private func addUse(_ block: BlockContext, _ token: Token, at k: Int, sentence: Sentence, firstWord: Bool) -> Bool {
    let number = keyNumber(block.text, token)
    var policy: AcronymPolicy? = nil
    let key: String
    var unknown = false
    if number >= 0 {
      policy = lexicon.acronymPolicies[number]
      // Acronyms everyone knows need nothing: the commonest case, so the cheapest.
      if policy == .ok { return false }
      key = lexicon.acronymKeys[number]
      if AcronymSession.isRomanNumeral(key) && followsNumberedThing(block, k, sentence) { return false }
    } else {
      key = Lexicon.acronymKey(block.string(token.range))
      guard key.utf8.count >= 2, !AcronymSession.notAcronyms.contains(key),
        !AcronymSession.isRomanNumeral(key), !isNameInCapitals(key), !isPostcodeOrPOBox(block, k, key)
      else { return false }
      unknown = true
    }
    // Only acronyms that need explaining are looked at for an explanation.
    var defined = false
    if policy == nil || policy == .define {
      defined = definesHere(block, k, sentence: sentence, key: key, number: number)
    }
    if glossaryLevel != nil && (defined || startsGlossaryEntry(block, k)) { glossary.insert(key) }
    uses.append(
      AcronymUse(
        range: token.range, key: key, number: number, policy: policy, startsSentence: firstWord,
        isDefinition: defined))
    return unknown
  }

  /// The acronym-list number of a token: its bytes without full stops, in capitals, a plural `s`, `'s` or
  /// `’s` taken off; -1 if it is not in the list.
  func keyNumber(_ text: [UInt8], _ token: Token) -> Int {
    guard token.end - token.start < AcronymSession.longestKey else { return -1 }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: AcronymSession.longestKey) { scratch in
      var n = 0
      for i in token.start..<token.end {
        let byte = text[i]
        if byte == UInt8(ascii: ".") { continue }
        scratch[n] = byte &- UInt8(ascii: "a") < 26 ? byte & 0xDF : byte
        n += 1
      }
      if n >= 3 && text[token.end - 1] == UInt8(ascii: "s") {
        n -= 1
        if n >= 1 && scratch[n - 1] == UInt8(ascii: "'") {
          n -= 1
        } else if n >= 3 && scratch[n - 3] == 0xE2 && scratch[n - 2] == 0x80 && scratch[n - 1] == 0x99 {
          n -= 3
        }
      }
      return lexicon.acronymNumber(UnsafeBufferPointer(rebasing: scratch[0..<n]))
    }
  }

  // MARK: Definitions

  func isPunctuation(_ block: BlockContext, _ k: Int, _ characters: String) -> Bool {
    let token = block.tokens[k]
    return token.kind == .punctuation && token.end - token.start == 1
      && characters.utf8.contains(block.text[token.start])
  }

  /// Whether token `k` is `word` (small letters), in any case, compared byte by byte.
  func isWord(_ block: BlockContext, _ k: Int, _ word: StaticString) -> Bool {
    let token = block.tokens[k]
    guard token.end - token.start == word.utf8CodeUnitCount else { return false }
    return word.withUTF8Buffer { word in
      word.indices.allSatisfy { block.text[token.start + $0] | 0x20 == word[$0] }
    }
  }

  /// The words of tokens `from` onwards (or backwards), stopping at punctuation or after `limit` words.
  func words(_ block: BlockContext, from start: Int, step: Int, within sentence: Sentence, limit: Int = 14)
    -> [String]
  {
    var result: [String] = []
    var k = start
    while k >= sentence.tokens.lowerBound && k < sentence.tokens.upperBound && result.count < limit {
      let token = block.tokens[k]
      if token.kind == .word || token.kind == .acronym || token.kind == .number {
        result.append(block.string(token.range))
      } else if token.kind == .symbol && block.text[token.start] == UInt8(ascii: "&") {
        result.append("&")
      } else {
        break
      }
      k += step
    }
    return step < 0 ? result.reversed() : result
  }

  /// Whether the acronym at token `k` is explained where it stands: "Patient Advice and Liaison Service
  /// (PALS)", "PALS (patient advice and liaison service)", "PALS stands for ..." or "PALS means ...".
  func definesHere(_ block: BlockContext, _ k: Int, sentence: Sentence, key: String, number: Int) -> Bool {
    let range = sentence.tokens
    // Most uses are none of these: the letters are worked out only when the marks around the acronym fit.
    var letters: [UInt8] { AcronymFit.letters(of: key) }
    // The list's own expansions count even when their initials do not fit (National Institute for Health and
    // Care Research is still NIHR).
    func known() -> [[String]] {
      guard number >= 0 else { return [] }
      return lexicon.acronymEntry(number: number).expansions.map { normalizedWords($0) }
    }
    // Expansion (ACRONYM)
    if k - 1 > range.lowerBound, isPunctuation(block, k - 1, "(["),
      k + 1 < range.upperBound, isPunctuation(block, k + 1, ")]")
    {
      let before = words(block, from: k - 2, step: -1, within: sentence)
      if AcronymFit.fittingSuffix(letters, before) != nil { return true }
      let written = before.flatMap { normalizedWords($0) }
      if known().contains(where: { !$0.isEmpty && written.suffix($0.count) == $0[...] }) { return true }
    }
    // ACRONYM (expansion)
    if k + 1 < range.upperBound, isPunctuation(block, k + 1, "([") {
      let inside = words(block, from: k + 2, step: 1, within: sentence)
      let closes = k + 2 + inside.count < range.upperBound && isPunctuation(block, k + 2 + inside.count, ")]")
      if closes && AcronymFit.fits(letters, inside) { return true }
      let written = inside.flatMap { normalizedWords($0) }
      if closes && known().contains(where: { $0 == written }) { return true }
    }
    // ACRONYM stands for / means / is short for expansion
    guard k + 1 < range.upperBound, block.tokens[k + 1].kind == .word,
      ["stands", "means", "is"].contains(where: { isWord(block, k + 1, $0) })
    else { return false }
    let after = words(block, from: k + 1, step: 1, within: sentence, limit: 24).map { $0.lowercased() }
    for lead in [["stands", "for"], ["means"], ["is", "short", "for"], ["is", "an", "abbreviation", "for"]]
    where after.starts(with: lead) {
      if AcronymFit.fittingPrefix(letters, Array(after.dropFirst(lead.count))) != nil { return true }
    }
    return false
  }

  // MARK: Glossaries

  /// Starts or ends glossary mode at headings.
  func updateGlossary(_ block: BlockContext) {
    let level: Int
    switch block.block.kind {
    case .heading(let headingLevel): level = headingLevel
    // A short line on its own ("Glossary") in plain text starts a glossary but never ends one.
    case .paragraph where block.block.range.count <= 40: level = Int.max
    default: return
    }
    if isGlossaryTitle(block) {
      glossaryLevel = level
    } else if level != Int.max, let current = glossaryLevel, level <= current {
      glossaryLevel = nil
    }
  }

  /// Whether a heading (or a short line) starts a glossary: "Glossary", "Acronyms and abbreviations",
  /// "Jargon buster", "Key terms", "Words we use".
  func isGlossaryTitle(_ block: BlockContext) -> Bool {
    let range = block.block.range
    guard range.count <= 60 else { return false }
    return block.text.withUnsafeBufferPointer { text in
      var start = range.lowerBound
      // Skip numbering and marks before the title ("3. Glossary", "## Glossary").
      while start < range.upperBound, (text[start] | 0x20) &- UInt8(ascii: "a") >= 26 { start += 1 }
      guard start < range.upperBound, AcronymSession.glossaryInitials >> ((text[start] | 0x20) &- 97) & 1 == 1
      else { return false }
      return AcronymSession.glossaryHeadingBytes.contains { heading in
        guard heading.count <= range.upperBound - start else { return false }
        for (offset, byte) in heading.enumerated() {
          let written = text[start + offset]
          if (written &- UInt8(ascii: "A") < 26 ? written | 0x20 : written) != byte { return false }
        }
        return true
      }
    }
  }

  /// Whether token `k` starts a glossary entry: the first word of its block, alone or followed by a colon or
  /// dash ("PALS: patient advice and liaison service", a table cell holding "PALS").
  func startsGlossaryEntry(_ block: BlockContext, _ k: Int) -> Bool {
    guard let firstWord = block.tokenRange.first(where: { block.tokens[$0].kind.countsAsWord }), firstWord == k
    else { return false }
    let next = k + 1
    guard next < block.tokenRange.upperBound else { return true }
    let token = block.tokens[next]
    guard token.kind == .punctuation || token.kind == .symbol else { return false }
    let mark = block.string(token.range)
    return [":", "-", "–", "—", "=", "|"].contains(mark)
  }

  /// A name written in capitals from everyday words joined by hyphens (the HOME-WALK study): not an acronym.
  func isNameInCapitals(_ key: String) -> Bool {
    // Most keys have no hyphen: a look at the bytes, not an array of parts.
    guard key.utf8.contains(UInt8(ascii: "-")) else { return false }
    let parts = key.split(separator: "-")
    guard parts.count >= 2 else { return false }
    return parts.allSatisfy { part in part.count >= 3 && lexicon.isCommonWord(part.lowercased()) }
  }

  /// The first half of a UK postcode (LS1 in "LS1 4AP", SW1A in "SW1A 2AA") or the PO of "PO Box".
  func isPostcodeOrPOBox(_ block: BlockContext, _ k: Int, _ key: String) -> Bool {
    guard k + 1 < block.tokenRange.upperBound else { return false }
    let next = block.string(block.tokens[k + 1].range)
    if key == "PO" { return next.lowercased() == "box" }
    let outward = Array(key.utf8)
    let inward = Array(next.utf8)
    func letter(_ b: UInt8) -> Bool { b &- UInt8(ascii: "A") < 26 }
    func digit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
    guard (2...4).contains(outward.count), letter(outward[0]), outward.contains(where: digit) else { return false }
    return inward.count == 3 && digit(inward[0]) && letter(inward[1]) && letter(inward[2])
  }

  func followsNumberedThing(_ block: BlockContext, _ k: Int, _ sentence: Sentence) -> Bool {
    guard k > sentence.tokens.lowerBound else { return false }
    let previous = block.tokens[k - 1]
    if previous.flags.contains(.capitalized) && previous.kind == .word { return true }
    return AcronymSession.numberedThings.contains(block.string(previous.range).lowercased())
  }
}
