/// An acronym a project accepts: its readers know it, or the project's glossary explains it.
public struct AcceptedAcronym: Sendable, Hashable {
  /// The acronym as the project writes it (PPIE, PROMs).
  public var acronym: String
  /// What it stands for, if the project says.
  public var expansion: String?

  /// Creates an accepted acronym.
  public init(acronym: String, expansion: String? = nil) {
    self.acronym = acronym
    self.expansion = expansion
  }
}

extension Lexicon {
  /// The terminal of a path a project accepts (a word or phrase that is fine): like an exception, it is a
  /// match with no entry, so no word rule reports it and it is neither uncommon nor hard.
  static let acceptedTerminal = Int32.min

  /// The lexicon `base` with a project's words layered on top: its word lists and acronym lists (`files`), the
  /// words and phrases it accepts, and the acronyms it accepts.
  ///
  /// Made at run time in a few milliseconds: `base`'s tables are copied, not rebuilt, so every word keeps its
  /// number (`base`'s syllable counts by word number stay valid; see `LexiconSyllables`) and new words are
  /// numbered after them.
  /// - A project entry replaces every `base` entry that finds one of its written forms (its term or a variant,
  ///   as written or as a regular ending of the `base` entry's words): the `base` entry is left out with all
  ///   its forms and exceptions. Among the project's own entries, the first to list a form keeps it.
  /// - A project acronym row replaces `base`'s row for the same key.
  /// - The words of a project entry's alternatives are everyday words (a word a list recommends is plain), as
  ///   they are in `base`: they are never uncommon.
  /// - An accepted word or phrase, with its regular endings, is a match with no entry, whatever the lists say
  ///   of it: no word rule reports it. A longer term that contains it is still a term.
  /// - An accepted acronym has the `ok` policy, like NHS; with an expansion, its entry gives that expansion.
  /// Rows with errors are never in a `DictionaryFile`'s entries; entries with no letters to match are skipped.
  public convenience init(
    base: Lexicon, files: [DictionaryFile], acceptedWords: [String], acceptedAcronyms: [AcceptedAcronym]
  ) {
    var builder = Builder(copying: base)
    let baseCount = base.entryCount
    // The word table holds about a million words: lists that could overflow it (no real list comes near) are
    // cut short rather than stopping the program. Each word of a form may come with a dozen endings and
    // spellings.
    var room = WordTable.maximumCount - builder.words.count
    func fits(_ texts: [String]) -> Bool {
      let bound = texts.reduce(0) { $0 + normalizedWords($1).count * 16 }
      guard bound <= room else { return false }
      room -= bound
      return true
    }
    let entries = files.flatMap(\.words).filter { entry in
      ([entry.term] + entry.variants).contains { !normalizedWords($0).isEmpty }
        && fits([entry.term] + entry.variants + entry.exceptions + entry.alternatives)
    }
    let acceptedWords = acceptedWords.filter { fits([$0]) }
    let accepted = Lexicon.acceptedTerminal
    /// Whether a terminal belongs to `base`: one of its entries or one of their exceptions.
    func isBase(_ terminal: Int32) -> Bool {
      terminal >= 0 ? terminal < baseCount : terminal != accepted && terminal < -1 && -(terminal + 2) < baseCount
    }

    // The base entries the project's replace: those that find one of a project entry's written forms.
    var replaced: Set<Int32> = []
    for entry in entries {
      for form in [entry.term] + entry.variants {
        if let terminal = builder.terminal(of: normalizedWords(form)), terminal >= 0, terminal < baseCount {
          replaced.insert(terminal)
        }
      }
    }
    if !replaced.isEmpty {
      for node in builder.terminal.indices {
        let terminal = builder.terminal[node]
        guard isBase(terminal) else { continue }
        if replaced.contains(terminal >= 0 ? terminal : -(terminal + 2)) { builder.terminal[node] = -1 }
      }
    }

    // The project's entries: their written forms take base paths (the project's wording wins), their endings
    // and exceptions only free ones.
    builder.addEntries(entries, firstIndex: baseCount, writtenReplaces: isBase)

    // The words of the project's alternatives are plain: not uncommon, not hard.
    for entry in entries {
      for alternative in entry.alternatives where alternative != "(omit)" {
        for word in normalizedWords(alternative) {
          if let id = builder.words.find(word), id < builder.commonCount { continue }
          builder.add([word], terminal: accepted)
        }
      }
    }

    // Accepted words and phrases win over every list. Their regular endings take free paths and the paths of
    // the entry the word itself was (accepting stakeholder accepts stakeholders, not another entry's form).
    for phrase in acceptedWords {
      let words = normalizedWords(phrase)
      guard !words.isEmpty else { continue }
      var displaced: Set<Int32> = []
      let previous = builder.add(words, terminal: accepted, replacing: { _ in true })
      if previous != -1 && previous != accepted { displaced.insert(previous) }
      for form in Inflections.forms(of: words, inflect: true).dropFirst() {
        builder.add(form, terminal: accepted, replacing: { displaced.contains($0) })
      }
    }

    // Acronyms: base's, then the project's rows (a key base has is replaced), then the accepted ones.
    var acronyms = base.acronymKeys.indices.map { number in
      AcronymKey(
        key: base.acronymKeys[number], policy: base.acronymPolicies[number], row: base.acronymEntryIndex[number])
    }
    var numbers: [String: Int] = [:]
    for (number, acronym) in acronyms.enumerated() { numbers[acronym.key] = number }
    let baseRows = base.details.acronymCount
    var rows: [AcronymEntry] = []
    /// Points `key` at a new row holding `entry`.
    func set(_ key: String, _ entry: AcronymEntry) {
      let row = baseRows + rows.count
      rows.append(entry)
      if let number = numbers[key] {
        acronyms[number].policy = entry.policy
        acronyms[number].row = row
      } else {
        numbers[key] = acronyms.count
        acronyms.append(AcronymKey(key: key, policy: entry.policy, row: row))
      }
    }
    var projectKeys: Set<String> = []
    for entry in files.flatMap(\.acronyms) {
      let key = Lexicon.acronymKey(entry.acronym)
      guard !key.isEmpty, projectKeys.insert(key).inserted else { continue }
      set(key, entry)
    }
    for acronym in acceptedAcronyms {
      let key = Lexicon.acronymKey(acronym.acronym.trimmingSpaces)
      guard !key.isEmpty else { continue }
      var entry: AcronymEntry
      if let number = numbers[key] {
        let row = acronyms[number].row
        entry = row < baseRows ? base.details.acronym(row) : rows[row - baseRows]
      } else {
        entry = AcronymEntry(
          acronym: acronym.acronym.trimmingSpaces, expansions: [], policy: .ok, replacement: "",
          explanation: "Accepted for this project.", sources: [], region: .both, file: "", line: 0)
      }
      entry.policy = .ok
      if let expansion = acronym.expansion?.trimmingSpaces, !expansion.isEmpty { entry.expansions = [expansion] }
      set(key, entry)
    }

    self.init(
      builder: builder,
      details: EntryDetails(source: .layered(base: base.details, words: entries, acronyms: rows)),
      acronyms: acronyms)
  }
}

extension Lexicon.Builder {
  /// The tables of a lexicon, copied so more can be added: every word keeps its number.
  init(copying lexicon: Lexicon) {
    let tables = lexicon.tables
    let wordCount = tables.starts.count - 1
    words = WordTable(
      storage: Array(tables.storage.prefix(Int(tables.starts[wordCount]))), starts: Array(tables.starts),
      slots: Array(tables.slots), longest: tables.longest)
    commonCount = tables.commonCount
    firstNode = Array(tables.firstNode.prefix(wordCount))
    terminal = Array(tables.terminal.prefix(tables.nodeCount))
    var edges: [UInt64: Int32] = [:]
    edges.reserveCapacity(tables.edgeCount)
    for index in 0..<tables.edgeCount { edges[tables.edgeKeys[index]] = tables.edgeTargets[index] }
    self.edges = edges
    facts = lexicon.entryFacts
  }

  /// What the path of `words` ends in (-1 for nothing), or nil if there is no such path.
  func terminal(of words: [String]) -> Int32? {
    guard let first = words.first, let firstID = self.words.find(first) else { return nil }
    var node = firstNode[firstID]
    guard node >= 0 else { return nil }
    for word in words.dropFirst() {
      guard let id = self.words.find(word), let next = edges[UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))]
      else { return nil }
      node = next
    }
    return terminal[Int(node)]
  }
}

/// The syllable counts of a lexicon made at run time (a project's, by `Lexicon(base:files:...)`), by word
/// number, in memory this object owns: keep it as long as `table` is used.
///
/// Words the base lexicon has keep their numbers, so their counts are copied from the base table; the counts
/// of the project's new words come from the pronouncing dictionary or the estimate, as for any word.
public final class LexiconSyllables: @unchecked Sendable {
  /// The table, reading word counts from memory this object owns.
  public let table: SyllableTable
  private let counts: UnsafeMutableBufferPointer<UInt8>

  /// The counts of `lexicon`'s words, whose first `base.wordCount` words are those `base` counts.
  public init(base: SyllableTable, lexicon: Lexicon) {
    let wordCount = lexicon.wordCount
    let counts = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(wordCount, 1) * 2)
    let kept = min(base.wordCount, wordCount)
    for index in 0..<kept * 2 { counts[index] = base.wordCounts[index] }
    for id in kept..<wordCount {
      lexicon.withWord(id) { word in
        counts[id * 2] = UInt8(48 + min(base.count(word, dialect: .uk), 60))
        counts[id * 2 + 1] = UInt8(48 + min(base.count(word, dialect: .us), 60))
      }
    }
    self.counts = counts
    table = base.reading(wordCounts: UnsafePointer(counts.baseAddress!), wordCount: wordCount)
  }

  deinit {
    counts.deallocate()
  }
}

extension SyllableTable {
  /// This table with the counts of lexicon words read from `wordCounts` (two bytes a word, as in
  /// `wordCounts(lexicon:entries:)`), memory the caller keeps alive as long as the table is used.
  func reading(wordCounts: UnsafePointer<UInt8>, wordCount: Int) -> SyllableTable {
    var table = self
    table.wordCounts = wordCounts
    table.wordCount = wordCount
    return table
  }
}
