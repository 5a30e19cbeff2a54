import CCmarkGFM
import PlainLintCore
import Testing

@testable import PlainLintMarkdown

/// The words the rules would see, each with the source text its range maps back to.
struct SeenWord: Equatable, CustomStringConvertible {
  var prose: String
  var source: String
  var description: String { prose == source ? prose : "\(prose)⇐\(source)" }
}

func seen(_ markdown: String) -> (words: [SeenWord], prose: ProseText, document: Document) {
  let document = Document(path: "t.md", text: markdown)
  let prose = MarkdownFrontEnd.prose(of: document)
  var words: [SeenWord] = []
  for block in prose.blocks {
    var tokens: [Token] = []
    Tokenizer.tokenize(prose.bytes, range: block.range, into: &tokens)
    for token in tokens where token.kind != .punctuation && token.kind != .symbol && token.kind != .opaque {
      let source = document.text(prose.map.sourceRange(ofProse: token.range))
      words.append(SeenWord(prose: String(decoding: prose.bytes[token.range], as: UTF8.self), source: source))
    }
  }
  return (words, prose, document)
}

func words(_ markdown: String) -> [String] { seen(markdown).words.map(\.prose) }

func blockKinds(_ markdown: String) -> [BlockKind] { seen(markdown).prose.blocks.map(\.kind) }

func sentences(_ markdown: String) -> [String] {
  let (_, prose, document) = seen(markdown)
  var result: [String] = []
  for block in prose.blocks {
    var tokens: [Token] = []
    var found: [Sentence] = []
    Tokenizer.tokenize(prose.bytes, range: block.range, into: &tokens)
    SentenceSplitter.split(prose.bytes, tokens: tokens, tokenRange: 0..<tokens.count, into: &found)
    result += found.map { document.text(prose.map.sourceRange(ofProse: $0.range)) }
  }
  return result
}

@Suite("Markdown: what is linted")
struct MarkdownLintedTests {
  @Test func paragraphsHeadingsListsQuotesAndTables() {
    let md = """
      # Your appointment

      Please arrive early.

      - Bring your letter
      - Bring your glasses

      > Ask the nurse.

      | Question | Answer |
      |---|---|
      | When? | Monday |
      """
    #expect(
      words(md) == [
        "Your", "appointment", "Please", "arrive", "early", "Bring", "your", "letter", "Bring", "your", "glasses",
        "Ask", "the", "nurse", "Question", "Answer", "When", "Monday",
      ])
    #expect(
      blockKinds(md) == [
        .heading(level: 1), .paragraph, .listItem, .listItem, .paragraph, .tableCell, .tableCell, .tableCell,
        .tableCell,
      ])
  }

  @Test func emphasisLinkTextImageAltAndFootnotes() {
    let md = """
      Take *one* **tablet** ~~twice~~ with [plenty of water](https://example.org/water "Water").
      ![A nurse taking blood pressure](images/nurse.png) See the note[^1].

      [^1]: Footnotes are read too.
      """
    #expect(
      words(md) == [
        "Take", "one", "tablet", "twice", "with", "plenty", "of", "water", "See", "the", "note",
        "A", "nurse", "taking", "blood", "pressure", "Footnotes", "are", "read", "too",
      ])
    #expect(blockKinds(md) == [.paragraph, .metadata, .paragraph])
  }

  /// Footnotes are parsed only in a document with a `[^` (without one, cmark-gfm has none to find and is spared
  /// two walks over the tree); the same text parses the same either way.
  @Test func footnotesAreParsedWhenTheDocumentHasAFootnoteMark() {
    func footnotes(_ text: String) -> Bool { MarkdownFrontEnd.options(for: Array(text.utf8)) & CMARK_OPT_FOOTNOTES != 0 }
    #expect(footnotes("See the note[^1].\n\n[^1]: Read this."))
    #expect(footnotes("[^"))
    #expect(footnotes("a [ b [^x]"))
    #expect(!footnotes(""))
    #expect(!footnotes("["))
    #expect(!footnotes("a [ ^1] and [link](x) and ^[x] ["))
    #expect(words("See [that] ^note.\n\n[that]: https://example.org") == ["See", "that", "note"])
  }

  @Test func inlineMarkupDoesNotSplitWordsOrSentences() {
    #expect(words("**co**-production and *follow*-up") == ["co-production", "and", "follow-up"])
    #expect(seen("**co**-production").words == [SeenWord(prose: "co-production", source: "co**-production")])
    #expect(
      sentences("Take **one tablet**\nwith [food](x.html) and water. Then *rest*.")
        == ["Take **one tablet**\nwith [food](x.html) and water.", "Then *rest*."])
  }

  @Test func blocksEndSentencesWithoutAFullStop() {
    #expect(
      sentences("# Before your test\nDo not eat\n\n- one item\n- two item\n\n| a b | c d |\n|-|-|\n| e f | g h |")
        == ["Before your test", "Do not eat", "one item", "two item", "a b", "c d", "e f", "g h"])
  }

  @Test func taskListCheckboxesAreNotText() {
    #expect(words("- [ ] Book your scan\n- [x] Read the leaflet") == ["Book", "your", "scan", "Read", "the", "leaflet"])
  }
}

@Suite("Markdown: what is never linted")
struct MarkdownSkippedTests {
  @Test func codeFencedIndentedAndInline() {
    let md = """
      Utilise the form.

      ```
      utilise facilitate
      ```

          indented utilise code

      Run `utilise --now` to start.
      """
    #expect(words(md) == ["Utilise", "the", "form", "Run", "to", "start"])
    // Inline code keeps its place in the sentence as one placeholder, mapped to the whole code span.
    let (_, prose, document) = seen(md)
    let text = String(decoding: prose.bytes, as: UTF8.self)
    let placeholder = text.utf8.count - text.drop(while: { $0 != "\u{FFFC}" }).utf8.count
    #expect(document.text(prose.map.sourceRange(ofProse: placeholder..<(placeholder + 3))) == "`utilise --now`")
    // A reader still reads the code: it counts as one word of its sentence.
    var tokens: [Token] = []
    var found: [Sentence] = []
    let last = prose.blocks[prose.blocks.count - 1]
    Tokenizer.tokenize(prose.bytes, range: last.range, into: &tokens)
    SentenceSplitter.split(prose.bytes, tokens: tokens, tokenRange: 0..<tokens.count, into: &found)
    #expect(found.map(\.wordCount) == [4])
    #expect(tokens.filter { $0.kind == .opaque }.count == 1)
  }

  @Test func destinationsAutolinksAndBareAddresses() {
    let md = """
      Read [the guide](https://example.org/utilise-facilitate "utilise title") and ![alt words](utilise.png).
      Visit <https://www.nhs.uk/utilise> or www.nhs.uk/facilitate or email <help@example.org>.
      """
    #expect(
      words(md) == ["Read", "the", "guide", "and", "Visit", "or", "or", "email", "alt", "words"])
  }

  @Test func bareWebAddressesAreExactlyTheirOwnBytesEvenAtTheStartOfALine() {
    // cmark-gfm starts a bare `www.` link one column early (at column 0 when it starts a line).
    let md = "Visit www.nhs.uk/utilise today.\nwww.nhs.uk/facilitate is the site.\n\n| www.gov.uk/utilise |\n|---|\n"
    let (_, prose, document) = seen(md)
    #expect(words(md) == ["Visit", "today", "is", "the", "site"])
    var placeholders: [String] = []
    var search = prose.bytes[...]
    while let start = search.firstIndex(of: 0xEF) {
      placeholders.append(document.text(prose.map.sourceRange(ofProse: start..<(start + 3))))
      search = prose.bytes[(start + 3)...]
    }
    #expect(placeholders == ["www.nhs.uk/utilise", "www.nhs.uk/facilitate", "www.gov.uk/utilise"])
  }

  @Test func rawHTMLAndComments() {
    let md = """
      Ask <span class="utilise">your</span> nurse <!-- utilise this -->today.

      <div class="facilitate">
      utilise
      </div>

      <!--
      utilise
      -->
      """
    #expect(words(md) == ["Ask", "your", "nurse", "today"])
  }

  @Test func yamlAndTomlFrontMatter() {
    #expect(words("---\ntitle: Utilise the form\ntags: [a, b]\n---\n\nReal text.\n") == ["Real", "text"])
    #expect(words("+++\ntitle = \"Utilise\"\n+++\nReal text.\n") == ["Real", "text"])
    #expect(words("---\ntitle: x\n...\nReal text.\n") == ["Real", "text"])
    // Blanked as cmark-gfm reads the file, or in the copy made for a NUL byte: the same either way.
    #expect(words("---\r\ntitle: Utilise\r\n---\r\nReal text.\r\n") == ["Real", "text"])
    #expect(words("---\ntitle: Utilise\n---\nReal\u{0}text.\n") == ["Real", "text"])
    let withComment = seen("---\ntitle: <!-- plainlint-disable -->\n---\n# Utilise <!-- plainlint-enable --> it\n")
    #expect(withComment.words.map(\.description) == ["Utilise", "it"])
    #expect(withComment.prose.comments.map { withComment.document.text($0.range) } == ["<!-- plainlint-enable -->"])
    // Not front matter: not at the start, or never closed.
    #expect(words("Intro.\n\n---\n\nMore.\n") == ["Intro", "More"])
    #expect(words("---\nUnclosed text.\n").contains("Unclosed"))
  }
}

@Suite("Markdown: exact positions")
struct MarkdownPositionTests {
  @Test func wordsMapToTheirExactSourceText() {
    let md = """
      # Caf&eacute; &amp; shop

      > Our readers’ panel said \\*this\\* was hard — “very” hard 😀 for the **co-production** group.
      > It&#8217;s fine &#x2014; really.

      | Tom &amp; Jerry | caf\\|e |
      |---|---|
      | naïve | x |
      """
    let found = seen(md).words
    #expect(found.contains(SeenWord(prose: "Café", source: "Caf&eacute;")))
    #expect(found.contains(SeenWord(prose: "this", source: "this")))
    #expect(found.contains(SeenWord(prose: "readers’", source: "readers’")))
    #expect(found.contains(SeenWord(prose: "co-production", source: "co-production")))
    #expect(found.contains(SeenWord(prose: "It’s", source: "It&#8217;s")))
    #expect(found.contains(SeenWord(prose: "naïve", source: "naïve")))
    // In a table, `\|` is a literal bar: a symbol between two words, each mapped exactly.
    #expect(found.contains(SeenWord(prose: "caf", source: "caf")))
    #expect(found.contains(SeenWord(prose: "e", source: "e")))
    for word in found where !word.prose.contains("é") && !word.prose.contains("’s") {
      #expect(word.prose == word.source)
    }
  }

  @Test func sentencesAcrossLinesInAQuoteMapToTheSource() {
    let md = "> First line of a sentence\n> that goes on here.\n"
    #expect(sentences(md) == ["First line of a sentence\n> that goes on here."])
  }

  @Test func positionsAreExactAfterTabsCRLFAndMultibyteText() {
    let md = "-\tTab item with *émphasis* here\r\n\r\n  > quoted “text” 👩‍⚕️ word\r\n"
    let found = seen(md).words
    #expect(found.allSatisfy { $0.prose == $0.source })
    #expect(found.map(\.prose) == ["Tab", "item", "with", "émphasis", "here", "quoted", "text", "word"])
  }

  @Test func invalidUTF8AndNULBytesKeepOffsets() {
    var bytes = Array("Caf".utf8) + [0xE9] + Array(" is open\u{0}. Ask *the* nurse.".utf8)
    bytes += Array("\n".utf8)
    let document = Document(path: "t.md", bytes: bytes)
    let prose = MarkdownFrontEnd.prose(of: document)
    var tokens: [Token] = []
    Tokenizer.tokenize(prose.bytes, range: prose.blocks[0].range, into: &tokens)
    let mapped = tokens.filter { $0.kind == .word }.map { document.text(prose.map.sourceRange(ofProse: $0.range)) }
    #expect(mapped == ["Caf", "is", "open", "Ask", "the", "nurse"])
  }

  /// The first byte to blank is found 32 or 8 bytes at a time while the text is ASCII without NUL bytes: it is
  /// the byte a reading scalar by scalar finds, wherever in a block of 32 it lies.
  @Test(arguments: 0..<200)
  func firstByteToBlankMatchesAScalarByScalarReading(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 4_242)
    let pieces: [[UInt8]] = [
      Array("Take one tablet ".utf8), Array("a".utf8), Array("é".utf8), Array("’".utf8), Array("😀".utf8),
      Array("\n".utf8), [0], [0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98], [0x7F], [0x01],
    ]
    var bytes: [UInt8] = []
    // Mostly clean text, so the blocks of 32 are skipped, then a few pieces of any kind.
    for _ in 0..<Int.random(in: 0...12, using: &random) { bytes += pieces[Int.random(in: 0...1, using: &random)] }
    for _ in 0..<Int.random(in: 0...3, using: &random) { bytes += pieces.randomElement(using: &random)! }
    for _ in 0..<Int.random(in: 0...6, using: &random) { bytes += pieces[Int.random(in: 0...4, using: &random)] }
    var expected: Int? = nil
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0 { expected = i; break }
      let (scalar, length) = bytes.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: i) }
      if scalar == UTF8Scalar.replacement && length == 1 { expected = i; break }
      i += length
    }
    #expect(MarkdownFrontEnd.firstByteToBlank(bytes) == expected, "\(bytes)")
  }
}

@Suite("Markdown: hostile input")
struct MarkdownHostileInputTests {
  @Test func deepNestingDoesNotCrash() {
    let quotes = String(repeating: ">", count: 10_000) + " deep quote text\n"
    #expect(words(quotes) == ["deep", "quote", "text"])
    var lists = ""
    for depth in 0..<2_000 { lists += String(repeating: " ", count: depth * 2) + "- item\n" }
    #expect(words(lists).count == 2_000 || !words(lists).isEmpty)
    let emphasis = String(repeating: "*", count: 20_000) + "word" + String(repeating: "*", count: 20_000)
    #expect(words(emphasis).contains("word"))
    let brackets = String(repeating: "[", count: 20_000) + "word" + String(repeating: "](x)", count: 20_000)
    #expect(words(brackets).contains("word"))
  }

  /// The autolink extension shortens the text before an email address without moving its end, so that text is
  /// matched up to the end of its line: on one long line of many addresses, each match must stop at its own text
  /// (it once ran to the end of the line each time, which made such a line take quadratic time).
  @Test func textBeforeEmailAddressesOnOneLongLineMapsExactly() {
    let line = String(repeating: "Ask the *café* team at pals@nhs.net ", count: 300)  // 11 KB on one line
    let before = seen(line).words.filter { ["café", "team", "at"].contains($0.prose) }
    #expect(before.count == 900)
    #expect(before.allSatisfy { $0.prose == $0.source })
  }

  @Test func aLongSingleLineAndNULBytes() {
    let line = String(repeating: "word ", count: 400_000)  // 2 MB on one line
    #expect(words(line).count == 400_000)
    let nuls = String(repeating: "a\u{0}b ", count: 1000)
    #expect(!words(nuls).isEmpty)
  }
}

@Suite("Markdown: parsing on several threads")
struct MarkdownConcurrencyTests {
  @Test func parallelParsesGiveTheSameProseAsOneAtATime() async {
    // Half the documents have a `~` (their inline parsing takes a lock) and half do not (theirs runs beside any
    // other); each is long enough for parses to overlap.
    let documents = (0..<64).map { i in
      let paragraph =
        "Visit www.nhs.uk/page\(i) or <https://example.org/\(i)>, write to help\(i)@nhs.net and \\*escape\\* "
        + "`code \(i)`\(i % 2 == 0 ? " ~~struck~~" : "") today.\n"
        + "\n| a | b\\|c |\n|---|---|\n| x\(i) www.example.org | y |\n\n"
      return String(repeating: paragraph, count: 40)
    }
    let expected = documents.map {
      String(decoding: MarkdownFrontEnd.prose(of: Document(path: "a.md", text: $0)).bytes, as: UTF8.self)
    }
    // The prose leaves out every web address, so a parse that missed one would differ.
    let withAddresses = expected.filter { $0.contains("www") || $0.contains("https") }.count
    #expect(withAddresses == 0)
    for _ in 0..<5 {
      let results = await withTaskGroup(of: (Int, String).self) { group in
        for (index, text) in documents.enumerated() {
          group.addTask {
            (index, String(decoding: MarkdownFrontEnd.prose(of: Document(path: "a.md", text: text)).bytes, as: UTF8.self))
          }
        }
        var collected = [String](repeating: "", count: documents.count)
        for await (index, prose) in group { collected[index] = prose }
        return collected
      }
      let differing = results.indices.filter { results[$0] != expected[$0] }
      #expect(differing.isEmpty, "\(differing.count) of \(results.count) parses differed")
    }
  }
}
