import PlainLintCore
import Testing

@testable import PlainLintHTML

@Suite("HTML: positions map back to exact source bytes")
struct MappingTests {
  @Test func everyWordMapsToItsSourceText() throws {
    let html = """
      <!DOCTYPE html>
      <html lang="en-GB"><head><title>Caf&eacute; &amp; shop &ndash; opening times</title>
      <meta name="description" content="The caf&eacute;&#8217;s hours &amp; what&rsquo;s on."></head>
      <body>
      <h1>Visiting the caf&eacute;</h1>
      <p>It&#8217;s open 9am&nbsp;to&nbsp;5pm. Don&#x2019;t bring food &mdash; we&apos;ll have plenty.
         A na&iuml;ve <b>r&eacute;sum&eacute;</b> of the na\u{00EF}ve men\u{00FC} \u{1F37D}\u{FE0F} costs &pound;5.</p>
      <img src="x.png" alt="The caf&eacute; counter, &#8216;Riverside&#8217; &amp; its sign">
      </body></html>
      """
    let e = try extract(html)
    #expect(e.extraction.alignmentFailures == 0)
    let expected: [SeenWord] = [
      .init(prose: "Café", source: "Caf&eacute;"), .init(prose: "shop", source: "shop"),
      .init(prose: "opening", source: "opening"), .init(prose: "times", source: "times"),
      .init(prose: "The", source: "The"), .init(prose: "café’s", source: "caf&eacute;&#8217;s"),
      .init(prose: "hours", source: "hours"), .init(prose: "what’s", source: "what&rsquo;s"),
      .init(prose: "on", source: "on"),
      .init(prose: "Visiting", source: "Visiting"), .init(prose: "the", source: "the"),
      .init(prose: "café", source: "caf&eacute;"),
      .init(prose: "It’s", source: "It&#8217;s"), .init(prose: "open", source: "open"),
      .init(prose: "9am", source: "9am"), .init(prose: "to", source: "to"), .init(prose: "5pm", source: "5pm"),
      .init(prose: "Don’t", source: "Don&#x2019;t"), .init(prose: "bring", source: "bring"),
      .init(prose: "food", source: "food"), .init(prose: "we'll", source: "we&apos;ll"),
      .init(prose: "have", source: "have"), .init(prose: "plenty", source: "plenty"),
      .init(prose: "A", source: "A"), .init(prose: "naïve", source: "na&iuml;ve"),
      .init(prose: "résumé", source: "r&eacute;sum&eacute;"), .init(prose: "of", source: "of"),
      .init(prose: "the", source: "the"), .init(prose: "naïve", source: "na\u{00EF}ve"),
      .init(prose: "menü", source: "men\u{00FC}"), .init(prose: "costs", source: "costs"),
      .init(prose: "5", source: "5"),
      .init(prose: "The", source: "The"), .init(prose: "café", source: "caf&eacute;"),
      .init(prose: "counter", source: "counter"), .init(prose: "Riverside", source: "Riverside"),
      .init(prose: "its", source: "its"), .init(prose: "sign", source: "sign"),
    ]
    #expect(e.seen == expected)
  }

  @Test func aWordStartsAndEndsExactlyOnItsBytes() throws {
    let html = "<p>Take&nbsp;one caf&eacute;&nbsp;tablet</p>"
    let e = try extract(html)
    let range = try #require(e.proseRange(of: "café"))
    let source = e.prose.map.sourceRange(ofProse: range)
    #expect(source == 17..<28)
    #expect(e.document.text(source) == "caf&eacute;")
    // Parts of a reference map to the whole reference.
    let accent = (range.upperBound - 2)..<range.upperBound
    #expect(e.source(ofProse: accent) == "&eacute;")
    // A no-break space is two prose bytes from six source bytes.
    let nbsp = try #require(e.proseRange(of: "\u{00A0}"))
    #expect(nbsp.count == 2)
    #expect(e.source(ofProse: nbsp) == "&nbsp;")
  }

  @Test func metadataMapsIntoTheAttributeValue() throws {
    let html = #"<head><meta content='Book &amp; cancel&#x2e;' name=description></head><img alt=caf&eacute;s>"#
    let e = try extract(html)
    #expect(
      e.seen == [
        .init(prose: "Book", source: "Book"), .init(prose: "cancel", source: "cancel"),
        .init(prose: "cafés", source: "caf&eacute;s"),
      ])
    let dot = try #require(e.proseRange(of: "."))
    #expect(e.source(ofProse: dot) == "&#x2e;")
  }

  @Test func titleMapsIntoTheTitle() throws {
    let e = try extract("<title>\n  Flu &amp; COVID-19 vaccines\n</title>")
    #expect(
      e.seen == [
        .init(prose: "Flu", source: "Flu"), .init(prose: "COVID-19", source: "COVID-19"),
        .init(prose: "vaccines", source: "vaccines"),
      ])
    #expect(e.prose.blocks.map(\.kind) == [.metadata])
  }

  @Test func multibyteTextAndEmoji() throws {
    let html = "<p>Ffôn \u{1F4DE} 0300 123 4567 – “Ring us” at Llanelli’s café 👩‍⚕️ today</p>"
    let e = try extract(html)
    for word in e.seen { #expect(word.prose == word.source) }
    #expect(e.words.contains("café"))
    #expect(e.extraction.alignmentFailures == 0)
  }

  @Test func byteOrderMarkIsSkippedAndOffsetsStayInTheFile() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<p>Hello caf&eacute;</p>".utf8)
    let e = try extract(bytes: bytes)
    #expect(e.seen == [.init(prose: "Hello", source: "Hello"), .init(prose: "café", source: "caf&eacute;")])
    let hello = try #require(e.proseRange(of: "Hello"))
    #expect(e.prose.map.sourceRange(ofProse: hello) == 6..<11)
  }

  @Test func invalidUTF8KeepsPositionsExact() throws {
    var bytes = Array("<p>Bad ".utf8)
    bytes += [0xFF, 0xFE]
    bytes += Array(" byte then café and <b>more</b> words</p><img alt=\"x".utf8)
    bytes += [0xC3]
    bytes += Array("y caf&eacute;\">".utf8)
    let e = try extract(bytes: bytes)
    #expect(e.extraction.alignmentFailures == 0)
    let expected = ["Bad", "byte", "then", "café", "and", "more", "words"]
    #expect(Array(e.seen.prefix(7)) == expected.map { SeenWord(prose: $0, source: $0) })
    let last = try #require(e.seen.last)
    #expect(last == SeenWord(prose: "café", source: "caf&eacute;"))
    let after = try #require(e.proseRange(of: "then"))
    #expect(e.prose.map.sourceRange(ofProse: after).lowerBound == 15)
  }

  @Test func nulBytesDoNotStopTheDocument() throws {
    var bytes = Array("<p>One\0two <\0p> three</p><p>Four".utf8)
    bytes += [0]
    bytes += Array("</p><p>Five</p>".utf8)
    let e = try extract(bytes: bytes)
    #expect(e.words.contains("Five"))
    #expect(e.seen.allSatisfy { $0.prose == $0.source || $0.source.contains("\0") })
    let five = try #require(e.proseRange(of: "Five"))
    #expect(e.source(ofProse: five) == "Five")
  }

  @Test func carriageReturnsAndControlCharacters() throws {
    let e = try extract("<p>Line one\r\nline\u{0001} two\r\n</p>")
    #expect(e.words == ["Line", "one", "line", "two"])
    #expect(e.extraction.alignmentFailures == 0)
  }

  @Test func unknownAndUnterminatedReferencesStayAsWritten() throws {
    let e = try extract("<p>A &bogus; B &amp C &#0; D &#xD800; E &AMP; F &lt&gt; G</p>")
    #expect(e.extraction.alignmentFailures == 0)
    #expect(e.blockTexts == ["A &bogus; B &amp C D E &AMP; F &lt> G"])
    let gt = try #require(e.proseRange(of: ">"))
    #expect(e.source(ofProse: gt) == "&gt;")
  }

  @Test func referenceTableIsLibxml2sOwn() {
    // HTML 4's 253 named references, read from libxml2 so that both decode the same names.
    #expect(htmlEntityValues.count == 253)
    let amp = Array("amp".utf8).withUnsafeBufferPointer { packEntityName($0, 0..<3) }
    #expect(amp.flatMap { htmlEntityValues[$0] } == 38)
    // The names are plainlint's list, the values libxml2's: every reference libxml2 knows (asked code point by
    // code point, the slow way) is in the table with the same value, and nothing else is.
    var fromLibxml2: [UInt64: UInt32] = [:]
    for value in UInt32(0)...0x2700 {
      if let entry = htmlEntityValueLookupShim(value) { fromLibxml2[entry.key] = entry.value }
    }
    #expect(fromLibxml2 == htmlEntityValues)
    #expect(htmlEntityNames.count == 253)
  }

  @Test func mapStaysSortedAndInsideTheFile() throws {
    let e = try fixture("page.html")
    var previous = 0
    for segment in e.prose.map.segments {
      #expect(segment.proseStart >= previous)
      previous = segment.proseStart + segment.proseLength
      #expect(segment.sourceStart >= 0 && segment.sourceStart + segment.sourceLength <= e.document.bytes.count)
    }
    #expect(previous <= e.prose.bytes.count)
  }
}
