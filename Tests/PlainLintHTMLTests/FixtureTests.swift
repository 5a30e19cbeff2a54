import PlainLintCore
import Testing

@testable import PlainLintHTML

@Suite("HTML: the patient information page fixture")
struct FixtureTests {
  @Test func pageIsReadCompletelyAndExactly() throws {
    let e = try fixture("page.html")
    #expect(e.extraction.alignmentFailures == 0)
    #expect(e.extraction.charset?.label == "utf-8")
    let words = Set(e.words)
    // Linted: title, description, navigation, body, alt text, table, footer, noscript.
    for word in [
      "Taking", "metformin", "Riverside", "111", "Skip", "Contact", "T2D", "Swallow", "café", "Outpatients",
      "Problem", "diarrhoea", "reviewed", "JavaScript",
    ] {
      #expect(words.contains(word), "\(word)")
    }
    // Skipped: script, style, comment, code, kbd, template, Welsh.
    for word in [
      "Utilise", "utilise", "Commence", "dataLayer", "dose_mg", "wybodaeth", "Ffoniwch", "ofyn",
      "cwestiynau", "BD",
    ] {
      #expect(!words.contains(word), "\(word)")
    }
    for word in e.seen where !word.source.contains("&") && !word.source.contains("<") {
      #expect(word.prose == word.source)
    }
    #expect(e.seen.contains(SeenWord(prose: "café", source: "caf&eacute;")))
    #expect(e.seen.contains(SeenWord(prose: "co-ordinator", source: "co<strong>-</strong>ordinator")))
    #expect(e.prose.definitions.map(\.term) == ["T2D", "GP", "care co-ordinator"])
  }

  @Test func pageBlockKinds() throws {
    let e = try fixture("page.html")
    #expect(e.kinds.first == .metadata)
    #expect(e.kinds.contains(.heading(level: 1)) && e.kinds.contains(.heading(level: 3)))
    #expect(e.kinds.filter { $0 == .tableCell }.count == 6)
    #expect(e.kinds.filter { $0 == .listItem }.count == 6)
    let longest = e.blocks.map { $0.1.split(separator: " ").count }.max() ?? 0
    #expect(longest >= 26)
  }
}

@Suite("HTML: the other fixtures")
struct OtherFixtureTests {
  @Test func malformedPageReadsAsABrowserShowsIt() throws {
    let e = try fixture("malformed.html")
    #expect(e.extraction.alignmentFailures == 0)
    #expect(
      e.blockTexts == [
        "Blood tests & results", "Getting your blood test results", "Your results are usually ready in 3 to 5 days.",
        "Your GP surgery will contact you if you need to do anything else, such as book another test or see a doctor.",
        "Check the NHS App", "Call the surgery after 2pm", "Don’t phone before 11am", "Full blood count", "2 days",
        "Cholesterol", "5 days", "Some results need checking by a specialist first.",
        "Text after the end of the page.",
      ])
    #expect(
      e.kinds == [
        .metadata, .heading(level: 1), .paragraph, .paragraph, .listItem, .listItem, .listItem, .tableCell,
        .tableCell, .tableCell, .tableCell, .paragraph, .paragraph,
      ])
    #expect(e.seen.contains(SeenWord(prose: "Don’t", source: "Don&#8217t")))
  }

  @Test func windows1252PageIsRefusedWithWhereAndWhatToDo() throws {
    #expect {
      _ = try fixture("windows-1252.html")
    } throws: { error in
      guard let error = error as? HTMLFrontEndError else { return false }
      return error.line == 4 && error.column == 1 && error.message.contains("windows-1252")
    }
  }
}
