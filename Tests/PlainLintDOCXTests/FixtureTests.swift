import PlainLintCore
import Testing

@testable import PlainLintDOCX

/// The committed fixtures, read as a reader of them in Word would see them.
@Suite struct DOCXFixtureTests {
  @Test func theHandMadeDocumentReadsAsWordShowsIt() throws {
    let word = try DOCXFrontEnd.read(fixture("features.docx"))
    #expect(
      word.lines == [
        "Taking your new tablets",
        "You should take one tablet each morning in order to stay well.",
        "Side effects",
        "Most people have no problems. Some people feel sick.",
        "Call 111 if you feel very unwell.",
        "a headache",
        "feeling sick",
        "Dose", "When", "One tablet", "Morning",
        "Getting help",
        "Visit NHS 111 online or ring us. We will help with your X\u{2011}ray results.",
        "",
        "Keep them dry.\tStore below 25°C.",
        "What is in the tablets",
        "Each tablet has 5 mg of the medicine.",
        " Feeling sick usually stops within a week.",
        " This leaflet was checked by our readers' panel.",
      ])
    #expect(
      word.prose.blocks.map(\.kind) == [
        .heading(level: 1), .paragraph, .heading(level: 2), .paragraph, .paragraph, .listItem, .listItem,
        .tableCell, .tableCell, .tableCell, .tableCell, .heading(level: 2), .paragraph, .paragraph,
        .heading(level: 2), .paragraph, .paragraph, .paragraph,
      ])
    let text = String(decoding: word.text, as: UTF8.self)
    for unread in ["utilise", "Utilise", "cool", "HYPERLINK", "facilitate"] { #expect(!text.contains(unread)) }
  }

  @Test func documentsLibreOfficeMadeFromTheMarkdownFixturesHaveTheirHeadingsListsAndTables() throws {
    let word = try DOCXFrontEnd.read(fixture("leaflet.docx"))
    let blocks = word.blocks
    #expect(blocks.first == "h1 Having a colonoscopy at St Mary’s Hospital")
    #expect(blocks.contains("h2 Getting ready"))
    #expect(blocks.contains("li a list of your medicines"))
    #expect(blocks.contains("td What to bring"))
    #expect(try DOCXFrontEnd.read(fixture("clinic.docx")).blocks.first == "h1 Your visit to the clinic 🏥")
  }
}
