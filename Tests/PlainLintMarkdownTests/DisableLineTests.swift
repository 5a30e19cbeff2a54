import PlainLintCore
import Testing

@testable import PlainLintMarkdown

/// The rules the directives in these tests may name.
private let rules = ["complex-word", "jargon"]

/// Jargon findings on every "haemorrhage" in a Markdown document, run through its directives: the 1-based lines
/// of those left, and the document's blocks.
private func jargonLeft(_ markdown: String) -> (lines: [Int], blocks: [BlockKind]) {
  let document = Document(path: "t.md", text: markdown)
  let prose = MarkdownFrontEnd.prose(of: document)
  let bytes = document.bytes
  let word = Array("haemorrhage".utf8)
  var findings: [Finding] = []
  var i = 0
  while i + word.count <= bytes.count {
    if bytes[i..<i + word.count].elementsEqual(word) {
      findings.append(Finding(rule: "jargon", severity: .warning, message: "", range: i..<i + word.count))
      i += word.count
    } else {
      i += 1
    }
  }
  let left = Suppression.apply(findings, document: document, prose: prose, knownRules: rules)
  return (left.map { document.location(at: $0.range.lowerBound).line }, prose.blocks.map(\.kind))
}

@Suite("Markdown: plainlint-disable-line")
struct MarkdownDisableLineTests {
  @Test func atTheEndOfAParagraphLineItKeepsTheParagraphWhole() {
    let markdown = """
      Café – “first” line 😀 of the paragraph
      Some haemorrhage here. <!-- plainlint-disable-line jargon -->
      More haemorrhage on the last line.
      """
    let result = jargonLeft(markdown)
    #expect(result.lines == [3])
    #expect(result.blocks == [.paragraph])
  }

  @Test func atTheStartOfAContinuationLineItWouldEndTheParagraph() {
    // Why the server always puts the comment at the end of the line: alone at the start of a line, a comment
    // starts an HTML block and ends the paragraph.
    let markdown = "First line.\n<!-- plainlint-disable-line jargon --> Some haemorrhage here.\nMore text.\n"
    #expect(jargonLeft(markdown).blocks == [.paragraph, .paragraph])
  }

  @Test func inATableRowTheCommentMustBeInsideACell() {
    let markdown = """
      | finding | meaning |
      | --- | --- |
      | haemorrhage | bleeding <!-- plainlint-disable-line jargon --> |
      | haemorrhage <!-- plainlint-disable-line jargon --> | bleeding |
      haemorrhage | bleeding <!-- plainlint-disable-line jargon -->
      | haemorrhage | bleeding | <!-- plainlint-disable-line jargon -->
      | haemorrhage | bleeding |
      """
    let result = jargonLeft(markdown)
    // After the row's last `|` the comment is an extra cell, which cmark-gfm drops: nothing is switched off.
    #expect(result.lines == [6, 7])
    #expect(result.blocks.allSatisfy { $0 == .tableCell })
  }

  @Test func inAListItemAndABlockQuote() {
    let markdown = """
      - Some haemorrhage here, <!-- plainlint-disable-line jargon -->
        and haemorrhage after it.

      > Quoted haemorrhage. <!-- plainlint-disable-line -->
      > More haemorrhage.
      """
    #expect(jargonLeft(markdown).lines == [2, 5])
  }

  /// Where the server's quick fix writes the comment, the Markdown front end reads it: every finding on
  /// "haemorrhage" is switched off, and the blocks are the same as before.
  @Test(arguments: [
    "Café 😀 first line\nSome haemorrhage here.\nLast line.\n",
    "Some haemorrhage here.  \nA hard break above.\n",
    "Some haemorrhage here.\\\nA hard break above.\n",
    "## About haemorrhage ##\n\nText.\n",
    "| term | meaning |\n| --- | --- |\n| haemorrhage | bleeding |\n| a | b |\n",
    "| term | meaning |\n| --- | --- |\n| bleeding | a haemorrhage |\n",
    "| term | meaning |\n| --- | --- |\nhaemorrhage | bleeding\n",
    "- An item with haemorrhage\n  that goes on.\n\n> A quote about haemorrhage\n> that goes on.\n",
  ])
  func theQuickFixPlacementWorks(_ markdown: String) throws {
    let before = jargonLeft(markdown)
    #expect(!before.lines.isEmpty)
    let bytes = Array(markdown.utf8)
    let word = Array("haemorrhage".utf8)
    let offset = try #require(bytes.indices.first { bytes[$0...].starts(with: word) })
    let edit = try #require(
      DirectivePlacement.disableLine(rule: "jargon", in: bytes, format: "markdown", range: offset..<offset + 11))
    let edited = String(decoding: bytes[..<edit.offset] + Array(edit.text.utf8) + bytes[edit.offset...], as: UTF8.self)
    let after = jargonLeft(edited)
    #expect(after.lines == Array(before.lines.dropFirst()), "\(edited)")
    #expect(after.blocks == before.blocks, "\(edited)")
  }
}
