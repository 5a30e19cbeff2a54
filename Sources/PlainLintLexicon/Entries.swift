import PlainLintCore

/// A problem in a dictionary file, at a line and column, worded for the person editing it.
public struct DictionaryProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// Whether the problem stops the entry from being used, or is advice.
  public enum Level: String, Sendable { case error, warning }

  public var line: Int
  public var column: Int
  public var level: Level
  public var message: String

  public init(line: Int, column: Int, level: Level = .error, message: String) {
    self.line = line
    self.column = column
    self.level = level
    self.message = message
  }

  public var description: String { "\(line):\(column): \(level.rawValue): \(message)" }
}

/// The list a word-list entry belongs to, which decides the rule that reports it.
public enum WordCategory: String, Sendable, CaseIterable {
  case medical
  case healthService = "health-service"
  case research
  case bureaucratic
  case plainEnglish = "plain-english"
  case inclusive
  case latin

  /// How messages name the category ("a medical word").
  public var phrase: String {
    switch self {
    case .medical: "a medical word"
    case .healthService: "health-service jargon"
    case .research: "research jargon"
    case .bureaucratic: "office jargon"
    case .plainEnglish: "wordy"
    case .inclusive: "not person-centred"
    case .latin: "a Latin abbreviation"
    }
  }
}

/// Where an entry applies: UK English, US English or both.
public enum Region: String, Sendable, CaseIterable {
  case both, uk = "UK", us = "US"

  /// Whether an entry for this region applies to text in `dialect`.
  public func applies(to dialect: Dialect) -> Bool {
    switch self {
    case .both: true
    case .uk: dialect == .uk
    case .us: dialect == .us
    }
  }
}

/// One row of a word list: a term, its other forms, plain alternatives and why.
public struct WordEntry: Sendable, Hashable {
  public var term: String
  public var variants: [String]
  public var alternatives: [String]
  public var category: WordCategory
  public var explanation: String
  public var sources: [String]
  public var region: Region
  public var autoFix: Bool
  public var exceptions: [String]
  /// The file and line it came from, for messages about the dictionary itself.
  public var file: String
  public var line: Int
  /// The byte offset of its row in the file.
  var offset: Int = 0
}

/// What to do about an acronym.
public enum AcronymPolicy: String, Sendable, CaseIterable {
  /// Everyone knows it (NHS, GP): use it as it is.
  case ok
  /// Spell it out the first time it is used.
  case define
  /// No longer used; write the replacement.
  case outdated
  /// Do not use it; write the replacement.
  case avoid
}

/// One row of the acronym list.
public struct AcronymEntry: Sendable, Hashable {
  public var acronym: String
  public var expansions: [String]
  public var policy: AcronymPolicy
  public var replacement: String
  public var explanation: String
  public var sources: [String]
  public var region: Region
  public var file: String
  public var line: Int
  /// The byte offset of its row in the file.
  var offset: Int = 0
}

/// The two kinds of dictionary file, told apart by their header row.
public enum DictionaryKind: Sendable, Hashable {
  case wordList, acronyms

  /// The columns, in the documented order, and which must be filled in.
  var columns: [(name: String, required: Bool)] {
    switch self {
    case .wordList:
      [
        ("term", true), ("variants", false), ("alternatives", false), ("category", true), ("explanation", true),
        ("source", true), ("region", true), ("auto_fix", false), ("exceptions", false),
      ]
    case .acronyms:
      [
        ("acronym", true), ("expansion", true), ("policy", true), ("replacement", false), ("explanation", true),
        ("source", true), ("region", true),
      ]
    }
  }
}

/// The source names an entry may give, from `Dictionaries/SOURCES.md`.
public let knownSources: Set<String> = [
  "nhs-a-z", "nhs-inclusive", "govuk", "plainlanguage-gov", "18f", "cdc", "retext-simplify", "retext-equality",
  "nhsbsa", "plainlint",
]
