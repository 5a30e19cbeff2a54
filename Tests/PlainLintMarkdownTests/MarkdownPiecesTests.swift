import Foundation
import PlainLintCore
import Testing

@testable import PlainLintMarkdown

/// A large Markdown file is parsed a piece at a time (`MarkdownPieces`); its prose must be the same, byte for
/// byte and segment for segment, as a parse of the whole file.
@Suite("Markdown parsed in pieces")
struct MarkdownPiecesTests {
  /// The prose of `document` parsed in pieces of `pieceSize` bytes, or nil if the front end would parse it whole.
  func inPieces(_ document: Document, pieceSize: Int) -> ProseText? {
    let (source, frontMatter) = MarkdownFrontEnd.sanitized(document.bytes)
    var builder = MarkdownProseBuilder(document: document, source: source)
    guard MarkdownPieces.parse(source, blankingFirst: frontMatter, pieceSize: pieceSize, into: &builder) else {
      return nil
    }
    return builder.finish()
  }

  /// Checks that every piece size gives the prose of the whole parse.
  func expectSameProse(
    _ text: String, pieceSizes: [Int] = [1, 5, 64, 1000, 1 << 20],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let document = Document(path: "a.md", text: text)
    let whole = MarkdownFrontEnd.prose(of: document, inPiecesFrom: Int.max)
    for size in pieceSizes {
      guard let pieces = inPieces(document, pieceSize: size) else {
        Issue.record("parsed whole, not in pieces of \(size)", sourceLocation: sourceLocation)
        continue
      }
      #expect(
        String(decoding: pieces.bytes, as: UTF8.self) == String(decoding: whole.bytes, as: UTF8.self),
        "pieces of \(size)", sourceLocation: sourceLocation)
      #expect(pieces.blocks == whole.blocks, "pieces of \(size)", sourceLocation: sourceLocation)
      #expect(pieces.map.segments == whole.map.segments, "pieces of \(size)", sourceLocation: sourceLocation)
      #expect(pieces.comments == whole.comments, "pieces of \(size)", sourceLocation: sourceLocation)
    }
  }

  @Test func theMarkdownFixtures() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fixtures")
    let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
      .filter { $0.hasSuffix(".md") }.sorted()
    #expect(files.count >= 8)
    for file in files {
      let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
      expectSameProse(text, pieceSizes: [3, 100, 4096])
    }
  }

  @Test func linkReferenceDefinitionsAfterTheirLinks() {
    expectSameProse(
      """
      Read the [leaflet][info] and [the other one] before you come.

      > Ask [PALS][] about it.

      [info]: https://www.nhs.uk/leaflet "The leaflet"
      [the other one]: /other
      [pals]: https://example.org/pals

      Then [info] again.
      """)
  }

  @Test func footnotesAreNumberedOrderedAndDroppedAsCmarkDoes() {
    expectSameProse(
      """
      First mention[^b] and a second[^a], then one with no definition[^missing] and [^ ] with no label.

      [^a]: The definition of a, which points on to another[^c].

      Middle text with a later reference to [^A] in other capitals, and [^Spaced   label].

      [^b]: The definition of b.
      [^unused]: Nobody refers to this one, so it goes.

      [^c]: Only a footnote refers to this.

      [^spaced label]: Labels are compared with their spaces made one.

      [^b]: A second definition of b: the first one wins.
      """)
  }

  @Test func footnotesNestedInAListAreParsedWhole() {
    let document = Document(path: "a.md", text: "- item[^x]\n\n  [^x]: nested definition\n\nEnd.\n")
    if inPieces(document, pieceSize: 4) == nil {
      // Parsed whole: the same prose as ever.
      let whole = MarkdownFrontEnd.prose(of: document, inPiecesFrom: Int.max)
      #expect(MarkdownFrontEnd.prose(of: document, inPiecesFrom: 0, pieceSize: 4).bytes == whole.bytes)
    } else {
      expectSameProse(document.text(0..<document.bytes.count))
    }
  }

  @Test func extensionsAutolinksAndEmailAddresses() {
    expectSameProse(
      """
      Write to help@nhs.net or visit www.nhs.uk/page, or <https://example.org/x>, ~~not this~~ but this.

      | Service | Contact |
      | --- | --- |
      | PALS | pals@example.org and www.example.org |
      | 111 | *call* `111` |

      - [x] done ~struck~
      - [ ] to do www.nhs.uk

      A line with a hard break\\
      and a [link](https://example.org "title") with *emphasis* and **strong** text.
      """)
  }

  @Test func frontMatterCommentsAndLineEnds() {
    expectSameProse(
      "---\ntitle: A page\ntags: [a, b]\n---\n\n# Heading\r\n\r\nText <!-- plainlint-disable jargon --> here.\r\n"
        + "\n<!-- plainlint-enable -->\n\nSetext heading\n---\n\nLast paragraph with no line end")
  }

  @Test func blocksLeftOpenAtTheEnd() {
    expectSameProse("Some text.\n\n```\ncode that is never closed\n\nmore code")
    expectSameProse("Some text.\n\n<div>\nhtml\n\n<!-- a comment never closed\n\nstill")
    expectSameProse("Some text.\n\n- a list\n- that ends the file\n  - nested")
    expectSameProse("> A quote that ends\n> the file\nlazily")
    expectSameProse("Text\n\n    indented code\n\n    more\n")
  }

  /// Closed items of a list and closed blocks of a quote are taken out too, however deep.
  @Test func longListsQuotesAndWhatIsInsideThem() {
    var text = "# Lists\n\n"
    for i in 0..<40 {
      text += "- item \(i) with a note[^n\(i % 3)] and [a link][l\(i % 4)]\n"
      if i % 5 == 0 { text += "\n  A second paragraph of item \(i), utilise it.\n\n  > a quote in the item\n" }
      if i % 7 == 0 { text += "  1. nested one\n  2. nested two\n     - deeper \(i)\n" }
    }
    text += "\n> Quote start\n>\n> - list in a quote\n> - second\n>\n> > nested quote \(40)\n>\n> Last line.\n\n"
    text += "1) ordered\n2) list\n\n   with a loose paragraph\n3) end\n\n"
    for i in 0..<3 { text += "[^n\(i)]: Footnote \(i).\n\n" }
    for i in 0..<4 { text += "[l\(i)]: https://example.org/\(i)\n" }
    expectSameProse(text, pieceSizes: [1, 9, 100, 4096])
  }

  @Test func aFootnoteDefinitionInsideAQuoteIsParsedWhole() {
    let document = Document(path: "a.md", text: "Text[^q].\n\n> [^q]: defined in a quote\n>\n> more\n\nEnd.\n")
    let whole = MarkdownFrontEnd.prose(of: document, inPiecesFrom: Int.max)
    #expect(MarkdownFrontEnd.prose(of: document, inPiecesFrom: 0, pieceSize: 3).bytes == whole.bytes)
  }

  @Test func aLargeDocumentOfManyLeaflets() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fixtures")
    let leaflet = try String(contentsOf: root.appendingPathComponent("markdown/leaflet.md"), encoding: .utf8)
    var text = ""
    for i in 0..<30 {
      text += leaflet + "\n\nSee the note[^n\(i)] and [ref \(i)].\n\n[^n\(i)]: Note \(i) with help\(i)@nhs.net.\n\n"
      text += "[ref \(i)]: https://example.org/\(i)\n\n"
    }
    expectSameProse(text, pieceSizes: [777, 65536])
  }
}
