import Foundation
import PlainLintCore
import PlainLintDictionaries
import Testing

@testable import PlainLintLexicon

/// A small lexicon for matching tests.
let testLexicon: Lexicon = {
  let words = file(
    header
      + "utilise,utilisation,use,plain-english,Use.,govuk,both,yes,\n"
      + "in order to,,to,plain-english,To.,govuk,both,yes,\n"
      + "order,,sequence,plain-english,Test entry.,plainlint,both,no,\n"
      + "stakeholder,,people involved,research,Jargon.,plainlint,both,no,\n"
      + "touch base,,talk,research,Jargon.,plainlint,both,no,\n"
      + "deep dive,,close look,research,Jargon.,plainlint,both,no,\n"
      + "follow-up,,check-up,health-service,Jargon.,plainlint,both,no,\n"
      + "acute,,sudden,medical,Jargon.,plainlint,both,no,acute myeloid leukaemia;severe acute respiratory syndrome\n"
      + "elderly,,older,inclusive,Not person-centred.,nhs-inclusive,both,no,the elderly\n"
      + "the elderly,,older people,inclusive,Not person-centred.,nhs-inclusive,both,yes,\n"
      + "refer,,send,health-service,Jargon.,plainlint,both,no,\n"
      + "patient's charter,,rights,health-service,Jargon.,plainlint,both,no,\n"
      + "e.g.,,for example,latin,Latin.,plainlint,both,yes,\n"
      + "haemorrhage,hemorrhage,heavy bleeding,medical,Bleeding.,cdc,both,no,\n")
  return Lexicon(files: [words], commonWords: Array("the\nyou\nwe\nwill\nuse\nit\n".utf8))
}()

/// The matched text of each match in `text` (one block), with the term of its entry or "(fine)" for an exception.
func matches(_ text: String, lexicon: Lexicon = testLexicon) -> [String] {
  let bytes = Array(text.utf8)
  var tokens: [Token] = []
  Tokenizer.tokenize(bytes, range: 0..<bytes.count, into: &tokens)
  var sentences: [Sentence] = []
  SentenceSplitter.split(bytes, tokens: tokens, tokenRange: 0..<tokens.count, into: &sentences)
  let matcher = WordMatcher(lexicon: lexicon)
  var units: [WordUnit] = []
  var found: [WordMatch] = []
  bytes.withUnsafeBufferPointer { p in
    tokens.withUnsafeBufferPointer { t in
      for sentence in sentences {
        let first = units.count
        matcher.units(p, tokens: t, range: sentence.tokens, into: &units)
        matcher.match(units, range: first..<units.count, into: &found)
      }
    }
  }
  return found.map { match in
    let written = String(decoding: bytes[match.range], as: UTF8.self)
    return written + " = " + (match.entry.map { lexicon.entry($0).term } ?? "(fine)")
  }
}

@Suite("Matching terms in text")
struct MatchingTests {
  @Test func capitalsDoNotMatter() {
    #expect(matches("Utilise it. UTILISE it. utilise it.") == ["Utilise = utilise", "UTILISE = utilise", "utilise = utilise"])
  }

  @Test func regularEndingsAndSpellingsAreFound() {
    #expect(
      matches("utilises utilised utilising utilize utilizing utilisation stakeholders referred referring")
        == [
          "utilises = utilise", "utilised = utilise", "utilising = utilise", "utilize = utilise",
          "utilizing = utilise", "utilisation = utilise", "stakeholders = stakeholder", "referred = refer",
          "referring = refer",
        ])
  }

  @Test func phrasesAreFoundAcrossLineBreaksAndWithEndings() {
    #expect(matches("We will touch\nbase and touched base after two deep dives.") == [
      "touch\nbase = touch base", "touched base = touch base", "deep dives = deep dive",
    ])
  }

  @Test func theLongestMatchWinsAndNoWordIsFlaggedTwice() {
    #expect(matches("Arrive early in order to park. Put them in order.") == ["in order to = in order to", "order = order"])
    #expect(matches("Services for the elderly.") == ["the elderly = the elderly"])
    #expect(matches("Elderly people.") == ["Elderly = elderly"])
  }

  @Test func aPhraseDoesNotGoOnPastPunctuation() {
    #expect(matches("We must touch, base camp.") == [])
    #expect(matches("in order, to") == ["order = order"])
  }

  @Test func hyphensAndSpacesAreTheSame() {
    #expect(matches("A follow-up visit. A follow up visit.") == ["follow-up = follow-up", "follow up = follow-up"])
  }

  @Test func curlyApostrophesAndPossessivesMatch() {
    #expect(matches("The patient’s charter and the stakeholder’s view.") == [
      "patient’s charter = patient's charter", "stakeholder’s = stakeholder",
    ])
  }

  @Test func exceptionsAreLeftAlone() {
    #expect(matches("Acute myeloid leukaemia is not severe acute respiratory syndrome. An acute illness.") == [
      "Acute myeloid leukaemia = (fine)", "severe acute respiratory syndrome = (fine)", "acute = acute",
    ])
  }

  @Test func dottedAbbreviationsMatchWithOrWithoutDots() {
    #expect(matches("Bring something, e.g. a book, or eg a magazine.") == ["e.g. = e.g.", "eg = e.g."])
  }

  @Test func everydayWordsAreKnown() {
    #expect(testLexicon.isCommonWord("the"))
    #expect(!testLexicon.isCommonWord("haemorrhage"))
  }

  @Test func aCompiledLexiconMatchesLikeTheOneItWasCompiledFrom() throws {
    let source = Array(header.utf8) + Array("haemorrhage,hemorrhage,heavy bleeding,medical,Bleeding.,cdc,both,no,\n".utf8)
    let files = [DictionaryFile(name: "medical.csv", bytes: source)]
    let compiled = Lexicon.compile(files: files, commonWords: Array("the\nblood\n".utf8))
    let embedded = [EmbeddedCSV(name: "medical.csv", bytes: source)]
    let read = Lexicon(compiled: compiled.tables, words: compiled.words, files: { embedded })
    let lexicon = try #require(read)
    #expect(matches("The haemorrhage, the hemorrhages.", lexicon: lexicon) == [
      "haemorrhage = haemorrhage", "hemorrhages = haemorrhage",
    ])
    #expect(lexicon.entry(0).alternatives == ["heavy bleeding"])
    #expect(lexicon.entry(0).line == 2)
    #expect(lexicon.isCommonWord("blood"))
    let truncated = Lexicon(compiled: Array(compiled.tables.dropLast(3)), words: compiled.words, files: { embedded })
    #expect(truncated == nil)
  }

  /// The built-in lexicon's way in: the tables as base64 text, decoded into a block of their own, and the words
  /// read where they lie, followed by other bytes (as in the program, where the literal ends in spaces).
  @Test func aCompiledLexiconReadInPlaceMatchesTheSame() throws {
    let row = "haemorrhage,hemorrhage,heavy bleeding,medical,Bleeding.,cdc,both,no,\n"
    let source = Array(header.utf8) + Array(row.utf8)
    let files = [DictionaryFile(name: "medical.csv", bytes: source)]
    let compiled = Lexicon.compile(files: files, commonWords: Array("the\nblood\n".utf8))
    let embedded = [EmbeddedCSV(name: "medical.csv", bytes: source)]
    let base64 = Array(Data(compiled.tables).base64EncodedString().utf8)
    #expect(decodeBase64(base64.withUnsafeBufferPointer { $0 }) == compiled.tables)
    // Kept alive for the lexicon's life: it reads the words where they are.
    let words = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: compiled.words.count + 16)
    defer { words.deallocate() }
    _ = words.initialize(from: compiled.words + Array(repeating: UInt8(ascii: " "), count: 16))
    let read = base64.withUnsafeBufferPointer {
      Lexicon(compiledBase64: $0, wordsInPlace: UnsafeBufferPointer(words), files: { embedded })
    }
    let lexicon = try #require(read)
    #expect(matches("The haemorrhage, the hemorrhages.", lexicon: lexicon) == [
      "haemorrhage = haemorrhage", "hemorrhages = haemorrhage",
    ])
    #expect(lexicon.isCommonWord("blood"))
    #expect(!lexicon.isCommonWord("haemorrhage"))
    // Without the 16 bytes after the words, a look-up could read past them: refused.
    let short = base64.withUnsafeBufferPointer {
      Lexicon(
        compiledBase64: $0, wordsInPlace: UnsafeBufferPointer(rebasing: words[..<compiled.words.count]),
        files: { embedded })
    }
    #expect(short == nil)
  }

  /// Every edge of the built-in lexicon's trie is found: the filter in front of the search of a node's edges
  /// never turns a real one away, and turns away most pairs that are not edges.
  @Test func theEdgeFilterKeepsEveryEdge() {
    let tables = BuiltInDictionaries.lexicon.tables
    #expect(tables.edgeCount > 100)
    for index in 0..<tables.edgeCount {
      let key = tables.edgeKeys[index]
      let node = Int32(truncatingIfNeeded: key >> 32)
      let word = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
      #expect(tables.next(node, word) == tables.edgeTargets[index])
    }
    var passed = 0
    var tried = 0
    for node in 0..<Int32(min(tables.nodeCount, 200)) {
      for word in stride(from: Int32(0), to: Int32(BuiltInDictionaries.lexicon.wordCount), by: 97) {
        let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))
        let bit = FrozenTables.edgeBit(key, bits: tables.edgeFilterBits)
        tried += 1
        if tables.edgeFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 { passed += 1 }
      }
    }
    #expect(passed * 10 < tried)
  }

  /// Tables that point outside themselves are refused, not read: a slot naming a word past the last, a first
  /// node past the last node, edges out of order, or another layout's header.
  @Test func damagedCompiledTablesAreRefused() {
    let rows =
      "touch base,,talk,research,Jargon.,plainlint,both,no,\n"
      + "deep dive,,close look,research,Jargon.,plainlint,both,no,\n"
    let source = Array(header.utf8) + Array(rows.utf8)
    let compiled = Lexicon.compile(files: [DictionaryFile(name: "research.csv", bytes: source)], commonWords: [])
    let tables = compiled.tables
    func read(_ tables: [UInt8]) -> Lexicon? { Lexicon(compiled: tables, words: compiled.words, files: { [] }) }
    #expect(read(tables) != nil)
    func number(_ index: Int) -> Int {
      Int(tables[4 * index]) | Int(tables[4 * index + 1]) << 8 | Int(tables[4 * index + 2]) << 16
        | Int(tables[4 * index + 3]) << 24
    }
    let (wordCount, slotCount, nodeCount, edgeCount) = (number(1), number(3), number(4), number(5))
    #expect(edgeCount >= 2)
    func with(_ offset: Int, _ value: UInt32, size: Int = 4) -> [UInt8] {
      var copy = tables
      for k in 0..<size { copy[offset + k] = UInt8(truncatingIfNeeded: UInt64(value) >> (8 * k)) }
      return copy
    }
    let slotsAt = 32 + 8 * edgeCount
    let firstsAt = slotsAt + 4 * slotCount + 4 * nodeCount + 4 * edgeCount
    // The first slot that holds a word, made to name one past the last.
    let used = (0..<slotCount).first { tables[slotsAt + 4 * $0] != 0 || tables[slotsAt + 4 * $0 + 1] != 0 }!
    #expect(read(with(slotsAt + 4 * used, UInt32(wordCount + 1))) == nil)
    #expect(read(with(firstsAt + 4, UInt32(nodeCount))) == nil)
    // The second edge's key made smaller than the first's.
    #expect(read(with(32 + 8, 0, size: 8)) == nil)
    #expect(read(Array("PLX3".utf8) + tables.dropFirst(4)) == nil)
  }

  /// The readability pass walks a sentence's words by their units, so every word and acronym token has at least
  /// one, a token's units are side by side, and a unit marked everyday is a whole word token of ASCII letters
  /// whose word is an everyday one (never an acronym, even when its letters are an everyday word: US, IT).
  @Test func everyWordTokenHasUnitsAndEverydayUnitsAreWholeEverydayWords() {
    let lexicon = BuiltInDictionaries.lexicon
    let text = Array(
      ("The US and IT teams met. Don’t use the co-ordinator’s well-being x--y a- form, e.g. at 3pm. The NHS "
        + "KPIs for COVID-19 and U.K. clinics. Wójcik’s naïve café. I’m OK, it's fine; A&E and GP. "
        + "Supercalifragilistic words and zzyzx, and the end").utf8)
    var tokens: [Token] = []
    Tokenizer.tokenize(text, range: 0..<text.count, into: &tokens)
    let matcher = WordMatcher(lexicon: lexicon, syllables: BuiltInDictionaries.syllables)
    var units: [WordUnit] = []
    text.withUnsafeBufferPointer { p in
      tokens.withUnsafeBufferPointer { matcher.units(p, tokens: $0, range: 0..<tokens.count, into: &units) }
    }
    let wordTokens = tokens.indices.filter { tokens[$0].kind == .word || tokens[$0].kind == .acronym }
    #expect(wordTokens.count > 40)
    // The tokens of the units, each once and in order, are the word and acronym tokens.
    var unitTokens: [Int] = []
    for unit in units where unitTokens.last != Int(unit.token) { unitTokens.append(Int(unit.token)) }
    #expect(unitTokens == wordTokens)
    var everyday: [String] = []
    for unit in units {
      let token = tokens[Int(unit.token)]
      let word = String(decoding: text[unit.start..<unit.end], as: UTF8.self)
      let whole = unit.start == token.start && unit.end == token.end
      if unit.isEveryday {
        everyday.append(word)
        #expect(whole && unit.isLetters && token.kind == .word && matcher.isCommon(unit), "\(word)")
        #expect(word.utf8.allSatisfy { ($0 | 0x20) &- UInt8(ascii: "a") < 26 }, "\(word)")
      } else if unit.isLetters && token.kind == .word {
        #expect(!matcher.isCommon(unit), "\(word)")
      }
    }
    #expect(everyday.contains("The") && everyday.contains("teams") && everyday.contains("clinics"))
    #expect(!everyday.contains("US") && !everyday.contains("IT") && !everyday.contains("zzyzx"))
    // A matcher without the built-in lexicon's everyday words marks none.
    let plainMatcher = WordMatcher(lexicon: Lexicon(files: [], commonWords: []))
    var plain: [WordUnit] = []
    text.withUnsafeBufferPointer { p in
      tokens.withUnsafeBufferPointer { plainMatcher.units(p, tokens: $0, range: 0..<tokens.count, into: &plain) }
    }
    #expect(plain.count == units.count && !plain.contains { $0.isEveryday })
  }

  /// A reusable buffer keeps its values as it grows, forgets them when emptied, and keeps its memory.
  @Test func reusableBuffersKeepTheirValuesAsTheyGrow() {
    let buffer = ReusableBuffer<Range<Int>>(capacity: 1)
    #expect(buffer.capacity == 16 && buffer.count == 0 && buffer.buffer.isEmpty)
    for k in 0..<1_000 { buffer.append(k..<(2 * k)) }
    #expect(buffer.count == 1_000 && buffer.capacity >= 1_000)
    #expect(buffer.buffer.indices.allSatisfy { buffer.buffer[$0] == $0..<(2 * $0) })
    let capacity = buffer.capacity
    buffer.removeAll()
    #expect(buffer.count == 0 && buffer.capacity == capacity)
    buffer.append(7..<9)
    #expect(Array(buffer.buffer) == [7..<9])
  }
}

@Suite("Regular endings")
struct InflectionTests {
  @Test(arguments: [
    ("utilise", ["utilises", "utilised", "utilising"]),
    ("refer", ["refers", "referred", "referring", "refered", "refering"]),
    ("focus", ["focuses", "focused", "focusing"]),
    ("liaise", ["liaises", "liaised", "liaising"]),
    ("apply", ["applies", "applied", "applying"]),
    ("per", []),
  ])
  func endings(_ word: String, _ expected: [String]) {
    #expect(Set(Inflections.endings(word)) == Set(expected))
  }

  @Test func phrasesTakeEndingsOnTheFirstWordAndAPluralOnTheLast() {
    let forms = Inflections.forms(of: ["touch", "base"], inflect: true).map { $0.joined(separator: " ") }
    #expect(Set(forms).isSuperset(of: ["touch base", "touches base", "touched base", "touching base", "touch bases"]))
  }

  @Test func ukSpellingsAlsoFindUSOnes() {
    #expect(Inflections.spellings("organisation") == ["organisation", "organization"])
    #expect(Inflections.spellings("analyse") == ["analyse", "analyze"])
    #expect(Inflections.spellings("rise") == ["rise"])
  }
}

@Suite("Acronym definitions fit their acronym")
struct AcronymFitTests {
  @Test(arguments: [
    ("PALS", "patient advice and liaison service"),
    ("PPI", "Patient and Public Involvement"),
    ("A&E", "accident and emergency"),
    ("ECG", "electrocardiogram"),
    ("KPI", "key performance indicators"),
    ("NIHR", "National Institute for Health Research"),
    ("COVID", "coronavirus disease"),
  ])
  func fits(_ acronym: String, _ expansion: String) {
    let words = expansion.split(separator: " ").map(String.init)
    #expect(AcronymFit.fits(AcronymFit.letters(of: acronym), words))
  }

  @Test(arguments: [
    ("PALS", "please ask"),
    ("ICB", "the board"),
    ("CQC", "care quality"),
    ("GP", "general"),
  ])
  func doesNotFit(_ acronym: String, _ expansion: String) {
    let words = expansion.split(separator: " ").map(String.init)
    #expect(!AcronymFit.fits(AcronymFit.letters(of: acronym), words))
  }

  @Test func theShortestFittingWordsBeforeTheBracketAreTheExpansion() {
    let words = "please contact the patient advice and liaison service".split(separator: " ").map(String.init)
    #expect(AcronymFit.fittingSuffix(AcronymFit.letters(of: "PALS"), words) == 5)
    #expect(AcronymFit.fittingPrefix(AcronymFit.letters(of: "PPI"), ["patient", "and", "public", "involvement", "in"]) != nil)
    #expect(AcronymFit.fittingPrefix(AcronymFit.letters(of: "PPI"), ["please", "go"]) == nil)
  }

  @Test func keysIgnoreFullStopsAndPlurals() {
    #expect(Lexicon.acronymKey("KPIs") == "KPI")
    #expect(Lexicon.acronymKey("GP's") == "GP")
    #expect(Lexicon.acronymKey("N.H.S.") == "NHS")
    #expect(Lexicon.acronymKey("COVID-19") == "COVID-19")
    #expect(Lexicon.acronymKey("PhD") == "PHD")
  }
}
