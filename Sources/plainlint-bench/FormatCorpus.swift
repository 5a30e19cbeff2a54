import PlainLintCore

/// An input format the `formats` section measures.
enum InputFormat: String, CaseIterable {
  /// Plain text, through `PlainTextFrontEnd`.
  case text
  /// Markdown, through `MarkdownFrontEnd` (cmark-gfm).
  case markdown
  /// HTML, through `HTMLFrontEnd` (libxml2).
  case html

  /// The name for tables.
  var label: String {
    switch self {
    case .text: "text"
    case .markdown: "Markdown"
    case .html: "HTML"
    }
  }

  /// The file name ending of its pages.
  var fileExtension: String {
    switch self {
    case .text: "txt"
    case .markdown: "md"
    case .html: "html"
    }
  }
}

/// The same leaflets as the large plain-text corpus, as pages of plain text, Markdown and HTML.
///
/// The prose generator runs exactly as it does for the large corpus, so the leaflets, and every sentence in them,
/// are the same; the text pages put end to end are the large corpus byte for byte. Leaflets are grouped into
/// pages of 12 to 40 KB of prose (about 15 to 60 KB of HTML), the same grouping in every format. The markup has
/// random numbers of its own, one stream per writer, so it never changes the prose.
struct FormatCorpus {
  /// The pages of each format, in `InputFormat` order.
  var pages: [[[UInt8]]]

  /// The pages of one format.
  subscript(format: InputFormat) -> [[UInt8]] {
    switch format {
    case .text: pages[0]
    case .markdown: pages[1]
    case .html: pages[2]
    }
  }

  /// Generates pages until the text reaches `targetBytes`, ending after a whole leaflet.
  static func generate(seed: UInt64, targetBytes: Int) -> FormatCorpus {
    var prose = CorpusGenerator(seed: seed)
    let grammar = Grammar(HealthText.rules.merging(MarkupText.rules) { first, _ in first })
    var pageSizes = SplitMix64(seed: seed ^ 0x7061_6765_7320_2020)
    var markdown = MarkdownWriter(seed: seed ^ 0x6D61_726B_646F_776E, grammar: grammar)
    var html = HTMLWriter(seed: seed ^ 0x6874_6D6C_2020_2020, grammar: grammar)
    var result = FormatCorpus(pages: [[], [], []])
    var leaflet = Leaflet()
    var total = 0
    while total < targetBytes {
      let pageTarget = pageSizes.inRange(12_000...40_000)
      var textPage: [UInt8] = []
      var markdownPage: [UInt8] = []
      var htmlPage: [UInt8] = []
      textPage.reserveCapacity(pageTarget + 8_192)
      markdownPage.reserveCapacity(pageTarget * 5 / 4 + 8_192)
      htmlPage.reserveCapacity(pageTarget * 3 / 2 + 8_192)
      repeat {
        prose.leaflet(into: &leaflet)
        if textPage.isEmpty {
          markdown.beginPage(with: leaflet, into: &markdownPage)
          html.beginPage(with: leaflet, into: &htmlPage)
        }
        TextWriter.append(leaflet, into: &textPage)
        markdown.append(leaflet, into: &markdownPage)
        html.append(leaflet, into: &htmlPage)
      } while textPage.count < pageTarget && total + textPage.count < targetBytes
      html.endPage(into: &htmlPage)
      total += textPage.count
      result.pages[0].append(textPage)
      result.pages[1].append(markdownPage)
      result.pages[2].append(htmlPage)
    }
    return result
  }
}

/// The 64-bit FNV-1a hash of pages put end to end.
func fnv1a(pages: [[UInt8]]) -> UInt64 {
  var hash: UInt64 = 0xCBF2_9CE4_8422_2325
  for page in pages {
    for byte in page {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
  }
  return hash
}
