import PlainLintCore
import Testing

@testable import PlainLintMarkdown

/// The comments the Markdown front end keeps for directives: each comment's source text and its text inside the
/// markers.
func directiveComments(_ markdown: String) -> [(comment: String, text: String)] {
  let document = Document(path: "t.md", text: markdown)
  return MarkdownFrontEnd.prose(of: document).comments.map { (document.text($0.range), document.text($0.text)) }
}

@Suite("Markdown: comments that may hold directives")
struct MarkdownCommentTests {
  @Test func aBlockCommentHasItsExactRange() {
    let md = "# Title\n\n<!-- plainlint-disable jargon -->\nText.\n"
    let found = directiveComments(md)
    #expect(found.map(\.comment) == ["<!-- plainlint-disable jargon -->"])
    #expect(found.map(\.text) == [" plainlint-disable jargon "])
    let document = Document(path: "t.md", text: md)
    let comment = MarkdownFrontEnd.prose(of: document).comments[0]
    #expect(document.location(at: comment.range.lowerBound).position == SourcePosition(line: 3, column: 1))
  }

  @Test func anInlineCommentAfterMultibyteTextHasItsExactRange() {
    let md = "Café – “text” 😀 <!--plainlint-disable-next-line--> more.\n"
    let document = Document(path: "t.md", text: md)
    let comments = MarkdownFrontEnd.prose(of: document).comments
    #expect(comments.count == 1)
    #expect(document.text(comments[0].range) == "<!--plainlint-disable-next-line-->")
    #expect(document.location(at: comments[0].range.lowerBound).position == SourcePosition(line: 1, column: 17))
  }

  @Test func commentsInListItemsAndBlockQuotes() {
    let md = """
      - First item <!-- plainlint-disable jargon -->
      - Second item

        <!-- plainlint-enable -->

      > Quoted.
      > <!-- plainlint-disable-file -->

      > <!-- plainlint-disable long-sentence -->
      """
    #expect(
      directiveComments(md).map(\.comment) == [
        "<!-- plainlint-disable jargon -->", "<!-- plainlint-enable -->", "<!-- plainlint-disable-file -->",
        "<!-- plainlint-disable long-sentence -->",
      ])
  }

  @Test func aCommentOverSeveralLines() {
    let md = "Text.\n\n<!--\n  plainlint-disable\n  jargon\n-->\n\nMore.\n"
    #expect(directiveComments(md).map(\.comment) == ["<!--\n  plainlint-disable\n  jargon\n-->"])
  }

  @Test func commentsInCodeAreNotDirectives() {
    let md = """
      ```html
      <!-- plainlint-disable -->
      ```

          <!-- plainlint-disable indented -->

      Write `<!-- plainlint-disable -->` to switch every rule off.

      <pre>
      <!-- plainlint-disable in pre -->
      </pre>

      <div>
      <script>
      // <!-- plainlint-disable in script -->
      </script>
      <!-- plainlint-enable after the script -->
      </div>
      """
    #expect(directiveComments(md).map(\.comment) == ["<!-- plainlint-enable after the script -->"])
  }

  @Test func otherCommentsAndFrontMatterAreLeftAlone() {
    let md = "---\ntitle: <!-- plainlint-disable -->\n---\n\n<!-- a note for editors -->\n\nText <!-- TODO -->.\n"
    #expect(directiveComments(md).isEmpty)
  }

  @Test func aCommentThatStartsWithPlainlintInAnyCaseIsKept() {
    #expect(directiveComments("<!-- PlainLint-Disable -->\n").map(\.comment) == ["<!-- PlainLint-Disable -->"])
  }

  @Test func aDocumentWithoutRawHTMLHasNoComments() {
    #expect(directiveComments("# Title\n\nPlain text with plainlint-disable in it.\n").isEmpty)
  }
}

@Suite("Markdown: comments inside inline code elements")
struct MarkdownInlineCodeCommentTests {
  @Test func aCommentInsideInlineCodeTagsIsNotKept() {
    #expect(directiveComments("Type <code><!-- plainlint-disable --></code> to do it.\n").isEmpty)
    #expect(
      directiveComments("Type <kbd>x</kbd> <!-- plainlint-disable --> now.\n").map(\.comment) == [
        "<!-- plainlint-disable -->"
      ])
  }

  @Test func anUnclosedCodeTagEndsWithItsParagraph() {
    let md = "Type <code>this.\n\nNext <!-- plainlint-disable --> paragraph.\n"
    #expect(directiveComments(md).map(\.comment) == ["<!-- plainlint-disable -->"])
  }

  @Test func anInlineCommentOverTwoLinesAndWindowsLineEndings() {
    let md = "Text <!-- plainlint-disable\r\njargon --> more.\r\n\r\n<!--\r\nplainlint-enable\r\n-->\r\n"
    let found = directiveComments(md)
    #expect(found.map(\.comment) == ["<!-- plainlint-disable\r\njargon -->", "<!--\r\nplainlint-enable\r\n-->"])
    #expect(found.map(\.text) == [" plainlint-disable\r\njargon ", "\r\nplainlint-enable\r\n"])
  }

  @Test func aCommentInABlockQuoteOverTwoLines() {
    let md = "> Quote.\n>\n> <!-- plainlint-disable\n> jargon -->\n"
    #expect(directiveComments(md).map(\.comment) == ["<!-- plainlint-disable\n> jargon -->"])
  }
}

@Suite("Markdown: comments in hostile input")
struct MarkdownCommentRobustnessTests {
  @Test func everyCommentKeptIsAWholeCommentInTheFile() {
    let fragments = [
      "<!-- plainlint-disable -->", "<!--plainlint-enable jargon-->", "<!-- plainlint", "-->", "<!--", "\n", "\n\n",
      "\r\n", "> ", "- ", "  ", "\t", "1. ", "```\n", "    ", "`", "<code>", "</code>", "<pre>", "</pre>", "<div>",
      "</div>", "word ", "Café ", "😀", "| a | b |\n|---|---|\n| ", " | ", "\\|", "[link](x)", "![alt", "](y.png)",
      "---\n", "# ", "[^1]: ", "<!-- note -->", "&amp;", "<b x='<!--'>", "\u{0000}",
    ]
    var random = SplitMix64(seed: 6)
    var kept = 0
    for _ in 0..<1500 {
      var markdown = ""
      for _ in 0..<Int.random(in: 1...20, using: &random) { markdown += fragments.randomElement(using: &random)! }
      let document = Document(path: "t.md", text: markdown)
      let prose = MarkdownFrontEnd.prose(of: document)
      var previousEnd = 0
      for comment in prose.comments {
        kept += 1
        let text = document.text(comment.range)
        #expect(comment.range.lowerBound >= previousEnd, "\(markdown.debugDescription)")
        #expect(text.hasPrefix("<!--") && text.hasSuffix("-->"), "\(markdown.debugDescription)")
        #expect(comment.text == (comment.range.lowerBound + 4)..<(comment.range.upperBound - 3))
        previousEnd = comment.range.upperBound
      }
      _ = Suppression.apply([], document: document, prose: prose, knownRules: ["jargon", "long-sentence"])
    }
    #expect(kept > 200, "the inputs hold directive comments")
  }
}
