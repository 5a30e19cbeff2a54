import PlainLintCore
import PlainLintRules
import Testing

@testable import PlainLintConfig

@Suite("Presets and precedence")
struct SettingsTests {
  /// The value of an option in force, as a whole number.
  func integer(_ settings: Settings, _ rule: any Rule.Type, _ option: String) -> Int? {
    if case .integer(let value)? = settings.option(option, of: rule) { return value }
    return nil
  }

  @Test func thePublicPresetIsTheBuiltInDefaults() throws {
    #expect(Audience.public.preset == RuleSettings())
    let rules = try Settings.defaults.configuredRules()
    #expect(rules.map(\.identifier) == BuiltInRules.identifiers)
    #expect(rules.map(\.severity) == BuiltInRules.all.map { $0.description.defaultSeverity })
  }

  @Test func theProfessionalPreset() throws {
    let settings = try configuration("audience: professional\n").settings(for: GlobPath("a.md"))
    #expect(settings.audience == .professional)
    #expect(integer(settings, ReadingAgeRule.self, "target") == 16)
    #expect(integer(settings, HardSentenceRule.self, "target") == 16)
    #expect(settings.option("medical", of: JargonRule.self) == .boolean(false))
    #expect(!settings.isEnabled("uncommon-word"))
    let rules = try settings.configuredRules()
    #expect(!rules.contains { $0.identifier == "uncommon-word" })
    #expect(rules.count == BuiltInRules.all.count - 1)
    // Everything else is as for the public.
    #expect(integer(settings, LongSentenceRule.self, "max-words") == 25)
    #expect(settings.isEnabled("passive-voice"))
  }

  @Test func professionalJargonLeavesMedicalWordsAlone() throws {
    let text = "Your haemorrhage will be discussed with the stakeholders.\n"
    func jargon(_ settings: Settings) throws -> [String] {
      let linter = Linter(rules: try settings.configuredRules().filter { $0.identifier == "jargon" })
      let document = Document(path: "a.txt", text: text)
      return linter.lint(PlainTextFrontEnd.prose(of: document)).map { document.text($0.range) }
    }
    #expect(try jargon(.defaults) == ["haemorrhage", "stakeholders"])
    #expect(try jargon(configuration("audience: professional\n").settings(for: nil)) == ["stakeholders"])
  }

  @Test func precedenceFromDefaultsToTheCommandLine() throws {
    let config = try configuration(
      """
      audience: professional
      rules:
        reading-age:
          target: 14
        uncommon-word: info
        long-sentence: {max-words: 30, severity: error}
      overrides:
        - files: "research/**"
          rules:
            reading-age: {target: 12}
            long-sentence: {max-words: 35}
        - files: "research/old/**"
          dialect: en-US
          rules:
            reading-age: {target: 13}
            long-sentence: off
        - files: "easy/**"
          audience: public
      """)
    // Built-in default < preset < top-level rules.
    let top = config.settings(for: GlobPath("a.md"))
    #expect(integer(top, ReadingAgeRule.self, "target") == 14)
    #expect(integer(top, HardSentenceRule.self, "target") == 16)
    // The top level's rules beat the preset: uncommon-word is on again, as a note.
    #expect(top.isEnabled("uncommon-word"))
    #expect(top.severity(of: UncommonWordRule.self) == .info)
    // Matching overrides in order: the later wins; the rest of a rule's setting stays.
    let research = config.settings(for: GlobPath("research/a.md"))
    #expect(integer(research, ReadingAgeRule.self, "target") == 12)
    #expect(integer(research, LongSentenceRule.self, "max-words") == 35)
    #expect(research.severity(of: LongSentenceRule.self) == .error)
    let old = config.settings(for: GlobPath("research/old/a.md"))
    #expect(config.matchingOverrides(GlobPath("research/old/a.md")) == [0, 1])
    #expect(integer(old, ReadingAgeRule.self, "target") == 13)
    #expect(!old.isEnabled("long-sentence"))
    #expect(integer(old, LongSentenceRule.self, "max-words") == 35)
    #expect(old.dialect == .us && research.dialect == .uk)
    // The command line wins over everything.
    let commandLine = old.applying(
      commandLine: ["reading-age": ["target": .integer(9)]], dialect: .uk)
    #expect(integer(commandLine, ReadingAgeRule.self, "target") == 9)
    #expect(commandLine.dialect == .uk)
    // An override's audience replaces the preset, under the top level's rules.
    let easy = config.settings(for: GlobPath("easy/a.md"))
    #expect(easy.audience == .public)
    #expect(integer(easy, HardSentenceRule.self, "target") == 11)
    #expect(integer(easy, ReadingAgeRule.self, "target") == 14)
    #expect(easy.option("medical", of: JargonRule.self) == .boolean(true))
    // Standard input without a name matches no override.
    #expect(config.settings(for: nil) == top)
  }

  @Test func severitiesAndSwitchesReachTheRules() throws {
    let config = try configuration("rules:\n  passive-voice: off\n  jargon: error\n  long-sentence: {max-words: 10}\n")
    let rules = try config.settings(for: nil).configuredRules()
    #expect(!rules.contains { $0.identifier == "passive-voice" })
    #expect(rules.first { $0.identifier == "jargon" }?.severity == .error)
    let long = try #require(rules.first { $0.identifier == "long-sentence" })
    let findings = Linter(rules: [long]).lint(
      PlainTextFrontEnd.prose(
        of: Document(path: "a.txt", text: "One two three four five six seven eight nine ten eleven.")))
    #expect(findings.count == 1)
  }

  @Test func acceptAndDictionariesAddUp() throws {
    let config = try configuration(
      """
      accept: [PPIE, stakeholder]
      overrides:
        - files: "research/**"
          accept:
            - cohort
            - PPIE
            - term: CRN
              expansion: Clinical Research Network
      """)
    #expect(config.settings(for: GlobPath("a.md")).accepted.map(\.term) == ["PPIE", "stakeholder"])
    #expect(
      config.settings(for: GlobPath("research/a.md")).accepted == [
        AcceptedWord(term: "PPIE"), AcceptedWord(term: "stakeholder"), AcceptedWord(term: "cohort"),
        AcceptedWord(term: "CRN", expansion: "Clinical Research Network"),
      ])
  }

  @Test func commandLineOptionsAreCheckedAndConverted() throws {
    let checked = try Settings.checkCommandLine(["long-sentence": ["max-words": .string("30")]])
    #expect(checked == ["long-sentence": ["max-words": .integer(30)]])
    #expect(throws: RuleOptionError.unknownRule("long-sentance", suggestion: "long-sentence")) {
      try Settings.checkCommandLine(["long-sentance": ["max-words": .string("30")]])
    }
    #expect(throws: RuleOptionError.outOfRange(rule: "long-sentence", option: "max-words", value: 1, range: 5...200)) {
      try Settings.checkCommandLine(["long-sentence": ["max-words": .string("1")]])
    }
  }
}

@Suite("Project words from the configuration")
struct ProjectWordsFromConfigurationTests {
  @Test func oneProjectWordsPerCombinationOfWords() throws {
    try withProject { root in
      let header = "term,variants,alternatives,category,explanation,source,region,auto_fix,exceptions\n"
      try write(header + "widgetry,,tools,bureaucratic,Office talk for tools.,,both,no,\n", to: "ours.csv", in: root)
      try write(
        """
        dictionaries: [ours.csv]
        accept: [stakeholder]
        overrides:
          - files: "research/**"
            accept: [cohort]
          - files: "research/old/**"
            rules:
              jargon: error
        """, to: ".plainlint.yml", in: root)
      let finder = ConfigFinder(currentFolder: root)
      let top = finder.resolve(file: "a.md").settings
      let research = finder.resolve(file: "research/a.md").settings
      let old = finder.resolve(file: "research/old/a.md").settings
      let store = finder.projectWords
      let topWords = try #require(store.words(for: top))
      #expect(store.words(for: finder.resolve(file: "b/c.md").settings) === topWords)
      let researchWords = try #require(store.words(for: research))
      #expect(researchWords !== topWords)
      // Different rule settings, the same words: one ProjectWords.
      #expect(store.words(for: old) === researchWords)
      #expect(store.count == 2)
      #expect(store.words(for: .defaults) == nil)
      #expect(topWords.dictionaries.map(\.words.count) == [1])
      #expect(researchWords.accepted.map(\.term) == ["stakeholder", "cohort"])
      // The rules see them: the project's term is jargon, the accepted word is not.
      let text = "Bring your widgetry to meet the stakeholders.\n"
      let document = Document(path: "a.txt", text: text)
      let rules = try top.configuredRules(words: topWords).filter { $0.identifier == "jargon" }
      let found = Linter(rules: rules).lint(PlainTextFrontEnd.prose(of: document)).map { document.text($0.range) }
      #expect(found == ["widgetry"])
    }
  }
}
