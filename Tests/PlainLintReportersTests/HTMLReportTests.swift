import PlainLintCore
import PlainLintRules
import Testing

@testable import PlainLintReporters

/// A writer with the built-in rules' names, as `plainlint report` makes it.
let htmlWriter = HTMLReportWriter(
  version: "9.9.9", target: 11,
  ruleNames: Dictionary(uniqueKeysWithValues: BuiltInRules.all.map { ($0.description.identifier, $0.description.name) })
)

/// A finding of `rule` over `part` of `text`.
func finding(_ rule: String, _ part: String, in text: String, term: GlossaryTerm? = nil) -> Finding {
  Finding(
    rule: rule, severity: .warning, message: "About \(part).", range: range(of: part, in: text),
    suggestions: [Suggestion(replacement: "plain", description: "Write")], term: term)
}

/// A plain-text report of `text` with its prose kept, as `plainlint report` reads it.
func htmlReport(_ text: String, path: String = "docs/a.txt", _ findings: [Finding]) -> FileReport {
  let document = Document(path: path, text: text)
  var report = FileReport(document: document, format: "text", findings: findings)
  report.prose = PlainTextFrontEnd.prose(of: document)
  return report
}

/// The text between the first `start` and the `end` after it.
func between(_ start: String, _ end: String, in text: String) -> String? {
  guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex) else {
    return nil
  }
  return String(text[from.upperBound..<to.lowerBound])
}

@Suite("The report page")
struct HTMLReportTests {
  @Test func everythingIsEscaped() {
    var page = HTMLText()
    page.text("<script>alert('x') & \"y\"</script>\r\n\u{1}")
    #expect(page.html == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;\n\u{FFFD}")
    #expect(HTMLText.attribute("content", "a\"b<") == "content=\"a&quot;b&lt;\"")
  }

  @Test func everyBuiltInRuleHasPlainWording() {
    for rule in BuiltInRules.identifiers {
      let wording = HTMLReportWording.rules[rule]
      #expect(wording != nil, "\(rule) has no wording on the report page")
      // Counted in words, not by the rule's identifier.
      if let wording, rule.contains("-") { #expect(!wording.one.contains(rule) && !wording.many.contains(rule)) }
    }
    #expect(HTMLReportWording.noteRules.isSubset(of: Set(BuiltInRules.identifiers)))
    #expect(HTMLReportWording.glossaryRules.isSubset(of: Set(BuiltInRules.identifiers)))
  }

  @Test func countsSayOneOrMany() {
    let wording = HTMLReportWording.rules["acronym-undefined"]!
    #expect(wording.counted(1) == "1 acronym not explained")
    #expect(wording.counted(4) == "4 acronyms not explained")
    #expect(HTMLReportWording.rules["complex-word"]!.counted(12) == "12 words with plainer alternatives")
    #expect(HTMLReportWording.years(1) == "1 year" && HTMLReportWording.years(2) == "2 years")
  }

  @Test func theCountsAreInWordsMostFirst() {
    let text = "Please utilise it. We utilise PALS and utilise NHS.\n"
    let findings = [
      finding("complex-word", "utilise", in: text),
      Finding(rule: "complex-word", severity: .warning, message: "x", range: 22..<29),
      Finding(rule: "complex-word", severity: .warning, message: "x", range: 39..<46),
      finding("acronym-undefined", "PALS", in: text),
    ]
    let page = htmlWriter.render([htmlReport(text, findings)])
    let counts = between("<ul class=\"counts\">\n", "</ul>", in: page)
    #expect(counts == "<li>3 words with plainer alternatives</li>\n<li>1 acronym not explained</li>\n")
  }

  @Test func aFindingInsideAnotherSharesItsMarkAndOverlappingOnesBecomeNotes() {
    let text = "Please utilise the side door today.\n"
    let findings = [
      finding("complex-word", "utilise the side", in: text),
      finding("jargon", "utilise", in: text),
      finding("uncommon-word", "side door today", in: text),
    ]
    let page = htmlWriter.render([htmlReport(text, findings)])
    // One mark with both notes; the overlapping finding is a note under the paragraph, with its words.
    #expect(page.components(separatedBy: "<mark ").count == 2)
    #expect(page.components(separatedBy: "<span class=\"tip-item\">").count == 3)
    #expect(page.contains("</span> About utilise the side. <span class=\"tip-alt\">"))
    #expect(page.contains("</span> About utilise. <span class=\"tip-alt\">"))
    #expect(page.contains("<ul class=\"notes\">\n<li><strong>Uncommon word:</strong> <q>side door today</q>"))
  }

  @Test func sentenceFindingsAreNotesAndTheWholeDocumentsGoWithItsReadingAge() {
    let text = "First paragraph here.\n\nSecond one is long. Another sentence.\n"
    let whole = Finding(rule: "reading-age", severity: .warning, message: "Whole.", range: 0..<text.utf8.count - 1)
    let findings = [whole, finding("long-sentence", "Second one is long.", in: text)]
    let page = htmlWriter.render([htmlReport(text, findings)])
    #expect(!page.contains("<mark "))
    let top = between("Whole document:", "<h3>", in: page) ?? ""
    #expect(top.contains("<li><strong>Reading age:</strong> Whole.</li>"))
    #expect(
      page.contains("<li><strong>Long sentence:</strong> <q>Second one is long.</q> About Second one is long..</li>"))
  }

  @Test func headingLevelsNeverSkip() {
    let kinds: [BlockKind] = [
      .heading(level: 2), .paragraph, .heading(level: 4), .heading(level: 5), .heading(level: 2),
      .heading(level: 6), .heading(level: 6),
    ]
    #expect(htmlWriter.headingLevels(kinds) == [4, 0, 5, 6, 4, 5, 6])
    #expect(htmlWriter.headingLevels([.heading(level: 1), .heading(level: 1)]) == [4, 4])
  }

  @Test func theGlossaryHasEachTermOnceSortedWithItsPlaces() {
    let oedema = GlossaryTerm(term: "oedema", meaning: "Swelling.", alternatives: ["swelling"], isAcronym: false)
    let first = "Some Oedema and PALS.\n"
    let second = "More oedema here.\n"
    let page = htmlWriter.render([
      htmlReport(
        first, path: "one.txt",
        [
          finding("jargon", "Oedema", in: first, term: oedema), finding("acronym-undefined", "PALS", in: first),
        ]),
      htmlReport(second, path: "two.txt", [finding("jargon", "oedema", in: second, term: oedema)]),
    ])
    let glossary = between("<table class=\"glossary\">", "</table>", in: page) ?? ""
    let rows = glossary.components(separatedBy: "<tr><th scope=\"row\">").dropFirst()
    #expect(rows.count == 2)
    #expect(rows.first?.hasPrefix("oedema</th><td>Swelling.</td><td>swelling</td>") == true)
    #expect(
      rows.first?.contains("<a href=\"#d1-f1\">one.txt, line 1</a><br><a href=\"#d2-f1\">two.txt, line 1</a>") == true)
    // An acronym plainlint does not know is still listed, with what to do.
    #expect(rows.last?.hasPrefix("PALS</th><td>\(HTMLText.escaped(HTMLReportWording.unknownAcronym))</td>") == true)
  }

  @Test func theHardestSentencesAreThoseThatRaiseTheReadingAgeMost() throws {
    var counts = TextCounts(
      words: 40, sentences: 4, syllables: 56, polysyllables: 2, complexWords: 2, letters: 160,
      hardWords: 1)
    let easy = TextCounts(
      words: 10, sentences: 1, syllables: 11, polysyllables: 0, complexWords: 0, letters: 35,
      hardWords: 0)
    let hard = TextCounts(
      words: 10, sentences: 1, syllables: 25, polysyllables: 2, complexWords: 2, letters: 70,
      hardWords: 1)
    let harder = TextCounts(
      words: 4, sentences: 1, syllables: 14, polysyllables: 2, complexWords: 2, letters: 40,
      hardWords: 1)
    counts = TextCounts()
    for part in [easy, hard, easy, harder] { counts += part }
    var metrics = DocumentMetrics()
    metrics.document = counts
    let text = "Aaaa. Bbbb. Cccc. Dddd.\n"
    metrics.sentences = [
      PartMetrics(range: 0..<5, title: "", counts: easy), PartMetrics(range: 6..<11, title: "", counts: hard),
      PartMetrics(range: 12..<17, title: "", counts: easy), PartMetrics(range: 18..<23, title: "", counts: harder),
    ]
    var report = htmlReport(text, [])
    report.metrics = metrics
    let page = htmlWriter.render([report])
    let list = try #require(between("<ol class=\"hardest\">", "</ol>", in: page))
    let quotes = list.components(separatedBy: "<q>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    #expect(quotes == ["Bbbb.", "Dddd."])
    #expect(!list.contains("Aaaa."))
  }

  @Test func theSamePageEveryTime() {
    let text = "Please utilise it.\n"
    let reports = [htmlReport(text, [finding("complex-word", "utilise", in: text)])]
    #expect(htmlWriter.render(reports) == htmlWriter.render(reports))
  }
}
