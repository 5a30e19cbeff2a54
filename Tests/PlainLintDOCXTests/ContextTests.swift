import PlainLintCore
import Testing

@testable import PlainLintDOCX

/// A finding over the first occurrence of `text` in a Word document's text.
private func finding(at text: String, in word: WordDocument) throws -> Finding {
  let whole = String(decoding: word.text, as: UTF8.self)
  let found = try #require(whole.range(of: text))
  let start = whole.utf8.distance(from: whole.startIndex, to: found.lowerBound)
  return Finding(rule: "test", severity: .warning, message: "m", range: start..<start + text.utf8.count)
}

@Suite struct ContextTests {
  let word: WordDocument

  init() throws {
    word = try read(
      body: [
        paragraph(run("Before any heading.")),
        paragraph(run("Leaflet"), style: "Title"),
        paragraph(run("Side  effects"), style: "Heading2"),
        paragraph(run("You may feel sick. Call us if you are sick for more than a day.")),
        paragraph(run("Deeper"), style: "Outlined"),
        paragraph(run("Deep text.")),
        paragraph(run("Getting help"), style: "Heading1"),
        paragraph(run("Ring 111.")),
      ].joined())
  }

  @Test func eachFindingGetsItsParagraphHeadingAndSentence() throws {
    let found = word.withContext([
      try finding(at: "Before", in: word), try finding(at: "sick for", in: word),
      try finding(at: "Deep text", in: word), try finding(at: "111", in: word),
    ])
    #expect(
      found.map(\.context) == [
        FindingContext(paragraph: 1, heading: nil, quote: "Before any heading."),
        FindingContext(paragraph: 4, heading: "Side effects", quote: "Call us if you are sick for more than a day."),
        FindingContext(paragraph: 6, heading: "Deeper", quote: "Deep text."),
        FindingContext(paragraph: 8, heading: "Getting help", quote: "Ring 111."),
      ])
  }

  @Test func aHeadingSitsUnderTheHeadingAboveItOfAHigherRank() throws {
    let found = word.withContext([
      try finding(at: "Leaflet", in: word), try finding(at: "Side", in: word), try finding(at: "Deeper", in: word),
      try finding(at: "Getting", in: word),
    ])
    #expect(found.map { $0.context?.heading } == [nil, "Leaflet", "Side effects", nil])
  }

  @Test func theLineIsTheParagraph() throws {
    let finding = word.withContext([try finding(at: "Ring", in: word)])[0]
    let document = Document(path: "x.docx", bytes: word.text)
    #expect(document.location(at: finding.range.lowerBound).line == finding.context?.paragraph)
  }

  @Test func longQuotesAreCutAtASpace() {
    let long = Array(repeating: "word", count: 60).joined(separator: " ")
    let quote = WordDocument.quotation(ArraySlice(long.utf8))
    #expect(quote.hasSuffix("word…"))
    #expect(quote.unicodeScalars.count <= WordDocument.maxQuoteLength + 1)
    #expect(WordDocument.quotation(ArraySlice(" a\t\u{A0} b ".utf8)) == "a b")
  }

  @Test func theContextIsShownAfterAMessage() {
    var finding = Finding(rule: "r", severity: .info, message: "Too long.", range: 0..<1)
    #expect(finding.messageWithContext == "Too long.")
    finding.context = FindingContext(paragraph: 3, heading: "Dose", quote: "Take it.")
    #expect(finding.messageWithContext == "Too long. (paragraph 3, under “Dose”: “Take it.”)")
    finding.context?.heading = nil
    #expect(finding.messageWithContext == "Too long. (paragraph 3: “Take it.”)")
  }
}
