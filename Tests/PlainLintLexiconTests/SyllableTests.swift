import Foundation
import PlainLintCore
import PlainLintDictionaries
import Testing

@testable import PlainLintLexicon

/// The syllables of `word` by the built-in table.
func syllables(_ word: String, _ dialect: Dialect = .uk) -> Int {
  Array(word.utf8).withUnsafeBufferPointer { BuiltInDictionaries.syllables.count($0, dialect: dialect) }
}

/// The estimate for `word`.
func estimate(_ word: String) -> Int {
  Array(word.utf8).withUnsafeBufferPointer { SyllableCounter.estimate($0) }
}

/// Whether a dictionary word is held out of tuning the estimate: one word in five, by a hash of its bytes
/// (32-bit FNV-1a), so the split never changes. The counter's rules were written looking only at the other
/// words; these measure it.
func isHeldOut(_ word: [UInt8]) -> Bool {
  var hash: UInt32 = 2_166_136_261
  for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
  return hash % 5 == 0
}

/// The words of `Dictionaries/syllables.tsv`, read as the build reads them.
let syllableEntries: [SyllableTable.Entry] = {
  guard
    let bytes = FileManager.default.contents(atPath: dictionariesFolder.appendingPathComponent("syllables.tsv").path),
    let entries = try? SyllableTable.read([UInt8](bytes))
  else { return [] }
  return entries
}()

@Suite("Syllables")
struct SyllableTests {
  @Test(arguments: [
    ("the", 1, 1), ("patient", 2, 2), ("colour", 2, 2), ("every", 2, 3), ("chocolate", 3, 2), ("medicine", 3, 3),
    ("different", 2, 3), ("area", 2, 3), ("information", 4, 4), ("hospital", 3, 3), ("surgery", 3, 3),
  ])
  func dictionaryWords(_ word: String, _ uk: Int, _ us: Int) {
    #expect(syllables(word, .uk) == uk, "\(word) in British English")
    #expect(syllables(word, .us) == us, "\(word) in American English")
  }

  @Test(arguments: [
    ("physiotherapy", 6), ("gastroenteritis", 6), ("oesophagus", 4), ("lymphoedema", 4), ("coeliac", 3),
    ("paediatrician", 5), ("cholecystectomy", 6), ("hypoglycaemia", 6), ("antiemetic", 5), ("bronchiolitis", 5),
    ("haematuria", 5), ("thrombocytopenia", 7), ("nephrectomy", 4), ("otitis", 3), ("colostomy", 4), ("naïve", 2),
    ("café", 2), ("chloë", 2),
  ])
  func wordsTheDictionariesLackAreEstimated(_ word: String, _ count: Int) {
    #expect(!syllableEntries.contains { $0.word == Array(word.utf8) }, "\(word) is in the dictionary")
    #expect(syllables(word, .uk) == count, "\(word)")
    #expect(syllables(word, .us) == count, "\(word)")
  }

  @Test func unknownWordsFallBackToTheEstimate() {
    for word in ["plainlintish", "zzyzx", "xqj", "ab", "a", "réunion", "ŵyneb", "cardiomyopathies", "pseudohypo"] {
      #expect(syllables(word, .uk) == estimate(word) && syllables(word, .us) == estimate(word), "\(word)")
      #expect(estimate(word) >= 1, "\(word)")
    }
    #expect(estimate("") == 0)
    #expect(estimate(String(repeating: "ba", count: 200)) == 200)
  }

  @Test func everyDictionaryWordHasItsCount() {
    #expect(syllableEntries.count > 100_000)
    for entry in syllableEntries {
      let (uk, us) = entry.word.withUnsafeBufferPointer {
        (BuiltInDictionaries.syllables.count($0, dialect: .uk), BuiltInDictionaries.syllables.count($0, dialect: .us))
      }
      #expect(uk == entry.uk && us == entry.us, "\(String(decoding: entry.word, as: UTF8.self))")
    }
  }

  @Test func lexiconWordsByNumberAgreeWithTheirBytes() {
    let lexicon = BuiltInDictionaries.lexicon
    let table = BuiltInDictionaries.syllables
    #expect(table.wordCount == lexicon.wordCount)
    #expect(lexicon.wordCount > 40_000)
    for id in 0..<lexicon.wordCount {
      for dialect in Dialect.allCases {
        let byBytes = lexicon.withWord(id) { table.count($0, dialect: dialect) }
        #expect(table.count(wordID: Int32(id), dialect: dialect) == byBytes)
      }
    }
  }

  /// The estimate against the dictionaries on the held-out words: at least 90% exactly right, in British and in
  /// American English. README ("Counting syllables") records the figures.
  @Test func theEstimateAgreesWithWordsItWasNotTunedOn() {
    let heldOut = syllableEntries.filter { isHeldOut($0.word) }
    #expect(heldOut.count > 20_000)
    let commonText = FileManager.default.contents(
      atPath: dictionariesFolder.appendingPathComponent("common-words.txt").path)
    let common = Set((commonText ?? Data()).split(separator: UInt8(ascii: "\n")).map { Array($0) })
    let everyday = heldOut.filter { common.contains($0.word) }
    func agreement(_ entries: [SyllableTable.Entry], _ dialect: Dialect, _ counter: ([UInt8]) -> Int) -> Double {
      let right = entries.filter { counter($0.word) == (dialect == .uk ? $0.uk : $0.us) }.count
      return Double(right) / Double(max(entries.count, 1))
    }
    let counter = { (word: [UInt8]) in word.withUnsafeBufferPointer { SyllableCounter.estimate($0) } }
    for dialect in Dialect.allCases {
      let all = agreement(heldOut, dialect, counter)
      let everydayAgreement = agreement(everyday, dialect, counter)
      print(
        "syllables, \(dialect.rawValue): \(heldOut.count) held-out words \(all);",
        "\(everyday.count) everyday \(everydayAgreement)")
      #expect(all >= 0.90)
      #expect(everydayAgreement >= 0.90)
      // The threshold means something: counting vowel groups alone falls below it.
      #expect(agreement(heldOut, dialect, naiveCount) < 0.90)
    }
  }

  /// Units of words read in place carry the table's count for their word in both dialects (the readability rules
  /// read it there), the same on a second reading from the matcher's recent words; units made otherwise, or by a
  /// matcher without the table, carry none and leave the count to the table.
  @Test func unitsCarryTheSyllablesOfTheirWords() {
    let lexicon = BuiltInDictionaries.lexicon
    let table = BuiltInDictionaries.syllables
    let text = Array(
      ("The appointment is at the hospital. THE APPOINTMENT is at the hospital. Your co-ordinator will ring "
        + "you about the electrocardiogram, unfortunately. Zzyzx and Wójcik.").utf8)
    var tokens: [Token] = []
    Tokenizer.tokenize(text, range: 0..<text.count, into: &tokens)
    func units(_ matcher: WordMatcher) -> [WordUnit] {
      var units: [WordUnit] = []
      text.withUnsafeBufferPointer { p in
        tokens.withUnsafeBufferPointer { matcher.units(p, tokens: $0, range: 0..<tokens.count, into: &units) }
      }
      return units
    }
    let carried = units(WordMatcher(lexicon: lexicon, syllables: table))
    var notCarried: [String] = []
    for unit in carried {
      let uk = unit.word >= 0 ? table.count(wordID: unit.word, dialect: .uk) : 0
      let us = unit.word >= 0 ? table.count(wordID: unit.word, dialect: .us) : 0
      let word = String(decoding: text[unit.start..<unit.end], as: UTF8.self)
      if unit.isLetters && unit.word >= 0 && (1...15).contains(uk) && (1...15).contains(us) {
        #expect(unit.syllables(shift: 0) == uk && unit.syllables(shift: 4) == us, "\(word)")
      } else {
        #expect(unit.packedSyllables == 0, "\(word)")
        notCarried.append(word)
      }
    }
    // Every word of up to 16 ASCII letters that the lexicon has is carried: not the hyphenated word's parts, a
    // longer word, a word the lexicon does not have, one with an accent, or one less than 16 bytes from the end
    // of the text (which is not read in place).
    #expect(notCarried == ["co", "ordinator", "electrocardiogram", "Zzyzx", "and", "Wójcik"])
    #expect(units(WordMatcher(lexicon: lexicon)).allSatisfy { $0.packedSyllables == 0 })
  }
}

/// Groups of vowels (a, e, i, o, u, y), at least 1: the counter a readability tool might start from.
func naiveCount(_ word: [UInt8]) -> Int {
  var groups = 0
  var previous = false
  for byte in word {
    let vowel = "aeiouy".utf8.contains(byte)
    if vowel && !previous { groups += 1 }
    previous = vowel
  }
  return max(groups, 1)
}
