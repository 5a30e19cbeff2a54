import PlainLintCore
import Testing

@testable import PlainLintDOCX

@Suite struct ReadingTests {
  @Test func eachParagraphIsALineAndEmptyParagraphsCount() throws {
    let word = try read(body: paragraph(run("One.")) + "<w:p/>" + paragraph("") + paragraph(run("Four.")))
    #expect(word.lines == ["One.", "", "", "Four."])
    #expect(word.blocks == ["p One.", "p Four."])
    #expect(word.prose.format == "docx")
    #expect(word.prose.map.isIdentity)
  }

  @Test func breaksTabsAndSpecialCharactersKeepTheParagraphOnOneLine() throws {
    let body = paragraph(
      run("Ring us.") + "<w:r><w:br/></w:r>" + run("We help.") + "<w:r><w:cr/><w:tab/></w:r>" + run("X")
        + "<w:r><w:noBreakHyphen/><w:softHyphen/></w:r>" + run("ray")
        + "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0E0\"/><w:sym w:font=\"Arial\" w:char=\"00B0\"/></w:r>"
        + run("line\nbreak in text"))
    let word = try read(body: body)
    #expect(word.lines == ["Ring us. We help. \tX\u{2011}ray°line break in text"])
  }

  @Test func trackedInsertionsAreReadAndDeletionsAreNot() throws {
    let body = paragraph(
      run("Take ") + "<w:ins w:id=\"1\" w:author=\"A\">" + run("one") + "</w:ins>"
        + "<w:del w:id=\"2\" w:author=\"A\"><w:r><w:delText>two</w:delText></w:r></w:del>" + run(" tablet. ")
        + "<w:moveFrom w:id=\"3\" w:author=\"A\">" + run("Old place.") + "</w:moveFrom>"
        + "<w:moveTo w:id=\"4\" w:author=\"A\">" + run("New place.") + "</w:moveTo>")
    #expect(try read(body: body).lines == ["Take one tablet. New place."])
  }

  @Test func commentsAreNeverRead() throws {
    let body = paragraph(
      "<w:commentRangeStart w:id=\"0\"/>" + run("Text.") + "<w:commentRangeEnd w:id=\"0\"/>"
        + "<w:r><w:commentReference w:id=\"0\"/></w:r>")
    let comments = "<w:comments xmlns:w=\"\(wordNamespace)\"><w:comment w:id=\"0\">\(paragraph(run("Utilise!")))"
      + "</w:comment></w:comments>"
    let word = try DOCXFrontEnd.read(makeDOCX(body: body, more: [("word/comments.xml", comments)]))
    #expect(word.lines == ["Text."])
  }

  @Test func fieldCodesAndHiddenTextAreLeftOutAndFieldResultsKept() throws {
    let body = paragraph(
      run("See ") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        + "<w:r><w:instrText> HYPERLINK \"https://nhs.uk\" </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("the NHS website")
        + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + run(" or ")
        + "<w:fldSimple w:instr=\" PAGE \">" + run("page 2") + "</w:fldSimple>"
        + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t><w:tab/></w:r>"
        + "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>.</w:t></w:r>"
        + "<w:hyperlink w:history=\"1\">" + run(" Link text.") + "</w:hyperlink>")
    #expect(try read(body: body).lines == ["See the NHS website or page 2. Link text."])
  }

  @Test func aTextBoxIsReadOnceAfterTheParagraphItIsAnchoredIn() throws {
    func box(_ text: String) -> String {
      "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>"
        + paragraph(run(text)) + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>"
        + "<w:txbxContent>" + paragraph(run(text)) + "</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
        + "</mc:AlternateContent></w:r>"
    }
    let body =
      paragraph(run("Before the box.") + box("In the box.") + run(" After the box."))
      + paragraph(run("Next paragraph."))
    #expect(
      try read(body: body).lines == ["Before the box. After the box.", "In the box.", "Next paragraph."])
    // A text box without a choice is read from its fallback.
    let fallbackOnly =
      "<w:r><mc:AlternateContent><mc:Fallback><w:txbxContent>\(paragraph(run("Fallback.")))</w:txbxContent>"
      + "</mc:Fallback></mc:AlternateContent></w:r>"
    #expect(try read(body: paragraph(run("Anchor.") + fallbackOnly)).lines == ["Anchor.", "Fallback."])
  }

  @Test func textBoxesInsideTextBoxesFollowInReadingOrder() throws {
    func box(_ content: String) -> String { "<w:r><w:pict><w:txbxContent>\(content)</w:txbxContent></w:pict></w:r>" }
    let inner = paragraph(run("B") + box(paragraph(run("C")))) + paragraph(run("D"))
    let body = paragraph(run("A") + box(inner)) + paragraph(run("E"))
    #expect(try read(body: body).lines == ["A", "B", "C", "D", "E"])
  }

  @Test func headingsComeFromStylesOutlineLevelsAndBasedOn() throws {
    let body = [
      paragraph(run("Title"), style: "Title"),
      paragraph(run("One"), style: "Heading1"),
      paragraph(run("Two"), style: "Heading2"),
      paragraph(run("Ours"), style: "Ours"),
      paragraph(run("Outlined by style"), style: "Outlined"),
      paragraph(run("Outlined here"), properties: "<w:outlineLvl w:val=\"3\"/>"),
      paragraph(run("Body text level"), style: "Heading1", properties: "<w:outlineLvl w:val=\"9\"/>"),
      paragraph(run("Unknown style"), style: "Missing"),
    ].joined()
    #expect(
      try read(body: body).blocks == [
        "h1 Title", "h1 One", "h2 Two", "h2 Ours", "h3 Outlined by style", "h4 Outlined here", "p Body text level",
        "p Unknown style",
      ])
  }

  @Test func listsAndTableCellsAreTheirOwnBlocks() throws {
    let numbered = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
    let body =
      paragraph(run("By numbering"), properties: numbered)
      + paragraph(run("By style"), style: "ListBullet")
      + paragraph(run("Numbering off"), style: "ListBullet", properties: "<w:numPr><w:numId w:val=\"0\"/></w:numPr>")
      + "<w:tbl><w:tr><w:tc>" + paragraph(run("Cell one")) + paragraph(run("still cell one")) + "</w:tc><w:tc>"
      + paragraph(run("Heading in a cell"), style: "Heading2") + "</w:tc></w:tr></w:tbl>"
      + paragraph(run("After the table."))
    #expect(
      try read(body: body).blocks == [
        "li By numbering", "li By style", "p Numbering off", "td Cell one", "td still cell one",
        "h2 Heading in a cell", "p After the table.",
      ])
  }

  @Test func withoutStylesEveryParagraphIsAParagraph() throws {
    #expect(try read(body: paragraph(run("Text"), style: "Heading1"), styles: nil).blocks == ["p Text"])
  }

  @Test func footnotesFollowTheBodyInTheOrderTheyAreReferredTo() throws {
    let body =
      paragraph(run("First.") + "<w:r><w:footnoteReference w:id=\"7\"/></w:r>")
      + paragraph(run("Second.") + "<w:r><w:footnoteReference w:id=\"3\"/><w:endnoteReference w:id=\"1\"/></w:r>")
    let footnotes = makeNotes("footnote", [("3", "Note three."), ("7", "Note seven."), ("9", "Never referred to.")])
    let endnotes = makeNotes("endnote", [("1", "An endnote.")])
    let word = try read(body: body, footnotes: footnotes, endnotes: endnotes)
    #expect(word.lines == ["First.", "Second.", "Note seven.", "Note three.", "Never referred to.", "An endnote."])
    #expect(word.paragraphs.map(\.heading) == [nil, nil, "Footnote 1", "Footnote 2", "Footnote 3", "Endnote 1"])
  }

  @Test func theStrictFormOfWordprocessingMLIsRead() throws {
    let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    let document = "<w:document xmlns:w=\"\(strict)\"><w:body>\(paragraph(run("Strict.")))</w:body></w:document>"
    let bytes = try makeArchive([("word/document.xml", document)])
    #expect(try DOCXFrontEnd.read(bytes).lines == ["Strict."])
  }

  @Test func textInOtherNamespacesIsNotRead() throws {
    let body = paragraph(run("Word text.") + "<a:t xmlns:a=\"urn:drawing\">Drawing text.</a:t>")
    #expect(try read(body: body).lines == ["Word text."])
  }
}
