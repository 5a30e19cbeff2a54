import PlainLintCore
import PlainLintRules
import Testing

@testable import PlainLintConfig

@Suite("Reading .plainlint.yml")
struct ConfigReaderTests {
  @Test func theIssuesExampleReads() throws {
    let config = try configuration(
      """
      # .plainlint.yml
      dialect: en-US
      audience: professional
      ignore:
        - "drafts/**"
        - "**/CHANGELOG.md"
      rules:
        long-sentence:
          max-words: 30
          severity: error
        passive-voice: off
        jargon: error
        uncommon-word:
          enabled: false
        acronym-density: on
        reading-age:
      accept:
        - stakeholder
        - PPIE
        - term: CRN
          expansion: Clinical Research Network
      overrides:
        - files: "research/**"
          audience: public
          dialect: en-GB
          rules:
            reading-age:
              target: 14
          accept: [cohort]
        - files: ["a.md", "b/*.md"]
          rules: {long-sentence: {max-words: 40}}
      """)
    #expect(config.dialect == .us)
    #expect(config.audience == .professional)
    #expect(config.ignore.map(\.pattern) == ["drafts/**", "**/CHANGELOG.md"])
    #expect(
      config.rules.byRule == [
        "long-sentence": RuleSetting(enabled: true, severity: .error, options: ["max-words": .integer(30)]),
        "passive-voice": RuleSetting(enabled: false),
        "jargon": RuleSetting(enabled: true, severity: .error),
        "uncommon-word": RuleSetting(enabled: false),
        "acronym-density": RuleSetting(enabled: true),
        "reading-age": RuleSetting(),
      ])
    #expect(
      config.accept == [
        AcceptedWord(term: "stakeholder"), AcceptedWord(term: "PPIE"),
        AcceptedWord(term: "CRN", expansion: "Clinical Research Network"),
      ])
    #expect(config.overrides.count == 2)
    #expect(config.overrides[0].files.map(\.pattern) == ["research/**"])
    #expect(config.overrides[0].audience == .public)
    #expect(config.overrides[0].dialect == .uk)
    #expect(config.overrides[0].rules.byRule == ["reading-age": RuleSetting(options: ["target": .integer(14)])])
    #expect(config.overrides[0].accept == [AcceptedWord(term: "cohort")])
    #expect(config.overrides[1].files.map(\.pattern) == ["a.md", "b/*.md"])
    #expect(config.overrides[1].rules.byRule["long-sentence"]?.options == ["max-words": .integer(40)])
  }

  @Test func anEmptyFileIsTheDefaults() throws {
    for text in ["", "\n\n", "# only a comment\n", "---\n", "~\n", "rules:\nignore:\naccept:\noverrides:\n"] {
      let config = try configuration(text)
      #expect(config.settings(for: GlobPath("a.md")) == Settings.defaults, "\(text)")
    }
  }

  @Test func ruleShorthands() throws {
    let config = try configuration(
      """
      rules:
        long-sentence: false
        jargon: true
        complex-word: "off"
        passive-voice: info
        uncommon-word: {severity: warning, enabled: false}
        acronym-avoid: {enabled: false, severity: error}
        hard-sentence: {severity: error}
      """)
    #expect(config.rules.byRule["long-sentence"] == RuleSetting(enabled: false))
    #expect(config.rules.byRule["jargon"] == RuleSetting(enabled: true))
    #expect(config.rules.byRule["complex-word"] == RuleSetting(enabled: false))
    #expect(config.rules.byRule["passive-voice"] == RuleSetting(enabled: true, severity: .info))
    // `enabled: false` wins over the severity's switching on, whichever comes first.
    #expect(config.rules.byRule["uncommon-word"] == RuleSetting(enabled: false, severity: .warning))
    #expect(config.rules.byRule["acronym-avoid"] == RuleSetting(enabled: false, severity: .error))
    #expect(config.rules.byRule["hard-sentence"] == RuleSetting(enabled: true, severity: .error))
  }

  @Test func paths() throws {
    let config = try configuration("ignore: drafts\n")
    #expect(config.ignore.map(\.pattern) == ["drafts"])
    #expect(config.folder == "/project")
    #expect(config.isIgnored(try #require(config.globPath(of: "/project/drafts/a.md"))))
    #expect(config.globPath(of: "/elsewhere/drafts/a.md") == nil)
  }

  // MARK: Each kind of problem, with its exact message and place

  @Test func unknownTopLevelKey() {
    #expect(
      problems("dialect: en-GB\nrule:\n  jargon: off\n") == [
        ".plainlint.yml:2:1: error: unknown setting 'rule'; did you mean 'rules'?"
      ])
    #expect(
      problems("colour: red\n") == [
        ".plainlint.yml:1:1: error: unknown setting 'colour'; the settings are dialect, audience, ignore, rules, "
          + "dictionaries, accept or overrides"
      ])
  }

  @Test func unknownRule() {
    #expect(
      problems("rules:\n  jargon: off\n\n  long-sentance:\n    max-words: 30\n") == [
        ".plainlint.yml:4:3: error: unknown rule 'long-sentance'; did you mean 'long-sentence'?"
      ])
    #expect(
      problems("rules:\n  directive: off\n") == [
        ".plainlint.yml:2:3: error: 'directive' warnings (directives that cannot be read) cannot be switched off or "
          + "changed; correct the directive instead"
      ])
    #expect(
      problems("rules:\n  spelling: off\n") == [
        ".plainlint.yml:2:3: error: unknown rule 'spelling'; `plainlint rules` lists them"
      ])
  }

  @Test func unknownOption() {
    #expect(
      problems("rules:\n  long-sentence:\n    max-word: 30\n") == [
        ".plainlint.yml:3:5: error: rule 'long-sentence' has no option 'max-word'; did you mean 'max-words'?"
      ])
    #expect(
      problems("rules:\n  long-sentence:\n    limit: 30\n") == [
        ".plainlint.yml:3:5: error: rule 'long-sentence' has no option 'limit'; its settings are enabled, "
          + "severity and max-words"
      ])
    #expect(
      problems("rules:\n  passive-voice:\n    threshold: 3\n") == [
        ".plainlint.yml:3:5: error: rule 'passive-voice' has no option 'threshold'; it takes only enabled and "
          + "severity"
      ])
  }

  @Test func wrongType() {
    #expect(
      problems("rules:\n  long-sentence:\n    max-words: lots\n") == [
        ".plainlint.yml:3:16: error: option 'long-sentence.max-words' must be a whole number, not 'lots'; for "
          + "example max-words: 25"
      ])
    #expect(
      problems("rules:\n  long-sentence:\n    max-words: 30.5\n") == [
        ".plainlint.yml:3:16: error: option 'long-sentence.max-words' must be a whole number, not '30.5'; did you "
          + "mean 31?"
      ])
    #expect(
      problems("rules:\n  long-sentence:\n    max-words: [1, 2]\n") == [
        ".plainlint.yml:3:16: error: option 'long-sentence.max-words' must be a whole number, not a list; for "
          + "example max-words: 25"
      ])
    #expect(
      problems("rules:\n  jargon:\n    medical: sometimes\n") == [
        ".plainlint.yml:3:14: error: option 'jargon.medical' must be true or false, not 'sometimes'; for example "
          + "medical: true"
      ])
    #expect(
      problems("rules:\n  jargon:\n    enabled: maybe\n") == [
        ".plainlint.yml:3:14: error: 'jargon.enabled' must be true or false, not 'maybe'"
      ])
    #expect(
      problems("rules:\n  jargon: 3\n") == [
        ".plainlint.yml:2:11: error: rule 'jargon' is set with on, off, a severity (error, warning or info) or its "
          + "options, not '3'"
      ])
    #expect(
      problems("rules:\n  - jargon\n") == [
        ".plainlint.yml:2:3: error: 'rules' must be rule names with their settings (`long-sentence: off`), not a list"
      ])
    #expect(
      problems("ignore: {drafts: yes}\n") == [
        ".plainlint.yml:1:9: error: 'ignore' must be a glob or a list of globs, not a mapping (`key: value` lines)"
      ])
    #expect(
      problems("- a\n- b\n") == [
        ".plainlint.yml:1:1: error: the file must hold settings as `key: value` lines (dialect, rules, …), not a list"
      ])
    #expect(
      problems("dialect: [en-GB]\n") == [".plainlint.yml:1:10: error: 'dialect' must be en-GB or en-US, not a list"])
  }

  @Test func outOfRange() {
    #expect(
      problems("rules:\n  long-sentence:\n    max-words: 500\n") == [
        ".plainlint.yml:3:16: error: option 'long-sentence.max-words' must be from 5 to 200, not 500; the nearest "
          + "allowed value is 200"
      ])
    #expect(
      problems("rules:\n  reading-age:\n    target: 0\n") == [
        ".plainlint.yml:3:13: error: option 'reading-age.target' must be from 5 to 25, not 0; the nearest allowed "
          + "value is 5"
      ])
  }

  @Test func unknownSeverity() {
    #expect(
      problems("rules:\n  jargon: warn\n") == [
        ".plainlint.yml:2:11: error: unknown severity 'warn' for rule 'jargon'; did you mean 'warning'?"
      ])
    #expect(
      problems("rules:\n  jargon:\n    severity: errror\n") == [
        ".plainlint.yml:3:15: error: unknown severity 'errror' for rule 'jargon'; did you mean 'error'?"
      ])
    #expect(
      problems("rules:\n  jargon: high\n") == [
        ".plainlint.yml:2:11: error: unknown severity 'high' for rule 'jargon'; use error, warning, info, on or off"
      ])
  }

  @Test func unknownDialectAndAudience() {
    #expect(
      problems("dialect: en-gb\n") == [".plainlint.yml:1:10: error: unknown dialect 'en-gb'; did you mean 'en-GB'?"])
    #expect(
      problems("dialect: british\n") == [".plainlint.yml:1:10: error: unknown dialect 'british'; use en-GB or en-US"])
    #expect(
      problems("audience: profesional\n") == [
        ".plainlint.yml:1:11: error: unknown audience 'profesional'; did you mean 'professional'?"
      ])
    #expect(
      problems("audience: children\n") == [
        ".plainlint.yml:1:11: error: unknown audience 'children'; use public or professional"
      ])
    #expect(problems("dialect:\n") == [".plainlint.yml:1:9: error: 'dialect' must be en-GB or en-US, not empty"])
  }

  @Test func badGlob() {
    #expect(
      problems("ignore:\n  - drafts/**\n  - \"notes/[ab\"\n") == [
        ".plainlint.yml:3:5: error: bad glob 'notes/[ab': '[' is never closed with ']'; write \\[ for a literal "
          + "bracket"
      ])
    #expect(
      problems("overrides:\n  - files: \"{a,b\"\n    audience: professional\n") == [
        ".plainlint.yml:2:12: error: bad glob '{a,b': '{' is never closed with '}'"
      ])
  }

  @Test func acceptEntriesOfTheWrongShape() {
    let shape =
      "an accept entry is a word, phrase or acronym, or `term:` with an optional `expansion:`"
    #expect(problems("accept:\n  - [a, b]\n") == [".plainlint.yml:2:5: error: \(shape), not a list"])
    #expect(
      problems("accept:\n  - term: CRN\n    expanson: Clinical Research Network\n") == [
        ".plainlint.yml:3:5: error: an accept entry has no setting 'expanson'; did you mean 'expansion'?"
      ])
    #expect(
      problems("accept:\n  - expansion: Clinical Research Network\n") == [
        ".plainlint.yml:2:5: error: this accept entry has no 'term'; add `term:` with the word or acronym"
      ])
    #expect(
      problems("accept:\n  - term: [a]\n") == [".plainlint.yml:2:11: error: 'term' must be text, not a list"])
    #expect(
      problems("accept:\n  -\n") == [
        ".plainlint.yml:2:4: error: \(shape), not empty"
      ])
    #expect(
      problems("accept: {PPIE: yes}\n") == [
        ".plainlint.yml:1:9: error: 'accept' must be a list of words, phrases and acronyms, not a mapping "
          + "(`key: value` lines)"
      ])
  }

  @Test func overridesOfTheWrongShape() {
    #expect(
      problems("overrides:\n  - audience: professional\n") == [
        ".plainlint.yml:2:5: error: this override has no 'files'; add `files:` with the globs it applies to "
          + "(\"research/**\")"
      ])
    #expect(
      problems("overrides:\n  - files: a.md\n    ignore: b.md\n") == [
        ".plainlint.yml:3:5: error: an override has no setting 'ignore'; it may set files, audience, dialect, "
          + "rules, dictionaries or accept"
      ])
    #expect(
      problems("overrides:\n  files: a.md\n") == [
        ".plainlint.yml:2:3: error: 'overrides' must be a list of entries, each starting `- files:`, not a mapping "
          + "(`key: value` lines)"
      ])
    #expect(
      problems("overrides:\n  - files: []\n") == [
        ".plainlint.yml:2:12: error: 'files' is empty; give the globs this override applies to (\"research/**\")"
      ])
    #expect(
      problems("overrides:\n  - files: a.md\n    rules:\n      jargn: off\n") == [
        ".plainlint.yml:4:7: error: unknown rule 'jargn'; did you mean 'jargon'?"
      ])
  }

  @Test func duplicateKeys() {
    #expect(
      problems("rules:\n  jargon: off\nignore: a\nrules:\n  jargon: on\n") == [
        ".plainlint.yml:4:1: error: 'rules' is set twice in the same place (first at line 1); keep one"
      ])
    #expect(
      problems("rules:\n  long-sentence:\n    max-words: 20\n    max-words: 30\n") == [
        ".plainlint.yml:4:5: error: 'max-words' is set twice in the same place (first at line 3); keep one"
      ])
  }

  @Test func yamlSyntaxErrors() {
    #expect(
      problems("rules:\n  jargon: off\n   long-sentence: off\n") == [
        ".plainlint.yml:3:17: error: not valid YAML: mapping values are not allowed in this context; put text that "
          + "holds ': ' in quotes, and check the indentation"
      ])
    #expect(
      problems("rules:\n\tjargon: off\n") == [
        ".plainlint.yml:2:1: error: not valid YAML: found character that cannot start any token (while scanning "
          + "for the next token at line 2); indent with spaces, not tabs"
      ])
    #expect(
      problems("ignore: [a, b\n") == [
        ".plainlint.yml:2:1: error: not valid YAML: did not find expected ',' or ']' (while parsing a flow "
          + "sequence at line 1); check the indentation and that each setting is `key: value`"
      ])
    #expect(
      problems("ignore: \"drafts\n") == [
        ".plainlint.yml:2:1: error: not valid YAML: found unexpected end of stream (while scanning a quoted "
          + "scalar at line 1)"
      ])
  }

  @Test func notUTF8() {
    var reader = ConfigReader(
      path: "/p/.plainlint.yml", displayPath: ".plainlint.yml", dictionaries: DictionaryStore(currentFolder: "/p"))
    let result = reader.read(Array("dialect: en-GB\n# caf".utf8) + [0xE9] + Array("\n".utf8))
    #expect(
      throws: ConfigFailure.self,
      performing: { try result.get() })
    if case .failure(let failure) = result {
      #expect(
        failure.problems.map(\.description) == [
          ".plainlint.yml:2:6: error: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8"
        ])
    }
  }

  @Test func everyProblemInAFileIsReportedInOrder() {
    #expect(
      problems(
        """
        dialect: en-AU
        rules:
          long-sentance: off
          jargon:
            medical: no
            severity: loud
        overrides:
          - files: "x/[a"
            audience: experts
        accept:
          - [x]
        colour: red
        """) == [
          ".plainlint.yml:1:10: error: unknown dialect 'en-AU'; did you mean 'en-GB'?",
          ".plainlint.yml:3:3: error: unknown rule 'long-sentance'; did you mean 'long-sentence'?",
          ".plainlint.yml:6:15: error: unknown severity 'loud' for rule 'jargon'; use error, warning or info",
          ".plainlint.yml:8:12: error: bad glob 'x/[a': '[' is never closed with ']'; write \\[ for a literal bracket",
          ".plainlint.yml:9:15: error: unknown audience 'experts'; use public or professional",
          ".plainlint.yml:11:5: error: an accept entry is a word, phrase or acronym, or `term:` with an optional "
            + "`expansion:`, not a list",
          ".plainlint.yml:12:1: error: unknown setting 'colour'; the settings are dialect, audience, ignore, rules, "
            + "dictionaries, accept or overrides",
        ])
  }

  // MARK: The starter file

  @Test func theStarterFileLoadsAndListsEveryRule() throws {
    let text = StarterFile.text
    let config = try configuration(text)
    #expect(config.settings(for: GlobPath("a.md")) == Settings.defaults)
    for rule in BuiltInRules.all {
      let description = rule.description
      #expect(text.contains("  # \(description.identifier):\n  #   severity: \(description.defaultSeverity)\n"))
      for option in description.options {
        #expect(text.contains("  #   \(option.name): \(option.defaultValue)  # "), "\(option.name)")
      }
    }
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 120 })
  }

  @Test func theStarterFileWithEveryRuleUncommentedChangesNothing() throws {
    // Remove the "# " of every rule line, as a user would to change one.
    let uncommented = StarterFile.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasPrefix("  # ") ? "  " + line.dropFirst(4) : String(line)
    }.joined(separator: "\n")
    let config = try configuration(uncommented)
    #expect(config.rules.byRule.count == BuiltInRules.all.count)
    let rules = try config.settings(for: GlobPath("a.md")).configuredRules()
    let defaults = try Settings.defaults.configuredRules()
    #expect(rules.map(\.identifier) == defaults.map(\.identifier))
    #expect(rules.map(\.severity) == defaults.map(\.severity))
    // Uncommenting the other examples (ignore, accept, overrides) gives a valid file too.
    var inExample = false
    var lines: [String] = []
    for line in uncommented.split(separator: "\n", omittingEmptySubsequences: false) {
      if ["# ignore:", "# accept:", "# overrides:"].contains(line) { inExample = true }
      if line.isEmpty { inExample = false }
      lines.append(inExample ? String(line.dropFirst(2)) : String(line))
    }
    let everything = lines.joined(separator: "\n")
    let full = try configuration(everything)
    #expect(full.ignore.count == 2)
    #expect(full.accept.count == 2)
    #expect(full.overrides.count == 1)
  }
}
