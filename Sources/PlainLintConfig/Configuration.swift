import PlainLintCore

/// The name of a configuration file.
public let configurationFileName = ".plainlint.yml"

/// Who a text is for. The audience chooses a preset: rule settings applied before the file's own.
public enum Audience: String, CaseIterable, Hashable, Sendable {
  /// Patients, carers and the public: the built-in defaults.
  case `public`
  /// Health and care professionals: medical words and a higher reading age are fine.
  case professional
}

extension Dialect {
  /// The name of the English in a configuration file: `en-GB` or `en-US`.
  public var configurationName: String {
    switch self {
    case .uk: "en-GB"
    case .us: "en-US"
    }
  }

  /// The English a configuration file names, if it is one plainlint knows.
  public init?(configurationName: String) {
    guard let dialect = Dialect.allCases.first(where: { $0.configurationName == configurationName }) else {
      return nil
    }
    self = dialect
  }
}

/// How one rule is set: on or off, its severity and its options. Unset parts leave what came before.
public struct RuleSetting: Hashable, Sendable {
  /// Whether the rule runs; nil leaves it as it was.
  public var enabled: Bool?
  /// The severity of its findings; nil leaves it as it was.
  public var severity: Severity?
  /// Option values by name, already checked against the rule's description.
  public var options: [String: RuleOptionValue]

  /// Creates a rule setting.
  public init(enabled: Bool? = nil, severity: Severity? = nil, options: [String: RuleOptionValue] = [:]) {
    self.enabled = enabled
    self.severity = severity
    self.options = options
  }

  /// This setting with `later` applied on top: what `later` sets wins.
  public func applying(_ later: RuleSetting) -> RuleSetting {
    var result = self
    if let enabled = later.enabled { result.enabled = enabled }
    if let severity = later.severity { result.severity = severity }
    result.options.merge(later.options) { _, new in new }
    return result
  }
}

/// Settings for several rules, by rule identifier.
public struct RuleSettings: Hashable, Sendable {
  /// The settings of each rule that is set.
  public var byRule: [String: RuleSetting]

  /// Creates rule settings.
  public init(_ byRule: [String: RuleSetting] = [:]) {
    self.byRule = byRule
  }

  /// These settings with `later` applied on top, rule by rule.
  public func applying(_ later: RuleSettings) -> RuleSettings {
    var result = self
    for (rule, setting) in later.byRule {
      result.byRule[rule] = (result.byRule[rule] ?? RuleSetting()).applying(setting)
    }
    return result
  }
}

/// A word, phrase or acronym that is fine for a project, with what an acronym stands for.
public struct AcceptedWord: Hashable, Sendable {
  /// The word, phrase or acronym, as written in the configuration.
  public var term: String
  /// For an acronym: what it stands for.
  public var expansion: String?

  /// Creates an accepted word.
  public init(term: String, expansion: String? = nil) {
    self.term = term
    self.expansion = expansion
  }
}

/// Settings for the files that match some globs, applied after the top level's.
public struct Override: Sendable {
  /// The files it applies to, relative to the configuration's folder.
  public var files: [Glob]
  /// The audience for those files: replaces the top level's preset.
  public var audience: Audience?
  /// The English for those files.
  public var dialect: Dialect?
  /// Rule settings for those files.
  public var rules: RuleSettings
  /// Project dictionaries added to the top level's (absolute paths).
  public var dictionaries: [String]
  /// Accepted words added to the top level's.
  public var accept: [AcceptedWord]

  /// Creates an override.
  public init(
    files: [Glob], audience: Audience? = nil, dialect: Dialect? = nil, rules: RuleSettings = RuleSettings(),
    dictionaries: [String] = [], accept: [AcceptedWord] = []
  ) {
    self.files = files
    self.audience = audience
    self.dialect = dialect
    self.rules = rules
    self.dictionaries = dictionaries
    self.accept = accept
  }
}

/// A `.plainlint.yml` file, read and checked.
public struct Configuration: Sendable {
  /// The file's absolute path.
  public var path: String
  /// The file's path as shown in messages.
  public var displayPath: String
  /// The English to check; nil for the default (en-GB).
  public var dialect: Dialect?
  /// Who the text is for; nil for the default (public).
  public var audience: Audience?
  /// Files not to lint, relative to the file's folder.
  public var ignore: [Glob]
  /// Rule settings for every file.
  public var rules: RuleSettings
  /// Project dictionaries (absolute paths), in the order given.
  public var dictionaries: [String]
  /// Words, phrases and acronyms that are fine for the project.
  public var accept: [AcceptedWord]
  /// Settings for some files, applied in order.
  public var overrides: [Override]

  /// Creates a configuration.
  public init(
    path: String, displayPath: String? = nil, dialect: Dialect? = nil, audience: Audience? = nil, ignore: [Glob] = [],
    rules: RuleSettings = RuleSettings(), dictionaries: [String] = [], accept: [AcceptedWord] = [],
    overrides: [Override] = []
  ) {
    self.path = path
    self.displayPath = displayPath ?? path
    self.dialect = dialect
    self.audience = audience
    self.ignore = ignore
    self.rules = rules
    self.dictionaries = dictionaries
    self.accept = accept
    self.overrides = overrides
  }

  /// The folder the file is in: globs and dictionary paths are relative to it.
  public var folder: String { FileSystem.parent(of: path) }

  /// Where an absolute path is relative to the configuration's folder, ready for globs; nil when it is outside.
  public func globPath(of absolutePath: String) -> GlobPath? {
    FileSystem.relative(absolutePath, to: folder).map(GlobPath.init)
  }

  /// Whether `ignore:` leaves out a file (given relative to the configuration's folder).
  public func isIgnored(_ path: GlobPath) -> Bool {
    ignore.contains { $0.matches(path) }
  }

  /// The overrides that apply to a file (given relative to the configuration's folder), in order.
  public func matchingOverrides(_ path: GlobPath?) -> [Int] {
    guard let path else { return [] }
    return overrides.indices.filter { index in overrides[index].files.contains { $0.matches(path) } }
  }

  /// The settings in force for a file: built-in defaults, the audience's preset, the top level's rules, then
  /// each override that matches the file, in order. `path` is relative to the configuration's folder; nil (for
  /// standard input without a name) matches no override.
  public func settings(for path: GlobPath?) -> Settings {
    settings(overrides: matchingOverrides(path))
  }

  /// The settings in force with the given overrides applied, in order.
  public func settings(overrides indices: [Int]) -> Settings {
    var audience = self.audience ?? .public
    var dialect = self.dialect ?? .uk
    var rules = self.rules
    var dictionaries = self.dictionaries
    var accept = self.accept
    for index in indices {
      let override = overrides[index]
      if let overrideAudience = override.audience { audience = overrideAudience }
      if let overrideDialect = override.dialect { dialect = overrideDialect }
      rules = rules.applying(override.rules)
      for dictionary in override.dictionaries where !dictionaries.contains(dictionary) {
        dictionaries.append(dictionary)
      }
      for word in override.accept where !accept.contains(word) { accept.append(word) }
    }
    return Settings(
      dialect: dialect, audience: audience, rules: audience.preset.applying(rules), dictionaries: dictionaries,
      accepted: accept)
  }
}

/// The settings in force for one file: everything needed to build its rules.
public struct Settings: Hashable, Sendable {
  /// The English to check.
  public var dialect: Dialect
  /// Who the text is for (its preset is already in `rules`).
  public var audience: Audience
  /// The rule settings applied over the built-in defaults (the preset's first).
  public var rules: RuleSettings
  /// Project dictionaries (absolute paths).
  public var dictionaries: [String]
  /// Accepted words, phrases and acronyms.
  public var accepted: [AcceptedWord]

  /// Creates settings.
  public init(
    dialect: Dialect = .uk, audience: Audience = .public, rules: RuleSettings = RuleSettings(),
    dictionaries: [String] = [], accepted: [AcceptedWord] = []
  ) {
    self.dialect = dialect
    self.audience = audience
    self.rules = rules
    self.dictionaries = dictionaries
    self.accepted = accepted
  }

  /// The settings with no configuration file: the built-in defaults.
  public static let defaults = Settings()

  /// These settings with the command line's on top: `--option` values (already checked) and `--english`.
  public func applying(commandLine options: [String: [String: RuleOptionValue]], dialect: Dialect?) -> Settings {
    var result = self
    if let dialect { result.dialect = dialect }
    result.rules = rules.applying(RuleSettings(options.mapValues { RuleSetting(options: $0) }))
    return result
  }

  /// The option values set for each rule, for `BuiltInRules.configured`.
  public var optionValues: [String: [String: RuleOptionValue]] {
    rules.byRule.compactMapValues { $0.options.isEmpty ? nil : $0.options }
  }

  /// Whether a rule runs.
  public func isEnabled(_ rule: String) -> Bool {
    rules.byRule[rule]?.enabled ?? true
  }

  /// The severity of a rule's findings, whether or not it runs.
  public func severity(of rule: any Rule.Type) -> Severity {
    rules.byRule[rule.description.identifier]?.severity ?? rule.description.defaultSeverity
  }

  /// The value of one of a rule's options: the one set, or the default.
  public func option(_ name: String, of rule: any Rule.Type) -> RuleOptionValue? {
    rules.byRule[rule.description.identifier]?.options[name]
      ?? rule.description.options.first { $0.name == name }?.defaultValue
  }
}
