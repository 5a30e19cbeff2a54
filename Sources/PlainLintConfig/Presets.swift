import PlainLintCore

extension Audience {
  /// The rule settings the audience brings, applied over the built-in defaults and under a file's own `rules:`.
  ///
  /// `public` is the built-in defaults. `professional` is for text read by health and care staff and
  /// researchers: medical words are their working language, longer words and sentences are fine, and words
  /// outside everyday English are not worth a note. Everything else (long sentences, office and research
  /// jargon, acronyms, person-centred language, the passive voice) stays as for the public: professionals read
  /// plain text faster too.
  public var preset: RuleSettings {
    switch self {
    case .public:
      return RuleSettings()
    case .professional:
      return RuleSettings([
        "jargon": RuleSetting(options: ["medical": .boolean(false)]),
        "reading-age": RuleSetting(options: ["target": .integer(16)]),
        "hard-sentence": RuleSetting(options: ["target": .integer(16)]),
        "uncommon-word": RuleSetting(enabled: false),
      ])
    }
  }

  /// What the audience is, in one line, for the starter file, the schema and `plainlint rules`.
  public var summary: String {
    switch self {
    case .public:
      "patients, carers and the public: the built-in settings"
    case .professional:
      "health and care professionals: medical words are not flagged, the reading-age target is 16, and "
        + "uncommon-word is off"
    }
  }
}
