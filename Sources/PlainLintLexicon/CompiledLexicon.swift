/// A CSV dictionary compiled into the program: its name and bytes.
public struct EmbeddedCSV: Sendable {
  public let name: String
  public let bytes: [UInt8]

  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }

  /// Reads the row at `location`; the row was checked when plainlint was built.
  func row(at location: RowLocation) -> DictionaryFile.Row? {
    var reader = CSVReader(bytes: bytes[...])
    guard let headerRecord = try? reader.next(),
      case .success(let header) = DictionaryFile.readHeader(headerRecord.fields, line: 1)
    else { return nil }
    var rowReader = CSVReader(bytes: bytes[...], offset: Int(location.offset), line: Int(location.line))
    guard let record = try? rowReader.next(), record.fields.count == headerRecord.fields.count else { return nil }
    return DictionaryFile.Row(record: record, position: header.position)
  }

  func wordEntry(at location: RowLocation) -> WordEntry {
    if var row = row(at: location), let entry = DictionaryFile.readWordEntry(&row, file: name) { return entry }
    preconditionFailure("\(name):\(location.line): the built-in entry could not be read again")
  }

  func acronymEntry(at location: RowLocation) -> AcronymEntry {
    if var row = row(at: location), let entry = DictionaryFile.readAcronymEntry(&row, file: name) { return entry }
    preconditionFailure("\(name):\(location.line): the built-in acronym could not be read again")
  }
}

extension Lexicon {
  /// Compiles dictionary files and an everyday-word list into the tables and the words (end to end, as text)
  /// `init(compiled:words:files:)` reads. The files must be given again, in the same order, to that
  /// initializer.
  ///
  /// The tables are laid out to be read where they lie once loaded (see `CompiledTables`): after a header of
  /// eight 32-bit numbers come the trie's edges (64-bit keys), the word table's slots, the trie's terminal
  /// entries, the edges' targets, each word's first trie node (as pairs), the words' lengths, and then the
  /// entries and acronyms, read one by one. Numbers are little-endian.
  public static func compile(files: [DictionaryFile], commonWords: [UInt8]) -> (tables: [UInt8], words: [UInt8]) {
    let builder = Builder(files: files, commonWords: commonWords)
    // Number the words in the order of their home slots in the table (everyday words first, as numbers below
    // commonCount mean everyday), so the table below is written nearly in order.
    let words = builder.words
    let slots = WordTable.slotCount(forLoading: words.count)
    let home = (0..<words.count).map { WordTable.homeSlot(words.word($0), slotCount: slots) }
    let order =
      (0..<builder.commonCount).sorted { (home[$0], $0) < (home[$1], $1) }
      + (builder.commonCount..<words.count).sorted { (home[$0], $0) < (home[$1], $1) }
    var number = [Int](repeating: 0, count: words.count)
    for (position, id) in order.enumerated() { number[id] = position }
    let lengths = order.map { UInt8(words.word($0).count) }
    var text: [UInt8] = []
    for id in order { text += words.word(id) }
    // The table's slots too, so starting up need not hash every word again.
    let loaded = WordTable(storage: text, lengths: lengths)
    let firsts = builder.firstNode.enumerated().filter { $0.element >= 0 }
    let edges = builder.edges.map { edge in
      (key: (edge.key >> 32) << 32 | UInt64(number[Int(edge.key & 0xFFFF_FFFF)]), value: edge.value)
    }.sorted { $0.key < $1.key }
    var out = BinaryWriter()
    out.bytes += Array(CompiledTables.magic.utf8)
    let counts = [
      words.count, builder.commonCount, loaded.slotArray.count, builder.terminal.count, edges.count, firsts.count, 0,
    ]
    for count in counts { out.u32(count) }
    for edge in edges { out.u64(edge.key) }
    for slot in loaded.slotArray { out.u32(Int(slot)) }
    for value in builder.terminal { out.u32(Int(UInt32(bitPattern: value))) }
    for edge in edges { out.u32(Int(UInt32(bitPattern: edge.value))) }
    for (word, node) in firsts {
      out.u32(number[word])
      out.u32(Int(node))
    }
    out.bytes += lengths
    let entries = files.enumerated().flatMap { index, file in file.words.map { (index, $0) } }
    out.u32(entries.count)
    for (file, entry) in entries {
      out.bytes.append(UInt8(WordCategory.allCases.firstIndex(of: entry.category)!))
      out.bytes.append(UInt8(Region.allCases.firstIndex(of: entry.region)!))
      out.u32(file)
      out.u32(entry.offset)
      out.u32(entry.line)
    }
    let acronyms = files.enumerated().flatMap { index, file in file.acronyms.map { (index, $0) } }
    out.u32(acronyms.count)
    for (file, entry) in acronyms {
      let key = Array(acronymKey(entry.acronym).utf8)
      out.bytes.append(UInt8(key.count))
      out.bytes += key
      out.bytes.append(UInt8(AcronymPolicy.allCases.firstIndex(of: entry.policy)!))
      out.u32(file)
      out.u32(entry.offset)
      out.u32(entry.line)
    }
    return (out.bytes, text)
  }

  /// Reads a lexicon compiled by `compile(files:commonWords:)` from copies of its tables and words, with the CSV
  /// files it was compiled from (asked for the first time an entry's text is needed). Nil when the tables are
  /// not a whole compiled lexicon.
  public convenience init?(
    compiled data: [UInt8], words storage: [UInt8], files: @escaping @Sendable () -> [EmbeddedCSV]
  ) {
    let block = UnsafeMutableRawPointer.allocate(byteCount: max(data.count, 1), alignment: 16)
    data.withUnsafeBytes { if let bytes = $0.baseAddress { block.copyMemory(from: bytes, byteCount: $0.count) } }
    let words = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: storage.count + FrozenTables.storagePadding)
    let end = words.initialize(fromContentsOf: storage)
    words[end...].initialize(repeating: 0)
    self.init(block: block, count: data.count, words: UnsafeBufferPointer(words), ownsWords: true, files: files)
  }

  /// Reads a lexicon compiled by `compile(files:commonWords:)` whose tables are base64 text, decoded into memory
  /// of the lexicon's own, and whose words are read where they lie: `words` must live as long as the program
  /// (a string literal) and hold at least `FrozenTables.storagePadding` bytes after the words. This is how the
  /// built-in lexicon starts: one block of memory is written, and the tables are read in it.
  public convenience init?(
    compiledBase64 text: UnsafeBufferPointer<UInt8>, wordsInPlace words: UnsafeBufferPointer<UInt8>,
    files: @escaping @Sendable () -> [EmbeddedCSV]
  ) {
    let block = UnsafeMutableRawPointer.allocate(byteCount: base64DecodedCapacity(text.count), alignment: 16)
    let count = decodeBase64(text, into: block.assumingMemoryBound(to: UInt8.self))
    self.init(block: block, count: count, words: words, ownsWords: false, files: files)
  }

  /// Reads the compiled tables in `block` (`count` bytes, 16-byte aligned). The lexicon takes `block` over, and
  /// `words` too when `ownsWords`; both are freed here if the tables cannot be read.
  private convenience init?(
    block: UnsafeMutableRawPointer, count: Int, words: UnsafeBufferPointer<UInt8>, ownsWords: Bool,
    files: @escaping @Sendable () -> [EmbeddedCSV]
  ) {
    func fail() {
      block.deallocate()
      if ownsWords { words.deallocate() }
    }
    guard let tables = CompiledTables(block: block, count: count),
      tables.lengths.reduce(0, { $0 + Int($1) }) + FrozenTables.storagePadding <= words.count
    else {
      fail()
      return nil
    }
    var input = BinaryReader(bytes: UnsafeRawBufferPointer(start: block, count: count), index: tables.rest)
    var facts: [EntryFacts] = []
    var locations: [RowLocation] = []
    let categories = WordCategory.allCases
    let regions = Region.allCases
    for _ in 0..<input.u32() {
      let category = categories[min(Int(input.byte()), categories.count - 1)]
      let region = regions[min(Int(input.byte()), regions.count - 1)]
      facts.append(EntryFacts(category: category, region: region))
      locations.append(RowLocation(file: UInt32(input.u32()), offset: UInt32(input.u32()), line: UInt32(input.u32())))
    }
    var keys: [(key: String, policy: AcronymPolicy)] = []
    var acronymLocations: [RowLocation] = []
    let policies = AcronymPolicy.allCases
    for _ in 0..<input.u32() {
      let length = Int(input.byte())
      let key = String(decoding: input.take(length), as: UTF8.self)
      keys.append((key, policies[min(Int(input.byte()), policies.count - 1)]))
      acronymLocations.append(
        RowLocation(file: UInt32(input.u32()), offset: UInt32(input.u32()), line: UInt32(input.u32())))
    }
    // A terminal entry is an entry's number, or negative for an exception.
    guard !input.failed, tables.terminal.allSatisfy({ $0 < facts.count }) else {
      fail()
      return nil
    }
    self.init(
      tables: FrozenTables(compiled: tables, storage: words, ownsStorage: ownsWords), facts: facts,
      details: EntryDetails(source: .rows(files: files, words: locations, acronyms: acronymLocations)),
      acronyms: Lexicon.numbered(keys))
  }
}

/// The tables of a compiled lexicon where they lie in its block of memory (see `Lexicon.compile`), checked so
/// that every number a look-up follows stays inside the tables.
struct CompiledTables {
  static let magic = "PLX4"
  /// The block, which the lexicon's tables take over.
  let block: UnsafeMutableRawPointer
  let commonCount: Int
  let slots: UnsafeMutableBufferPointer<UInt32>
  let terminal: UnsafeMutableBufferPointer<Int32>
  let edgeKeys: UnsafeMutableBufferPointer<UInt64>
  let edgeTargets: UnsafeMutableBufferPointer<Int32>
  /// A word and the trie node its terms start at, for each word that starts one.
  let firstNodes: UnsafeBufferPointer<UInt32>
  /// Each word's length in bytes: the words are end to end in this order.
  let lengths: UnsafeBufferPointer<UInt8>
  /// Where the entries and acronyms start in the block.
  let rest: Int

  /// The tables of `count` bytes at `block` (16-byte aligned), or nil when they are cut short, were compiled
  /// for another layout, or point outside themselves.
  init?(block: UnsafeMutableRawPointer, count: Int) {
    let header = 32
    // The tables are read as the machine's numbers, and are written little-endian.
    guard 1.littleEndian == 1, count >= header,
      UnsafeRawBufferPointer(start: block, count: 4).elementsEqual(CompiledTables.magic.utf8)
    else { return nil }
    func number(_ index: Int) -> Int { Int(block.load(fromByteOffset: 4 * index, as: UInt32.self)) }
    let wordCount = number(1)
    let slotCount = number(3)
    let nodeCount = number(4)
    let edgeCount = number(5)
    let firstCount = number(6)
    guard wordCount <= WordTable.maximumCount, slotCount == WordTable.slotCount(forLoading: wordCount),
      nodeCount < Int(Int32.max), edgeCount < count, firstCount < count
    else { return nil }
    let edgesAt = header
    let slotsAt = edgesAt + 8 * edgeCount
    let terminalAt = slotsAt + 4 * slotCount
    let targetsAt = terminalAt + 4 * nodeCount
    let firstsAt = targetsAt + 4 * edgeCount
    let lengthsAt = firstsAt + 8 * firstCount
    rest = lengthsAt + wordCount
    guard rest <= count else { return nil }
    self.block = block
    commonCount = min(number(2), wordCount)
    slots = UnsafeMutableBufferPointer(start: (block + slotsAt).assumingMemoryBound(to: UInt32.self), count: slotCount)
    terminal = UnsafeMutableBufferPointer(
      start: (block + terminalAt).assumingMemoryBound(to: Int32.self), count: nodeCount)
    edgeKeys = UnsafeMutableBufferPointer(
      start: (block + edgesAt).assumingMemoryBound(to: UInt64.self), count: edgeCount)
    edgeTargets = UnsafeMutableBufferPointer(
      start: (block + targetsAt).assumingMemoryBound(to: Int32.self), count: edgeCount)
    firstNodes = UnsafeBufferPointer(
      start: (block + firstsAt).assumingMemoryBound(to: UInt32.self), count: 2 * firstCount)
    lengths = UnsafeBufferPointer(start: (block + lengthsAt).assumingMemoryBound(to: UInt8.self), count: wordCount)
    // Every slot names a word; every first node and edge a word and a node; the edges are in order.
    let words = UInt32(wordCount)
    let nodes = UInt32(nodeCount)
    let slotsFit = slots.allSatisfy { $0 & 0xF_FFFF <= words }
    let firstsFit = (0..<firstCount).allSatisfy { firstNodes[2 * $0] < words && firstNodes[2 * $0 + 1] < nodes }
    let edgesFit = edgeKeys.indices.allSatisfy { k in
      edgeKeys[k] >> 32 < UInt64(nodes) && edgeKeys[k] & 0xFFFF_FFFF < UInt64(words)
        && (k == 0 || edgeKeys[k - 1] < edgeKeys[k]) && UInt32(bitPattern: edgeTargets[k]) < nodes
    }
    guard slotsFit && firstsFit && edgesFit else { return nil }
  }
}

struct BinaryWriter {
  var bytes: [UInt8] = []

  mutating func u32(_ value: Int) {
    let v = UInt32(truncatingIfNeeded: value)
    bytes += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
  }

  mutating func u64(_ value: UInt64) {
    u32(Int(truncatingIfNeeded: value & 0xFFFF_FFFF))
    u32(Int(truncatingIfNeeded: value >> 32))
  }
}

/// Reads numbers and bytes one after another; reading past the end gives zeros and sets `failed`.
struct BinaryReader {
  let bytes: UnsafeRawBufferPointer
  var index: Int
  var failed = false

  mutating func byte() -> UInt8 {
    guard index < bytes.count else {
      failed = true
      return 0
    }
    index += 1
    return bytes[index - 1]
  }

  mutating func u32() -> Int {
    guard index + 4 <= bytes.count else {
      failed = true
      return 0
    }
    let v = UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
      | UInt32(bytes[index + 3]) << 24
    index += 4
    return Int(v)
  }

  /// The next `count` bytes, where they lie (no copy).
  mutating func take(_ count: Int) -> UnsafeRawBufferPointer {
    guard count >= 0, index + count <= bytes.count else {
      failed = true
      return UnsafeRawBufferPointer(start: nil, count: 0)
    }
    index += count
    return UnsafeRawBufferPointer(rebasing: bytes[index - count..<index])
  }
}

/// The bytes `decodeBase64(_:into:)` may write for `count` characters of base64 (a little more than it
/// decodes).
public func base64DecodedCapacity(_ count: Int) -> Int { count / 4 * 3 + 3 }

/// Decodes base64 text (the form the compiled lexicon takes inside the program). Decoding stops at the first
/// character that is not base64 (the `=` padding included).
public func decodeBase64(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
  [UInt8](unsafeUninitializedCapacity: base64DecodedCapacity(text.count)) { out, written in
    written = decodeBase64(text, into: out.baseAddress!)
  }
}

/// Decodes base64 text into `output`, which has room for `base64DecodedCapacity(text.count)` bytes, and
/// returns how many bytes it decoded. Decoding stops at the first character that is not base64 (the `=`
/// padding included).
public func decodeBase64(_ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int {
  base64Values.withUnsafeBufferPointer { decodeBase64(text, into: output, table: $0.baseAddress!) }
}

private func decodeBase64(
  _ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>, table: UnsafePointer<UInt8>
) -> Int {
  guard let input = text.baseAddress else { return 0 }
  var o = 0
  var i = 0
  let end = text.count
  // Eight characters give six bytes, stored as eight (the last two are written again by the next group, or
  // lie past the bytes decoded); every value is below 64 unless the character is not base64.
  while i + 8 <= end {
    var bits: UInt64 = 0
    var values: UInt8 = 0
    for k in 0..<8 {
      let value = table[Int(input[i + k])]
      values |= value
      bits = bits << 6 | UInt64(value)
    }
    if values > 63 { break }
    UnsafeMutableRawPointer(output + o).storeBytes(of: (bits << 16).bigEndian, as: UInt64.self)
    o += 6
    i += 8
  }
  // Four characters give three bytes.
  while i + 4 <= end {
    let a = UInt32(table[Int(input[i])])
    let b = UInt32(table[Int(input[i + 1])])
    let c = UInt32(table[Int(input[i + 2])])
    let d = UInt32(table[Int(input[i + 3])])
    if (a | b | c | d) > 63 { break }
    let bits = a << 18 | b << 12 | c << 6 | d
    output[o] = UInt8(truncatingIfNeeded: bits >> 16)
    output[o + 1] = UInt8(truncatingIfNeeded: bits >> 8)
    output[o + 2] = UInt8(truncatingIfNeeded: bits)
    o += 3
    i += 4
  }
  // The last group, which may be padded.
  var values: [UInt32] = []
  while i < end && values.count < 4 && table[Int(input[i])] <= 63 {
    values.append(UInt32(table[Int(input[i])]))
    i += 1
  }
  if values.count >= 2 {
    output[o] = UInt8(truncatingIfNeeded: values[0] << 2 | values[1] >> 4)
    o += 1
  }
  if values.count >= 3 {
    output[o] = UInt8(truncatingIfNeeded: values[1] << 4 | values[2] >> 2)
    o += 1
  }
  return o
}

/// Each character's value in base64, 0xFF for characters that are not base64.
private let base64Values: [UInt8] = {
  var table = [UInt8](repeating: 0xFF, count: 256)
  for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
    table[Int(character)] = UInt8(value)
  }
  return table
}()
