/// How serious a finding is. Ordered: `info` < `warning` < `error`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
  case info, warning, error

  private var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A suggested change: the text to put in place of the finding's range, and why.
public struct Suggestion: Hashable, Sendable, Codable {
  /// The text to write in place of the flagged text.
  public var replacement: String
  /// A short description of the change, for people.
  public var description: String

  /// Whether the replacement can be made without a person reading it first: the meaning and the grammar of
  /// the sentence stay the same (utilise → use). `plainlint` only ever applies safe suggestions by itself.
  public var isSafe: Bool

  /// Creates a suggestion.
  public init(replacement: String, description: String, isSafe: Bool = false) {
    self.replacement = replacement
    self.description = description
    self.isSafe = isSafe
  }
}

/// One problem found in a document, at an exact byte range of the source file.
public struct Finding: Hashable, Sendable {
  /// The identifier of the rule that found it (kebab-case, for example `long-sentence`).
  public var rule: String
  /// How serious it is.
  public var severity: Severity
  /// What is wrong and what to do, in plain words.
  public var message: String
  /// The UTF-8 byte range in the source file.
  public var range: Range<Int>
  /// Plain alternatives or fixes (may be empty).
  public var suggestions: [Suggestion]
  /// What the word lists say about the word or acronym found, for a glossary; nil when the finding is not about
  /// a term from a list (a long sentence, a word outside everyday English).
  public var term: GlossaryTerm?
  /// Where a reader finds it in a document without lines of its own (a Word document): the paragraph, the
  /// heading it sits under and its sentence. Nil for text, Markdown and HTML, whose lines are the place.
  public var context: FindingContext? {
    get { contextBox?.context }
    set { contextBox = newValue.map(FindingContextBox.init) }
  }
  /// The context, boxed: a finding keeps one reference for it, not the context's 40 bytes (most findings have
  /// none, and a large file has hundreds of thousands of findings).
  private var contextBox: FindingContextBox?

  /// Creates a finding.
  public init(rule: String, severity: Severity, message: String, range: Range<Int>, suggestions: [Suggestion] = []) {
    self.rule = rule
    self.severity = severity
    self.message = message
    self.range = range
    self.suggestions = suggestions
  }

  /// Creates a finding about a term from a word list, for a glossary.
  public init(
    rule: String, severity: Severity, message: String, range: Range<Int>, suggestions: [Suggestion],
    term: GlossaryTerm?
  ) {
    self.init(rule: rule, severity: severity, message: message, range: range, suggestions: suggestions)
    self.term = term
  }
}

/// A word-list term or acronym as a glossary shows it: the term, what it means, and plainer words to use.
///
/// A class, so that the many findings of one term share one copy (a finding only grows by a reference).
public final class GlossaryTerm: Hashable, Sendable {
  /// The term as the list writes it ("oedema", "PALS"), not as the text wrote it ("Oedema's").
  public let term: String
  /// What it means, in plain words (for an acronym: what it stands for, then the list's explanation).
  public let meaning: String
  /// Plainer words to use instead (for an acronym: the words it stands for, or its replacement).
  public let alternatives: [String]
  /// Whether the term is an acronym.
  public let isAcronym: Bool

  /// Creates a glossary term.
  public init(term: String, meaning: String, alternatives: [String], isAcronym: Bool) {
    self.term = term
    self.meaning = meaning
    self.alternatives = alternatives
    self.isAcronym = isAcronym
  }

  public static func == (a: GlossaryTerm, b: GlossaryTerm) -> Bool {
    a.term == b.term && a.meaning == b.meaning && a.alternatives == b.alternatives && a.isAcronym == b.isAcronym
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(term)
    hasher.combine(meaning)
    hasher.combine(alternatives)
    hasher.combine(isAcronym)
  }
}

/// Where a rule reports what it finds. Ranges are given in prose offsets; the linter maps them to the source.
public struct FindingSink {
  var findings: [Finding] = []
  /// The identifier and severity of each of the linter's rules.
  let rules: [(identifier: String, severity: Severity)]
  /// The rule reporting now: the linter sets it before each call (a number, so no string is copied per call).
  var rule = 0

  /// Reports a finding over a range of prose bytes, with the glossary term it is about, if any.
  public mutating func report(
    _ range: Range<Int>, message: String, suggestions: [Suggestion] = [], term: GlossaryTerm? = nil
  ) {
    let rule = rules[self.rule]
    findings.append(
      Finding(
        rule: rule.identifier, severity: rule.severity, message: message, range: range, suggestions: suggestions,
        term: term))
  }
}

/// Where a finding is, told the way a reader of a word-processed document finds it: which paragraph, under which
/// heading, in which sentence. Every output format shows it when it is there.
public struct FindingContext: Hashable, Sendable {
  /// The 1-based paragraph number (the same as the finding's line).
  public var paragraph: Int
  /// The heading the paragraph sits under (a footnote's label, such as "Footnote 2"), or nil before the first.
  public var heading: String?
  /// The sentence the finding starts in, shortened with "…" when it is long.
  public var quote: String

  /// Creates a context.
  public init(paragraph: Int, heading: String?, quote: String) {
    self.paragraph = paragraph
    self.heading = heading
    self.quote = quote
  }

  /// `paragraph 12, under “Side effects”: “You may feel sick.”`: for the end of a message.
  public var description: String {
    let under = heading.map { ", under “\($0)”" } ?? ""
    return "paragraph \(paragraph)\(under): “\(quote)”"
  }
}

/// A finding's context in a box of its own (see `Finding.context`).
private final class FindingContextBox: Hashable, Sendable {
  let context: FindingContext

  init(_ context: FindingContext) {
    self.context = context
  }

  static func == (a: FindingContextBox, b: FindingContextBox) -> Bool { a.context == b.context }

  func hash(into hasher: inout Hasher) { hasher.combine(context) }
}

extension Finding {
  /// The message with the finding's context after it in brackets, for output formats that have only a message
  /// to say where a finding is (SARIF, GitHub, GitLab, Checkstyle, JUnit, reviewdog); the message alone when
  /// there is no context.
  public var messageWithContext: String {
    guard let context else { return message }
    return "\(message) (\(context.description))"
  }
}
