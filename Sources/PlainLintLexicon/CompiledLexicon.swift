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
  public static func compile(files: [DictionaryFile], commonWords: [UInt8]) -> (tables: [UInt8], words: [UInt8]) {
    let builder = Builder(files: files, commonWords: commonWords)
    // Number the words in the order of their home slots in the table the reader builds (everyday words
    // first, as numbers below commonCount mean everyday), so loading writes the table nearly in order.
    let words = builder.words
    let slots = WordTable.slotCount(forLoading: words.count)
    let home = (0..<words.count).map { WordTable.homeSlot(words.word($0), slotCount: slots) }
    let order =
      (0..<builder.commonCount).sorted { (home[$0], $0) < (home[$1], $1) }
      + (builder.commonCount..<words.count).sorted { (home[$0], $0) < (home[$1], $1) }
    var number = [Int](repeating: 0, count: words.count)
    for (position, id) in order.enumerated() { number[id] = position }
    var out = BinaryWriter()
    out.bytes += Array("PLX3".utf8)
    out.u32(words.count)
    out.u32(builder.commonCount)
    let lengths = order.map { UInt8(words.word($0).count) }
    out.bytes += lengths
    var text: [UInt8] = []
    for id in order { text += words.word(id) }
    // The table's slots too, so starting up need not hash every word again.
    let loaded = WordTable(storage: text, lengths: lengths)
    out.u32(loaded.slotArray.count)
    for slot in loaded.slotArray { out.u32(Int(slot)) }
    let firsts = builder.firstNode.enumerated().filter { $0.element >= 0 }
    out.u32(firsts.count)
    for (word, node) in firsts {
      out.u32(number[word])
      out.u32(Int(node))
    }
    let edges = builder.edges.map { edge in
      (key: (edge.key >> 32) << 32 | UInt64(number[Int(edge.key & 0xFFFF_FFFF)]), value: edge.value)
    }.sorted { $0.key < $1.key }
    out.u32(edges.count)
    for edge in edges {
      out.u32(Int(edge.key >> 32))
      out.u32(Int(edge.key & 0xFFFF_FFFF))
      out.u32(Int(edge.value))
    }
    out.u32(builder.terminal.count)
    for value in builder.terminal { out.u32(Int(UInt32(bitPattern: value))) }
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

  /// Reads a lexicon compiled by `compile(files:commonWords:)`, with the CSV files it was compiled from (asked
  /// for the first time an entry's text is needed).
  public convenience init?(
    compiled data: [UInt8], words storage: [UInt8], files: @escaping @Sendable () -> [EmbeddedCSV]
  ) {
    var input = BinaryReader(bytes: data)
    guard input.take(4) == Array("PLX3".utf8) else { return nil }
    let wordCount = input.u32()
    let commonCount = input.u32()
    let lengths = input.take(wordCount)
    var total = 0
    for length in lengths { total += Int(length) }
    guard total == storage.count else { return nil }
    let slotCount = input.u32()
    guard slotCount == WordTable.slotCount(forLoading: wordCount) else { return nil }
    let slots = input.u32Array(slotCount)
    var builder = Builder(words: WordTable(storage: storage, lengths: lengths, slots: slots))
    builder.commonCount = commonCount
    var firstNode = [Int32](repeating: -1, count: wordCount)
    for _ in 0..<input.u32() {
      let word = input.u32()
      firstNode[word] = Int32(input.u32())
    }
    builder.firstNode = firstNode
    var edges: [(UInt64, Int32)] = []
    let edgeCount = input.u32()
    edges.reserveCapacity(edgeCount)
    for _ in 0..<edgeCount {
      let high = UInt64(input.u32())
      let low = UInt64(input.u32())
      edges.append((high << 32 | low, Int32(input.u32())))
    }
    var terminal: [Int32] = []
    let nodeCount = input.u32()
    terminal.reserveCapacity(nodeCount)
    for _ in 0..<nodeCount { terminal.append(Int32(bitPattern: UInt32(input.u32()))) }
    builder.terminal = terminal
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
    builder.facts = facts
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
    guard !input.failed else { return nil }
    self.init(
      builder: builder, sortedEdges: edges,
      entries: .rows(files: files, words: locations, acronyms: acronymLocations), acronymKeys: keys)
  }
}

struct BinaryWriter {
  var bytes: [UInt8] = []

  mutating func u32(_ value: Int) {
    let v = UInt32(truncatingIfNeeded: value)
    bytes += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
  }
}

struct BinaryReader {
  let bytes: [UInt8]
  var index = 0
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

  /// `count` little-endian 32-bit numbers.
  mutating func u32Array(_ count: Int) -> [UInt32] {
    guard count >= 0, index + count * 4 <= bytes.count else {
      failed = true
      return []
    }
    let start = index
    index += count * 4
    return bytes.withUnsafeBytes { raw in
      [UInt32](unsafeUninitializedCapacity: count) { out, written in
        for i in 0..<count {
          out[i] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + i * 4, as: UInt32.self))
        }
        written = count
      }
    }
  }

  mutating func take(_ count: Int) -> [UInt8] {
    guard count >= 0, index + count <= bytes.count else {
      failed = true
      return []
    }
    index += count
    return Array(bytes[index - count..<index])
  }
}

/// Decodes base64 text (the form the compiled lexicon takes inside the program). Decoding stops at the first
/// character that is not base64 (the `=` padding included).
public func decodeBase64(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
  var table = [UInt8](repeating: 0xFF, count: 256)
  for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
    table[Int(character)] = UInt8(value)
  }
  let capacity = text.count / 4 * 3 + 3
  return table.withUnsafeBufferPointer { table in
    [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
      guard let input = text.baseAddress, let output = out.baseAddress, let table = table.baseAddress else {
        written = 0
        return
      }
      var o = 0
      var i = 0
      let end = text.count
      // Eight characters give six bytes, stored as eight (the last two are written again by the next group, or
      // lie past `written`); every value is below 64 unless the character is not base64.
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
      if i < end {
        var values: [UInt32] = []
        while i < end && table[Int(input[i])] <= 63 {
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
      }
      written = o
    }
  }
}
