import PlainLintCore
import Testing

@testable import PlainLintHTML

/// The sentences of each block, as source text.
func sentences(_ html: String) throws -> [String] {
  let e = try extract(html)
  var result: [String] = []
  for block in e.prose.blocks {
    var tokens: [Token] = []
    var found: [Sentence] = []
    Tokenizer.tokenize(e.prose.bytes, range: block.range, into: &tokens)
    SentenceSplitter.split(e.prose.bytes, tokens: tokens, tokenRange: 0..<tokens.count, into: &found)
    result += found.map { collapse(String(decoding: e.prose.bytes[$0.range], as: UTF8.self)) }
  }
  return result
}

@Suite("HTML: blocks")
struct BlockTests {
  @Test func blockKinds() throws {
    let html = """
      <title>Page</title>
      <h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>
      <p>Para.</p>
      <ul><li>Item</li></ul><ol><li>Step</li></ol>
      <table><caption>Cap</caption><tr><th>Head</th><td>Cell</td></tr></table>
      <blockquote>Quote</blockquote><dl><dt>Term</dt><dd>Meaning</dd></dl>
      <figure><img alt="Alt"><figcaption>Caption</figcaption></figure>
      <div>Div</div><section>Sec</section><article>Art</article>
      """
    let e = try extract(html)
    #expect(
      e.blockTexts == [
        "Page", "One", "Two", "Three", "Four", "Five", "Six", "Para.", "Item", "Step", "Cap", "Head", "Cell", "Quote",
        "Term", "Meaning", "Alt", "Caption", "Div", "Sec", "Art",
      ])
    #expect(
      e.kinds == [
        .metadata, .heading(level: 1), .heading(level: 2), .heading(level: 3), .heading(level: 4),
        .heading(level: 5), .heading(level: 6), .paragraph, .listItem, .listItem, .paragraph, .tableCell, .tableCell,
        .paragraph, .paragraph, .paragraph, .metadata, .paragraph, .paragraph, .paragraph, .paragraph,
      ])
  }

  @Test func inlineElementsDoNotSplitWordsOrSentences() throws {
    let e = try extract(
      "<p>Ask your co<strong>-</strong>production lead. <em>Take</em> one <a href=x>tablet</a> a day.</p>")
    #expect(e.words == ["Ask", "your", "co-production", "lead", "Take", "one", "tablet", "a", "day"])
    #expect(e.seen[2].source == "co<strong>-</strong>production")
    #expect(
      try sentences("<p>Ask your co<strong>-</strong>production lead. <em>Take</em> one tablet a day.</p>")
        == ["Ask your co-production lead.", "Take one tablet a day."])
  }

  @Test func blockElementsEndSentences() throws {
    #expect(
      try sentences("<div>No full stop here<div>New block</div>and after</div>")
        == ["No full stop here", "New block", "and after"])
  }

  @Test func lineBreaksAndRulesSplitBlocks() throws {
    let e = try extract("<p>Riverside Hospital<br>Mill Lane<br/>Leeds<hr>Next</p>")
    #expect(e.blockTexts == ["Riverside Hospital", "Mill Lane", "Leeds", "Next"])
  }

  @Test func tableRowsAndCellsAreBlocks() throws {
    let e = try extract(
      "<table><tr><td>Fever</td><td>Call 111</td></tr><tr><th>Rash</th><td>See a GP</td></tr></table>")
    #expect(e.blockTexts == ["Fever", "Call 111", "Rash", "See a GP"])
    #expect(e.kinds == [.tableCell, .tableCell, .tableCell, .tableCell])
  }

  @Test func innermostBlockGivesTheKind() throws {
    let e = try extract("<ul><li>Intro<p>Para in item</p>more</li></ul><td><h3>Heading in cell</h3></td>")
    #expect(e.blockTexts == ["Intro", "Para in item", "more", "Heading in cell"])
    #expect(e.kinds == [.listItem, .paragraph, .listItem, .heading(level: 3)])
  }

  @Test func altTextInsideAParagraphFollowsIt() throws {
    let e = try extract("<p>Take <img alt=\"a white pill\"> one tablet.</p><p>Next.</p>")
    #expect(e.blockTexts == ["Take one tablet.", "a white pill", "Next."])
  }

  @Test func emptyAndWhiteSpaceBlocksAreDropped() throws {
    let e = try extract("<p> </p><p>&nbsp;</p><div>\n  <p>Text</p>\n</div><p><!-- x --></p>")
    #expect(e.blockTexts == ["Text"])
    #expect(String(decoding: e.prose.bytes, as: UTF8.self).hasPrefix("Text"))
  }

  /// White space with no block open is not written to the prose, but the block it starts still decides the rest:
  /// alt text met before the block's first words follows the block, as alt text inside a block does, and the
  /// block's kind is that of the element the white space was in.
  @Test func whiteSpaceBeforeABlocksFirstWordsKeepsAltTextAfterTheBlock() throws {
    let e = try extract("<ul>\n <li>\n  <img alt=\"The ICB logo\"> <em>Ask</em> the ICB.\n </li>\n</ul>\n<p>Next.</p>")
    #expect(e.blockTexts == ["Ask the ICB.", "The ICB logo", "Next."])
    #expect(e.kinds == [.listItem, .metadata, .paragraph])
    #expect(String(decoding: e.prose.bytes, as: UTF8.self).hasPrefix("Ask the ICB."))
    let ask = try #require(e.seen.first { $0.prose == "Ask" })
    #expect(ask.source == "Ask")
    // Alt text with only white space around it, and no words after, is a block of its own.
    let alone = try extract("<div>\n<img alt=\"A white pill\">\n</div><p>Next.</p>")
    #expect(alone.blockTexts == ["A white pill", "Next."])
  }

  @Test func blocksAreSeparatedByBlankLinesThatMapNowhere() throws {
    let e = try extract("<p>One</p><p>Two</p>")
    #expect(String(decoding: e.prose.bytes, as: UTF8.self) == "One\n\nTwo")
    #expect(e.prose.blocks.map(\.range) == [0..<3, 5..<8])
  }
}

@Suite("HTML: malformed markup")
struct MalformedTests {
  @Test func unclosedParagraphsAndListItems() throws {
    let e = try extract("<p>First paragraph<p>Second paragraph<ul><li>One<li>Two</ul>After")
    #expect(e.blockTexts == ["First paragraph", "Second paragraph", "One", "Two", "After"])
    #expect(e.kinds == [.paragraph, .paragraph, .listItem, .listItem, .paragraph])
  }

  @Test func strayEndTagsAreIgnored() throws {
    let e = try extract("<p>Take one</div> tablet</span> a day.</p>")
    #expect(e.blockTexts == ["Take one tablet a day."])
    #expect(e.seen.map(\.source) == ["Take", "one", "tablet", "a", "day"])
  }

  @Test func missingHtmlHeadAndBody() throws {
    let e = try extract("<title>T</title><h1>Heading</h1>Loose text")
    #expect(e.blockTexts == ["T", "Heading", "Loose text"])
  }

  @Test func unclosedInlineElements() throws {
    let e = try extract("<p>Some <b>bold <i>text</p><p>Next")
    #expect(e.blockTexts == ["Some bold text", "Next"])
  }

  @Test func lessThanSignsInText() throws {
    let e = try extract("<p>If x < 5 or y <3, call. 1<2</p>")
    #expect(e.blockTexts == ["If x < 5 or y <3, call. 1<2"])
    #expect(e.extraction.alignmentFailures == 0)
  }

  @Test func badAttributesAndBogusTags() throws {
    let e = try extract(#"<p>A<b @click="x>y" c=d>B</b> <img alt=x/>C<br/>D<p/>E</p>"#)
    #expect(e.extraction.alignmentFailures == 0)
    #expect(e.blockTexts == ["Ay\" c=d>B C", "x/", "D", "E"])
  }

  @Test func textAfterTheEndOfTheDocument() throws {
    let e = try extract("<html><body><p>In</p></body></html>Out")
    #expect(e.blockTexts == ["In", "Out"])
  }
}
