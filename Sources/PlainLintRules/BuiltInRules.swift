import PlainLintCore

/// The rules that ship with plainlint.
public enum BuiltInRules {
  /// Every built-in rule type, in the order they are listed and run.
  public static let all: [any Rule.Type] = [
    LongSentenceRule.self,
    HardSentenceRule.self,
    LongParagraphRule.self,
    ReadingAgeRule.self,
    PassiveVoiceRule.self,
    JargonRule.self,
    ComplexWordRule.self,
    InclusiveLanguageRule.self,
    LatinAbbreviationRule.self,
    AcronymUndefinedRule.self,
    AcronymOutdatedRule.self,
    AcronymAvoidRule.self,
    AcronymDensityRule.self,
    UncommonWordRule.self,
  ]

  /// The measurer of the readability figures (`plainlint stats`, the JSON report), for text in `dialect`.
  public static func measurer(dialect: Dialect = .uk) -> any DocumentMeasurer {
    ReadabilityMeasurer(dialect: dialect)
  }

  /// The measurer of the readability figures for text in `dialect`, with a project's words (nil for none): pass
  /// the same `words` as to `configured(options:dialect:words:)`.
  public static func measurer(dialect: Dialect = .uk, words: ProjectWords?) -> any DocumentMeasurer {
    ReadabilityMeasurer(dialect: dialect, words: words)
  }

  /// The measurer of `measurer(dialect:words:)` that keeps each sentence's counts as well, for `plainlint report`
  /// (the sentences that raise the reading age most).
  public static func sentenceMeasurer(dialect: Dialect = .uk, words: ProjectWords?) -> any DocumentMeasurer {
    ReadabilityMeasurer(dialect: dialect, words: words, sentences: true)
  }

  /// The rule type with this identifier, if there is one.
  public static func rule(named identifier: String) -> (any Rule.Type)? {
    all.first { $0.description.identifier == identifier }
  }

  /// The identifiers of every rule.
  public static var identifiers: [String] { all.map { $0.description.identifier } }

  /// Builds configured rules: every rule at its default severity, with options set by `options`, a map from
  /// rule identifier to option values.
  public static func configured(options: [String: [String: RuleOptionValue]] = [:], dialect: Dialect = .uk)
    throws(RuleOptionError) -> [ConfiguredRule]
  {
    try configured(options: options, dialect: dialect, words: nil)
  }

  /// Builds configured rules as `configured(options:dialect:)` does, with a project's words (nil for none): its
  /// word lists, acronym lists and accepted terms, read by every rule that reads the built-in lists. One
  /// `ProjectWords` serves any number of files and configurations; its lexicon is made the first time a file is
  /// linted.
  public static func configured(
    options: [String: [String: RuleOptionValue]] = [:], dialect: Dialect = .uk, words: ProjectWords?
  ) throws(RuleOptionError) -> [ConfiguredRule] {
    for rule in options.keys.sorted() where self.rule(named: rule) == nil {
      throw .unknownRule(rule, suggestion: closestMatch(to: rule, in: identifiers))
    }
    var result: [ConfiguredRule] = []
    for type in all {
      let description = type.description
      var resolved = try description.resolveOptions(options[description.identifier] ?? [:])
      resolved.dialect = dialect
      resolved.projectWords = words
      result.append(ConfiguredRule(rule: type.init(options: resolved), severity: description.defaultSeverity))
    }
    return result
  }
}
