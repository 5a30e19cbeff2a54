import PlainLintCore
import PlainLintRules

extension Settings {
  /// Whether the settings name project words: dictionaries or accepted words.
  public var hasProjectWords: Bool { !dictionaries.isEmpty || !accepted.isEmpty }

  /// The rules these settings make: every built-in rule with its options set, at its configured severity,
  /// leaving out the rules that are switched off. `words` are the project's words for these settings (see
  /// `ProjectWordsStore`), nil for none.
  public func configuredRules(words: ProjectWords? = nil) throws(RuleOptionError) -> [ConfiguredRule] {
    let all = try BuiltInRules.configured(options: optionValues, dialect: dialect, words: words)
    return all.compactMap { configured in
      let identifier = configured.identifier
      guard isEnabled(identifier) else { return nil }
      var configured = configured
      if let severity = rules.byRule[identifier]?.severity { configured.severity = severity }
      return configured
    }
  }

  /// The reading age the text aims at: the `reading-age` rule's target, whether or not the rule runs.
  public var readingAgeTarget: Int {
    if case .integer(let value)? = option("target", of: ReadingAgeRule.self) { return value }
    preconditionFailure("reading-age's target is a whole number; its description declares it")
  }

  /// Checks `--option` values given on the command line (text, as typed) and converts each to its option's
  /// type.
  public static func checkCommandLine(_ options: [String: [String: RuleOptionValue]]) throws(RuleOptionError)
    -> [String: [String: RuleOptionValue]]
  {
    var checked: [String: [String: RuleOptionValue]] = [:]
    for (rule, values) in options.sorted(by: { $0.key < $1.key }) {
      guard let type = BuiltInRules.rule(named: rule) else {
        throw .unknownRule(rule, suggestion: closestMatch(to: rule, in: BuiltInRules.identifiers))
      }
      let resolved = try type.description.resolveOptions(values)
      checked[rule] = resolved.values.filter { values[$0.key] != nil }
    }
    return checked
  }
}
