/// The value of a rule option.
public enum RuleOptionValue: Hashable, Sendable, CustomStringConvertible {
  case integer(Int)
  case number(Double)
  case boolean(Bool)
  case string(String)

  public var description: String {
    switch self {
    case .integer(let value): String(value)
    case .number(let value): String(value)
    case .boolean(let value): String(value)
    case .string(let value): value
    }
  }

  /// The name of the value's type, for messages.
  public var typeName: String {
    switch self {
    case .integer: "a whole number"
    case .number: "a number"
    case .boolean: "true or false"
    case .string: "text"
    }
  }
}

/// The English a document is checked as: UK English (the default) or US English. Word lists have entries for
/// one or both.
public enum Dialect: String, Sendable, CaseIterable {
  case uk, us
}

/// An option a rule takes, with its default and the values it accepts.
public struct RuleOptionDescription: Sendable {
  /// The option's name (kebab-case, for example `max-words`).
  public var name: String
  /// What the option controls, in one line.
  public var summary: String
  /// The value used when the option is not set.
  public var defaultValue: RuleOptionValue
  /// For whole numbers: the smallest and largest values allowed.
  public var allowedRange: ClosedRange<Int>?

  /// Creates an option description.
  public init(name: String, summary: String, defaultValue: RuleOptionValue, allowedRange: ClosedRange<Int>? = nil) {
    self.name = name
    self.summary = summary
    self.defaultValue = defaultValue
    self.allowedRange = allowedRange
  }
}

/// An example of text for a rule: the places it must flag are marked with « and ».
///
/// The same examples document the rule (`plainlint explain`) and test it: a generic test runs every rule on its
/// examples, once as written and once with non-ASCII text put in front, and checks that the findings land
/// exactly on the marked spans and nowhere else.
public struct RuleExample: Sendable {
  /// The example text, with « » around each span the rule must flag.
  public var markedText: String
  /// Options to set for this example (names and values), if any.
  public var options: [String: RuleOptionValue]

  /// Creates an example.
  public init(_ markedText: String, options: [String: RuleOptionValue] = [:]) {
    self.markedText = markedText
    self.options = options
  }

  /// The example with its markers removed.
  public var text: String {
    String(String.UnicodeScalarView(markedText.unicodeScalars.filter { $0 != "«" && $0 != "»" }))
  }

  /// The UTF-8 byte ranges of the marked spans, in the text without markers.
  public var markedRanges: [Range<Int>] {
    var ranges: [Range<Int>] = []
    var offset = 0
    var open: Int? = nil
    for scalar in markedText.unicodeScalars {
      if scalar == "«" {
        open = offset
      } else if scalar == "»", let start = open {
        ranges.append(start..<offset)
        open = nil
      } else {
        offset += String(scalar).utf8.count
      }
    }
    return ranges
  }
}

/// Everything known about a rule without running it: who it is, what it checks, its options and examples.
public struct RuleDescription: Sendable {
  /// The identifier used in output, configuration and suppression comments (kebab-case).
  public var identifier: String
  /// A short name for people.
  public var name: String
  /// What the rule checks, in one line.
  public var summary: String
  /// Why it matters to readers, in a few plain sentences.
  public var rationale: String
  /// The severity used unless configuration says otherwise.
  public var defaultSeverity: Severity
  /// The options the rule takes.
  public var options: [RuleOptionDescription]
  /// Text the rule must flag, with « » around each finding.
  public var triggeringExamples: [RuleExample]
  /// Text the rule must not flag.
  public var nonTriggeringExamples: [RuleExample]

  /// Creates a rule description.
  public init(
    identifier: String, name: String, summary: String, rationale: String, defaultSeverity: Severity,
    options: [RuleOptionDescription] = [], triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample]
  ) {
    self.identifier = identifier
    self.name = name
    self.summary = summary
    self.rationale = rationale
    self.defaultSeverity = defaultSeverity
    self.options = options
    self.triggeringExamples = triggeringExamples
    self.nonTriggeringExamples = nonTriggeringExamples
  }

  /// The options with their defaults, overridden by `values`, checked against the descriptions.
  public func resolveOptions(_ values: [String: RuleOptionValue]) throws(RuleOptionError) -> RuleOptions {
    var resolved: [String: RuleOptionValue] = [:]
    for option in options { resolved[option.name] = option.defaultValue }
    for (name, value) in values.sorted(by: { $0.key < $1.key }) {
      guard let option = options.first(where: { $0.name == name }) else {
        throw .unknownOption(
          rule: identifier, option: name, suggestion: closestMatch(to: name, in: options.map(\.name)))
      }
      resolved[name] = try option.accept(value, rule: identifier)
    }
    return RuleOptions(values: resolved)
  }
}

extension RuleOptionDescription {
  /// Checks a value against the option's type and range, converting between compatible types.
  func accept(_ value: RuleOptionValue, rule: String) throws(RuleOptionError) -> RuleOptionValue {
    switch (defaultValue, value) {
    case (.integer, .integer(let number)):
      if let range = allowedRange, !range.contains(number) {
        throw .outOfRange(rule: rule, option: name, value: number, range: range)
      }
      return value
    case (.number, .integer(let number)): return .number(Double(number))
    case (.number, .number), (.boolean, .boolean), (.string, .string): return value
    case (_, .string(let text)):
      // Text from the command line: read it as the option's type.
      switch defaultValue {
      case .integer:
        guard let number = Int(text) else { break }
        return try accept(.integer(number), rule: rule)
      case .number:
        guard let number = Double(text) else { break }
        return .number(number)
      case .boolean:
        if ["true", "yes", "on"].contains(text.lowercased()) { return .boolean(true) }
        if ["false", "no", "off"].contains(text.lowercased()) { return .boolean(false) }
      case .string:
        return value
      }
    default:
      break
    }
    throw .wrongType(rule: rule, option: name, value: value.description, expected: defaultValue.typeName)
  }
}

/// A problem with a rule's options, worded for the person who set them.
public enum RuleOptionError: Error, Hashable, Sendable, CustomStringConvertible {
  case unknownRule(String, suggestion: String?)
  case unknownOption(rule: String, option: String, suggestion: String?)
  case wrongType(rule: String, option: String, value: String, expected: String)
  case outOfRange(rule: String, option: String, value: Int, range: ClosedRange<Int>)
  case malformed(String)

  public var description: String {
    switch self {
    case .unknownRule(let rule, let suggestion):
      "unknown rule '\(rule)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; `plainlint rules` lists them")
    case .unknownOption(let rule, let option, let suggestion):
      "rule '\(rule)' has no option '\(option)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .wrongType(let rule, let option, let value, let expected):
      "option '\(rule).\(option)' must be \(expected), not '\(value)'"
    case .outOfRange(let rule, let option, let value, let range):
      "option '\(rule).\(option)' must be from \(range.lowerBound) to \(range.upperBound), not \(value)"
    case .malformed(let text):
      "'\(text)' is not of the form RULE.OPTION=VALUE (for example long-sentence.max-words=30)"
    }
  }
}

/// A rule's options after defaults and configuration are applied.
public struct RuleOptions: Sendable {
  /// The value of every option, by name.
  public var values: [String: RuleOptionValue]

  /// Creates resolved options.
  public init(values: [String: RuleOptionValue]) {
    self.values = values
  }

  /// The English the document is checked as (set for every rule, not per rule).
  public var dialect: Dialect = .uk

  /// The project's own words, shared by every rule of a configuration (a `ProjectWords` of PlainLintRules,
  /// which the rules that read word lists use instead of the built-in lists), or nil for the built-in lists.
  /// Core only carries it.
  public var projectWords: (any AnyObject & Sendable)? = nil

  /// A whole-number option's value.
  public func integer(_ name: String) -> Int {
    if case .integer(let value)? = values[name] { return value }
    preconditionFailure("option '\(name)' is not a whole number; the rule's description declares its options")
  }
}

/// A rule: a description, and a way to make a checker for one document.
///
/// Rules are immutable and shared between files. Anything a rule must remember while it reads one document
/// (the acronyms already defined, say) lives in the checker it makes for that document.
public protocol Rule: Sendable {
  /// Who the rule is, what it checks, its options and examples.
  static var description: RuleDescription { get }
  /// Creates the rule with resolved options.
  init(options: RuleOptions)
  /// Makes a checker for one document.
  func makeChecker(document: DocumentState) -> any RuleChecker
}

/// What the checkers of one document share: the document's prose, and objects several rules use (the word
/// matches of a block, say, found once for all the word rules).
public final class DocumentState {
  /// The document's prose, with the definitions its front end found (HTML `<abbr title>`).
  public let prose: ProseText
  private var shared: [ObjectIdentifier: AnyObject] = [:]

  /// Creates the state for one document.
  public init(prose: ProseText) {
    self.prose = prose
  }

  /// The document's one object of type `T`, made by `make` the first time it is asked for.
  public func shared<T: AnyObject>(_ type: T.Type, make: () -> T) -> T {
    if let object = shared[ObjectIdentifier(type)] as? T { return object }
    let object = make()
    shared[ObjectIdentifier(type)] = object
    return object
  }
}

/// The part of a rule that reads one document, sentence by sentence and block by block.
public protocol RuleChecker: AnyObject {
  /// Whether the linter calls `check(sentence:in:report:)`: a checker that reads whole blocks says false, which
  /// spares a call for every sentence of the document. True unless a checker says otherwise.
  var checksSentences: Bool { get }
  /// Called for each sentence, in document order.
  func check(sentence: Sentence, in block: BlockContext, report: inout FindingSink)
  /// Called for each block after its sentences.
  func check(block: BlockContext, report: inout FindingSink)
  /// Called once at the end of the document.
  func finish(report: inout FindingSink)
}

extension RuleChecker {
  public var checksSentences: Bool { true }
  public func check(sentence: Sentence, in block: BlockContext, report: inout FindingSink) {}
  public func check(block: BlockContext, report: inout FindingSink) {}
  public func finish(report: inout FindingSink) {}
}

/// One block as rules see it: its prose bytes, tokens and sentences.
///
/// The linter tokenizes several blocks at a time, so `tokens` and `allSentences` may also hold those of
/// neighbouring blocks: this block's are `tokens[tokenRange]` and `sentences`, and each sentence's `tokens`
/// range indexes the same `tokens` array.
public struct BlockContext {
  /// The prose bytes of the whole document (offsets in tokens and sentences index into these).
  public let text: [UInt8]
  /// The block.
  public internal(set) var block: ProseBlock
  /// The tokens of this block and perhaps its neighbours.
  public internal(set) var tokens: [Token]
  /// Where this block's tokens are in `tokens`.
  public internal(set) var tokenRange: Range<Int>
  /// The sentences of this block and perhaps its neighbours.
  public internal(set) var allSentences: [Sentence]
  /// Where this block's sentences are in `allSentences`.
  public internal(set) var sentenceRange: Range<Int>

  /// The block's sentences.
  @inlinable public var sentences: ArraySlice<Sentence> { allSentences[sentenceRange] }

  /// Creates a block context for one block whose tokens and sentences are all of `tokens` and `sentences`.
  public init(text: [UInt8], block: ProseBlock, tokens: [Token], sentences: [Sentence]) {
    self.text = text
    self.block = block
    self.tokens = tokens
    self.tokenRange = 0..<tokens.count
    self.allSentences = sentences
    self.sentenceRange = 0..<sentences.count
  }

  /// The text of a token or range, for messages (not for hot loops).
  public func string(_ range: Range<Int>) -> String {
    String(decoding: text[range], as: UTF8.self)
  }
}

/// The closest of `candidates` to `word` by edit distance, if any is close enough to be a likely typo.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
  func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
  let target = Array(word.lowercased())
  let scored = candidates.map { ($0, distance(target, Array($0.lowercased()))) }
  guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
  return best.1 <= max(2, target.count / 3) ? best.0 : nil
}
