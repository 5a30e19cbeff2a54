import PlainLintCore
import Synchronization

/// The word lists and the acronym list compiled for matching.
///
/// Every word of every term, variant, generated ending and exception, and every everyday word from
/// `common-words.txt`, has a number in one `WordTable`; everyday words come first, so a word is everyday when
/// its number is below `commonCount`. Terms are paths in a trie over those numbers: a phrase is matched word by
/// word, and the longest match wins. A text word costs one hash and one probe.
///
/// The built-in lexicon is compiled when plainlint is built (`compile(files:commonWords:)`), so starting up
/// only decodes its tables into one block of memory and reads them there (see `CompiledTables`); the text of an
/// entry (its alternatives and explanation) is read from its CSV row the first time a finding needs it.
public final class Lexicon: @unchecked Sendable {
  /// The word table and the trie, behind plain pointers, for matching (see `FrozenTables`).
  public let tables: FrozenTables
  /// Per word-list entry: what matching needs without reading the entry.
  public let entryFacts: [EntryFacts]
  /// Acronyms by their key (capitals, no full stops): numbered as in the acronym list.
  let acronymTable: WordTable
  /// Per acronym key number: the index of its entry, and its policy.
  let acronymEntryIndex: [Int]
  public let acronymPolicies: [AcronymPolicy]
  /// Per acronym key number: the key.
  public let acronymKeys: [String]
  let details: EntryDetails

  /// What the matcher needs to know of an entry: its category, region and whether its fix is safe.
  public struct EntryFacts: Sendable, Hashable {
    public var category: WordCategory
    public var region: Region
  }

  /// Builds a lexicon from read dictionary files and an everyday-word list (one word a line).
  public convenience init(files: [DictionaryFile], commonWords: [UInt8] = []) {
    self.init(
      builder: Builder(files: files, commonWords: commonWords),
      entries: .parsed(words: files.flatMap(\.words), acronyms: files.flatMap(\.acronyms)),
      acronymKeys: files.flatMap(\.acronyms).map { (Lexicon.acronymKey($0.acronym), $0.policy) })
  }

  /// Builds a lexicon whose acronym rows are numbered in list order: a key written twice keeps its first row.
  convenience init(
    builder: Builder, entries: EntryDetails.Source, acronymKeys: [(key: String, policy: AcronymPolicy)]
  ) {
    self.init(builder: builder, details: EntryDetails(source: entries), acronyms: Lexicon.numbered(acronymKeys))
  }

  /// The acronym keys in list order, each once (a key written twice keeps its first row), with their rows.
  static func numbered(_ acronymKeys: [(key: String, policy: AcronymPolicy)]) -> [AcronymKey] {
    var seen: Set<String> = []
    var acronyms: [AcronymKey] = []
    for (position, acronym) in acronymKeys.enumerated() where seen.insert(acronym.key).inserted {
      acronyms.append(AcronymKey(key: acronym.key, policy: acronym.policy, row: position))
    }
    return acronyms
  }

  /// Builds a lexicon from a builder's tables, its entries' text and its acronyms (each key once, numbered in
  /// order).
  convenience init(builder: Builder, details: EntryDetails, acronyms: [AcronymKey]) {
    let sorted = builder.edges.sorted { $0.key < $1.key }
    let tables = FrozenTables(
      words: builder.words, commonCount: builder.commonCount, firstNode: builder.firstNode,
      terminal: builder.terminal, edgeKeys: sorted.map(\.key), edgeTargets: sorted.map(\.value))
    self.init(tables: tables, facts: builder.facts, details: details, acronyms: acronyms)
  }

  /// A lexicon of made tables, its entries' facts and text, and its acronyms (each key once, numbered in order).
  init(tables: FrozenTables, facts: [EntryFacts], details: EntryDetails, acronyms: [AcronymKey]) {
    self.tables = tables
    entryFacts = facts
    var table = WordTable(capacity: acronyms.count)
    for acronym in acronyms { _ = table.insert(Array(acronym.key.utf8)) }
    acronymKeys = acronyms.map(\.key)
    acronymTable = table
    acronymEntryIndex = acronyms.map(\.row)
    acronymPolicies = acronyms.map(\.policy)
    self.details = details
  }

  /// An acronym key with its policy and the row of its entry in the lexicon's `EntryDetails`.
  struct AcronymKey {
    var key: String
    var policy: AcronymPolicy
    var row: Int
  }

  deinit {
    tables.deallocate()
  }

  /// The number of word-list entries.
  public var entryCount: Int { entryFacts.count }

  /// Word-list entry `index`, read from its row the first time it is asked for.
  public func entry(_ index: Int) -> WordEntry { details.word(index) }

  /// The acronym entry for a written acronym (plurals included), if it is in the list.
  public func acronym(_ text: String) -> AcronymEntry? {
    acronym(key: Lexicon.acronymKey(text))
  }

  /// The acronym entry for a key made by `acronymKey`.
  public func acronym(key: String) -> AcronymEntry? {
    guard let number = acronymTable.find(key) else { return nil }
    return details.acronym(acronymEntryIndex[number])
  }

  /// The number of an acronym key given as bytes (see `acronymKey`), or -1.
  @inline(__always)
  public func acronymNumber(_ key: UnsafeBufferPointer<UInt8>) -> Int {
    acronymTable.find(key) ?? -1
  }

  /// The entry of acronym number `number`, read the first time it is asked for.
  public func acronymEntry(number: Int) -> AcronymEntry { details.acronym(acronymEntryIndex[number]) }

  /// The everyday words, and the words of every alternative the lists suggest: a word a list recommends is
  /// plain by definition, so `uncommon-word` must not flag it.
  static func withAlternatives(_ commonWords: [UInt8], files: [DictionaryFile]) -> [UInt8] {
    var text = commonWords
    if let last = text.last, last != UInt8(ascii: "\n") { text.append(UInt8(ascii: "\n")) }
    for entry in files.flatMap(\.words) {
      for alternative in entry.alternatives where alternative != "(omit)" {
        for word in normalizedWords(alternative) {
          text += Array(word.utf8)
          text.append(UInt8(ascii: "\n"))
        }
      }
    }
    return text
  }

  /// The key an acronym is filed under: capitals, no full stops, a plural `s` or `'s` taken off.
  public static func acronymKey(_ text: String) -> String {
    // Most acronyms are capitals and digits only: nothing to change.
    var utf8 = text.utf8[...]
    if utf8.count >= 3, utf8.last == UInt8(ascii: "s") {
      utf8 = utf8.dropLast()
      if utf8.last == UInt8(ascii: "'") { utf8 = utf8.dropLast() }
      if utf8.count >= 3, utf8.suffix(3).elementsEqual([0xE2, 0x80, 0x99]) { utf8 = utf8.dropLast(3) }
    }
    if utf8.allSatisfy({ $0 &- UInt8(ascii: "A") < 26 || $0 &- UInt8(ascii: "0") < 10 || $0 == UInt8(ascii: "&") }) {
      return String(decoding: utf8, as: UTF8.self)
    }
    let scalars = String(decoding: utf8, as: UTF8.self).unicodeScalars.filter { $0 != "." }
    return String(String.UnicodeScalarView(scalars)).uppercased()
  }

  /// The number of a word in the lexicon, as the word matcher finds it (`WordUnit.word`), after the same
  /// normalizing (small letters, curly apostrophes straight); -1 if the lexicon does not have it.
  public func wordNumber(normalizing word: String) -> Int32 {
    let bytes = Array(word.utf8)
    // Normalizing never lengthens a word; the 8 zero bytes after it are the padding the look-up reads.
    var normalized = [UInt8](repeating: 0, count: bytes.count + 8)
    return bytes.withUnsafeBufferPointer { p in
      normalized.withUnsafeMutableBufferPointer { s in
        let n = normalizeWord(p, 0..<p.count, into: s.baseAddress!, limit: p.count)
        return n > 0 ? tables.wordID(padded: s.baseAddress!, n) : -1
      }
    }
  }

  /// Whether a word (small letters) is an everyday word.
  public func isCommonWord(_ word: String) -> Bool {
    let padded = Array(word.utf8) + [UInt8](repeating: 0, count: 8)
    let id = padded.withUnsafeBufferPointer { tables.wordID(padded: $0.baseAddress!, padded.count - 8) }
    return id >= 0 && Int(id) < tables.commonCount
  }
}

extension Lexicon {
  /// Builds the tables.
  struct Builder {
    var words: WordTable
    var commonCount = 0
    var firstNode: [Int32] = []
    var edges: [UInt64: Int32] = [:]
    var terminal: [Int32] = []
    var facts: [EntryFacts] = []

    init(words: WordTable = WordTable(capacity: 1 << 16)) {
      self.words = words
    }

    /// The tables of dictionary files and an everyday-word list. Everyday words come first (numbers below
    /// `commonCount`), with the words of every alternative: a word a list recommends is plain by definition.
    init(files: [DictionaryFile], commonWords: [UInt8]) {
      self.init()
      addCommonWords(Lexicon.withAlternatives(commonWords, files: files))
      addEntries(files.flatMap(\.words))
    }

    mutating func wordNumber(_ word: [UInt8]) -> Int32 {
      let id = words.insert(word)
      if id == firstNode.count { firstNode.append(-1) }
      return Int32(id)
    }

    mutating func addCommonWords(_ text: [UInt8]) {
      precondition(words.count == 0, "everyday words come first")
      var start = 0
      for index in 0...text.count where index == text.count || text[index] == UInt8(ascii: "\n") {
        var end = index
        if end > start && text[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if end > start && text[start] != UInt8(ascii: "#") { _ = wordNumber(Array(text[start..<end])) }
        start = index + 1
      }
      commonCount = words.count
    }

    /// Adds word-list entries, numbered from `firstIndex`. A written form (term or variant) takes a path that
    /// already ends in something only when `writtenReplaces` says so; generated endings and exceptions take
    /// only free paths.
    mutating func addEntries(
      _ entries: [WordEntry], firstIndex: Int = 0, writtenReplaces: (Int32) -> Bool = { _ in false }
    ) {
      facts += entries.map { EntryFacts(category: $0.category, region: $0.region) }
      // Written forms first, so a generated ending never takes a form another entry lists.
      for pass in 0..<2 {
        for (index, entry) in entries.enumerated() {
          let inflect = pass == 1 && entry.category != .latin
          for form in [entry.term] + entry.variants {
            for words in Inflections.forms(of: normalizedWords(form), inflect: inflect) {
              add(words, terminal: Int32(firstIndex + index), replacing: pass == 0 ? writtenReplaces : { _ in false })
            }
          }
        }
      }
      for (index, entry) in entries.enumerated() {
        for exception in entry.exceptions {
          let words = normalizedWords(exception)
          var forms = Inflections.forms(of: words, inflect: false)
          if let last = words.last, last.count >= 3, !last.hasSuffix("s") {
            forms.append(words.dropLast() + [last + "s"])
          }
          for form in forms { add(form, terminal: -Int32(firstIndex + index) - 2) }
        }
      }
    }

    /// Adds a path for `words` ending in `value`, unless the path already ends in something `replacing` does not
    /// accept: a term written in a list wins over a generated ending and over an exception (an exception of
    /// `elderly` may be the term `the elderly`). Returns what the path ended in before (-1 for nothing).
    @discardableResult
    mutating func add(_ words: [String], terminal value: Int32, replacing: (Int32) -> Bool = { _ in false }) -> Int32 {
      guard let first = words.first else { return -1 }
      let firstID = wordNumber(Array(first.utf8))
      var node = firstNode[Int(firstID)]
      if node < 0 {
        node = Int32(terminal.count)
        terminal.append(-1)
        firstNode[Int(firstID)] = node
      }
      for word in words.dropFirst() {
        let id = wordNumber(Array(word.utf8))
        let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
        if let next = edges[key] {
          node = next
        } else {
          let next = Int32(terminal.count)
          terminal.append(-1)
          edges[key] = next
          node = next
        }
      }
      let previous = terminal[Int(node)]
      if previous == -1 || replacing(previous) { terminal[Int(node)] = value }
      return previous
    }
  }
}

/// The text of entries (alternatives, explanations, expansions), read when a finding needs it.
final class EntryDetails: Sendable {
  enum Source: Sendable {
    /// Entries already read.
    case parsed(words: [WordEntry], acronyms: [AcronymEntry])
    /// Rows of CSV files, read on demand: each entry's file, the byte offset of its row and its line. The
    /// files themselves are asked for when the first entry is read.
    case rows(files: @Sendable () -> [EmbeddedCSV], words: [RowLocation], acronyms: [RowLocation])
    /// Another lexicon's entries, then more entries already read (a project's): entry numbers go on from the
    /// other lexicon's.
    case layered(base: EntryDetails, words: [WordEntry], acronyms: [AcronymEntry])
  }

  let source: Source
  private let cache = Mutex<(words: [Int: WordEntry], acronyms: [Int: AcronymEntry], files: [EmbeddedCSV]?)>(
    ([:], [:], nil))

  init(source: Source) {
    self.source = source
  }

  private func loadedFiles(_ provider: @Sendable () -> [EmbeddedCSV]) -> [EmbeddedCSV] {
    if let files = cache.withLock({ $0.files }) { return files }
    let files = provider()
    cache.withLock { $0.files = files }
    return files
  }

  /// The number of word-list entries.
  var wordCount: Int {
    switch source {
    case .parsed(let words, _): words.count
    case .rows(_, let words, _): words.count
    case .layered(let base, let words, _): base.wordCount + words.count
    }
  }

  /// The number of acronym rows.
  var acronymCount: Int {
    switch source {
    case .parsed(_, let acronyms): acronyms.count
    case .rows(_, _, let acronyms): acronyms.count
    case .layered(let base, _, let acronyms): base.acronymCount + acronyms.count
    }
  }

  func word(_ index: Int) -> WordEntry {
    switch source {
    case .parsed(let words, _): return words[index]
    case .layered(let base, let words, _):
      let baseCount = base.wordCount
      return index < baseCount ? base.word(index) : words[index - baseCount]
    case .rows(let files, let words, _):
      if let entry = cache.withLock({ $0.words[index] }) { return entry }
      let location = words[index]
      let entry = loadedFiles(files)[Int(location.file)].wordEntry(at: location)
      cache.withLock { $0.words[index] = entry }
      return entry
    }
  }

  func acronym(_ index: Int) -> AcronymEntry {
    switch source {
    case .parsed(_, let acronyms): return acronyms[index]
    case .layered(let base, _, let acronyms):
      let baseCount = base.acronymCount
      return index < baseCount ? base.acronym(index) : acronyms[index - baseCount]
    case .rows(let files, _, let acronyms):
      if let entry = cache.withLock({ $0.acronyms[index] }) { return entry }
      let location = acronyms[index]
      let entry = loadedFiles(files)[Int(location.file)].acronymEntry(at: location)
      cache.withLock { $0.acronyms[index] = entry }
      return entry
    }
  }
}

/// Where an entry's row is.
struct RowLocation: Sendable {
  var file: UInt32
  var offset: UInt32
  var line: UInt32
}
