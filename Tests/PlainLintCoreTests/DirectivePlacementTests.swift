import Testing

@testable import PlainLintCore

/// The document with the "switch off on this line" edit made for a finding on the `occurrence`-th `word`, or nil
/// when there is no safe place.
func withDirective(
  _ text: String, format: String, word: String = "haemorrhage", occurrence: Int = 1, rule: String = "jargon"
) -> String? {
  let found = finding(rule, word, in: text, occurrence: occurrence)
  let bytes = Array(text.utf8)
  guard let edit = DirectivePlacement.disableLine(rule: rule, in: bytes, format: format, range: found.range) else {
    return nil
  }
  return String(decoding: bytes[..<edit.offset] + Array(edit.text.utf8) + bytes[edit.offset...], as: UTF8.self)
}

@Suite("Where the quick fix writes plainlint-disable-line")
struct DirectivePlacementTests {
  @Test func markdownAtTheEndOfTheFindingsLine() {
    #expect(
      withDirective("Café 😀 “a” haemorrhage here.\nNext line.\n", format: "markdown")
        == "Café 😀 “a” haemorrhage here. <!-- plainlint-disable-line jargon -->\nNext line.\n")
    #expect(
      withDirective("First.\r\nSome haemorrhage here.\r\n", format: "markdown")
        == "First.\r\nSome haemorrhage here. <!-- plainlint-disable-line jargon -->\r\n")
    #expect(
      withDirective("Some haemorrhage here.", format: "markdown")
        == "Some haemorrhage here. <!-- plainlint-disable-line jargon -->")
    // A finding over two lines: its first line.
    #expect(
      withDirective("A long sentence\nthat goes on.\n", format: "markdown", word: "A long sentence\nthat", rule: "x")
        == "A long sentence <!-- plainlint-disable-line x -->\nthat goes on.\n")
  }

  @Test func markdownKeepsHardLineBreaksAndClosingHashes() {
    #expect(
      withDirective("Some haemorrhage here.  \nNext.\n", format: "markdown")
        == "Some haemorrhage here. <!-- plainlint-disable-line jargon -->  \nNext.\n")
    #expect(
      withDirective("Some haemorrhage here.\\\nNext.\n", format: "markdown")
        == "Some haemorrhage here. <!-- plainlint-disable-line jargon -->\\\nNext.\n")
    #expect(
      withDirective("## About haemorrhage ##\n", format: "markdown")
        == "## About haemorrhage <!-- plainlint-disable-line jargon --> ##\n")
    #expect(
      withDirective("> # About haemorrhage #\n", format: "markdown")
        == "> # About haemorrhage <!-- plainlint-disable-line jargon --> #\n")
    #expect(
      withDirective("Press haemorrhage #\n", format: "markdown")
        == "Press haemorrhage # <!-- plainlint-disable-line jargon -->\n")
  }

  @Test func markdownTableRowsGetTheCommentInTheFindingsCell() {
    let table = "| term | meaning |\n| --- | --- |\n"
    #expect(
      withDirective(table + "| haemorrhage | bleeding |\n", format: "markdown") == table
        + "| haemorrhage <!-- plainlint-disable-line jargon --> | bleeding |\n")
    #expect(
      withDirective(table + "| bleeding | a haemorrhage |  \n", format: "markdown") == table
        + "| bleeding | a haemorrhage <!-- plainlint-disable-line jargon --> |  \n")
    #expect(
      withDirective(table + "| a \\| b | haemorrhage \\| c |\n", format: "markdown") == table
        + "| a \\| b | haemorrhage \\| c <!-- plainlint-disable-line jargon --> |\n")
    #expect(
      withDirective(table + "haemorrhage | bleeding\n", format: "markdown") == table
        + "haemorrhage | bleeding <!-- plainlint-disable-line jargon -->\n")
  }

  @Test func htmlAtTheEndOfTheLineOrAfterTheFinding() {
    #expect(
      withDirective("<p>Some haemorrhage here.</p>\n", format: "html")
        == "<p>Some haemorrhage here.</p> <!-- plainlint-disable-line jargon -->\n")
    // The line ends inside a tag: right after the finding.
    #expect(
      withDirective("<p>Some haemorrhage <a\n  href=\"x\">here</a>.</p>\n", format: "html")
        == "<p>Some haemorrhage <!-- plainlint-disable-line jargon --> <a\n  href=\"x\">here</a>.</p>\n")
    // The finding is inside a tag too (alt text over two lines): nowhere.
    #expect(withDirective("<img alt=\"haemorrhage\"\n  src=\"x.png\">\n", format: "html") == nil)
    // The line ends inside a title or a code element: after the finding, if that is outside them.
    #expect(withDirective("<title>About haemorrhage\n and more</title>\n", format: "html") == nil)
    #expect(
      withDirective("<p>Some haemorrhage and <code>x\ny</code></p>\n", format: "html")
        == "<p>Some haemorrhage <!-- plainlint-disable-line jargon --> and <code>x\ny</code></p>\n")
    #expect(
      withDirective("<p>Some <!-- a note\n --> haemorrhage <!-- open\n-->.</p>\n", format: "html")
        == "<p>Some <!-- a note\n --> haemorrhage <!-- plainlint-disable-line jargon --> <!-- open\n-->.</p>\n")
    // A `>` inside a quoted attribute is not the end of the tag; a title that is closed is not open.
    #expect(
      withDirective("<title>Notes</title><p title=\"a > b\">Some haemorrhage</p>\n", format: "html")
        == "<title>Notes</title><p title=\"a > b\">Some haemorrhage</p> <!-- plainlint-disable-line jargon -->\n")
  }

  @Test func plainTextIsLeftToTheServer() {
    #expect(withDirective("Some haemorrhage here.\n", format: "text") == nil)
  }

  @Test func theInsertedCommentSwitchesTheFindingOff() throws {
    let text = "Intro.\nCafé – “we” saw haemorrhage.\nEnd.\n"
    let edited = try #require(withDirective(text, format: "markdown"))
    let document = Document(path: "a.md", text: edited)
    let start = try #require(edited.utf8.firstIndex(of: UInt8(ascii: "<")))
    let offset = edited.utf8.distance(from: edited.utf8.startIndex, to: start)
    let end = offset + "<!-- plainlint-disable-line jargon -->".utf8.count
    let prose = ProseText(
      format: "markdown", bytes: document.bytes, blocks: [], map: .identity,
      comments: [SourceComment(range: offset..<end, text: offset + 4..<end - 3)])
    let moved = finding("jargon", "haemorrhage", in: edited)
    #expect(Suppression.apply([moved], document: document, prose: prose, knownRules: testRules).isEmpty)
  }
}
