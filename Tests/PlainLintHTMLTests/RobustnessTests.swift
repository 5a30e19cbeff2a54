import PlainLintCore
import Testing

@testable import PlainLintHTML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks what must hold for any input: blocks inside the prose, a sorted map inside the file.
func checkInvariants(_ e: Extracted) {
  let proseCount = e.prose.bytes.count
  var previousEnd = 0
  for block in e.prose.blocks {
    #expect(block.range.lowerBound >= previousEnd && block.range.upperBound <= proseCount)
    previousEnd = block.range.upperBound
  }
  var previous = 0
  for segment in e.prose.map.segments {
    #expect(segment.proseStart >= previous)
    previous = segment.proseStart + segment.proseLength
    #expect(segment.sourceStart >= 0 && segment.sourceStart + segment.sourceLength <= e.document.bytes.count)
  }
  for definition in e.prose.definitions { #expect(definition.range.upperBound <= proseCount) }
}

@Suite("HTML: hostile input")
struct RobustnessTests {
  @Test func tenThousandNestedDivs() throws {
    let html = String(repeating: "<div>", count: 10_000) + "Deep text." + String(repeating: "</div>", count: 10_000)
    let e = try extract(html)
    #expect(e.words == ["Deep", "text"])
    #expect(e.seen.allSatisfy { $0.prose == $0.source })
  }

  @Test func hundredThousandUnclosedInlineElements() throws {
    let html = "<p>" + String(repeating: "<b>x ", count: 100_000) + "end"
    let e = try extract(html)
    #expect(e.words.count == 100_001)
    #expect(e.extraction.alignmentFailures == 0)
  }

  @Test func longSingleLine() throws {
    let sentence = "Take one tablet a day with water &amp; food, and call 111 if you feel unwell. "
    let html = "<p>" + String(repeating: sentence, count: 5_000_000 / sentence.utf8.count)
    let e = try extract(html)
    #expect(e.extraction.alignmentFailures == 0)
    #expect(e.prose.blocks.count == 1)
    let last = try #require(e.seen.last)
    #expect(last == SeenWord(prose: "unwell", source: "unwell"))
  }

  @Test func longTextWithCharactersAcrossLibxml2sChunks() throws {
    // libxml2 hands over long text in pieces of about 1000 bytes, cut between characters of any length.
    let html = "<p>" + String(repeating: "Café ñ 👍 ", count: 100_000) + "fin</p>"
    let e = try extract(html)
    #expect(e.extraction.alignmentFailures == 0)
    #expect(e.seen.allSatisfy { $0.prose == $0.source })
    #expect(e.seen.last == SeenWord(prose: "fin", source: "fin"))
  }

  @Test func emptyAndBlankDocuments() throws {
    for text in ["", " ", "\n\n", "<!-- only a comment -->", "<html></html>", "\u{FEFF}"] {
      let e = try extract(text)
      #expect(e.prose.blocks.isEmpty)
      #expect(e.prose.bytes.isEmpty)
    }
  }

  /// libxml2 reads a document's bytes where they lie once there are four or more of them, and copies shorter ones
  /// (it expects a NUL byte after its input). Every short start of a page gives prose made only of its own bytes.
  @Test func shortDocumentsGiveOnlyTheirOwnText() throws {
    let page = Array("\u{FEFF}<p>Hi Jo</p>".utf8) + Array("x<b>y</b>".utf8)
    for count in 0...page.count {
      let text = String(decoding: page.prefix(count), as: UTF8.self)
      let e = try extract(text)
      let prose = String(decoding: e.prose.bytes, as: UTF8.self)
      for character in prose where !character.isWhitespace {
        #expect(text.contains(character), "\(count) bytes: \(prose)")
      }
    }
  }

  @Test func unterminatedConstructsAtTheEnd() throws {
    let endings = [
      "<!-- never closed", "<p class=\"never closed", "<img alt=\"never closed", "<script>never closed", "<b",
      "</p", "<!DOCTYPE", "<?php never closed", "&#x1F60", "&eacute", "<p title='", "<", "&", "<!--",
    ]
    for ending in endings {
      let e = try extract("<p>Shown text.</p>" + ending)
      #expect(e.words.prefix(2) == ["Shown", "text"], "\(ending)")
      checkInvariants(e)
    }
  }

  @Test func hugeAttributeValue() throws {
    let alt = String(repeating: "word ", count: 400_000)
    let e = try extract("<p>Before</p><img alt=\"\(alt)\"><p>After</p>")
    #expect(e.kinds == [.paragraph, .metadata, .paragraph])
    #expect(e.words.count == 400_002)
    #expect(e.extraction.alignmentFailures == 0)
    let after = try #require(e.proseRange(of: "After"))
    #expect(e.source(ofProse: after) == "After")
  }

  @Test func manyNulBytesAndStrayTags() throws {
    var bytes = Array("<p>Start".utf8)
    bytes += [UInt8](repeating: 0, count: 100_000)
    bytes += Array(String(repeating: "</div></span>", count: 50_000).utf8)
    bytes += Array("finish</p>".utf8)
    let e = try extract(bytes: bytes)
    #expect(e.words == ["Start", "finish"])
    #expect(e.seen.last?.source == "finish")
  }

  @Test func randomMarkupNeverDesynchronises() throws {
    let fragments: [[UInt8]] = [
      "<p>", "</p>", "<li>", "</div>", "<div lang=cy>", "<b>", "</b>", "word ", "caf&eacute; ", "&amp;", "&amp",
      "&#8217;", "&#x2019;", "&nbsp;", "&bogus;", "&#0;", "&#xD800;", "<!-- c -->", "<!--->", "<!-- a --!>",
      "<?pi x?>", "<? x>", "</ x>", "< b", "<1>", "<!x>", "<![CDATA[x]]>", "<img alt=\"a &amp; b\">", "<img alt=x/>",
      "<br/>", "<script>if (a<b) x</script>", "<style>p{}</style>", "<script/>", "</scriptx>", "<code>x</code>",
      "<abbr title=\"T t\">TT</abbr>", "\u{00E9}", "\u{1F600}", "\r\n", "\t", "\u{0001}", "<b @x=\"y>z\">",
      "<b x='a\"b'>", "<title>T &amp; t</title>", "<meta name=description content=\"D &eacute;\">",
      "<table><tr><td>", "<pre>p</pre>", "<html lang=en>", "<body>", "</body>", "</html>", "<head>", "</head>",
      "<!DOCTYPE html>", "<template>t</template>", "&#65;&#x41", "&lt&gt;", "x<y", "<P>", "<SCRIPT>x</Script >",
      "<!DOCTYPE html PUBLIC \"a>b\" 'c>d'>", "<p/>", "<" + String(repeating: "a", count: 120) + " x=1>",
      "<img alt='a\u{0001}b'>", "<?x", "<!--", "<b x=\"", "&", "&#", "<", "</", "<!", "<?", "<IMG alt=\"a\" alt=\"b\">",
    ].map { Array($0.utf8) }
    let raw: [[UInt8]] = [[0x00], [0xFF], [0xE2, 0x80], [0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBE], [0x80]]
    var random = SplitMix64(seed: 2024)
    for _ in 0..<1500 {
      var html: [UInt8] = []
      for _ in 0..<Int.random(in: 1...25, using: &random) {
        if Int.random(in: 0..<8, using: &random) == 0 {
          html += raw.randomElement(using: &random)!
        } else {
          html += fragments.randomElement(using: &random)!
        }
      }
      let e = try extract(bytes: html)
      #expect(e.extraction.alignmentFailures == 0, "\(String(decoding: html, as: UTF8.self).debugDescription)")
      checkInvariants(e)
    }
  }

  @Test func timeGrowsLinearly() throws {
    let page = try #require(readFile(fixturesPath + "/page.html"))
    func elapsed(megabytes: Int) throws -> Duration {
      var bytes: [UInt8] = []
      while bytes.count < megabytes << 20 { bytes += page }
      let document = Document(path: "big.html", bytes: bytes)
      let clock = ContinuousClock()
      let start = clock.now
      let prose = try HTMLFrontEnd.prose(of: document)
      #expect(!prose.blocks.isEmpty)
      return clock.now - start
    }
    _ = try elapsed(megabytes: 1)  // warm up
    let small = try elapsed(megabytes: 1)
    let large = try elapsed(megabytes: 4)
    print("HTML front end: 1 MB in \(small), 4 MB in \(large)")
    // Four times the input should take about four times as long; only a quadratic blow-up would pass 16.
    #expect(large < small * 16)
  }
}

@Suite("HTML: threads and terminal")
struct IsolationTests {
  @Test func parsesOnManyThreadsAtOnce() async throws {
    let inputs = (0..<16).map { index in
      "<html lang=en><title>Page \(index)</title><p>Unclosed \(index)<li>item</div> caf&eacute; <b>bold"
        + String(repeating: "<p>More text &amp; entities &#8217; here.", count: 200 + index)
    }
    let expected = try inputs.map { try extract($0).prose.bytes }
    let results = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
      for (index, input) in inputs.enumerated() {
        group.addTask { (index, try HTMLFrontEnd.prose(of: Document(path: "\(index).html", text: input)).bytes) }
      }
      var results = [[UInt8]](repeating: [], count: inputs.count)
      for try await (index, bytes) in group { results[index] = bytes }
      return results
    }
    #expect(results == expected)
  }

  @Test func libxml2ErrorsGoToTheSilentHandler() throws {
    let e = try extract("<p>Unclosed<li>item</div></span><b x=\"1\" x=\"2\">&bogus; &#0; <!-- x")
    #expect(e.extraction.libxml2Errors > 0)
    #expect(e.extraction.errorsWereSilenced)
  }

  @Test func nothingIsWrittenToStandardError() throws {
    // Send this process's standard error to a file while malformed HTML is parsed, then read it back.
    var template = Array("/tmp/plainlint-html-stderr-XXXXXX".utf8CString)
    let file = mkstemp(&template)
    try #require(file >= 0)
    defer {
      close(file)
      unlink(template)
    }
    fflush(nil)
    let saved = dup(2)
    try #require(saved >= 0)
    dup2(file, 2)
    let malformed = "<p>Unclosed<li>item</div></span><b x=\"1\" x=\"2\">&bogus; &#0; \u{0001} <? <!DOCTYPE x> <!-- x"
    for _ in 0..<20 { _ = try? HTMLFrontEnd.prose(of: Document(path: "bad.html", text: malformed)) }
    fflush(nil)
    dup2(saved, 2)
    close(saved)
    let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let written = try #require(readFile(path))
    let text = String(decoding: written, as: UTF8.self)
    #expect(!text.contains("parser error"), "\(text)")
    #expect(!text.contains("parser warning"), "\(text)")
    #expect(!text.contains("Unexpected end tag"), "\(text)")
  }
}
