import PlainLintCore

/// A word of a sentence as the matcher sees it: a word token, or one part of a hyphenated one.
public struct WordUnit: Sendable {
  @usableFromInline var storedStart: UInt32
  @usableFromInline var storedEnd: UInt32
  /// The unit's bytes in the prose.
  @inlinable public var start: Int { Int(storedStart) }
  @inlinable public var end: Int { Int(storedEnd) }
  /// Its number in the lexicon, or -1 if the lexicon does not have it.
  public var word: Int32
  /// The index of its token.
  public var token: Int32
  /// The trie node of the terms its word starts, or -1: kept here so matching reads only the units.
  var node: Int32
  /// Whether it follows the previous unit with nothing but space between (a phrase may go on).
  public var joinsPrevious: Bool
  /// Whether it is its whole token and every byte is an ASCII letter (it was read in place), so its letters
  /// are its length; false does not say it is not.
  public var isLetters: Bool
  /// The word's syllables when the matcher has them to hand (see `WordMatcher.init(lexicon:syllables:)`): the
  /// British count in the low four bits and the American in the high four, or 0 when not known. Carried here so
  /// that counting syllables reads the unit, not a table too large for the nearest cache.
  @usableFromInline var packedSyllables: UInt8
  /// Whether it was read in place (`isLetters`) from a word token (not an acronym), and its word is an everyday
  /// word: the commonest unit, which the readability pass counts in a few steps. False does not say it is not.
  public var isEveryday: Bool

  init(
    start: Int, end: Int, word: Int32, node: Int32, token: Int, joinsPrevious: Bool, isLetters: Bool = false,
    packedSyllables: UInt8 = 0, isEveryday: Bool = false
  ) {
    storedStart = UInt32(truncatingIfNeeded: start)
    storedEnd = UInt32(truncatingIfNeeded: end)
    self.word = word
    self.node = node
    self.token = Int32(truncatingIfNeeded: token)
    self.joinsPrevious = joinsPrevious
    self.isLetters = isLetters
    self.packedSyllables = packedSyllables
    self.isEveryday = isEveryday
  }

  /// The word's syllables in British (`shift` 0) or American (`shift` 4) English, or 0 when the unit does not
  /// carry them (then `SyllableTable.count(wordID:dialect:)` has them, for a word the lexicon has).
  @inlinable @inline(__always)
  public func syllables(shift: UInt8) -> Int { Int((packedSyllables &>> shift) & 15) }
}

/// Values of a plain type (no references) kept in one piece of memory that grows and is reused, so that adding
/// one is a store and a count, with none of an array's checks, and reading them through `buffer` counts no
/// references. A `WordSession` keeps its units, matches and sentences' units this way for the whole document.
public final class ReusableBuffer<Element> {
  // The fields are read and written where it is plain that nothing else is using them: the run-time exclusivity
  // checks are left out (they cost more than the rest of adding a value).
  /// Where the values are; valid until the storage grows.
  @usableFromInline @exclusivity(unchecked) var storage: UnsafeMutablePointer<Element>
  /// How many values fit before the storage must grow.
  @usableFromInline @exclusivity(unchecked) var room: Int
  /// How many values there are.
  @usableFromInline @exclusivity(unchecked) var used = 0

  public init(capacity: Int = 1024) {
    // Values are dropped by forgetting them and moved as bytes: only a type with no references may be kept.
    precondition(_isPOD(Element.self), "a reusable buffer holds only values with no references")
    room = max(capacity, 16)
    storage = UnsafeMutablePointer<Element>.allocate(capacity: room)
  }

  deinit { storage.deallocate() }

  /// Where the values are; valid until the storage grows.
  @inlinable public var base: UnsafeMutablePointer<Element> { storage }
  /// How many values fit before the storage must grow.
  @inlinable public var capacity: Int { room }
  /// How many values there are.
  @inlinable public var count: Int { used }

  /// The values, until the next change.
  @inlinable public var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: storage, count: used) }

  /// Adds a value at the end.
  @inlinable public func append(_ value: Element) {
    if used == room { grow(keeping: used) }
    (storage + used).initialize(to: value)
    used &+= 1
  }

  /// Forgets the values, keeping the memory.
  @inlinable public func removeAll() { used = 0 }

  /// Doubles the storage, keeping the first `count` values (they hold no references, so they are moved as bytes).
  @usableFromInline func grow(keeping count: Int) {
    let bigger = UnsafeMutablePointer<Element>.allocate(capacity: room * 2)
    bigger.moveInitialize(from: storage, count: count)
    storage.deallocate()
    storage = bigger
    room *= 2
  }
}

/// The units of a block (see `WordMatcher.units(_:tokens:range:into:)`).
public typealias WordUnits = ReusableBuffer<WordUnit>

/// Writes a word's normalized bytes to `s` (small ASCII letters, curly apostrophes straight, full stops
/// dropped, a possessive `'s` or closing apostrophe dropped), as the lexicon stores words, and returns how many
/// there are: `limit + 1` when there are more than `limit` (too long to be in the lexicon).
public func normalizeWord(
  _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into s: UnsafeMutablePointer<UInt8>, limit: Int
) -> Int {
  var n = 0
  var i = range.lowerBound
  let end = range.upperBound
  while i < end {
    guard n < limit else { return limit + 1 }
    let byte = p[i]
    if byte &- UInt8(ascii: "A") < 26 {
      s[n] = byte | 0x20
      n &+= 1
    } else if byte == 0xE2, i &+ 2 < end, p[i &+ 1] == 0x80, p[i &+ 2] == 0x99 || p[i &+ 2] == 0x98 {
      s[n] = UInt8(ascii: "'")
      n &+= 1
      i &+= 2
    } else if byte != UInt8(ascii: ".") {
      s[n] = byte
      n &+= 1
    }
    i &+= 1
  }
  if n >= 2, s[n - 1] == UInt8(ascii: "s"), s[n - 2] == UInt8(ascii: "'") {
    n -= 2
  } else if n >= 1, s[n - 1] == UInt8(ascii: "'") {
    n -= 1
  }
  return n
}

/// A term found in the text.
public struct WordMatch: Sendable {
  /// The prose bytes matched, from the first word's start to the last word's end.
  public var range: Range<Int>
  /// The units matched.
  public var units: Range<Int>
  /// The entry in `Lexicon.entries`, or nil when the words are an exception (a phrase that is fine).
  public var entry: Int?
}

/// Finds the terms of a lexicon in sentences, leftmost and longest first, allocating nothing per word.
public final class WordMatcher {
  public let lexicon: Lexicon
  let tables: FrozenTables
  /// Words numbered below this are everyday words.
  @usableFromInline let commonCount: Int
  /// Words numbered below this are everyday words (`isCommon(_:everydayCount:)` for a loop that keeps the number
  /// to hand).
  @inlinable public var everydayCount: Int { commonCount }
  /// Scratch space for a word's normalized bytes.
  private let scratch: UnsafeMutablePointer<UInt8>
  private static let scratchSize = 256
  /// The numbers of words read in place lately, by a quick hash of their bytes (see `RecentWord`).
  private let recent: UnsafeMutablePointer<RecentWord>
  private static let recentCount = 2048

  /// A word of ASCII letters and its number. A text uses a few thousand words most of the time, and the word
  /// table's slots, starts and bytes are three reads from memory too large for the nearest cache; this one is
  /// small enough to stay there. Its chunks alone tell the word: letters are never zero bytes. An unused entry
  /// has chunks of zero, which no word has (`caseBits` makes every byte of a word at least 0x20).
  ///
  /// The word's syllables are kept with its number, in the number's top byte (numbers take 20 bits at most,
  /// `WordTable.maximumCount`), so that the entry stays 24 bytes: the table is read for every word, and a larger
  /// one leaves the cache.
  private struct RecentWord {
    var chunk0: UInt64 = 0
    var chunk1: UInt64 = 0
    /// The word's number in the low 24 bits (-1 is all ones), its packed syllables (`WordUnit.packedSyllables`)
    /// in the top 8.
    var wordAndSyllables: UInt32 = 0x00FF_FFFF
    /// The trie node the word starts, or -1.
    var node: Int32 = -1

    init() {}

    init(chunk0: UInt64, chunk1: UInt64, word: Int32, syllables: UInt8, node: Int32) {
      self.chunk0 = chunk0
      self.chunk1 = chunk1
      wordAndSyllables = UInt32(bitPattern: word) & 0x00FF_FFFF | UInt32(syllables) << 24
      self.node = node
    }

    /// The word's number (the 24 bits made signed again).
    var word: Int32 { Int32(bitPattern: wordAndSyllables << 8) >> 8 }
    var syllables: UInt8 { UInt8(truncatingIfNeeded: wordAndSyllables >> 24) }
  }
  /// The syllables of the lexicon's words by number, when the matcher was given them.
  private let syllableTable: SyllableTable?

  /// A matcher of `lexicon`'s terms. With `syllables` (the counts of the same lexicon's words), the units of
  /// words read in place carry their syllables (`WordUnit.syllables(shift:)`).
  public init(lexicon: Lexicon, syllables: SyllableTable? = nil) {
    self.lexicon = lexicon
    tables = lexicon.tables
    commonCount = tables.commonCount
    syllableTable = syllables
    scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: WordMatcher.scratchSize)
    recent = UnsafeMutablePointer<RecentWord>.allocate(capacity: WordMatcher.recentCount)
    recent.initialize(repeating: RecentWord(), count: WordMatcher.recentCount)
  }

  deinit {
    scratch.deallocate()
    recent.deallocate()
  }

  /// Appends the units of `tokens[range]` to `units`: each word token, split at hyphens, with the lexicon
  /// number of its normalized bytes (small letters, curly apostrophes straight, full stops dropped, a
  /// possessive `'s` dropped).
  public func units(
    _ p: UnsafeBufferPointer<UInt8>, tokens t: UnsafeBufferPointer<Token>, range: Range<Int>,
    into units: inout [WordUnit]
  ) {
    let store = WordUnits(capacity: range.count)
    self.units(p, tokens: t, range: range, into: store)
    units.append(contentsOf: store.buffer)
  }

  /// Appends the units of `tokens[range]` to `store`, as the function above does.
  public func units(
    _ p: UnsafeBufferPointer<UInt8>, tokens t: UnsafeBufferPointer<Token>, range: Range<Int>,
    into store: WordUnits
  ) {
    let s = scratch
    let limit = WordMatcher.scratchSize - 8
    // The store's fields are read once and written back at the end, so the loop keeps them in registers.
    var base = store.base
    var capacity = store.capacity
    var count = store.count
    @inline(__always) func add(_ unit: WordUnit) {
      if count == capacity {
        store.grow(keeping: count)
        base = store.base
        capacity = store.capacity
      }
      (base + count).initialize(to: unit)
      count &+= 1
    }
    var previousToken = Int.min
    // Words of ASCII letters, up to 16 bytes, are read in place as two chunks (most words are): the fast path.
    let inPlaceEnd = p.count &- 16
    for k in range {
      let token = t[k]
      guard token.kind == .word || token.kind == .acronym else { continue }
      let length = token.end &- token.start
      if length <= 16 && token.start <= inPlaceEnd {
        let word = UnsafeRawPointer(p.baseAddress! + token.start)
        var mask0 = UInt64.max
        var mask1: UInt64 = 0
        var chunk1: UInt64 = 0
        if length > 8 {
          mask1 = UInt64.max &>> ((16 &- length) &* 8)
          chunk1 = (word.loadUnaligned(fromByteOffset: 8, as: UInt64.self) | WordMatcher.caseBits) & mask1
        } else {
          mask0 = UInt64.max &>> ((8 &- length) &* 8)
        }
        let chunk0 = (word.loadUnaligned(as: UInt64.self) | WordMatcher.caseBits) & mask0
        // A quick hash picks the recent word to compare. Only words of letters are kept there, and `caseBits`
        // makes no other byte a small letter, so a word the same as a recent one is letters too: the letters are
        // looked at, and the table's hash worked out, only when it differs.
        let entry = recent + Int(truncatingIfNeeded: ((chunk0 &+ chunk1) &* 0x9E37_79B9_7F4A_7C15) >> 53)
        var same = entry.pointee.chunk0 == chunk0 && entry.pointee.chunk1 == chunk1
        if !same && WordMatcher.areSmallLetters(chunk0, mask0) && WordMatcher.areSmallLetters(chunk1, mask1) {
          let number = tables.wordID(chunk0, chunk1, count: length, masks: mask0, mask1)
          entry.pointee = RecentWord(
            chunk0: chunk0, chunk1: chunk1, word: number, syllables: packedSyllables(of: number),
            node: tables.firstNode(of: number))
          same = true
        }
        if same {
          let word = entry.pointee.word
          add(
            WordUnit(
              start: token.start, end: token.end, word: word, node: entry.pointee.node, token: k,
              joinsPrevious: previousToken == k &- 1, isLetters: true, packedSyllables: entry.pointee.syllables,
              isEveryday: token.kind == .word && WordMatcher.isCommon(word, everydayCount: commonCount)))
          previousToken = k
          continue
        }
      }
      // Other words: each part between hyphens normalized into the scratch space.
      var partStart = token.start
      var first = true
      var i = token.start
      let end = token.end
      while true {
        let atEnd = i == end
        if atEnd || p[i] == UInt8(ascii: "-") {
          if i > partStart {
            let n = normalizeWord(p, partStart..<i, into: s, limit: limit)
            var word: Int32 = -1
            if n > 0 && n <= limit {
              (s + n).initialize(repeating: 0, count: 8)
              word = tables.wordID(padded: s, n)
            }
            add(
              WordUnit(
                start: partStart, end: i, word: word, node: tables.firstNode(of: word), token: k,
                joinsPrevious: first ? previousToken == k - 1 : true))
            first = false
          }
          if atEnd { break }
          partStart = i + 1
        }
        i += 1
      }
      previousToken = k
    }
    store.used = count
  }

  /// A word's syllables packed as `WordUnit` carries them, or 0 when there is no table, no word, or a count that
  /// does not fit four bits (or is 0).
  private func packedSyllables(of word: Int32) -> UInt8 {
    guard let table = syllableTable, word >= 0, Int(word) < table.wordCount else { return 0 }
    let uk = table.count(wordID: word, dialect: .uk)
    let us = table.count(wordID: word, dialect: .us)
    guard (1...15).contains(uk), (1...15).contains(us) else { return 0 }
    return UInt8(uk | us << 4)
  }

  /// The bit that makes an ASCII capital a small letter, in each byte of a chunk.
  private static let caseBits: UInt64 = 0x2020_2020_2020_2020

  /// Whether the bytes of `chunk` under `mask` are all small ASCII letters (after `caseBits`, capitals too).
  @inline(__always)
  private static func areSmallLetters(_ chunk: UInt64, _ mask: UInt64) -> Bool {
    let high: UInt64 = 0x8080_8080_8080_8080
    let low = chunk & ~high
    // The high bit of each byte: from `a` up (below 0x80), and below `{`; no carry crosses a byte.
    let letters = (low &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(low &+ 0x0505_0505_0505_0505) & ~chunk & high
    return letters & mask == high & mask
  }

  /// Appends the matches among `units[range]` (one sentence's units) to `matches`.
  public func match(_ units: [WordUnit], range: Range<Int>, into matches: inout [WordMatch]) {
    units.withUnsafeBufferPointer { match($0, range: range, into: &matches) }
  }

  /// Appends the matches among `units[range]` (one sentence's units) to `matches`.
  public func match(_ units: UnsafeBufferPointer<WordUnit>, range: Range<Int>, into matches: inout [WordMatch]) {
    let store = ReusableBuffer<WordMatch>(capacity: 16)
    match(units, range: range, into: store)
    matches.append(contentsOf: store.buffer)
  }

  /// Appends the matches among `units[range]` (one sentence's units) to `store`.
  public func match(
    _ units: UnsafeBufferPointer<WordUnit>, range: Range<Int>, into matches: ReusableBuffer<WordMatch>
  ) {
    let tables = self.tables
    let terminal = tables.terminal
    var i = range.lowerBound
    while i < range.upperBound {
      var node = units[i].node
      guard node >= 0 else {
        i &+= 1
        continue
      }
      var best = -1
      var bestTerminal: Int32 = -1
      if terminal[Int(node)] != -1 {
        best = i + 1
        bestTerminal = terminal[Int(node)]
      }
      var j = i + 1
      while j < range.upperBound, units[j].joinsPrevious, units[j].word >= 0 {
        let next = tables.next(node, units[j].word)
        guard next >= 0 else { break }
        node = next
        j += 1
        if terminal[Int(node)] != -1 {
          best = j
          bestTerminal = terminal[Int(node)]
        }
      }
      guard best > 0 else {
        i &+= 1
        continue
      }
      matches.append(
        WordMatch(
          range: units[i].start..<units[best - 1].end, units: i..<best,
          entry: bestTerminal >= 0 ? Int(bestTerminal) : nil))
      i = best
    }
  }

  /// Whether the bytes of `range`, in small letters and without hyphens, are an everyday word: for the parts
  /// of a hyphenated word (co-ordinator is coordinator).
  public func isCommonJoined(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let s = scratch
    var n = 0
    for i in range where p[i] != UInt8(ascii: "-") {
      guard n < WordMatcher.scratchSize - 8 else { return false }
      s[n] = p[i] &- UInt8(ascii: "A") < 26 ? p[i] | 0x20 : p[i]
      n += 1
    }
    (s + n).initialize(repeating: 0, count: 8)
    let word = tables.wordID(padded: s, n)
    return WordMatcher.isCommon(word, everydayCount: commonCount)
  }

  /// Whether unit's word is an everyday word.
  @inlinable
  public func isCommon(_ unit: WordUnit) -> Bool {
    WordMatcher.isCommon(unit.word, everydayCount: commonCount)
  }

  /// Whether the word numbered `word` (-1 for none) is an everyday word, given the matcher's `everydayCount`:
  /// for loops that keep the number, not the matcher (a reference kept in a local is retained and released).
  @inlinable
  public static func isCommon(_ word: Int32, everydayCount: Int) -> Bool {
    // -1 becomes the largest unsigned number; counts fit in 32 bits.
    UInt32(bitPattern: word) < UInt32(truncatingIfNeeded: everydayCount)
  }
}
