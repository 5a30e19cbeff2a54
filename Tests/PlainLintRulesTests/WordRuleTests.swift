import PlainLintCore
import PlainLintLexicon
import Testing

@testable import PlainLintRules

/// Lints plain text with every built-in rule.
func lintAll(_ text: String, dialect: Dialect = .uk, format: InputFormat = .text) throws -> [Finding] {
  let linter = Linter(rules: try BuiltInRules.configured(dialect: dialect))
  return linter.lint(format.prose(of: Document(path: "test.txt", text: text)))
}

/// How to read a test's text.
enum InputFormat {
  case text
  case withDefinitions([TermDefinition])

  func prose(of document: Document) -> ProseText {
    var prose = PlainTextFrontEnd.prose(of: document)
    if case .withDefinitions(let definitions) = self { prose.definitions = definitions }
    return prose
  }
}

/// Findings as "rule: text" for compact comparison.
func summary(_ findings: [Finding], _ text: String, rules: Set<String>? = nil) -> [String] {
  let bytes = Array(text.utf8)
  return findings.filter { rules?.contains($0.rule) ?? true }.map {
    "\($0.rule): \(String(decoding: bytes[$0.range], as: UTF8.self))"
  }
}

@Suite("Word rules")
struct WordRuleTests {
  @Test func everyCategoryHasABitOfItsOwn() {
    let bits = WordCategory.allCases.map(\.bit)
    #expect(Set(bits).count == WordCategory.allCases.count)
    #expect(bits.allSatisfy { $0.nonzeroBitCount == 1 })
  }

  @Test func oneFindingPerWordAndTheLongestTermWins() throws {
    let text = "Please utilise the service in order to see the elderly."
    let found = try lintAll(text)
    #expect(
      summary(found, text) == [
        "complex-word: utilise", "complex-word: in order to", "inclusive-language: the elderly",
      ])
  }

  @Test func messagesNameTheCategoryAndTheAlternatives() throws {
    let text = "You may have a haemorrhage."
    let finding = try #require(try lintAll(text).first { $0.rule == "jargon" })
    #expect(finding.message.hasPrefix("“haemorrhage” is a medical word; try “"))
    #expect(finding.suggestions.map(\.replacement).contains("heavy bleeding"))
    #expect(finding.severity == .warning)
  }

  @Test func suggestionsTakeTheCapitalsOfTheText() throws {
    let found = try lintAll("Utilise the lift. UTILISE THE LIFT. Please utilise it.")
    let replacements = found.filter { $0.rule == "complex-word" }.map { $0.suggestions.first?.replacement }
    #expect(replacements == ["Use", "USE", "use"])
  }

  @Test func onlyTheWrittenFormsAreSafeToChangeByThemselves() throws {
    let found = try lintAll("Please utilise it. They are utilising it.").filter { $0.rule == "complex-word" }
    #expect(found.map { $0.suggestions.first?.isSafe } == [true, false])
  }

  @Test func theVerbUseAndEverydayWordsAreLeftAlone() throws {
    let text = "You can use the car park. Take your tablets with food and drink plenty of water."
    #expect(try lintAll(text).isEmpty)
  }

  @Test func conditionNamesAreLeftAlone() throws {
    let text = "She has acute myeloid leukaemia. He has chronic obstructive pulmonary disease."
    #expect(summary(try lintAll(text), text, rules: ["jargon", "complex-word"]) == [])
  }

  @Test func usEnglishUsesUSEntries() throws {
    let text = "Take acetaminophen for the pain."
    let uk = summary(try lintAll(text, dialect: .uk), text, rules: ["jargon"])
    let us = summary(try lintAll(text, dialect: .us), text, rules: ["jargon"])
    #expect(uk == ["jargon: acetaminophen"])
    #expect(us == [])
  }

  @Test func uncommonWordsAreFlaggedOnceAndNamesNever() throws {
    let text = "Her lassitude worried Dr Okonkwo. The lassitude passed."
    #expect(summary(try lintAll(text), text, rules: ["uncommon-word"]) == ["uncommon-word: lassitude"])
  }
}

@Suite("Acronym rules")
struct AcronymRuleTests {
  func acronyms(_ text: String, format: InputFormat = .text) throws -> [String] {
    summary(
      try lintAll(text, format: format), text,
      rules: ["acronym-undefined", "acronym-outdated", "acronym-avoid", "acronym-density"])
  }

  @Test func aDefinitionAfterTheFirstUseSaysSo() throws {
    let text = "Ask PALS. The patient advice and liaison service (PALS) can help."
    let finding = try #require(try lintAll(text).first { $0.rule == "acronym-undefined" })
    #expect(finding.message.contains("before it is explained"))
    #expect(try acronyms(text) == ["acronym-undefined: PALS"])
  }

  @Test func theSuggestionWritesTheExpansionIn() throws {
    let finding = try #require(try lintAll("PALS can help you.").first { $0.rule == "acronym-undefined" })
    #expect(finding.suggestions.map(\.replacement) == ["Patient advice and liaison service (PALS)"])
  }

  @Test func aGlossaryAnywhereCounts() throws {
    let text = "Ask PALS or the ICB.\n\nGlossary\n\nPALS: the patient advice and liaison service.\n\nICB - integrated care board.\n"
    #expect(try acronyms(text) == [])
  }

  @Test func anAbbrTitleCounts() throws {
    let text = "Ask PALS for help."
    let definition = TermDefinition(range: 4..<8, term: "PALS", expansion: "patient advice and liaison service")
    #expect(try acronyms(text, format: .withDefinitions([definition])) == [])
  }

  @Test func pluralsAreTheSameAcronym() throws {
    #expect(try acronyms("Key performance indicators (KPIs) matter. Each KPI is shown.") == [])
    #expect(try acronyms("Each KPI is shown. We have KPIs.") == ["acronym-undefined: KPI"])
  }

  @Test func unknownAcronymsAreFlaggedWithoutASuggestion() throws {
    let finding = try #require(try lintAll("The XQZR team will call.").first { $0.rule == "acronym-undefined" })
    #expect(finding.suggestions.isEmpty)
  }

  @Test func romanNumeralsUnitsAndShoutingAreNotAcronyms() throws {
    #expect(try acronyms("Stage IV of the plan. Chapter XII. Type II diabetes.") == [])
    #expect(try acronyms("WHAT TO BRING TO YOUR APPOINTMENT") == [])
    #expect(try acronyms("The file is 2 MB. It is OK.") == [])
  }

  @Test func theQuickRomanNumeralTestAgreesWithTheList() {
    for numeral in AcronymSession.romanNumerals { #expect(AcronymSession.isRomanNumeral(numeral)) }
    for key in ["IIII", "VV", "XXXX", "XL", "IVX", "XXXVIIII", "NHS", "PALS", "ICB", "CIV", "ii", "V.I"] {
      #expect(!AcronymSession.isRomanNumeral(key), "\(key)")
    }
  }

  @Test func outdatedAndAvoidedAcronymsAreFlaggedEachTime() throws {
    let text = "Your CCG and your CCG again. BAME groups."
    #expect(
      try acronyms(text) == ["acronym-outdated: CCG", "acronym-outdated: CCG", "acronym-avoid: BAME"])
  }

  @Test func manyDifferentAcronymsInAParagraph() throws {
    let text = "The ICB, PCN, CQC and PALS met."
    let found = try lintAll(text).filter { $0.rule == "acronym-density" }
    #expect(found.count == 1)
    #expect(found.first?.severity == .info)
    #expect(found.first?.message.contains("4 different acronyms (ICB, PCN, CQC, PALS)") == true)
  }
}

@Suite("Glossary terms of findings")
struct GlossaryTermTests {
  @Test func aJargonFindingCarriesItsEntry() throws {
    let text = "You may have some oedema. The oedema will go."
    let findings = try lintAll(text).filter { $0.rule == "jargon" }
    let term = try #require(findings.first?.term)
    #expect(term.term == "oedema")
    #expect(!term.isAcronym)
    #expect(term.alternatives.contains("swelling"))
    #expect(term.meaning.hasSuffix("."))
    // The findings of one word share one term.
    #expect(findings.count == 2 && findings[0].term === findings[1].term)
  }

  @Test func anInflectedWordCarriesItsHeadword() throws {
    let findings = try lintAll("Utilising the lift is fine.").filter { $0.rule == "complex-word" }
    #expect(findings.first?.term?.term == "utilise")
    #expect(findings.first?.term?.alternatives.first == "use")
  }

  @Test func anAcronymCarriesWhatItStandsFor() throws {
    let findings = try lintAll("Contact PALS if you have a complaint. Your CCG pays.")
    let pals = try #require(findings.first { $0.rule == "acronym-undefined" }?.term)
    #expect(pals.term == "PALS" && pals.isAcronym)
    #expect(pals.meaning.hasPrefix("Short for “patient advice and liaison service”."))
    #expect(pals.alternatives == ["patient advice and liaison service"])
    let ccg = try #require(findings.first { $0.rule == "acronym-outdated" }?.term)
    #expect(ccg.alternatives.count == 1 && ccg.alternatives[0].contains("integrated care board"))
  }

  @Test func sentenceFindingsHaveNoTerm() throws {
    let text = String(repeating: "We will see you and your family at the clinic soon ", count: 4) + "today."
    let findings = try lintAll(text).filter { $0.rule == "long-sentence" }
    #expect(!findings.isEmpty && findings.allSatisfy { $0.term == nil })
  }
}

@Suite("Sentences measured for the report")
struct SentenceMetricsTests {
  @Test func theSentenceMeasurerKeepsEachSentenceOfTheRunningText() throws {
    let text =
      "Your visit\n\nCome in on time. Bring your letter.\n\nSubsequent consultations necessitate documentation."
    let prose = PlainTextFrontEnd.prose(of: Document(path: "test.txt", text: text))
    let plain = Linter(rules: [], measurer: BuiltInRules.measurer(words: nil)).run(prose).metrics
    let kept = try #require(Linter(rules: [], measurer: BuiltInRules.sentenceMeasurer(words: nil)).run(prose).metrics)
    #expect(plain?.sentences.isEmpty == true)
    let bytes = Array(text.utf8)
    let sentences = kept.sentences.map { String(decoding: bytes[$0.range], as: UTF8.self) }
    #expect(sentences.contains("Come in on time."))
    #expect(sentences.contains("Subsequent consultations necessitate documentation."))
    // The sentences add up to the paragraphs' words; the rest of the metrics are the same.
    var words = 0
    for sentence in kept.sentences { words += sentence.counts.words }
    #expect(words == kept.paragraphs.reduce(0) { $0 + $1.counts.words })
    #expect(kept.document == plain?.document)
  }
}
