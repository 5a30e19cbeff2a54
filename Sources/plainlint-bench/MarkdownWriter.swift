import PlainLintCore

/// Lays leaflets out as Markdown pages, the way health websites and documentation sites write them.
///
/// Each page starts with YAML front matter. Titles are `#` headings and section headings `##` or `###`. Words get
/// `**strong**`, `_emphasis_`, `[links](…)`, `` `code` `` and the odd `<abbr title>`; web and email addresses are
/// sometimes autolinks; `&` is sometimes `&amp;`. Paragraphs are sometimes wrapped at 80 columns or quoted with
/// `>`, sentences sometimes carry footnotes, and lists are bulleted, numbered or task lists. Between blocks come
/// images, tables, fenced code, HTML comments, raw HTML blocks and Welsh paragraphs in raw HTML.
///
/// All of this uses the writer's own random numbers, so the sentences are those of the plain-text corpus.
struct MarkdownWriter {
  /// The prose grammar with `MarkupText.rules` added.
  private let grammar: Grammar
  /// The writer's random numbers (never the prose generator's).
  private var rng: SplitMix64
  /// Symbol indices, looked up once.
  private let altText, footnote, comment, welsh, callout, tag, medicine, duration, time: Int
  /// Marks for the piece being written, reused.
  private var marks: [InlineMark] = []
  /// A paragraph being written, reused.
  private var scratch: [UInt8] = []
  /// Footnotes referred to in the leaflet being written, defined after it.
  private var pendingFootnotes: [Int] = []
  /// Footnotes on the page so far (labels are unique within a page).
  private var footnoteCount = 0
  /// Images on the page so far.
  private var imageCount = 0

  /// How often each inline mark is used.
  static let rates = InlineRates(
    strong: 12, emphasis: 12, code: 4, link: 10, abbreviation: 40, webAddress: 400, email: 400)

  /// Creates a writer with its own seed.
  init(seed: UInt64, grammar: Grammar) {
    self.grammar = grammar
    rng = SplitMix64(seed: seed)
    altText = grammar.symbol("altText")
    footnote = grammar.symbol("footnote")
    comment = grammar.symbol("comment")
    welsh = grammar.symbol("welsh")
    callout = grammar.symbol("callout")
    tag = grammar.symbol("tag")
    medicine = grammar.symbol("medicine")
    duration = grammar.symbol("duration")
    time = grammar.symbol("time")
  }

  /// Starts a page: front matter with the first leaflet's title and first sentence.
  mutating func beginPage(with leaflet: Leaflet, into out: inout [UInt8]) {
    footnoteCount = 0
    imageCount = 0
    out.append(contentsOf: "---\ntitle: \"".utf8)
    out.append(contentsOf: leaflet.title)
    out.append(contentsOf: "\"\ndescription: \"".utf8)
    out.append(contentsOf: leaflet.firstSentence)
    out.append(contentsOf: "\"\nlayout: leaflet\nref: PIL-\(1000 + rng.below(9000))\n".utf8)
    out.append(contentsOf: "review_date: 20\(26 + rng.below(3))-0\(1 + rng.below(9))-01\ntags:\n".utf8)
    for _ in 0..<rng.inRange(1...3) {
      out.append(contentsOf: "  - ".utf8)
      grammar.expand(tag, into: &out, rng: &rng)
      out.append(0x0A)
    }
    out.append(contentsOf: "---\n\n".utf8)
  }

  /// Appends a leaflet, then the definitions of the footnotes it refers to.
  mutating func append(_ leaflet: Leaflet, into out: inout [UInt8]) {
    for (index, block) in leaflet.blocks.enumerated() {
      switch block {
      case .heading(let range):
        out.append(contentsOf: index == 0 ? "# ".utf8 : rng.chance(80) ? "## ".utf8 : "### ".utf8)
        appendMarked(leaflet.bytes, range, into: &out)
        out.append(contentsOf: [0x0A, 0x0A])
        continue
      case .paragraph(let sentences, let wrapped):
        appendParagraph(leaflet, sentences, wrapped: wrapped, into: &out)
      case .list(let intro, let marker, let items):
        appendMarked(leaflet.bytes, intro, into: &out)
        out.append(contentsOf: [0x0A, 0x0A])
        let task = marker != 3 && rng.chance(15)
        for (number, item) in items.enumerated() {
          if marker == 3 {
            out.append(contentsOf: "\(number + 1). ".utf8)
          } else {
            out.append(contentsOf: marker == 1 ? "* ".utf8 : "- ".utf8)
          }
          if task { out.append(contentsOf: rng.chance(30) ? "[x] ".utf8 : "[ ] ".utf8) }
          appendMarked(leaflet.bytes, item, into: &out)
          out.append(0x0A)
        }
        out.append(0x0A)
      case .footer(let lines):
        out.append(contentsOf: "***\n\n".utf8)
        for line in lines {
          appendMarked(leaflet.bytes, line, into: &out)
          out.append(contentsOf: [0x0A, 0x0A])
        }
      }
      appendExtra(into: &out)
    }
    for number in pendingFootnotes {
      out.append(contentsOf: "[^\(number)]: ".utf8)
      grammar.expand(footnote, into: &out, rng: &rng)
      out.append(contentsOf: [0x0A, 0x0A])
    }
    pendingFootnotes.removeAll(keepingCapacity: true)
  }

  /// A paragraph: sentences with marks and footnote references, sometimes wrapped, sometimes quoted.
  private mutating func appendParagraph(
    _ leaflet: Leaflet, _ sentences: [Range<Int>], wrapped: Bool, into out: inout [UInt8]
  ) {
    var paragraph = scratch  // taken out of `self` while `appendMarked` changes `self`; handed back at the end
    scratch = []
    paragraph.removeAll(keepingCapacity: true)
    for (index, sentence) in sentences.enumerated() {
      if index > 0 { paragraph.append(0x20) }
      appendMarked(leaflet.bytes, sentence, into: &paragraph)
      if rng.chance(2) {
        footnoteCount += 1
        pendingFootnotes.append(footnoteCount)
        paragraph.append(contentsOf: "[^\(footnoteCount)]".utf8)
      }
    }
    if wrapped { wrap(&paragraph, from: 0, width: 80) }
    if rng.chance(6) {
      out.append(contentsOf: "> ".utf8)
      for byte in paragraph {
        out.append(byte)
        if byte == 0x0A { out.append(contentsOf: "> ".utf8) }
      }
    } else {
      out.append(contentsOf: paragraph)
    }
    out.append(contentsOf: [0x0A, 0x0A])
    scratch = paragraph
  }

  /// Sometimes, a block that is not in the plain text: an image, a table, fenced code, a comment, raw HTML or a
  /// Welsh paragraph.
  private mutating func appendExtra(into out: inout [UInt8]) {
    let roll = rng.below(1000)
    if roll < 40 {
      imageCount += 1
      out.append(contentsOf: "![".utf8)
      grammar.expand(altText, into: &out, rng: &rng)
      out.append(contentsOf: "](images/leaflet-figure-\(imageCount).png)\n\n".utf8)
    } else if roll < 65 {
      out.append(contentsOf: "| Medicine | How long | When |\n| :------- | -------- | ---: |\n".utf8)
      for _ in 0..<rng.inRange(2...4) {
        out.append(contentsOf: "| ".utf8)
        grammar.expand(medicine, into: &out, rng: &rng)
        out.append(contentsOf: " | ".utf8)
        grammar.expand(duration, into: &out, rng: &rng)
        out.append(contentsOf: " | ".utf8)
        grammar.expand(time, into: &out, rng: &rng)
        out.append(contentsOf: " |\n".utf8)
      }
      out.append(0x0A)
    } else if roll < 85 {
      let language = ["text", "json", "python", "html"]
      let pick = rng.below(MarkupText.snippets.count)
      out.append(contentsOf: "```\(language[pick])\n\(MarkupText.snippets[pick])\n```\n\n".utf8)
    } else if roll < 100 {
      out.append(contentsOf: "<!-- ".utf8)
      grammar.expand(comment, into: &out, rng: &rng)
      out.append(contentsOf: " -->\n\n".utf8)
    } else if roll < 110 {
      out.append(contentsOf: "<div class=\"callout\">\n<p>".utf8)
      grammar.expand(callout, into: &out, rng: &rng)
      out.append(contentsOf: "</p>\n</div>\n\n".utf8)
    } else if roll < 116 {
      out.append(contentsOf: "<p lang=\"cy\">".utf8)
      grammar.expand(welsh, into: &out, rng: &rng)
      out.append(contentsOf: "</p>\n\n".utf8)
    }
  }

  /// Appends `bytes[range]` with inline marks, writing `&` sometimes as `&amp;` and `©` sometimes as `&copy;`.
  private mutating func appendMarked(_ bytes: [UInt8], _ range: Range<Int>, into out: inout [UInt8]) {
    InlinePlanner.plan(bytes, range, rates: MarkdownWriter.rates, rng: &rng, into: &marks)
    var position = range.lowerBound
    for mark in marks {
      appendEscaped(bytes, position..<mark.range.lowerBound, into: &out)
      switch mark.kind {
      case .strong:
        out.append(contentsOf: "**".utf8)
        appendEscaped(bytes, mark.range, into: &out)
        out.append(contentsOf: "**".utf8)
      case .emphasis:
        out.append(contentsOf: rng.chance(70) ? "_".utf8 : "*".utf8)
        let delimiter = out[out.count - 1]
        appendEscaped(bytes, mark.range, into: &out)
        out.append(delimiter)
      case .code:
        out.append(0x60)
        out.append(contentsOf: bytes[mark.range])
        out.append(0x60)
      case .link:
        out.append(UInt8(ascii: "["))
        appendEscaped(bytes, mark.range, into: &out)
        out.append(contentsOf: "](".utf8)
        out.append(contentsOf: MarkupText.destinations[rng.below(MarkupText.destinations.count)].utf8)
        out.append(UInt8(ascii: ")"))
      case .abbreviation:
        let term = String(decoding: bytes[mark.range], as: UTF8.self)
        out.append(contentsOf: "<abbr title=\"\(MarkupText.expansions[term] ?? term)\">\(term)</abbr>".utf8)
      case .webAddress:
        let address = bytes[mark.range]
        if address.first == UInt8(ascii: "h") {
          out.append(UInt8(ascii: "<"))
          out.append(contentsOf: address)
          out.append(UInt8(ascii: ">"))
        } else {
          out.append(UInt8(ascii: "["))
          out.append(contentsOf: address)
          out.append(contentsOf: "](https://".utf8)
          out.append(contentsOf: address)
          out.append(UInt8(ascii: ")"))
        }
      case .email:
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: bytes[mark.range])
        out.append(UInt8(ascii: ">"))
      }
      position = mark.range.upperBound
    }
    appendEscaped(bytes, position..<range.upperBound, into: &out)
  }

  /// Appends prose bytes, writing `&` as `&amp;` half the time and `©` as `&copy;` a third of the time.
  private mutating func appendEscaped(_ bytes: [UInt8], _ range: Range<Int>, into out: inout [UInt8]) {
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      if byte == UInt8(ascii: "&") && rng.chance(50) {
        out.append(contentsOf: "&amp;".utf8)
      } else if byte == 0xC2 && index + 1 < range.upperBound && bytes[index + 1] == 0xA9 && rng.chance(33) {
        out.append(contentsOf: "&copy;".utf8)
        index += 1
      } else {
        out.append(byte)
      }
      index += 1
    }
  }
}

extension Leaflet {
  /// The first sentence of the first paragraph, or the title when there is no paragraph.
  var firstSentence: ArraySlice<UInt8> {
    for block in blocks {
      if case .paragraph(let sentences, _) = block, let first = sentences.first { return bytes[first] }
    }
    return title
  }
}
