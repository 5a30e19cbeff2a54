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

  init(words: WordTable, commonCount: Int, firstNode: [Int32], terminal: [Int32], edgeKeys: [UInt64], edgeTargets: [Int32]) {
    func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
      let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
      _ = buffer.initialize(from: array)
      return buffer
    }
    slots = copy(words.slotArray)
    mask = words.slotArray.count - 1
    starts = copy(words.starts)
    storage = copy(words.storage)
    longest = words.longest
    self.commonCount = commonCount
    self.firstNode = copy(firstNode)
    self.terminal = copy(terminal)
    self.edgeKeys = copy(edgeKeys)
    self.edgeTargets = copy(edgeTargets)
    edgeCount = edgeKeys.count
  }

  let edgeCount: Int

  func deallocate() {
    slots.deallocate()
    starts.deallocate()
    storage.deallocate()
    firstNode.deallocate()
    terminal.deallocate()
    edgeKeys.deallocate()
    edgeTargets.deallocate()
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

  /// The node after `node` by `word`, or -1.
  @inline(__always)
  func next(_ node: Int32, _ word: Int32) -> Int32 {
    let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))
    let keys = edgeKeys.baseAddress!
    var low = 0
    var high = edgeCount
    while low < high {
      let middle = (low &+ high) >> 1
      if keys[middle] < key { low = middle &+ 1 } else { high = middle }
    }
    return low < edgeCount && keys[low] == key ? edgeTargets[low] : -1
  }
}
