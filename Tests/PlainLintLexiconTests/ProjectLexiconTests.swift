import PlainLintCore
import PlainLintDictionaries
import Testing

@testable import PlainLintLexicon

/// A project's list from CSV text.
func projectFile(_ text: String) -> DictionaryFile {
  DictionaryFile(name: "project.csv", bytes: Array(text.utf8), isProjectList: true)
}

@Suite("A project's words over a lexicon")
struct ProjectLexiconTests {
  @Test func projectTermsAreMatchedAndBaseTermsStay() {
    let project = Lexicon(
      base: testLexicon,
      files: [projectFile(header + "frobnicate,,fix,bureaucratic,Jargon.,,both,no,frobnicate the widget\n")],
      acceptedWords: [], acceptedAcronyms: [])
    #expect(
      matches("We frobnicated it and will frobnicate the widget. Utilise it.", lexicon: project) == [
        "frobnicated = frobnicate", "frobnicate the widget = (fine)", "Utilise = utilise",
      ])
  }

  @Test func aProjectEntryReplacesTheBaseEntryWithAllItsFormsAndExceptions() {
    let project = Lexicon(
      base: testLexicon, files: [projectFile(header + "acute,,short-lived,medical,Ours.,,both,no,\n")],
      acceptedWords: [], acceptedAcronyms: [])
    let found = matches("Acute pain. Acute myeloid leukaemia.", lexicon: project)
    #expect(found == ["Acute = acute", "Acute = acute"])
    let entry = project.entry(project.entryCount - 1)
    #expect(entry.alternatives == ["short-lived"])
    // Without the project: the exception holds.
    #expect(matches("Acute pain. Acute myeloid leukaemia.") == ["Acute = acute", "Acute myeloid leukaemia = (fine)"])
    // Haemorrhage's other spelling goes with the replaced entry.
    let haemorrhage = Lexicon(
      base: testLexicon, files: [projectFile(header + "haemorrhage,,bleeding,medical,Ours.,,both,no,\n")],
      acceptedWords: [], acceptedAcronyms: [])
    #expect(matches("A haemorrhage or a hemorrhage.", lexicon: haemorrhage) == ["haemorrhage = haemorrhage"])
  }

  @Test func acceptedWordsAndTheirEndingsAreFineButLongerTermsAreNot() {
    let project = Lexicon(
      base: testLexicon, files: [], acceptedWords: ["Stakeholder", "order", "deep-dive"], acceptedAcronyms: [])
    #expect(
      matches("Stakeholders and the order, in order to do a deep dive.", lexicon: project) == [
        "Stakeholders = (fine)", "order = (fine)", "in order to = in order to", "deep dive = (fine)",
      ])
  }

  @Test func everyBaseWordKeepsItsNumberAndItsSyllables() throws {
    let base = BuiltInDictionaries.lexicon
    let project = Lexicon(
      base: base,
      files: [
        projectFile(
          header + "zorbification,zorbify,rolling about;tumbling,bureaucratic,Ours.,,both,no,\n"
            + "stakeholder,,partners,research,Ours.,,both,no,\n")
      ],
      acceptedWords: ["quuxtastic wobbliness", "lassitude"], acceptedAcronyms: [AcceptedAcronym(acronym: "PPIE")])
    #expect(project.wordCount > base.wordCount)
    for id in 0..<base.wordCount {
      let same = base.withWord(id) { a in project.withWord(id) { b in Array(a) == Array(b) } }
      if !same { Issue.record("word \(id) has another number") }
    }
    let syllables = LexiconSyllables(base: BuiltInDictionaries.syllables, lexicon: project)
    #expect(syllables.table.wordCount == project.wordCount)
    for id in 0..<project.wordCount {
      for dialect in Dialect.allCases {
        let byText = project.withWord(id) { BuiltInDictionaries.syllables.count($0, dialect: dialect) }
        if syllables.table.count(wordID: Int32(id), dialect: dialect) != min(byText, 60) {
          Issue.record("word \(id): \(project.withWord(id) { String(decoding: $0, as: UTF8.self) })")
        }
      }
    }
  }

  @Test func acronymRowsReplaceAndAcceptedAcronymsAreOK() throws {
    let base = BuiltInDictionaries.lexicon
    let acronyms = projectFile(
      "acronym,expansion,policy,replacement,explanation,source,region\n"
        + "PALS,patient advice line,define,,Ours.,,UK\n" + "ZQX,zebra quota exchange,avoid,zebras,Ours.,,UK\n")
    let project = Lexicon(
      base: base, files: [acronyms], acceptedWords: [],
      acceptedAcronyms: [
        AcceptedAcronym(acronym: "CCG", expansion: "clinical commissioning group"),
        AcceptedAcronym(acronym: "PROMs"), AcceptedAcronym(acronym: "NEWONE", expansion: " new one "),
      ])
    #expect(project.acronym("PALS")?.expansions == ["patient advice line"])
    #expect(project.acronym("ZQX")?.policy == .avoid)
    #expect(project.acronym("CCG")?.policy == .ok)
    #expect(project.acronym("CCG")?.replacement == base.acronym("CCG")?.replacement)
    #expect(project.acronym("PROM")?.policy == .ok)
    #expect(project.acronym("PROM")?.expansions == base.acronym("PROM")?.expansions)
    #expect(project.acronym("NEWONEs")?.expansions == ["new one"])
    // The base lexicon is not changed.
    #expect(base.acronym("CCG")?.policy == .outdated)
    #expect(base.acronym("ZQX") == nil)
    // Every other acronym is as it was.
    for key in base.acronymKeys where !["PALS", "CCG", "PROM"].contains(key) {
      if project.acronym(key: key) != base.acronym(key: key) { Issue.record("\(key) changed") }
    }
  }

  @Test func theSameEntriesWithNothingAddedMatchTheSame() {
    let project = Lexicon(base: testLexicon, files: [], acceptedWords: [], acceptedAcronyms: [])
    let text = "Utilise the follow-up in order to touch base with the elderly about acute myeloid leukaemia, e.g. now."
    #expect(matches(text, lexicon: project) == matches(text))
  }
}
