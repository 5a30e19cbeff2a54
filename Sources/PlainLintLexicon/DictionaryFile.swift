import PlainLintCore

/// A dictionary file read and checked: its entries and the problems found in it.
///
/// Reading never stops at a bad row: the row is reported and left out, and the rest of the file is used.
public struct DictionaryFile: Sendable {
  /// The file's name, for messages.
  public var name: String
  /// Which kind of file it is, if the header row says.
  public var kind: DictionaryKind?
  public var words: [WordEntry] = []
  public var acronyms: [AcronymEntry] = []
  /// Problems, in line order.
  public var problems: [DictionaryProblem] = []

  /// Reads a dictionary file. A project's own list (`isProjectList`) is read the same way, except that its
  /// `source` cells may be empty or name any source: the sources of `Dictionaries/SOURCES.md` are for the
  /// built-in lists.
  public init(name: String, bytes: [UInt8], isProjectList: Bool = false) {
    self.name = name
    if let bad = firstInvalidUTF8(bytes) {
      problems.append(
        DictionaryProblem(
          line: bad.line, column: bad.column,
          message: "this is not UTF-8 text; save the file as \"CSV UTF-8\" from your spreadsheet"))
      return
    }
    let table: CSVTable
    do {
      table = try CSVTable(parsing: bytes)
    } catch {
      problems.append(error)
      return
    }
    let position: [String: Int]
    switch DictionaryFile.readHeader(table.header, line: table.headerLine) {
    case .failure(let failure):
      problems = failure.problems
      return
    case .success(let read):
      kind = read.kind
      position = read.position
    }
    for record in table.records {
      if record.fields.count != table.header.count {
        problems.append(
          DictionaryProblem(
            line: record.line, column: 1,
            message: "this row has \(record.fields.count) cells but the header has \(table.header.count); "
              + "put cells that contain a comma in double quotes"))
        continue
      }
      var row = Row(record: record, position: position)
      row.anySource = isProjectList
      if kind == .wordList {
        if let entry = DictionaryFile.readWordEntry(&row, file: name) { words.append(entry) }
      } else {
        if let entry = DictionaryFile.readAcronymEntry(&row, file: name) { acronyms.append(entry) }
      }
      problems += row.problems
    }
    findDuplicates()
    problems.sort { ($0.line, $0.column) < ($1.line, $1.column) }
  }

  /// Problems with a header row.
  struct HeaderProblems: Error {
    var problems: [DictionaryProblem]
  }

  /// The kind of file a header row names, and where each column is.
  static func readHeader(_ original: [String], line: Int)
    -> Result<(kind: DictionaryKind, position: [String: Int]), HeaderProblems>
  {
    let header = original.map { $0.lowercased() }
    var problems: [DictionaryProblem] = []
    let kind: DictionaryKind
    if header.contains("term") {
      kind = .wordList
    } else if header.contains("acronym") {
      kind = .acronyms
    } else {
      return .failure(
        HeaderProblems(problems: [
          DictionaryProblem(
            line: line, column: 1,
            message: "the first row must name the columns: a word list starts with \"term\", the acronym list "
              + "with \"acronym\" (see Dictionaries/README.md)")
        ]))
    }
    var position: [String: Int] = [:]
    for (index, name) in header.enumerated() {
      guard kind.columns.contains(where: { $0.name == name }) else {
        let expected = kind.columns.map(\.name)
        let hint = closestMatch(to: name, in: expected).map { "; did you mean \"\($0)\"? The" } ?? "; the"
        problems.append(
          DictionaryProblem(
            line: line, column: index + 1,
            message: "unknown column \"\(original[index])\"\(hint) columns are: "
              + expected.joined(separator: ", ")))
        continue
      }
      if position[name] != nil {
        problems.append(
          DictionaryProblem(line: line, column: index + 1, message: "the column \"\(name)\" appears twice"))
      }
      position[name] = index
    }
    for column in kind.columns where position[column.name] == nil {
      problems.append(
        DictionaryProblem(line: line, column: 1, message: "the header row has no \"\(column.name)\" column; add it"))
    }
    return problems.isEmpty ? .success((kind, position)) : .failure(HeaderProblems(problems: problems))
  }

  /// Whether any problem is an error (warnings are advice).
  public var hasErrors: Bool { problems.contains { $0.level == .error } }

  /// One record with named access to its cells, collecting problems as cells are read.
  struct Row {
    let record: CSVTable.Record
    let position: [String: Int]
    var problems: [DictionaryProblem] = []
    /// Whether the `source` cell may be empty or name any source (a project's own list).
    var anySource = false

    init(record: CSVTable.Record, position: [String: Int]) {
      self.record = record
      self.position = position
    }

    func column(_ name: String) -> Int { record.columns[position[name]!] }

    func cell(_ name: String) -> String { record.fields[position[name]!].trimmingSpaces }

    mutating func problem(_ name: String, _ message: String, level: DictionaryProblem.Level = .error) {
      problems.append(DictionaryProblem(line: record.line, column: column(name), level: level, message: message))
    }

    /// A cell that must be filled in.
    mutating func required(_ name: String) -> String? {
      let value = cell(name)
      if value.isEmpty {
        problem(name, "the \"\(name)\" cell is empty; fill it in (see Dictionaries/README.md)")
        return nil
      }
      return value
    }

    /// A cell whose value must be one of `values`.
    mutating func oneOf<T: RawRepresentable>(_ name: String, _ type: T.Type, allowed: [T]) -> T?
    where T.RawValue == String {
      guard let value = required(name) else { return nil }
      if let match = allowed.first(where: { $0.rawValue.lowercased() == value.lowercased() }) { return match }
      problem(
        name,
        "\"\(value)\" is not a \(name); use one of: " + allowed.map(\.rawValue).joined(separator: ", "))
      return nil
    }

    mutating func sources() -> [String]? {
      if anySource { return cell("source").listItems }
      guard let value = required("source") else { return nil }
      let items = value.listItems
      for item in items where !knownSources.contains(item) {
        problem(
          "source",
          "unknown source \"\(item)\"; use one listed in Dictionaries/SOURCES.md: "
            + knownSources.sorted().joined(separator: ", "))
        return nil
      }
      return items
    }

    mutating func explanation() -> String? {
      guard let value = required("explanation") else { return nil }
      if value.count > 200 {
        problem(
          "explanation", "the explanation has \(value.count) characters; keep it to one short sentence (under 200)",
          level: .warning)
      }
      return value
    }
  }

  static func readWordEntry(_ row: inout Row, file name: String) -> WordEntry? {
    let term = row.required("term")
    let category = row.oneOf("category", WordCategory.self, allowed: WordCategory.allCases)
    let explanation = row.explanation()
    let sources = row.sources()
    let region = row.oneOf("region", Region.self, allowed: Region.allCases)
    var autoFix = false
    switch row.cell("auto_fix").lowercased() {
    case "", "no": autoFix = false
    case "yes": autoFix = true
    case let other: row.problem("auto_fix", "\"\(other)\" is not yes or no; write yes, no, or leave it empty")
    }
    let alternatives = row.cell("alternatives").listItems
    if alternatives.isEmpty && category != nil && category != .inclusive {
      row.problem("alternatives", "give at least one plain alternative (or (omit) if the word can be left out)")
    }
    if autoFix && alternatives.isEmpty {
      row.problem("auto_fix", "auto_fix is yes but there is no alternative to put in")
    }
    for alternative in alternatives where alternative.split(separator: " ").count > 6 {
      row.problem(
        "alternatives",
        "\"\(alternative)\" is long for an alternative; an alternative replaces the word, it does not define it",
        level: .warning)
    }
    if let term, alternatives.contains(where: { $0.lowercased() == term.lowercased() }) {
      row.problem("alternatives", "an alternative is the same as the term")
    }
    let variants = row.cell("variants").listItems
    let exceptions = row.cell("exceptions").listItems
    if let term {
      let forms = ([term] + variants).flatMap { Inflections.forms(of: normalizedWords($0), inflect: true) }
      for exception in exceptions where !forms.contains(where: { normalizedWords(exception).containsSequence($0) }) {
        row.problem(
          "exceptions",
          "the exception \"\(exception)\" does not contain \"\(term)\"; an exception is a phrase with the term in it",
          level: .warning)
      }
      for form in [term] + variants where normalizedWords(form).isEmpty {
        row.problem(form == term ? "term" : "variants", "\"\(form)\" has no letters to match")
      }
    }
    guard let term, let category, let explanation, let sources, let region,
      row.problems.allSatisfy({ $0.level == .warning })
    else { return nil }
    return WordEntry(
      term: term, variants: variants, alternatives: alternatives, category: category, explanation: explanation,
      sources: sources, region: region, autoFix: autoFix, exceptions: exceptions, file: name, line: row.record.line,
      offset: row.record.offset)
  }

  static func readAcronymEntry(_ row: inout Row, file name: String) -> AcronymEntry? {
    let acronym = row.required("acronym")
    if let acronym, acronym.contains(" ") {
      row.problem("acronym", "an acronym has no spaces; \"\(acronym)\" belongs in a word list")
    }
    let expansions = row.required("expansion")?.listItems
    let policy = row.oneOf("policy", AcronymPolicy.self, allowed: AcronymPolicy.allCases)
    let replacement = row.cell("replacement")
    if let policy, policy == .outdated || policy == .avoid, replacement.isEmpty {
      row.problem("replacement", "an acronym that is \(policy.rawValue) needs a replacement to suggest")
    }
    let explanation = row.explanation()
    let sources = row.sources()
    let region = row.oneOf("region", Region.self, allowed: Region.allCases)
    guard let acronym, let expansions, let policy, let explanation, let sources, let region,
      row.problems.allSatisfy({ $0.level == .warning })
    else { return nil }
    return AcronymEntry(
      acronym: acronym, expansions: expansions, policy: policy, replacement: replacement, explanation: explanation,
      sources: sources, region: region, file: name, line: row.record.line, offset: row.record.offset)
  }

  /// Reports a term, variant or acronym written in two rows.
  mutating func findDuplicates() {
    var seen: [String: Int] = [:]
    for form in forms {
      if let first = seen[form.key], first != form.line {
        problems.append(
          DictionaryProblem(
            line: form.line, column: 1,
            message: "\"\(form.written)\" is already in the entry on line \(first); keep one"))
      } else {
        seen[form.key] = form.line
      }
    }
  }

  /// Every term, variant and acronym as written, with the key two rows may not share (the words as the
  /// matcher sees them; an acronym's key) and its line.
  var forms: [(written: String, key: String, line: Int)] {
    var forms: [(written: String, key: String, line: Int)] = []
    for entry in words {
      for form in [entry.term] + entry.variants {
        forms.append((form, normalizedWords(form).joined(separator: " "), entry.line))
      }
    }
    for entry in acronyms { forms.append((entry.acronym, Lexicon.acronymKey(entry.acronym), entry.line)) }
    return forms
  }
}

/// The words of a term as the matcher sees them: small letters, split at spaces and hyphens, curly
/// apostrophes made straight, full stops dropped (e.g. is eg), a possessive 's dropped.
public func normalizedWords(_ text: String) -> [String] {
  var words: [String] = []
  var current: [UInt8] = []
  func flush() {
    if current.count >= 2, current[current.count - 2] == UInt8(ascii: "'"), current.last == UInt8(ascii: "s") {
      current.removeLast(2)
    } else if current.last == UInt8(ascii: "'") {
      current.removeLast()
    }
    if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
    current = []
  }
  var bytes = Array(text.utf8)[...]
  while let byte = bytes.first {
    if bytes.starts(with: [0xE2, 0x80, 0x99]) || bytes.starts(with: [0xE2, 0x80, 0x98]) {
      current.append(UInt8(ascii: "'"))
      bytes = bytes.dropFirst(3)
      continue
    }
    bytes = bytes.dropFirst()
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "-"),
      UInt8(ascii: "/"):
      flush()
    case UInt8(ascii: "."): continue
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
    default: current.append(byte)
    }
  }
  flush()
  return words
}

extension Array where Element == String {
  func containsSequence(_ other: [String]) -> Bool {
    guard !other.isEmpty, other.count <= count else { return false }
    for start in 0...(count - other.count) where Array(self[start..<start + other.count]) == other { return true }
    return false
  }
}

/// The line and column of the first byte that is not valid UTF-8, if any.
func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
  var iterator = bytes.makeIterator()
  var decoder = UTF8()
  var line = 1
  var column = 1
  while true {
    switch decoder.decode(&iterator) {
    case .scalarValue(let scalar):
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    case .emptyInput: return nil
    case .error: return (line, column)
    }
  }
}


/// A term, variant or acronym in two files.
public func crossFileDuplicates(_ files: [DictionaryFile]) -> [(file: String, problem: DictionaryProblem)] {
  var seen: [String: (file: String, line: Int)] = [:]
  var problems: [(file: String, problem: DictionaryProblem)] = []
  for file in files {
    for form in file.forms {
      if let first = seen[form.key], first.file != file.name {
        problems.append(
          (
            file.name,
            DictionaryProblem(
              line: form.line, column: 1,
              message: "\"\(form.key)\" is also in \(first.file) on line \(first.line); keep one")
          ))
      }
      if seen[form.key] == nil { seen[form.key] = (file.name, form.line) }
    }
  }
  return problems
}
