import PlainLintCore

/// The syllables of words: the pronouncing dictionaries' count for a word they have, `SyllableCounter.estimate`
/// for any other.
///
/// The table is compiled when plainlint is built (`compile(_:)`) and read in place from two string literals in
/// the program, so making it costs nothing at start-up and a look-up allocates nothing. It holds only the
/// dictionary words whose count, in British or American English, is not the estimate: for every other word
/// the estimate is the dictionary's count. A second literal gives the count of every lexicon word by its
/// number (`wordCounts(lexicon:entries:)`), so a word the word rules have already looked up costs one load.
///
/// The compiled table is ASCII: a header `SYL1`, the number of slots in 6 digits of base 64, the slots, then
/// the records. A slot is 4 base-64 digits: 0 for empty, or 1 + a record's offset from the first record. A
/// record is its word's length, its British and its American count (each one character, `0` + the number),
/// then the word. Base-64 digits here are the characters `0` + 0 to 63 (from `0` to `o`).
public struct SyllableTable: @unchecked Sendable {
  /// One word of `Dictionaries/syllables.tsv`.
  public struct Entry: Sendable, Equatable {
    public var word: [UInt8]
    public var uk: Int
    public var us: Int

    public init(word: [UInt8], uk: Int, us: Int) {
      self.word = word
      self.uk = uk
      self.us = us
    }
  }

  /// A line of the syllable file that could not be read.
  public struct Problem: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "\(line): \(message)" }
  }

  /// The slots (the compiled table after its header), in memory that lives as long as the program.
  let slots: UnsafePointer<UInt8>
  /// The first record.
  let records: UnsafePointer<UInt8>
  let mask: Int
  /// Per lexicon word number: its British and its American count, each `0` + the number.
  @usableFromInline var wordCounts: UnsafePointer<UInt8>
  /// The number of lexicon words it has counts for.
  public internal(set) var wordCount: Int

  static let header = Array("SYL1".utf8)
  static let slotDigits = 4
  /// The longest word a table may hold: its length is one base-64 digit.
  static let longestWord = 63

  /// Reads a compiled table and the counts of the lexicon's words, both string literals (memory that lives as
  /// long as the program); nil if the table is not one `compile(_:)` made.
  public init?(table: StaticString, wordCounts: StaticString) {
    let base = table.utf8Start
    guard table.utf8CodeUnitCount >= 10,
      (0..<4).allSatisfy({ base[$0] == SyllableTable.header[$0] })
    else { return nil }
    let slotCount = SyllableTable.number(base + 4, digits: 6)
    guard slotCount > 0, slotCount & (slotCount - 1) == 0,
      10 + slotCount * SyllableTable.slotDigits <= table.utf8CodeUnitCount
    else { return nil }
    slots = base + 10
    records = base + 10 + slotCount * SyllableTable.slotDigits
    mask = slotCount - 1
    self.wordCounts = wordCounts.utf8Start
    wordCount = wordCounts.utf8CodeUnitCount / 2
  }

  /// The syllables of a normalized word (as `WordMatcher.units` makes it): the dictionary's count for the
  /// dialect if it has the word, otherwise `SyllableCounter.estimate`.
  public func count(_ normalizedWord: UnsafeBufferPointer<UInt8>, dialect: Dialect) -> Int {
    let n = normalizedWord.count
    if n > 0, n <= SyllableTable.longestWord, let word = normalizedWord.baseAddress {
      var index = Int(truncatingIfNeeded: SyllableTable.hash(normalizedWord)) & mask
      while true {
        let slot = SyllableTable.number(slots + index * SyllableTable.slotDigits, digits: SyllableTable.slotDigits)
        if slot == 0 { break }
        let record = records + (slot - 1)
        if Int(record[0] &- 48) == n && memcmpEqual(record + 3, word, n) {
          return Int(record[dialect == .uk ? 1 : 2] &- 48)
        }
        index = (index &+ 1) & mask
      }
    }
    return SyllableCounter.estimate(normalizedWord)
  }

  /// The syllables of lexicon word `wordID` (a number `Lexicon` gives): the same as `count(_:dialect:)` for
  /// its bytes.
  @inlinable @inline(__always)
  public func count(wordID: Int32, dialect: Dialect) -> Int {
    Int(wordCounts[Int(wordID) &* 2 &+ (dialect == .uk ? 0 : 1)] &- 48)
  }

  /// The number written in `digits` base-64 digits at `p`, lowest first.
  @inline(__always)
  static func number(_ p: UnsafePointer<UInt8>, digits: Int) -> Int {
    var value = 0
    for k in 0..<digits { value |= Int(p[k] &- 48) << (6 * k) }
    return value
  }

  static func appendNumber(_ value: Int, digits: Int, to text: inout [UInt8]) {
    for k in 0..<digits { text.append(UInt8(48 + (value >> (6 * k)) & 63)) }
  }

  /// A hash of a word's bytes, 8 at a time.
  @inline(__always)
  static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let raw = UnsafeRawBufferPointer(word)
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(word.count)
    var i = 0
    while i + 8 <= word.count {
      h = (h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 31
      i += 8
    }
    if i < word.count {
      var tail: UInt64 = 0
      for k in i..<word.count { tail |= UInt64(word[k]) << (8 * UInt64(k - i)) }
      h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
    }
    h ^= h >> 29
    return h &* 0x94D0_49BB_1331_11EB ^ (h >> 32)
  }
}

extension SyllableTable {
  /// Reads `Dictionaries/syllables.tsv`: lines of `word<TAB>uk<TAB>us` (small letters and apostrophes, counts
  /// from 1 to 60), and comment lines starting with `#`.
  public static func read(_ bytes: [UInt8]) throws(Problem) -> [Entry] {
    var entries: [Entry] = []
    var line = 0
    for text in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      line += 1
      guard let first = text.first, first != UInt8(ascii: "#") else { continue }
      let fields = text.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
      guard fields.count == 3 else { throw Problem(line: line, message: "expected word<TAB>uk<TAB>us") }
      let word = Array(fields[0])
      guard !word.isEmpty, word.count <= longestWord,
        word.allSatisfy({ $0 &- UInt8(ascii: "a") < 26 || $0 == UInt8(ascii: "'") })
      else { throw Problem(line: line, message: "a word is small letters and apostrophes, at most 63") }
      guard let uk = Int(String(decoding: fields[1], as: UTF8.self)),
        let us = Int(String(decoding: fields[2], as: UTF8.self)),
        (1...60).contains(uk), (1...60).contains(us)
      else { throw Problem(line: line, message: "a count is a whole number from 1 to 60") }
      entries.append(Entry(word: word, uk: uk, us: us))
    }
    return entries
  }

  /// The table of the entries whose counts are not the estimate, for `init(table:wordCounts:)`.
  public static func compile(_ entries: [Entry]) -> [UInt8] {
    let kept = entries.filter { entry in
      let estimate = entry.word.withUnsafeBufferPointer { SyllableCounter.estimate($0) }
      return entry.uk != estimate || entry.us != estimate
    }
    var slotCount = 16
    while slotCount < kept.count * 2 { slotCount *= 2 }
    var slots = [Int](repeating: 0, count: slotCount)
    var records: [UInt8] = []
    for entry in kept {
      var index = Int(truncatingIfNeeded: entry.word.withUnsafeBufferPointer { hash($0) }) & (slotCount - 1)
      while slots[index] != 0 { index = (index + 1) & (slotCount - 1) }
      slots[index] = records.count + 1
      records += [UInt8(48 + entry.word.count), UInt8(48 + entry.uk), UInt8(48 + entry.us)] + entry.word
    }
    var text = header
    appendNumber(slotCount, digits: 6, to: &text)
    for slot in slots { appendNumber(slot, digits: slotDigits, to: &text) }
    return text + records
  }

  /// The British and American counts of each lexicon word in number order (each `0` + the count), for
  /// `init(table:wordCounts:)`: the dictionary's counts for the words it has, the estimate for the others.
  public static func wordCounts(lexicon: Lexicon, entries: [Entry]) -> [UInt8] {
    var known: [[UInt8]: Entry] = [:]
    for entry in entries { known[entry.word] = entry }
    var text: [UInt8] = []
    for id in 0..<lexicon.wordCount {
      lexicon.withWord(id) { word in
        if let entry = known[Array(word)] {
          text += [UInt8(48 + entry.uk), UInt8(48 + entry.us)]
        } else {
          let estimate = UInt8(48 + min(SyllableCounter.estimate(word), 60))
          text += [estimate, estimate]
        }
      }
    }
    return text
  }
}

extension Lexicon {
  /// The number of words in the lexicon's word table (numbered from 0).
  public var wordCount: Int { tables.starts.count - 1 }

  /// Calls `body` with the bytes of word `id`.
  public func withWord<Result>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    let start = Int(tables.starts[id])
    let end = Int(tables.starts[id + 1])
    return body(UnsafeBufferPointer(rebasing: tables.storage[start..<end]))
  }
}
