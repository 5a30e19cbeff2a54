/// The lexicon's look-up tables in memory the lexicon owns, read through plain pointers.
///
/// Matching looks up every word of every file. Reading Swift arrays held by a shared object costs reference
/// counting and exclusivity checks on each access; these pointers cost neither. The memory is allocated once
/// when the lexicon is made, never changes, and is freed with the lexicon.
public struct FrozenTables: @unchecked Sendable {
  let slots: UnsafeMutableBufferPointer<UInt32>
  let mask: Int
  let starts: UnsafeMutableBufferPointer<UInt32>
  let storage: UnsafeMutableBufferPointer<UInt8>
  let longest: Int
  let commonCount: Int
  let firstNode: UnsafeMutableBufferPointer<Int32>
  let terminal: UnsafeMutableBufferPointer<Int32>
  let edgeKeys: UnsafeMutableBufferPointer<UInt64>
  let edgeTargets: UnsafeMutableBufferPointer<Int32>
  /// Per node: where its edges start in `edgeKeys` (they end where the next node's start).
  let edgeStarts: UnsafeMutableBufferPointer<Int32>
  /// A filter of the edges: for each edge, the bit `edgeBit(node, word)` is set. Most words after a node have no
  /// edge from it (nine in ten, in the benchmark's text): a bit that is not set says so with one read of memory
  /// small enough to stay in the cache, where the search of the node's edges would read two or three places of
  /// a large table.
  let edgeFilter: UnsafeMutableBufferPointer<UInt64>
  /// `edgeBit` keeps this many of its hash's top bits.
  let edgeFilterBits: Int
  /// The number of trie nodes and of edges (the buffers may be one longer when there are none).
  let nodeCount: Int
  let edgeCount: Int
  /// The compiled lexicon the slots, trie and edges are read from in place, when they are (see
  /// `init(compiled:)`): freed as one block.
  let compiled: UnsafeMutableRawPointer?
  /// Whether `storage` is memory of the tables' own (not a string literal of the program's).
  let ownsStorage: Bool
  /// The bytes after the stored words: zero, or for words read in place, any bytes of the same literal.
  static let storagePadding = 16

  init(
    words: WordTable, commonCount: Int, firstNode: [Int32], terminal: [Int32], edgeKeys: [UInt64],
    edgeTargets: [Int32]
  ) {
    func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
      let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
      _ = buffer.initialize(from: array)
      return buffer
    }
    slots = copy(words.slotArray)
    mask = words.slotArray.count - 1
    starts = copy(words.starts)
    // Zero bytes after the last word, so a word is compared eight bytes at a time without reading past the end.
    storage = .allocate(capacity: words.storage.count + FrozenTables.storagePadding)
    let end = storage.initialize(fromContentsOf: words.storage)
    storage[end...].initialize(repeating: 0)
    longest = words.longest
    self.commonCount = commonCount
    self.firstNode = copy(firstNode)
    self.terminal = copy(terminal)
    self.edgeKeys = copy(edgeKeys)
    self.edgeTargets = copy(edgeTargets)
    let nodes = terminal.count
    nodeCount = nodes
    edgeCount = edgeKeys.count
    (edgeStarts, edgeFilter, edgeFilterBits) = edgeKeys.withUnsafeBufferPointer {
      FrozenTables.index($0, nodeCount: nodes)
    }
    compiled = nil
    ownsStorage = true
  }

  /// Tables read in place: the slots, trie and edges are the bytes of `compiled.block` (which the tables now
  /// own), the words are `storage`; only the words' starts, their first nodes and the index of the edges are
  /// made here. `storage` holds the words end to end and then at least `storagePadding` more bytes.
  init(compiled: CompiledTables, storage: UnsafeBufferPointer<UInt8>, ownsStorage: Bool) {
    self.compiled = compiled.block
    self.ownsStorage = ownsStorage
    slots = compiled.slots
    mask = compiled.slots.count - 1
    self.storage = UnsafeMutableBufferPointer(mutating: storage)
    let wordCount = compiled.lengths.count
    starts = .allocate(capacity: wordCount + 1)
    var offset: UInt32 = 0
    var longest: UInt8 = 0
    starts[0] = 0
    for id in 0..<wordCount {
      let length = compiled.lengths[id]
      offset &+= UInt32(length)
      starts[id + 1] = offset
      longest = max(longest, length)
    }
    self.longest = Int(longest)
    commonCount = compiled.commonCount
    firstNode = .allocate(capacity: max(wordCount, 1))
    firstNode.initialize(repeating: -1)
    for pair in 0..<compiled.firstNodes.count / 2 {
      firstNode[Int(compiled.firstNodes[2 * pair])] = Int32(bitPattern: compiled.firstNodes[2 * pair + 1])
    }
    terminal = compiled.terminal
    edgeKeys = compiled.edgeKeys
    edgeTargets = compiled.edgeTargets
    nodeCount = compiled.terminal.count
    edgeCount = compiled.edgeKeys.count
    (edgeStarts, edgeFilter, edgeFilterBits) = FrozenTables.index(
      UnsafeBufferPointer(compiled.edgeKeys), nodeCount: nodeCount)
  }

  /// Where each node's edges start (the edges are sorted by node, then word: each node's are a run of them),
  /// and the filter of the edges (see `edgeFilter`), with the number of bits its positions have.
  private static func index(_ edgeKeys: UnsafeBufferPointer<UInt64>, nodeCount: Int)
    -> (UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<UInt64>, Int)
  {
    let edgeStarts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: nodeCount + 1)
    var edge = 0
    for node in 0...nodeCount {
      while edge < edgeKeys.count && Int(edgeKeys[edge] >> 32) < node { edge += 1 }
      edgeStarts[node] = Int32(edge)
    }
    // About 16 bits an edge (a bit set by chance for one word in twenty or so), from 4 Kbit to 1 Mbit.
    var bits = 12
    while bits < 20 && 1 << bits < 16 * edgeKeys.count { bits += 1 }
    let filter = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: (1 << bits) / 64)
    filter.initialize(repeating: 0)
    for key in edgeKeys {
      let bit = FrozenTables.edgeBit(key, bits: bits)
      filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    return (edgeStarts, filter, bits)
  }

  /// The filter position of the edge with key `key` (its node in the high 32 bits, its word in the low).
  @inline(__always)
  static func edgeBit(_ key: UInt64, bits: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 &- bits))
  }

  func deallocate() {
    if let compiled {
      compiled.deallocate()
    } else {
      slots.deallocate()
      terminal.deallocate()
      edgeKeys.deallocate()
      edgeTargets.deallocate()
    }
    if ownsStorage { storage.deallocate() }
    starts.deallocate()
    firstNode.deallocate()
    edgeStarts.deallocate()
    edgeFilter.deallocate()
  }

  /// The number of a word given as normalized bytes followed by eight zero bytes, or -1.
  @inline(__always)
  func wordID(padded p: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard count <= longest, count > 0 else { return -1 }
    let h = WordTable.hashPadded(p, count)
    let tag = UInt32(truncatingIfNeeded: h >> 52)
    var index = Int(truncatingIfNeeded: h) & mask
    let slots = self.slots.baseAddress!
    let starts = self.starts.baseAddress!
    let storage = self.storage.baseAddress!
    while true {
      let slot = slots[index]
      if slot == 0 { return -1 }
      if slot >> 20 == tag {
        let id = Int(slot & 0xF_FFFF) - 1
        let start = Int(starts[id])
        if Int(starts[id + 1]) - start == count && memcmpEqual(storage + start, p, count) { return Int32(id) }
      }
      index = (index &+ 1) & mask
    }
  }

  /// The number of a word of 1 to 16 bytes given as two little-endian chunks, bytes past the word zero, with
  /// the masks of the word's bytes in each chunk; or -1. The same look-up as `wordID(padded:_:)`, with the bytes
  /// already in registers.
  func wordID(_ chunk0: UInt64, _ chunk1: UInt64, count: Int, masks mask0: UInt64, _ mask1: UInt64) -> Int32 {
    guard count <= longest else { return -1 }
    let h = WordTable.hashChunks(chunk0, chunk1, count)
    let tag = UInt32(truncatingIfNeeded: h >> 52)
    var index = Int(truncatingIfNeeded: h) & mask
    let slots = self.slots.baseAddress!
    let starts = self.starts.baseAddress!
    let storage = UnsafeRawPointer(self.storage.baseAddress!)
    while true {
      let slot = slots[index]
      if slot == 0 { return -1 }
      if slot >> 20 == tag {
        let id = Int(slot & 0xF_FFFF) &- 1
        let start = Int(starts[id])
        if Int(starts[id &+ 1]) &- start == count
          && storage.loadUnaligned(fromByteOffset: start, as: UInt64.self) & mask0 == chunk0
          && storage.loadUnaligned(fromByteOffset: start &+ 8, as: UInt64.self) & mask1 == chunk1
        {
          return Int32(truncatingIfNeeded: id)
        }
      }
      index = (index &+ 1) & mask
    }
  }

  /// The trie node of the terms that start with `word` (a number or -1), or -1.
  @inline(__always)
  func firstNode(of word: Int32) -> Int32 {
    word >= 0 ? firstNode[Int(word)] : -1
  }

  /// The node after `node` by `word`, or -1.
  @inline(__always)
  func next(_ node: Int32, _ word: Int32) -> Int32 {
    let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))
    // Most words lead on from no node: one read of the filter nearly always says so.
    let bit = FrozenTables.edgeBit(key, bits: edgeFilterBits)
    guard edgeFilter[bit &>> 6] & (1 &<< UInt64(bit & 63)) != 0 else { return -1 }
    let keys = edgeKeys.baseAddress!
    var low = Int(edgeStarts[Int(node)])
    let end = Int(edgeStarts[Int(node) &+ 1])
    var high = end
    while low < high {
      let middle = (low &+ high) >> 1
      if keys[middle] < key { low = middle &+ 1 } else { high = middle }
    }
    return low < end && keys[low] == key ? edgeTargets[low] : -1
  }
}
