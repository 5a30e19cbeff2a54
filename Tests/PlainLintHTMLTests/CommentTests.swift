import PlainLintCore
import Testing

@testable import PlainLintHTML

/// The comments the HTML front end keeps for directives: each one's source text and its text inside the markers.
func directiveComments(_ html: String) throws -> [(comment: String, text: String)] {
  let e = try extract(html)
  return e.prose.comments.map { (e.document.text($0.range), e.document.text($0.text)) }
}

@Suite("HTML: comments that may hold directives")
struct CommentTests {
  @Test func aCommentInTheBodyHasItsExactRange() throws {
    let html =
      "<html><body>\n<p>Café – “text” 😀</p>\n  <!-- plainlint-disable jargon -->\n<p>Text.</p></body></html>"
    let e = try extract(html)
    #expect(e.prose.comments.count == 1)
    let comment = try #require(e.prose.comments.first)
    #expect(e.document.text(comment.range) == "<!-- plainlint-disable jargon -->")
    #expect(e.document.text(comment.text) == " plainlint-disable jargon ")
    #expect(e.document.location(at: comment.range.lowerBound).position == SourcePosition(line: 3, column: 3))
    #expect(e.words == ["Café", "text", "Text"])
  }

  @Test func commentsInlineInTheHeadAndBeforeTheRoot() throws {
    let html = """
      <!DOCTYPE html>
      <!-- plainlint-disable-file acronym-undefined -->
      <html><head><title>T</title><!--plainlint-disable-file--></head>
      <body><p>One <!-- plainlint-disable-next-line --> two <em>x<!-- plainlint-enable --></em>.</p></body></html>
      """
    #expect(
      try directiveComments(html).map(\.comment) == [
        "<!-- plainlint-disable-file acronym-undefined -->", "<!--plainlint-disable-file-->",
        "<!-- plainlint-disable-next-line -->", "<!-- plainlint-enable -->",
      ])
  }

  @Test func commentsInCodeScriptsAndStylesAreNotDirectives() throws {
    let html = """
      <p>Use it like this:</p>
      <pre><!-- plainlint-disable in pre --></pre>
      <p><code><!-- plainlint-disable in code --></code></p>
      <script>document.write("<!-- plainlint-disable in script -->");</script>
      <style>/* <!-- plainlint-disable in style --> */</style>
      <template><!-- plainlint-disable in template --></template>
      <p>After <!-- plainlint-enable after --></p>
      """
    #expect(try directiveComments(html).map(\.comment) == ["<!-- plainlint-enable after -->"])
  }

  @Test func aCommentOverSeveralLinesWithCRLFAndTheOtherEnding() throws {
    let html = "<p>A</p>\r\n<!--\r\n plainlint-disable\r\n jargon\r\n-->\r\n<p>B <!-- plainlint-enable --!></p>"
    let found = try directiveComments(html)
    #expect(found.map(\.comment) == ["<!--\r\n plainlint-disable\r\n jargon\r\n-->", "<!-- plainlint-enable --!>"])
    #expect(found.map(\.text) == ["\r\n plainlint-disable\r\n jargon\r\n", " plainlint-enable "])
  }

  @Test func otherCommentsAreNotKept() throws {
    #expect(
      try directiveComments("<p>A <!-- TODO: plainlint later --> <!----> B</p><!-- [if IE]>x<![endif] -->").isEmpty)
  }

  @Test func textAroundADirectiveStillMapsExactly() throws {
    let e = try extract("<p>Take &eacute; <!-- plainlint-disable --> the tablets</p>")
    #expect(e.seen.map(\.source) == ["Take", "&eacute;", "the", "tablets"])
    #expect(e.prose.comments.count == 1)
  }
}

@Suite("HTML: comments in hostile input")
struct CommentRobustnessTests {
  @Test func everyCommentKeptIsAWholeCommentInTheFile() throws {
    let fragments: [[UInt8]] = [
      "<p>", "</p>", "<pre>", "</pre>", "<code>", "</code>", "<script>", "</script>", "<style>", "</style>",
      "<!-- plainlint-disable -->", "<!--plainlint-enable jargon--!>", "<!-- plainlint", "-->", "<!--", "--!>",
      "<!-- note -->", "<!---->", "<!-->", "word ", "caf&eacute; ", "\u{1F600}", "\r\n", "\n", "<b x='<!--'>",
      "<!DOCTYPE html>", "<html>", "<head>", "</head>", "<title>", "</title>", "<template>", "</template>", "<",
      "<![CDATA[<!-- plainlint-disable -->]]>", "<?pi <!-- plainlint-disable -->?>", "</x <!-- plainlint -->>",
    ].map { Array($0.utf8) }
    var random = SplitMix64(seed: 6)
    var kept = 0
    for _ in 0..<1500 {
      var html: [UInt8] = []
      for _ in 0..<Int.random(in: 1...20, using: &random) { html += fragments.randomElement(using: &random)! }
      let e = try extract(bytes: html)
      let described = String(decoding: html, as: UTF8.self).debugDescription
      var previousEnd = 0
      for comment in e.prose.comments {
        kept += 1
        let text = e.document.text(comment.range)
        #expect(comment.range.lowerBound >= previousEnd && comment.range.upperBound <= html.count, "\(described)")
        #expect(text.hasPrefix("<!--") && (text.hasSuffix("-->") || text.hasSuffix("--!>")), "\(described)")
        #expect(comment.text.lowerBound == comment.range.lowerBound + 4, "\(described)")
        #expect(comment.text.upperBound <= comment.range.upperBound - 3, "\(described)")
        previousEnd = comment.range.upperBound
      }
      _ = Suppression.apply(
        [], document: e.document, prose: e.prose, knownRules: ["jargon", "long-sentence"])
    }
    #expect(kept > 200, "the inputs hold directive comments")
  }
}
