import Testing

@testable import PlainLintCore

/// The blocks of a plain-text document as (kind, text) pairs.
func blocks(_ text: String) -> [(BlockKind, String)] {
  let document = Document(path: "a.txt", text: text)
  return PlainTextFrontEnd.blocks(of: document).map { ($0.kind, document.text($0.range)) }
}

/// The texts of the blocks, and whether each is a list item.
func blockSummary(_ text: String) -> [String] {
  blocks(text).map { ($0.0 == .listItem ? "item: " : "para: ") + $0.1 }
}

@Suite("Plain-text paragraphs and list items")
struct PlainTextTests {
  @Test func blankLinesSeparateParagraphs() {
    let text = "Your appointment is on Monday.\n\nPlease bring your letter.\n"
    #expect(blockSummary(text) == ["para: Your appointment is on Monday.", "para: Please bring your letter."])
  }

  @Test func wrappedLinesStayOneParagraph() {
    let text = "Take one tablet twice a day\nwith food. Do not take more\nthan the dose on the label.\n"
    #expect(blockSummary(text) == [
      "para: Take one tablet twice a day\nwith food. Do not take more\nthan the dose on the label."
    ])
  }

  @Test func whitespaceOnlyLinesAreBlank() {
    let text = "First paragraph.\n   \t\nSecond paragraph.\n \nThird."
    #expect(blockSummary(text) == ["para: First paragraph.", "para: Second paragraph.", "para: Third."])
  }

  @Test func windowsLineEndings() {
    let text = "First line\r\nstill first.\r\n\r\nSecond.\r\n  \r\nThird.\r\n"
    #expect(blockSummary(text) == ["para: First line\r\nstill first.", "para: Second.", "para: Third."])
  }

  @Test func oldMacLineEndings() {
    let text = "First.\r\rSecond,\rwrapped."
    #expect(blockSummary(text) == ["para: First.", "para: Second,\rwrapped."])
  }

  @Test func leadingAndTrailingSpaceIsNotPartOfTheBlock() {
    let text = "\n\n   Indented paragraph.   \n\n\n"
    #expect(blockSummary(text) == ["para: Indented paragraph."])
  }

  @Test func emptyAndBlankDocumentsHaveNoBlocks() {
    #expect(blocks("").isEmpty)
    #expect(blocks("\n\n  \r\n\t\n").isEmpty)
  }

  @Test("each list item is its own block, without its marker", arguments: [
    "- ", "* ", "+ ", "• ", "– ", "▪ ", "● ", "◦ ", "‣ ", "· ", "1. ", "2) ", "a) ", "B) ", "10. ", "-\t", "  - ",
    "\t1.  ",
  ])
  func listMarkers(marker: String) {
    let found = blocks("What to bring:\n\(marker)Bring your letter\n\(marker)Arrive early")
    #expect(found.map(\.1) == ["What to bring:", "Bring your letter", "Arrive early"])
    #expect(found.map(\.0) == [.paragraph, .listItem, .listItem])
  }

  @Test func listItemRangesExcludeTheMarker() {
    let document = Document(path: "a.txt", text: "- Bring your letter\n2) Arrive early")
    let found = PlainTextFrontEnd.blocks(of: document)
    #expect(found.map(\.range) == [2..<19, 23..<35])
  }

  @Test func wrappedListItemStaysOneItem() {
    let text = "- Bring a list of your medicines,\n  including creams and inhalers\n- Bring your glasses"
    #expect(blockSummary(text) == [
      "item: Bring a list of your medicines,\n  including creams and inhalers", "item: Bring your glasses",
    ])
  }

  @Test func blankLineEndsAListItem() {
    let text = "- Bring your letter\n\nWe will call you when it is your turn."
    #expect(blockSummary(text) == ["item: Bring your letter", "para: We will call you when it is your turn."])
  }

  @Test("lines that only look like list items stay in their paragraph", arguments: [
    "-5 degrees is cold", "1.5 mg is the dose", "2024 was a busy year", "a)b", "*emphasis* here",
    "-", "1.", "•", "1234. Too many digits",
  ])
  func notListItems(line: String) {
    let found = blocks("Some text\n\(line)")
    #expect(found.count == 1)
    #expect(found.first?.0 == .paragraph)
  }

  @Test func proseOfPlainTextIsTheFileWithAnIdentityMap() {
    let document = Document(path: "a.txt", text: "One.\n\nTwo.")
    let prose = PlainTextFrontEnd.prose(of: document)
    #expect(prose.format == "text")
    #expect(prose.bytes == document.bytes)
    #expect(prose.map.isIdentity)
    #expect(prose.blocks.map(\.range) == [0..<4, 6..<10])
  }
}
