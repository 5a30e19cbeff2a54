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
  /// Where a reader finds it in a document without lines of its own (a Word document): the paragraph, the
  /// heading it sits under and its sentence. Nil for text, Markdown and HTML, whose lines are the place.
  public var context: FindingContext? = nil

  /// Creates a finding.
  public init(rule: String, severity: Severity, message: String, range: Range<Int>, suggestions: [Suggestion] = []) {
    self.rule = rule
    self.severity = severity
    self.message = message
    self.range = range
    self.suggestions = suggestions
  }
}

/// Where a rule reports what it finds. Ranges are given in prose offsets; the linter maps them to the source.
public struct FindingSink {
  var findings: [Finding] = []
  /// The identifier and severity of each of the linter's rules.
  let rules: [(identifier: String, severity: Severity)]
  /// The rule reporting now: the linter sets it before each call (a number, so no string is copied per call).
  var rule = 0

  /// Reports a finding over a range of prose bytes.
  public mutating func report(_ range: Range<Int>, message: String, suggestions: [Suggestion] = []) {
    let rule = rules[self.rule]
    findings.append(
      Finding(
        rule: rule.identifier, severity: rule.severity, message: message, range: range, suggestions: suggestions))
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

extension Finding {
  /// The message with the finding's context after it in brackets, for output formats that have only a message
  /// to say where a finding is (SARIF, GitHub, GitLab, Checkstyle, JUnit, reviewdog); the message alone when
  /// there is no context.
  public var messageWithContext: String {
    guard let context else { return message }
    return "\(message) (\(context.description))"
  }
}
