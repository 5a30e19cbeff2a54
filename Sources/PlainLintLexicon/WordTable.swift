/// A set of words with a number each, looked up by the bytes of a word without making a string.
///
/// Words are stored end to end in one buffer; an open-addressing table of 32-bit slots holds 12 bits of each
/// word's hash and its number (up to about a million words). A look-up hashes the bytes once, probes a few
/// slots, and compares bytes only when the stored hash bits agree, so a miss costs one hash and usually one slot
/// read.
struct WordTable: Sendable {
  var storage: [UInt8] = []
  var starts: [UInt32] = [0]
  var slots: [UInt32]
  /// The slots, for freezing.
  var slotArray: [UInt32] { slots }
  /// The most words a table holds: numbers take 20 bits of a slot.
  static let maximumCount = (1 << 20) - 2
  var mask: Int
  /// The longest word stored, in bytes: longer text cannot match and is not hashed.
  var longest = 0

  init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    self.init(slotCount: size)
  }

  init(slotCount: Int) {
    slots = Array(repeating: 0, count: slotCount)
    mask = slotCount - 1
  }

  var count: Int { starts.count - 1 }

  /// The bytes of word `id`.
  func word(_ id: Int) -> ArraySlice<UInt8> { storage[Int(starts[id])..<Int(starts[id + 1])] }

  /// A 64-bit hash of a word, eight bytes at a time (words are short: most take one or two rounds). The last
  /// chunk is read as if followed by zero bytes.
  @inline(__always)
  static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = p.count
    var h = hashSeed(count)
    guard let base = p.baseAddress else { return hashFinish(h) }
    var i = 0
    while i &+ 8 <= count {
      h = hashAbsorb(h, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
      i &+= 8
    }
    if i < count {
      var chunk: UInt64 = 0
      var shift: UInt64 = 0
      while i < count {
        chunk |= UInt64(base[i]) << shift
        shift &+= 8
        i &+= 1
      }
      h = hashAbsorb(h, chunk)
    }
    return hashFinish(h)
  }

  /// The same hash as `hash`, for bytes followed by at least eight zero bytes (the matcher's scratch space):
  /// the last chunk is one load instead of a byte at a time.
  @inline(__always)
  static func hashPadded(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    var h = hashSeed(count)
    var i = 0
    while i < count {
      h = hashAbsorb(h, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
      i &+= 8
    }
    return hashFinish(h)
  }

  /// The same hash as `hash`, for a word of 1 to 16 bytes held in two little-endian chunks, the bytes after the
  /// word zero.
  @inline(__always)
  static func hashChunks(_ chunk0: UInt64, _ chunk1: UInt64, _ count: Int) -> UInt64 {
    var h = hashAbsorb(hashSeed(count), chunk0)
    if count > 8 { h = hashAbsorb(h, chunk1) }
    return hashFinish(h)
  }

  @inline(__always)
  private static func hashSeed(_ count: Int) -> UInt64 {
    0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: count &+ 1)
  }

  @inline(__always)
  private static func hashAbsorb(_ h: UInt64, _ chunk: UInt64) -> UInt64 {
    let mixed = (h ^ chunk) &* 0xBF58_476D_1CE4_E5B9
    return mixed ^ (mixed >> 31)
  }

  @inline(__always)
  private static func hashFinish(_ h: UInt64) -> UInt64 {
    let mixed = h &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 29)
  }

  /// The number of a word, if it is in the table.
  @inline(__always)
  func find(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
    guard p.count <= longest else { return nil }
    let h = WordTable.hash(p)
    let tag = UInt32(truncatingIfNeeded: h >> 52)
    var index = Int(truncatingIfNeeded: h) & mask
    return slots.withUnsafeBufferPointer { slots in
      while true {
        let slot = slots[index]
        if slot == 0 { return nil }
        if slot >> 20 == tag {
          let id = Int(slot & 0xF_FFFF) - 1
          let start = Int(starts[id])
          let end = Int(starts[id + 1])
          if end - start == p.count {
            let same = storage.withUnsafeBufferPointer { s in
              p.count == 0 || memcmpEqual(s.baseAddress! + start, p.baseAddress!, p.count)
            }
            if same { return id }
          }
        }
        index = (index + 1) & mask
      }
    }
  }

  func find(_ word: String) -> Int? {
    var word = word
    return word.withUTF8 { find($0) }
  }

  /// A slot: 12 bits of the hash above the word's number plus one (0 is an empty slot).
  @inline(__always)
  static func slot(hash h: UInt64, id: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: h >> 52) << 20 | UInt32(id + 1)
  }

  /// The number of a word, adding it if it is new.
  mutating func insert(_ word: [UInt8]) -> Int {
    if let id = word.withUnsafeBufferPointer({ find($0) }) { return id }
    precondition(count < WordTable.maximumCount, "a word table holds at most \(WordTable.maximumCount) words")
    if (count + 1) * 2 > slots.count { grow() }
    let id = count
    storage += word
    starts.append(UInt32(storage.count))
    longest = max(longest, word.count)
    place(id: id, hash: word.withUnsafeBufferPointer { WordTable.hash($0) })
    return id
  }

  mutating func place(id: Int, hash h: UInt64) {
    var index = Int(truncatingIfNeeded: h) & mask
    while slots[index] != 0 { index = (index + 1) & mask }
    slots[index] = WordTable.slot(hash: h, id: id)
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    mask = slots.count - 1
    for id in 0..<count {
      let h = storage.withUnsafeBufferPointer { s in
        WordTable.hash(UnsafeBufferPointer(rebasing: s[Int(starts[id])..<Int(starts[id + 1])]))
      }
      place(id: id, hash: h)
    }
  }
}

@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
  var i = 0
  while i < count {
    if a[i] != b[i] { return false }
    i += 1
  }
  return true
}

extension WordTable {
  /// The number of slots a table of `count` words read by `init(storage:lengths:)` has.
  static func slotCount(forLoading count: Int) -> Int {
    var size = 16
    while size * 7 < count * 10 { size <<= 1 }
    return size
  }

  /// The slot a word's hash sends it to first, in a table of `slotCount` slots.
  static func homeSlot(_ word: ArraySlice<UInt8>, slotCount: Int) -> Int {
    word.withUnsafeBufferPointer { Int(truncatingIfNeeded: hash($0)) & (slotCount - 1) }
  }

  /// A copy of a table: its words end to end, where each starts (and where the last ends), its slots and its
  /// longest word.
  init(storage: [UInt8], starts: [UInt32], slots: [UInt32], longest: Int) {
    self.init(slotCount: 0)
    self.slots = slots
    self.mask = slots.count - 1
    self.storage = storage
    self.starts = starts
    self.longest = longest
  }

  /// A table of words stored end to end, each `lengths[i]` bytes long, numbered in order.
  ///
  /// This is how the built-in lexicon starts, so it is written for speed: the compiler stores the words in the
  /// order of their home slots (everyday words first, then the rest), so hashing reads the storage from start
  /// to end and the slots are written nearly in order, not at random.
  init(storage: [UInt8], lengths: [UInt8]) {
    let count = lengths.count
    self.init(slotCount: WordTable.slotCount(forLoading: count))
    self.storage = storage
    var starts = [UInt32](repeating: 0, count: count + 1)
    var longest = 0
    let size = slots.count
    // Words come in order of home slot, so each goes in its home slot or just after the one before it: the
    // slots in between are full (linear probing would walk over them one by one).
    var cursor = -1
    var lastHome = 0
    storage.withUnsafeBufferPointer { s in
      var offset = 0
      for id in 0..<count {
        let length = Int(lengths[id])
        let h = WordTable.hash(UnsafeBufferPointer(rebasing: s[offset..<offset + length]))
        let home = Int(truncatingIfNeeded: h) & mask
        if home < lastHome { cursor = -1 }
        lastHome = home
        var position = max(home, cursor + 1)
        while position < size && slots[position] != 0 { position += 1 }
        if position < size {
          slots[position] = WordTable.slot(hash: h, id: id)
          cursor = position
        } else {
          place(id: id, hash: h)  // past the end: wrap round as a look-up would
          cursor = size
        }
        offset += length
        starts[id + 1] = UInt32(offset)
        longest = max(longest, length)
      }
    }
    self.starts = starts
    self.longest = longest
  }
}
