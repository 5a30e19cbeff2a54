import Foundation
import Testing

/// A temporary project: a folder with a `.git` folder, so configuration discovery stops there.
func withProject<T>(_ body: (URL) throws -> T) throws -> T {
  try withTemporaryFolder { folder in
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
    return try body(folder)
  }
}

/// A sentence that every word rule and long-sentence can flag: jargon (medical and research), a passive verb.
let jargonText = "The haemorrhage was treated. You will be contacted by the stakeholders about the deliverables.\n"

/// The rules of the findings in text output, in order.
func rules(in output: String) -> [String] {
  output.split(separator: "\n").compactMap { line in
    guard line.contains(": warning: ") || line.contains(": error: ") || line.contains(": info: "),
      let open = line.lastIndex(of: "[")
    else { return nil }
    return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
  }
}

/// The files with findings in text output, in order, once each.
func files(in output: String) -> [String] {
  var seen: [String] = []
  for line in output.split(separator: "\n") where line.contains(": warning: ") || line.contains(": error: ") {
    let path = String(line.prefix { $0 != ":" })
    if !seen.contains(path) { seen.append(path) }
  }
  return seen
}

@Suite("Configuration files, end to end", .serialized)
struct ConfigTests {
  @Test func theNearestConfigurationWins() throws {
    try withProject { folder in
      try write("rules:\n  passive-voice: off\n  hard-sentence: off\n", to: ".plainlint.yml", in: folder)
      try write("rules:\n  jargon: off\n  hard-sentence: off\n", to: "docs/.plainlint.yml", in: folder)
      try write(jargonText, to: "a.txt", in: folder)
      try write(jargonText, to: "docs/sub/b.txt", in: folder)
      let top = try plainlint(["check", "a.txt"], in: folder)
      #expect(rules(in: top.stdout) == ["jargon", "jargon", "jargon"])
      let nested = try plainlint(["check", "docs/sub/b.txt"], in: folder)
      // No merging: the top file's passive-voice: off does not apply under docs/.
      #expect(rules(in: nested.stdout) == ["passive-voice", "passive-voice"])
      // Run from inside the folder, the same file finds the same configuration.
      let inside = try plainlint(["check", "b.txt"], in: folder.appendingPathComponent("docs/sub"))
      #expect(rules(in: inside.stdout) == ["passive-voice", "passive-voice"])
    }
  }

  @Test func overridesApplyToMatchingFiles() throws {
    try withProject { folder in
      try write(
        """
        rules:
          hard-sentence: off
          passive-voice: off
        overrides:
          - files: "research/**"
            audience: professional
          - files: ["research/strict/*.txt"]
            rules:
              jargon: error
        """, to: ".plainlint.yml", in: folder)
      for path in ["a.txt", "research/b.txt", "research/strict/c.txt"] { try write(jargonText, to: path, in: folder) }
      let result = try plainlint(["check", "--format", "json", "."], in: folder)
      let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let reports = try #require(json["files"] as? [[String: Any]])
      var found: [String: [String]] = [:]
      for report in reports {
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        found[try #require(report["path"] as? String)] = diagnostics.map {
          "\($0["rule"] as? String ?? "") \($0["severity"] as? String ?? "") \($0["text"] as? String ?? "")"
        }
      }
      #expect(
        found == [
          "a.txt": [
            "jargon warning haemorrhage", "jargon warning stakeholders", "jargon warning deliverables",
          ],
          // Professional readers know medical words.
          "research/b.txt": ["jargon warning stakeholders", "jargon warning deliverables"],
          "research/strict/c.txt": ["jargon error stakeholders", "jargon error deliverables"],
        ])
    }
  }

  @Test func ignoredFilesAreNotLinted() throws {
    try withProject { folder in
      try write("ignore:\n  - \"drafts/**\"\n  - \"**/CHANGELOG.md\"\n", to: ".plainlint.yml", in: folder)
      for path in ["a.txt", "drafts/b.txt", "drafts/x/c.md", "docs/CHANGELOG.md", "docs/d.md"] {
        try write(jargonText, to: path, in: folder)
      }
      let all = try plainlint(["check"], in: folder)
      #expect(files(in: all.stdout) == ["a.txt", "docs/d.md"])
      #expect(all.stdout.hasSuffix("Checked 2 files: 6 warnings, 4 notes.\n"))
      // Named on the command line, an ignored file is still left out, so CI and hooks agree with the folder run.
      let named = try plainlint(["check", "drafts/b.txt", "docs/CHANGELOG.md", "a.txt"], in: folder)
      #expect(files(in: named.stdout) == ["a.txt"])
      // Standard input named as an ignored file (an editor linting it) is left out too.
      let piped = try plainlint(
        ["check", "--stdin-filename", "drafts/new.txt", "-"], in: folder, stdin: Data(jargonText.utf8))
      #expect(piped.stdout == "No files were checked.\n")
      #expect(piped.status == 0)
    }
  }

  @Test func standardInputFindsItsConfiguration() throws {
    try withProject { folder in
      try write("rules:\n  jargon: error\n", to: "docs/.plainlint.yml", in: folder)
      let named = try plainlint(
        ["check", "--stdin-filename", "docs/new.txt", "-"], in: folder, stdin: Data(jargonText.utf8))
      #expect(named.stdout.contains("docs/new.txt:1:5: error: “haemorrhage” is a medical word"))
      // Without a name, the current folder's configuration applies.
      let unnamed = try plainlint(
        ["check", "--language", "text", "-"], in: folder.appendingPathComponent("docs"), stdin: Data(jargonText.utf8))
      #expect(unnamed.stdout.contains("<stdin>:1:5: error: “haemorrhage”"))
      let outside = try plainlint(["check", "--language", "text", "-"], in: folder, stdin: Data(jargonText.utf8))
      #expect(outside.stdout.contains("<stdin>:1:5: warning: “haemorrhage”"))
    }
  }

  @Test func anExplicitConfigurationReplacesDiscovery() throws {
    try withProject { folder in
      try write("rules:\n  jargon: off\n", to: ".plainlint.yml", in: folder)
      try write(
        "rules:\n  jargon: error\n  passive-voice: off\n  hard-sentence: off\n", to: "ci/strict.yml", in: folder)
      try write(jargonText, to: "a.txt", in: folder)
      let result = try plainlint(["check", "--config", "ci/strict.yml", "a.txt"], in: folder)
      #expect(rules(in: result.stdout) == ["jargon", "jargon", "jargon"])
      #expect(result.stdout.contains("a.txt:1:5: error:"))
      let stats = try plainlint(["stats", "--config", "ci/strict.yml", "a.txt"], in: folder)
      #expect(stats.stdout.contains("Findings                        3   jargon 3"))
      let missing = try plainlint(["check", "--config", "nowhere.yml", "a.txt"], in: folder)
      #expect(missing.status == 2)
      #expect(missing.stdout.isEmpty)
      #expect(
        missing.stderr == "nowhere.yml: error: cannot read the configuration file: no such file; check the path\n")
    }
  }

  @Test func commandLineOptionsWinOverTheFile() throws {
    try withProject { folder in
      try write(
        "dialect: en-US\nrules:\n  long-sentence:\n    max-words: 8\n", to: ".plainlint.yml", in: folder)
      try write("Take one acetaminophen tablet with a glass of water after you have eaten.\n", to: "a.txt", in: folder)
      let configured = try plainlint(["check", "a.txt"], in: folder)
      #expect(rules(in: configured.stdout) == ["long-sentence"])
      let overridden = try plainlint(
        ["check", "--option", "long-sentence.max-words=20", "--english", "uk", "a.txt"], in: folder)
      #expect(rules(in: overridden.stdout) == ["jargon"])
    }
  }

  @Test func statsUsesTheConfiguration() throws {
    try withProject { folder in
      try write("audience: professional\n", to: "research/.plainlint.yml", in: folder)
      try write(jargonText, to: "research/a.txt", in: folder)
      try write(jargonText, to: "b.txt", in: folder)
      let result = try plainlint(["stats", "research/a.txt", "b.txt"], in: folder)
      #expect(result.status == 0)
      #expect(result.stdout.contains("Reading age (years)            14   within the target of 16"))
      #expect(result.stdout.contains("Reading age (years)            14   above the target of 11"))
    }
  }

  // MARK: Project words

  @Test func projectDictionariesAndAcceptedWords() throws {
    try withProject { folder in
      let header = "term,variants,alternatives,category,explanation,source,region,auto_fix,exceptions\n"
      try write(
        header + "widgetry,,tools,bureaucratic,Office talk for the things we use.,,both,no,\n",
        to: "words/ours.csv", in: folder)
      try write(
        "acronym,expansion,policy,replacement,explanation,source,region\n"
          + "QXR,quick review,define,,Our weekly review.,,both\n", to: "words/acronyms.csv", in: folder)
      try write(
        """
        dictionaries:
          - words/ours.csv
        accept:
          - stakeholder
          - PPIE
          - term: CRN
            expansion: Clinical Research Network
        rules:
          passive-voice: off
          hard-sentence: off
          reading-age: off
        overrides:
          - files: "research/**"
            dictionaries: [words/acronyms.csv]
            accept: [deliverables]
        """, to: ".plainlint.yml", in: folder)
      let text = """
        Bring your widgetry to the stakeholders. The PPIE group and the CRN will read the deliverables. \
        The QXR is on Monday.

        """
      try write(text, to: "a.txt", in: folder)
      try write(text, to: "research/b.txt", in: folder)
      let result = try plainlint(["check", "--format", "json", "a.txt", "research/b.txt"], in: folder)
      #expect(result.stderr.isEmpty)
      let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let reports = try #require(json["files"] as? [[String: Any]])
      var found: [String: [String]] = [:]
      for report in reports {
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        found[try #require(report["path"] as? String)] = diagnostics.map {
          "\($0["rule"] as? String ?? "") \($0["text"] as? String ?? "")"
        }
      }
      #expect(
        found == [
          // The project's term is jargon; the accepted word and acronyms are fine; QXR is not explained.
          "a.txt": ["jargon widgetry", "jargon deliverables", "acronym-undefined QXR"],
          // In research/, deliverables is accepted too; the project's acronym list knows QXR, but as a `define`
          // acronym it must still be written out.
          "research/b.txt": ["jargon widgetry", "acronym-undefined QXR"],
        ])
      let message = try plainlint(["check", "a.txt"], in: folder).stdout
      #expect(message.contains("“widgetry” is office jargon; try “tools”. Office talk for the things we use."))
      // Only research/ has the acronym list, so only there does the message know what QXR stands for.
      #expect(!message.contains("quick review (QXR)"))
      let research = try plainlint(["check", "research/b.txt"], in: folder).stdout
      #expect(research.contains("= help: Write “quick review (QXR)”"))
      // stats counts the same hard words: the accepted ones are not hard.
      let stats = try plainlint(["stats", "--format", "json", "a.txt"], in: folder).stdout
      let figures = try #require(try JSONSerialization.jsonObject(with: Data(stats.utf8)) as? [String: Any])
      let metrics = try #require((figures["files"] as? [[String: Any]])?.first?["metrics"] as? [String: Any])
      #expect(metrics["hardWords"] as? Int == 3)
    }
  }

  // MARK: Bad configurations

  /// Every kind of bad setting: exit code 2, nothing on standard output, one exact line per problem.
  @Test(
    arguments: [
      (
        "rules:\n  jargon: off\n    long-sentence: off\n",
        [
          ".plainlint.yml:3:18: error: not valid YAML: mapping values are not allowed in this context; put text that "
            + "holds ': ' in quotes, and check the indentation"
        ]
      ),
      ("dialekt: en-GB\n", [".plainlint.yml:1:1: error: unknown setting 'dialekt'; did you mean 'dialect'?"]),
      (
        "rules:\n  long-sentance:\n    max-words: 30\n",
        [
          ".plainlint.yml:2:3: error: unknown rule 'long-sentance'; did you mean 'long-sentence'?"
        ]
      ),
      (
        "rules:\n  long-sentence:\n    max-word: 30\n",
        [
          ".plainlint.yml:3:5: error: rule 'long-sentence' has no option 'max-word'; did you mean 'max-words'?"
        ]
      ),
      (
        "rules:\n  long-sentence:\n    max-words: lots\n",
        [
          ".plainlint.yml:3:16: error: option 'long-sentence.max-words' must be a whole number, not 'lots'; for "
            + "example max-words: 25"
        ]
      ),
      (
        "rules:\n  long-sentence:\n    max-words: 3\n",
        [
          ".plainlint.yml:3:16: error: option 'long-sentence.max-words' must be from 5 to 200, not 3; the nearest "
            + "allowed value is 5"
        ]
      ),
      (
        "rules:\n  jargon: serious\n",
        [
          ".plainlint.yml:2:11: error: unknown severity 'serious' for rule 'jargon'; use error, warning, info, on "
            + "or off"
        ]
      ),
      ("dialect: en-AU\n", [".plainlint.yml:1:10: error: unknown dialect 'en-AU'; did you mean 'en-GB'?"]),
      ("audience: experts\n", [".plainlint.yml:1:11: error: unknown audience 'experts'; use public or professional"]),
      (
        "ignore: \"drafts/{a,b\"\n", [".plainlint.yml:1:9: error: bad glob 'drafts/{a,b': '{' is never closed with '}'"]
      ),
      (
        "dictionaries: [words/missing.csv]\n",
        [
          ".plainlint.yml:1:16: error: cannot read the dictionary 'words/missing.csv': no such file; paths are "
            + "relative to the folder of .plainlint.yml"
        ]
      ),
      (
        "accept:\n  - term: CRN\n    meaning: Clinical Research Network\n",
        [
          ".plainlint.yml:3:5: error: an accept entry has no setting 'meaning'; its settings are term or expansion"
        ]
      ),
      (
        "rules:\n  jargon: off\nrules:\n  jargon: on\n",
        [
          ".plainlint.yml:3:1: error: 'rules' is set twice in the same place (first at line 1); keep one"
        ]
      ),
      (
        "rules:\n  jargn: off\n  passive-voice: sometimes\noverrides:\n  - audience: professional\n",
        [
          ".plainlint.yml:2:3: error: unknown rule 'jargn'; did you mean 'jargon'?",
          ".plainlint.yml:3:18: error: unknown severity 'sometimes' for rule 'passive-voice'; use error, warning, "
            + "info, on or off",
          ".plainlint.yml:5:5: error: this override has no 'files'; add `files:` with the globs it applies to "
            + "(\"research/**\")",
        ]
      ),
    ])
  func aBadSettingStopsTheRun(_ yaml: String, _ expected: [String]) throws {
    try withProject { folder in
      try write(yaml, to: ".plainlint.yml", in: folder)
      try write(jargonText, to: "a.txt", in: folder)
      for command in [["check"], ["stats"], ["check", "--format", "json", "a.txt"], ["rules"]] {
        let result = try plainlint(command, in: folder)
        #expect(result.status == 2, "\(command)")
        #expect(result.stdout.isEmpty, "\(command)")
        #expect(result.stderr == expected.map { $0 + "\n" }.joined(), "\(command)")
      }
    }
  }

  @Test func aBadConfigurationIsReportedEvenWithNothingToLint() throws {
    try withProject { folder in
      try write("rules:\n  jargn: off\n", to: "docs/.plainlint.yml", in: folder)
      let result = try plainlint(["check", "docs"], in: folder)
      #expect(result.status == 2)
      #expect(result.stdout.isEmpty)
      #expect(result.stderr == "docs/.plainlint.yml:2:3: error: unknown rule 'jargn'; did you mean 'jargon'?\n")
    }
  }

  @Test func aBrokenDictionaryStopsTheRunAtItsOwnLine() throws {
    try withProject { folder in
      let header = "term,variants,alternatives,category,explanation,source,region,auto_fix,exceptions\n"
      try write(
        header + "cohort,,group,research,A research word for a group.,,both,no,\n"
          + "widget,,thing,office,Office talk.,,both,no,\n", to: "words/ours.csv", in: folder)
      try write("dictionaries:\n  - words/ours.csv\n", to: ".plainlint.yml", in: folder)
      try write(jargonText, to: "a.txt", in: folder)
      let result = try plainlint(["check"], in: folder)
      #expect(result.status == 2)
      #expect(result.stdout.isEmpty)
      #expect(
        result.stderr
          == "words/ours.csv:3:15: error: \"office\" is not a category; use one of: medical, health-service, "
          + "research, bureaucratic, plain-english, inclusive, latin\n")
    }
  }

  @Test func anEmptyConfigurationIsTheDefaults() throws {
    try withProject { folder in
      try write(jargonText, to: "a.txt", in: folder)
      let without = try plainlint(["check", "a.txt"], in: folder)
      try write("# nothing yet\n", to: ".plainlint.yml", in: folder)
      let with = try plainlint(["check", "a.txt"], in: folder)
      #expect(with.stdout == without.stdout)
      #expect(with.status == without.status)
      #expect(with.stderr.isEmpty)
    }
  }

  // MARK: init

  @Test func initWritesAStarterFileThatLoadsAndNeverOverwrites() throws {
    try withProject { folder in
      try write(jargonText, to: "a.txt", in: folder)
      let before = try plainlint(["check", "a.txt"], in: folder)
      let result = try plainlint(["init"], in: folder)
      #expect(result.status == 0)
      #expect(result.stdout.hasPrefix("Wrote .plainlint.yml: every rule is listed with its default, commented out."))
      let url = folder.appendingPathComponent(".plainlint.yml")
      let written = try String(contentsOf: url, encoding: .utf8)
      for rule in try ruleIdentifiers() { #expect(written.contains("  # \(rule):\n")) }
      // The starter file loads, and changes nothing.
      let after = try plainlint(["check", "a.txt"], in: folder)
      #expect(after.stdout == before.stdout)
      #expect(after.stderr.isEmpty)
      // A second init refuses, and leaves the file as it was.
      try write("rules:\n  jargon: off\n", to: ".plainlint.yml", in: folder)
      let again = try plainlint(["init"], in: folder)
      #expect(again.status == 2)
      #expect(again.stdout.isEmpty)
      #expect(
        again.stderr
          == ".plainlint.yml: error: already exists; plainlint init never replaces a file. Edit it, or move it away "
          + "and run init again\n")
      #expect(try String(contentsOf: url, encoding: .utf8) == "rules:\n  jargon: off\n")
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      #expect(names == [".git", ".plainlint.yml", "a.txt"])
    }
  }

  @Test func initWritesInAnotherFolder() throws {
    try withProject { folder in
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
      let result = try plainlint(["init", "--path", "docs"], in: folder)
      #expect(result.status == 0)
      #expect(result.stdout.hasPrefix("Wrote docs/.plainlint.yml:"))
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("docs/.plainlint.yml").path))
      let missing = try plainlint(["init", "--path", "nowhere"], in: folder)
      #expect(missing.status == 2)
      #expect(missing.stderr == "nowhere/.plainlint.yml: error: cannot write here: nowhere is not a folder\n")
    }
  }

  // MARK: rules and explain

  @Test func rulesShowsTheSettingsInForce() throws {
    try withProject { folder in
      try write(
        """
        rules:
          passive-voice: off
          jargon: error
          long-sentence:
            max-words: 30
        overrides:
          - files: "research/**"
            audience: professional
        """, to: ".plainlint.yml", in: folder)
      let top = try plainlint(["rules"], in: folder)
      #expect(top.status == 0)
      let lines = top.stdout.split(separator: "\n").map(String.init)
      #expect(lines.first == "Configuration: .plainlint.yml")
      #expect(lines.contains("Audience: public; English: en-GB"))
      #expect(lines.contains { $0.hasPrefix("passive-voice (off; default info): ") })
      #expect(lines.contains { $0.hasPrefix("jargon (error; default warning): ") })
      #expect(lines.contains { $0.hasPrefix("complex-word (warning): ") })
      #expect(lines.contains { $0.hasPrefix("    max-words = 30 (default 25): ") })
      #expect(lines.contains { $0.hasPrefix("    medical = true: ") })
      let research = try plainlint(["rules", "research/paper.md"], in: folder)
      let researchLines = research.stdout.split(separator: "\n").map(String.init)
      #expect(researchLines.first == "Configuration: .plainlint.yml (overrides 1 apply to research/paper.md)")
      #expect(researchLines.contains("Audience: professional; English: en-GB"))
      #expect(researchLines.contains { $0.hasPrefix("uncommon-word (off; default info): ") })
      #expect(researchLines.contains { $0.hasPrefix("    medical = false (default true): ") })
      #expect(researchLines.contains { $0.hasPrefix("    target = 16 (default 11): ") })
      let explicit = try plainlint(["rules", "--config", ".plainlint.yml", "research"], in: folder)
      #expect(explicit.stdout.hasPrefix("Configuration: .plainlint.yml (overrides 1 apply to research)\n"))
      let none = try plainlint(["rules"], in: fixtures)
      #expect(none.stdout.hasPrefix("Configuration: none for .; the built-in defaults apply.\n"))
    }
  }

  @Test func explainTellsWhatARuleChecksAndWhy() throws {
    let result = try plainlint(["explain", "long-sentence"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("long-sentence: Long sentence\n\nSentences with more than 25 words"))
    #expect(result.stdout.contains("\nDefault severity: warning\n"))
    #expect(result.stdout.contains("\nWhy it matters\n  Long sentences"))
    #expect(result.stdout.contains("\nOptions\n  max-words (a whole number, 5 to 200, default 25): "))
    #expect(result.stdout.contains("\nExamples it flags (the flagged text is between « and »)\n"))
    #expect(result.stdout.contains("    → This sentence has "))
    #expect(result.stdout.contains("\nExamples it leaves alone\n"))
    let jargon = try plainlint(["explain", "jargon"])
    #expect(
      jargon.stdout.contains("  with medical: false:\n  Patients with oedema will be seen as an «outpatient».\n"))
    #expect(jargon.stdout.contains("    → “outpatient” is health-service jargon"))
  }

  @Test func explainWorksForEveryRule() throws {
    for rule in try ruleIdentifiers() {
      let result = try plainlint(["explain", rule])
      #expect(result.status == 0, "\(rule)")
      #expect(result.stderr.isEmpty, "\(rule)")
      // Every flagged example shows at least one message, and no line runs past 100 columns but examples.
      let flagged = result.stdout.components(separatedBy: "Examples it flags")[1]
        .components(separatedBy: "Examples it leaves alone")[0]
      #expect(flagged.contains("    → "), "\(rule)")
      for line in result.stdout.split(separator: "\n") where !line.hasPrefix("  ") || line.hasPrefix("    →") {
        #expect(line.count <= 100, "\(rule): \(line)")
      }
    }
  }

  @Test func explainTheDirectiveWarnings() throws {
    let result = try plainlint(["explain", "directive"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("directive: Directive that cannot be read\n"))
    #expect(result.stdout.contains("cannot be switched off, in .plainlint.yml or by a directive"))
  }

  @Test func explainAnUnknownRule() throws {
    let result = try plainlint(["explain", "long-sentance"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "plainlint: error: unknown rule 'long-sentance'; did you mean 'long-sentence'?\n")
  }

  // MARK: The schema

  @Test func theSchemaIsJSONAndListsEveryRuleAndOption() throws {
    let result = try plainlint(["config", "schema"])
    #expect(result.status == 0)
    let schema = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    let definitions = try #require(schema["$defs"] as? [String: Any])
    let rules = try #require(definitions["rules"] as? [String: Any])
    let ruleProperties = try #require(rules["properties"] as? [String: Any])
    let listed = try plainlint(["rules"], in: fixtures).stdout.split(separator: "\n")
    for rule in try ruleIdentifiers() {
      #expect(ruleProperties[rule] != nil, "\(rule)")
      let ruleSchema = try #require(definitions["rule-\(rule)"] as? [String: Any])
      let choices = try #require(ruleSchema["anyOf"] as? [[String: Any]])
      let settings = try #require(choices.last?["properties"] as? [String: Any])
      // Every option `plainlint rules` lists under the rule, with its type and default.
      let start = try #require(listed.firstIndex { $0.hasPrefix("\(rule) (") })
      let options = listed[(start + 1)...].prefix { $0.hasPrefix("    ") }.map {
        String($0.dropFirst(4).prefix { $0 != " " })
      }
      #expect(Set(settings.keys) == Set(["enabled", "severity"] + options), "\(rule)")
      for option in options {
        let property = try #require(settings[option] as? [String: Any])
        #expect(property["type"] != nil && property["default"] != nil && property["description"] != nil)
      }
    }
  }

  @Test func aRealValidatorAgreesWithTheSchema() throws {
    try withProject { folder in
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("words"), withIntermediateDirectories: true)
      let schema = try plainlint(["config", "schema"]).stdout
      try write(schema, to: "schema.json", in: folder)
      _ = try plainlint(["init"], in: folder)
      let good = [
        "issue.yml": """
        dialect: en-GB
        audience: public
        ignore:
          - "drafts/**"
          - "**/CHANGELOG.md"
        rules:
          long-sentence:
            max-words: 30
            severity: warning
          passive-voice: off
          jargon: error
          uncommon-word:
            enabled: false
        dictionaries:
          - words/our-words.csv
        accept:
          - stakeholder
          - PPIE
          - term: CRN
            expansion: Clinical Research Network
        overrides:
          - files: "research/**"
            audience: professional
            rules:
              reading-age:
                target: 14
        """,
        "empty.yml": "# nothing\n",
        "shorthands.yml": "ignore: drafts\nrules:\n  jargon: {medical: false}\n  passive-voice: info\n",
      ]
      let bad = [
        "unknown-key.yml": "dialekt: en-GB\n",
        "unknown-rule.yml": "rules:\n  long-sentance: off\n",
        "unknown-option.yml": "rules:\n  long-sentence:\n    max-word: 30\n",
        "wrong-type.yml": "rules:\n  long-sentence:\n    max-words: lots\n",
        "out-of-range.yml": "rules:\n  long-sentence:\n    max-words: 500\n",
        "severity.yml": "rules:\n  jargon: serious\n",
        "dialect.yml": "dialect: en-AU\n",
        "override.yml": "overrides:\n  - audience: professional\n",
        "accept.yml": "accept:\n  - term: CRN\n    meaning: Clinical Research Network\n",
      ]
      for (name, text) in good.merging(bad, uniquingKeysWith: { a, _ in a }) { try write(text, to: name, in: folder) }
      let python = try PythonEnvironment.make(
        "jsonschema",
        packages: [
          "jsonschema==4.26.0", "jsonschema-specifications==2025.9.1", "referencing==0.37.0", "rpds-py==2026.9.1",
          "attrs==26.1.0", "typing_extensions==4.16.0", "PyYAML==6.0.3",
        ])
      let script = packageRoot.appendingPathComponent("Tests/Python/validate_config.py")
      let names = ([".plainlint.yml"] + good.keys.sorted() + bad.keys.sorted())
      let output = try PythonEnvironment.run(
        python.path,
        [script.path, folder.appendingPathComponent("schema.json").path]
          + names.map { folder.appendingPathComponent($0).path })
      let json = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
      #expect(json["validator"] as? String == "Draft202012Validator")
      let results = try #require(json["results"] as? [String: [String]])
      for name in [".plainlint.yml"] + good.keys.sorted() {
        #expect(results[folder.appendingPathComponent(name).path] == [], "\(name) should be valid")
      }
      for name in bad.keys.sorted() {
        #expect(results[folder.appendingPathComponent(name).path]?.isEmpty == false, "\(name) should be invalid")
        // plainlint itself agrees that it is bad.
        let ours = try plainlint(["rules", "--config", name], in: folder)
        #expect(ours.status == 2, "\(name)")
      }
    }
  }
}

/// The identifiers of every rule, from `plainlint rules`.
func ruleIdentifiers() throws -> [String] {
  try plainlint(["rules"], in: fixtures).stdout.split(separator: "\n").compactMap { line in
    guard !line.hasPrefix(" "), let space = line.firstIndex(of: " "), line.contains(" (") else { return nil }
    let name = line[..<space]
    // `directive` is listed for the suppression directives' own warnings; it is not a rule to configure.
    guard name != "directive" else { return nil }
    return name.allSatisfy({ $0.isLowercase || $0 == "-" }) ? String(name) : nil
  }
}
