import PlainLintCore
import Testing

@testable import PlainLintHTML

@Suite("HTML: what is linted and what is skipped")
struct SkippedContentTests {
  @Test func scriptAndStyleAreSkipped() throws {
    let html = """
      <p>Before <script>var utilise = "commence"; if (a < b) {}</script>after.</p>
      <p>Keep <style>p::before { content: "utilise"; }</style>going.</p>
      """
    #expect(try words(html) == ["Before", "after", "Keep", "going"])
  }

  @Test(arguments: ["code", "kbd", "samp", "var", "template", "math"])
  func inlineCodeLikeContentIsSkipped(element: String) throws {
    let html = "<p>Press <\(element)>utilise commence</\(element)> to save.</p>"
    #expect(try words(html) == ["Press", "to", "save"])
  }

  @Test func preformattedTextIsSkippedAndEndsTheBlock() throws {
    let e = try extract("<div>Run this:<pre>utilise --all\ncommence</pre>Then wait.</div>")
    #expect(e.words == ["Run", "this", "Then", "wait"])
    #expect(e.blockTexts == ["Run this:", "Then wait."])
  }

  @Test func commentsAreSkipped() throws {
    let html = "<p>One <!-- utilise this --> two<!----> three <!-- a -- b --> four</p>"
    #expect(try words(html) == ["One", "two", "three", "four"])
  }

  @Test func headIsSkippedExceptTitleAndDescription() throws {
    let html = """
      <html><head>
      <title>Your appointment</title>
      <meta name="description" content="What to bring.">
      <meta name="keywords" content="utilise, commence">
      <link rel="stylesheet" href="x.css">
      </head><body><p>Hello.</p></body></html>
      """
    let e = try extract(html)
    #expect(e.words == ["Your", "appointment", "What", "to", "bring", "Hello"])
    #expect(e.kinds == [.metadata, .metadata, .paragraph])
  }

  @Test func altTextIsLintedAsMetadata() throws {
    let html = """
      <p>See <img src="a.png" alt="A nurse taking blood"> the picture.</p>
      <map><area href="/x" alt="Car park entrance"></map>
      <input type="image" src="go.png" alt="Search the site"><input type="text" alt="Not linted">
      <img src="b.png" alt="">
      """
    let e = try extract(html)
    #expect(
      e.blockTexts == ["See the picture.", "A nurse taking blood", "Car park entrance", "Search the site"])
    #expect(e.kinds == [.paragraph, .metadata, .metadata, .metadata])
  }

  @Test func otherAttributesAreNotLinted() throws {
    let html = #"<p title="Utilise this" class="commence">Shown <a href="/utilise" aria-label="x">text</a>.</p>"#
    #expect(try words(html) == ["Shown", "text"])
  }

  @Test func noscriptIsLinted() throws {
    // Readers without scripts see it, so it is held to the same standard.
    #expect(try words("<p>A</p><noscript>Turn on JavaScript.</noscript>") == ["A", "Turn", "on", "JavaScript"])
  }

  @Test func framesFallbackTextIsSkipped() throws {
    #expect(
      try words("<p>Map:</p><iframe src=x>Your browser cannot show frames</iframe><p>End.</p>") == ["Map", "End"])
  }

  @Test func processingInstructionsAndDoctypesAreSkipped() throws {
    let html = "<!DOCTYPE html><?xml-stylesheet href=\"utilise\"?><p>One<?php echo 'commence' ?> two</p>"
    #expect(try words(html) == ["One", "two"])
  }

  @Test func descriptionOnlyFromNameDescription() throws {
    let html = """
      <meta property="og:description" content="Utilise this">
      <meta name="Description" content="Book a test.">
      """
    #expect(try extract(html).blockTexts == ["Book a test."])
  }
}

@Suite("HTML: language")
struct LanguageTests {
  @Test func welshParagraphIsSkipped() throws {
    let html = """
      <p>Call us.</p>
      <p lang="cy">Ffoniwch ni.</p>
      <p>Mae croeso i chi <span lang="cy">ofyn cwestiynau</span> at any time.</p>
      <div lang="fr"><p>Appelez-nous.</p><p lang="en">Except this.</p></div>
      """
    #expect(try words(html) == ["Call", "us", "Mae", "croeso", "i", "chi", "at", "any", "time", "Except", "this"])
  }

  @Test(arguments: ["en", "en-GB", "en-US", "EN-gb", "en_GB", ""])
  func englishTagsAreLinted(lang: String) throws {
    #expect(try words("<html lang=\"\(lang)\"><title>Title</title><p>Text.</p></html>") == ["Title", "Text"])
  }

  @Test func nonEnglishDocumentIsSkippedUnlessADescendantIsEnglish() throws {
    let html = """
      <html lang="cy"><head><title>Teitl</title>
      <meta name="description" content="Disgrifiad"></head>
      <body><p>Croeso.</p><img alt="Llun"><section lang="en-GB"><h2>In English</h2><img alt="A photo"></section>
      <p>Diolch.</p></body></html>
      """
    let e = try extract(html)
    #expect(e.words == ["In", "English", "A", "photo"])
    #expect(e.kinds == [.heading(level: 2), .metadata])
  }

  @Test func languageOfTheDocumentReachesTextAfterItsEnd() throws {
    // Text after </html> is put in a new implied <html> by recovery; it is still in the document's language.
    #expect(try words("<html lang=cy><p>Croeso</p></html><p>Diolch</p>").isEmpty)
  }

  @Test func altTextFollowsTheImagesLanguage() throws {
    let html = #"<p>Look:</p><img alt="Llun o nyrs" lang="cy"><div lang="cy"><img lang="en" alt="A nurse"></div>"#
    #expect(try words(html) == ["Look", "A", "nurse"])
  }

  @Test func xmlLangCounts() throws {
    #expect(try words(#"<p>One</p><p xml:lang="de">Zwei</p>"#) == ["One"])
  }
}
