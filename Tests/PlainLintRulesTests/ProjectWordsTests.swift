import Foundation
import PlainLintCore
import PlainLintDictionaries
import PlainLintLexicon
import Testing

@testable import PlainLintRules

/// The header row of a word list.
let wordListHeader = "term,variants,alternatives,category,explanation,source,region,auto_fix,exceptions\n"
/// The header row of an acronym list.
let acronymListHeader = "acronym,expansion,policy,replacement,explanation,source,region\n"

/// A project's words from CSV text (a project's own lists) and accepted terms.
func projectWords(_ csv: String...) -> ProjectWords {
  projectWords(csv, accept: [])
}

/// A project's words from CSV text (a project's own lists) and accepted terms.
func projectWords(_ csv: [String] = [], accept: [AcceptedTerm]) -> ProjectWords {
  let files = csv.enumerated().map { index, text in
    DictionaryFile(name: "project-\(index).csv", bytes: Array(text.utf8), isProjectList: true)
  }
  return ProjectWords(dictionaries: files, accepted: accept)
}

/// Lints plain text with every built-in rule and a project's words.
func lint(_ text: String, words: ProjectWords?, dialect: Dialect = .uk) throws -> [Finding] {
  let linter = Linter(rules: try BuiltInRules.configured(dialect: dialect, words: words))
  return linter.lint(PlainTextFrontEnd.prose(of: Document(path: "test.txt", text: text)))
}

/// Lints and measures plain text with every built-in rule and a project's words.
func measure(_ text: String, words: ProjectWords?) throws -> (findings: [Finding], metrics: DocumentMetrics) {
  let linter = Linter(
    rules: try BuiltInRules.configured(words: words), measurer: BuiltInRules.measurer(words: words))
  let (findings, metrics) = linter.run(PlainTextFrontEnd.prose(of: Document(path: "test.txt", text: text)))
  return (findings, try #require(metrics))
}

/// The rules that read word lists.
let wordRules: Set<String> = ["jargon", "complex-word", "inclusive-language", "latin-abbreviation", "uncommon-word"]
/// The acronym rules.
let acronymRules: Set<String> = ["acronym-undefined", "acronym-outdated", "acronym-avoid", "acronym-density"]

@Suite("Project words")
struct ProjectWordsTests {
  @Test func aProjectListAddsAJargonTermWithItsAlternative() throws {
    let words = projectWords(
      wordListHeader
        + "frobnication,frobnicating,fixing;repair,bureaucratic,Office jargon for fixing something.,our team,"
        + "both,yes,\n")
    let text = "The frobnication is done. Two frobnications and frobnicating."
    let found = try lint(text, words: words).filter { $0.rule == "jargon" }
    #expect(summary(found, text) == ["jargon: frobnication", "jargon: frobnications", "jargon: frobnicating"])
    let first = try #require(found.first)
    #expect(
      first.message == "“frobnication” is office jargon; try “fixing” or “repair”. Office jargon for fixing something.")
    #expect(first.suggestions.map(\.replacement) == ["fixing", "repair"])
    #expect(first.suggestions.first?.isSafe == true)
    // Without the project's words, it is only an uncommon word.
    #expect(summary(try lint(text, words: nil), text, rules: ["jargon"]) == [])
  }

  @Test func aProjectRowReplacesTheBuiltInOne() throws {
    let words = projectWords(
      wordListHeader
        + "stakeholder,,patients and staff,research,Our panel asks you to say who you mean.,,both,no,\n"
        + "oedema,,swelling,medical,Our wording for swelling.,,both,no,\n")
    let text = "Ask the stakeholders. You may have oedema or edema."
    let found = try lint(text, words: words).filter { $0.rule == "jargon" }
    #expect(summary(found, text) == ["jargon: stakeholders", "jargon: oedema"])
    #expect(found[0].message == "“stakeholders” is research jargon; try “patients and staff”. "
      + "Our panel asks you to say who you mean.")
    #expect(found[1].suggestions.map(\.replacement) == ["swelling"])
    // The built-in row is replaced whole: its other spellings (edema) and exceptions go with it.
    let builtIn = try lint(text, words: nil).filter { $0.rule == "jargon" }
    #expect(summary(builtIn, text) == ["jargon: stakeholders", "jargon: oedema", "jargon: edema"])
    #expect(builtIn[0].suggestions.map(\.replacement).contains("people involved"))
  }

  @Test func aProjectRowForARegularEndingReplacesTheBuiltInRow() throws {
    let words = projectWords(wordListHeader + "stakeholders,,our partners,research,Say partners.,,both,no,\n")
    let text = "The stakeholder and the stakeholders."
    let found = try lint(text, words: words).filter { $0.rule == "jargon" }
    // The built-in stakeholder row found stakeholders, so it is replaced: stakeholder alone is left alone.
    #expect(summary(found, text) == ["jargon: stakeholders"])
    #expect(found.first?.suggestions.map(\.replacement) == ["our partners"])
  }

  @Test func acceptedWordsAreNeverFlaggedByAnyWordRule() throws {
    let accepted: [AcceptedTerm] = [.init(term: "stakeholder"), .init(term: "Utilise"), .init(term: "lassitude")]
    let words = projectWords(accept: accepted)
    let text = "Stakeholders utilised it. Her lassitude passed. Utilising the lift is fine. We did a deep dive. "
      + "They utilize it."
    let found = try lint(text, words: words)
    #expect(summary(found, text, rules: wordRules) == ["jargon: deep dive"])
    let builtIn = try lint(text, words: nil)
    #expect(
      summary(builtIn, text, rules: wordRules) == [
        "jargon: Stakeholders", "complex-word: utilised", "uncommon-word: lassitude", "complex-word: Utilising",
        "jargon: deep dive", "complex-word: utilize",
      ])
  }

  @Test func acceptingAWordDoesNotAcceptTheListsOtherSpellings() throws {
    let words = projectWords(accept: [.init(term: "oedema")])
    let text = "Some oedema, or edema."
    #expect(summary(try lint(text, words: words), text, rules: wordRules) == ["jargon: edema"])
  }

  @Test func acceptedPhrasesAreNotFlaggedButLongerTermsStillAre() throws {
    let words = projectWords(accept: [.init(term: "care package"), .init(term: "acute")])
    let text = "Your care packages start today. The pain is acute. We give acute care."
    #expect(summary(try lint(text, words: words), text, rules: wordRules) == ["jargon: acute care"])
    #expect(
      summary(try lint(text, words: nil), text, rules: wordRules) == [
        "jargon: care packages", "jargon: acute", "jargon: acute care",
      ])
  }

  @Test func anAcceptedWordWinsOverTheProjectsOwnList() throws {
    let csv = wordListHeader + "frobnication,,fixing,bureaucratic,Office jargon.,,both,no,\n"
    let words = projectWords([csv], accept: [.init(term: "frobnication")])
    #expect(try lint("The frobnication is done.", words: words).isEmpty)
  }

  @Test func acceptedAcronymsAreKnown() throws {
    let words = projectWords(accept: [.init(term: "PPIE"), .init(term: "PROMs"), .init(term: "XQZR")])
    let text = "PPIE matters. We use PROMs and one PROM. The XQZR team will call."
    #expect(summary(try lint(text, words: words), text, rules: acronymRules) == [])
    #expect(
      summary(try lint(text, words: nil), text, rules: acronymRules) == [
        "acronym-undefined: PPIE", "acronym-undefined: PROMs", "acronym-undefined: XQZR",
      ])
  }

  @Test func acceptedAcronymsAreNotCountedForDensity() throws {
    let text = "The ICB, PCN, CQC and PALS met."
    #expect(try lint(text, words: nil).contains { $0.rule == "acronym-density" })
    let words = projectWords(accept: [.init(term: "PALS", expansion: "patient advice and liaison service")])
    let found = try lint(text, words: words)
    #expect(!found.contains { $0.rule == "acronym-density" })
    #expect(
      summary(found, text, rules: ["acronym-undefined"]) == [
        "acronym-undefined: ICB", "acronym-undefined: PCN", "acronym-undefined: CQC",
      ])
  }

  @Test func anAcceptedOutdatedAcronymIsNoLongerFlagged() throws {
    let text = "The CRN supports studies. Your CCG pays."
    #expect(
      summary(try lint(text, words: nil), text, rules: acronymRules) == [
        "acronym-outdated: CRN", "acronym-outdated: CCG",
      ])
    let words = projectWords(accept: [.init(term: "CRN", expansion: "Clinical Research Network")])
    #expect(summary(try lint(text, words: words), text, rules: acronymRules) == ["acronym-outdated: CCG"])
    let entry = try #require(words.lexicon.acronym("CRNs"))
    #expect(entry.policy == .ok)
    #expect(entry.expansions == ["Clinical Research Network"])
  }

  @Test func acronymsInCapitalsOnlyAreAcronyms() throws {
    // Accepting a word in small letters accepts the word, not an acronym written the same way.
    let words = projectWords(accept: [.init(term: "pals")])
    let text = "Ask PALS for help."
    #expect(summary(try lint(text, words: words), text, rules: acronymRules) == ["acronym-undefined: PALS"])
    #expect(AcceptedTerm.isAcronym("PROMs"))
    #expect(AcceptedTerm.isAcronym("A&E"))
    #expect(AcceptedTerm.isAcronym("COVID-19"))
    #expect(!AcceptedTerm.isAcronym("Covid"))
    #expect(!AcceptedTerm.isAcronym("PALS team"))
  }

  @Test func anAcceptedAcronymIsAlsoFineToTheWordLists() throws {
    // NB is in the Latin list; accepted, neither the word rules nor the acronym rules report it.
    let text = "NB: bring your letter."
    #expect(summary(try lint(text, words: nil), text, rules: wordRules) == ["latin-abbreviation: NB"])
    #expect(try lint(text, words: projectWords(accept: [.init(term: "NB")])).isEmpty)
  }

  @Test func aProjectAcronymListAddsAndReplacesAcronyms() throws {
    let words = projectWords(
      acronymListHeader + "XQZR,extra quick zone review,define,,Our review.,,UK\n"
        + "PALS,patient advice line,define,,Our wording.,,UK\n"
        + "OLDCO,old company,outdated,NewCo,Renamed in 2024.,,UK\n")
    let found = try lint("The XQZR team will call. PALS can help. OLDCO said so.", words: words)
    let undefined = found.filter { $0.rule == "acronym-undefined" }
    #expect(undefined.map { $0.suggestions.map(\.replacement) } == [
      ["extra quick zone review (XQZR)"], ["Patient advice line (PALS)"],
    ])
    #expect(found.filter { $0.rule == "acronym-outdated" }.map { $0.suggestions.map(\.replacement) } == [["NewCo"]])
  }

  @Test func hardWordsLeaveOutAcceptedTerms() throws {
    let text = "The elderly with haemorrhage or lassitude can call PPIE or the NHS."
    #expect(try measure(text, words: nil).metrics.document.hardWords == 3)
    let words = projectWords(accept: [.init(term: "haemorrhage"), .init(term: "lassitude"), .init(term: "PPIE")])
    #expect(try measure(text, words: words).metrics.document.hardWords == 0)
    // A project's jargon is hard; a word a project list suggests is plain.
    let list = projectWords(
      wordListHeader + "frobnication,,zorbing,bureaucratic,Office jargon.,,both,no,\n")
    let counts = try measure("We did the frobnication with zorbing today.", words: list).metrics.document
    #expect(counts.hardWords == 1)
    #expect(
      summary(try lint("We did zorbing.", words: list), "We did zorbing.", rules: ["uncommon-word"]) == [])
    #expect(
      summary(try lint("We did zorbing.", words: nil), "We did zorbing.", rules: ["uncommon-word"]) == [
        "uncommon-word: zorbing"
      ])
  }

  @Test func theRegionOfAProjectRowIsRespected() throws {
    let words = projectWords(
      wordListHeader + "faucet,,tap,bureaucratic,The US word; write tap.,,UK,yes,\n"
        + "fortnight,,two weeks,bureaucratic,Not used in the US.,,US,yes,\n")
    let text = "Turn the faucet off for a fortnight."
    #expect(summary(try lint(text, words: words, dialect: .uk), text, rules: ["jargon"]) == ["jargon: faucet"])
    #expect(summary(try lint(text, words: words, dialect: .us), text, rules: ["jargon"]) == ["jargon: fortnight"])
  }

  @Test func syllablesOfNewWordsAreCounted() throws {
    // A project's words get numbers after the built-in ones; their syllables still come from the dictionary or
    // the estimate, never from another word's number.
    let csv = wordListHeader + "supercalifragilistic,,great,bureaucratic,Too long.,,both,no,\n"
    let text = "It was supercalifragilistic."
    let withProject = try measure(text, words: projectWords(csv)).metrics.document
    let builtIn = try measure(text, words: nil).metrics.document
    #expect(withProject.syllables == builtIn.syllables)
    #expect(withProject.polysyllables == builtIn.polysyllables)
  }

  @Test func badRowsAreLeftOutAndTheRestIsUsed() throws {
    let file = DictionaryFile(
      name: "ours.csv",
      bytes: Array(
        (wordListHeader + "frobnication,,fixing,not-a-category,Office jargon.,,both,no,\n"
          + "zorbing,,rolling,bureaucratic,Office jargon.,,both,no,\n").utf8), isProjectList: true)
    #expect(file.hasErrors)
    var broken = file
    // A row no reader would make: no letters to match. It is skipped, not a crash.
    if var entry = broken.words.first {
      entry.term = "..."
      entry.variants = ["-"]
      broken.words.append(entry)
      // A term too big for the word table: left out.
      entry.term = (0..<70_000).map { "w\($0)" }.joined(separator: " ")
      entry.variants = []
      broken.words.insert(entry, at: 0)
    }
    let words = ProjectWords(dictionaries: [broken, DictionaryFile(name: "empty.csv", bytes: [])], accepted: [])
    let text = "The frobnication and zorbing."
    #expect(summary(try lint(text, words: words), text, rules: ["jargon"]) == ["jargon: zorbing"])
  }

  @Test func blankAcceptedTermsAreIgnored() throws {
    let words = projectWords(accept: [.init(term: "  "), .init(term: ""), .init(term: " ... ")])
    let text = "Please utilise the lift."
    #expect(summary(try lint(text, words: words), text) == ["complex-word: utilise"])
  }

  @Test func aProjectListMayNameAnySource() {
    let row = "frobnication,,fixing,bureaucratic,Office jargon.,our reading panel,both,no,\n"
    let project = DictionaryFile(name: "ours.csv", bytes: Array((wordListHeader + row).utf8), isProjectList: true)
    #expect(!project.hasErrors)
    #expect(project.words.first?.sources == ["our reading panel"])
    let builtIn = DictionaryFile(name: "ours.csv", bytes: Array((wordListHeader + row).utf8))
    #expect(builtIn.hasErrors)
  }

  @Test func oneProjectServesManyFilesAndThreads() async throws {
    let words = projectWords(accept: [.init(term: "lassitude")])
    let rules = try BuiltInRules.configured(words: words)
    let results = await withTaskGroup(of: Int.self) { group in
      for _ in 0..<8 {
        group.addTask {
          let text = "Her lassitude and haemorrhage."
          return Linter(rules: rules).lint(PlainTextFrontEnd.prose(of: Document(path: "t.txt", text: text))).count
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results == Array(repeating: 1, count: 8))
    #expect(words.lexicon === words.lexicon)
  }
}

@Suite("Project words change nothing else")
struct ProjectWordsSameFiguresTests {
  /// Project words that touch nothing in the texts below, so the lexicon is rebuilt but must behave the same.
  let unrelated = projectWords(
    [wordListHeader + "zzfrobnication,,fixing,bureaucratic,Office jargon.,,both,no,\n"],
    accept: [.init(term: "zzquux"), .init(term: "ZZQX")])

  /// The plain-text fixtures, and a text using every term and acronym of the built-in lists.
  func texts() throws -> [(name: String, text: String)] {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures")
    var texts: [(String, String)] = []
    for folder in ["samples", "readability", "coproduction", "text"] {
      let url = fixtures.appendingPathComponent(folder)
      for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".txt") {
        let data = try Data(contentsOf: url.appendingPathComponent(name))
        texts.append(("\(folder)/\(name)", String(decoding: data, as: UTF8.self)))
      }
    }
    var everyTerm = ""
    for file in BuiltInDictionaries.dictionaryFiles {
      for entry in file.words {
        everyTerm += "We saw \(entry.term) and \(entry.variants.first ?? "more") there. "
        for exception in entry.exceptions.prefix(1) { everyTerm += "It was \(exception) today. " }
      }
      for entry in file.acronyms { everyTerm += "The \(entry.acronym) and \(entry.acronym)s met us.\n\n" }
    }
    texts.append(("every term", everyTerm))
    #expect(texts.count > 10)
    return texts
  }

  @Test func findingsAndFiguresAreTheSameWithProjectWordsThatDoNotApply() throws {
    #expect(unrelated.lexicon !== BuiltInDictionaries.lexicon)
    for (name, text) in try texts() {
      for dialect in Dialect.allCases {
        let builtIn = Linter(
          rules: try BuiltInRules.configured(dialect: dialect), measurer: BuiltInRules.measurer(dialect: dialect))
        let project = Linter(
          rules: try BuiltInRules.configured(dialect: dialect, words: unrelated),
          measurer: BuiltInRules.measurer(dialect: dialect, words: unrelated))
        let prose = PlainTextFrontEnd.prose(of: Document(path: name, text: text))
        let expected = builtIn.run(prose)
        let actual = project.run(prose)
        #expect(actual.findings == expected.findings, "\(name), \(dialect)")
        #expect(actual.metrics == expected.metrics, "\(name), \(dialect)")
      }
    }
  }

  @Test func noProjectWordsMeansTheBuiltInLexicon() {
    #expect(ProjectWords(dictionaries: [], accepted: []).lexicon === BuiltInDictionaries.lexicon)
    #expect(ProjectWords(dictionaries: [], accepted: [.init(term: " ")]).lexicon === BuiltInDictionaries.lexicon)
  }
}
