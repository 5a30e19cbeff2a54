import PlainLintCore

/// Lays leaflets out as HTML pages, the way an NHS trust's website serves them.
///
/// Each page has a doctype, a `<head>` with `<title>`, `<meta name="description">`, `<style>` and `<script>`, then
/// a `<body>` with a header and navigation, the leaflets as `<article>`s (`<h1>`–`<h3>`, `<p>`, `<ul>`, `<ol>`)
/// and a footer. Words get `<strong>`, `<em>`, `<a>`, `<code>` and `<abbr title>`; web and email addresses become
/// links; `&` is always `&amp;`, and `’`, `–`, `£` and `é` are sometimes `&rsquo;`, `&#8217;`, `&ndash;`,
/// `&pound;` and `&eacute;`, with the odd `&nbsp;` before a number. Between blocks come figures with alt text, tables,
/// `<pre><code>`, comments, block quotes and Welsh paragraphs (`lang="cy"`); some lists leave out `</li>`.
///
/// All of this uses the writer's own random numbers, so the sentences are those of the plain-text corpus.
struct HTMLWriter {
  /// The prose grammar with `MarkupText.rules` added.
  private let grammar: Grammar
  /// The writer's random numbers (never the prose generator's).
  private var rng: SplitMix64
  /// Symbol indices, looked up once.
  private let altText, caption, comment, welsh, tableCaption, medicine, duration, time: Int
  /// Marks for the piece being written, reused.
  private var marks: [InlineMark] = []
  /// Leaflets on the page so far.
  private var leafletCount = 0
  /// Pages so far.
  private var pageCount = 0

  /// How often each inline mark is used.
  static let rates = InlineRates(
    strong: 12, emphasis: 12, code: 4, link: 12, abbreviation: 150, webAddress: 750, email: 750)

  /// Creates a writer with its own seed.
  init(seed: UInt64, grammar: Grammar) {
    self.grammar = grammar
    rng = SplitMix64(seed: seed)
    altText = grammar.symbol("altText")
    caption = grammar.symbol("caption")
    comment = grammar.symbol("comment")
    welsh = grammar.symbol("welsh")
    tableCaption = grammar.symbol("tableCaption")
    medicine = grammar.symbol("medicine")
    duration = grammar.symbol("duration")
    time = grammar.symbol("time")
  }

  /// Starts a page: everything up to the first leaflet, with its title and first sentence in the `<head>`.
  mutating func beginPage(with leaflet: Leaflet, into out: inout [UInt8]) {
    leafletCount = 0
    pageCount += 1
    out.append(contentsOf: "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n".utf8)
    out.append(contentsOf: "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>".utf8)
    appendEscaped(leaflet.title, attribute: false, into: &out)
    out.append(contentsOf: " - Example NHS Foundation Trust</title>\n<meta name=\"description\" content=\"".utf8)
    appendEscaped(leaflet.firstSentence, attribute: true, into: &out)
    out.append(contentsOf: "\">\n".utf8)
    out.append(contentsOf: HTMLWriter.head.utf8)
    out.append(contentsOf: HTMLWriter.header.utf8)
    if rng.chance(40) {
      out.append(contentsOf: "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><ol>".utf8)
      out.append(contentsOf: "<li><a href=\"/\">Home</a></li><li><a href=\"/patients/\">Patients</a></li>".utf8)
      out.append(contentsOf: "<li><a href=\"/patients/leaflets/\">Leaflets</a></li></ol></nav>\n".utf8)
    }
    out.append(contentsOf: "<main id=\"main-content\" class=\"page-\(pageCount)\">\n".utf8)
  }

  /// Ends a page: the site footer and the closing tags.
  mutating func endPage(into out: inout [UInt8]) {
    out.append(contentsOf: "</main>\n".utf8)
    out.append(contentsOf: HTMLWriter.footer.utf8)
  }

  /// Appends a leaflet as an `<article>`.
  mutating func append(_ leaflet: Leaflet, into out: inout [UInt8]) {
    leafletCount += 1
    out.append(contentsOf: "<article class=\"leaflet\" id=\"leaflet-\(leafletCount)\">\n".utf8)
    if rng.chance(10) {
      out.append(contentsOf: "<!-- ".utf8)
      grammar.expand(comment, into: &out, rng: &rng)
      out.append(contentsOf: " -->\n".utf8)
    }
    for (index, block) in leaflet.blocks.enumerated() {
      switch block {
      case .heading(let range):
        let tag = index == 0 ? (leafletCount == 1 ? "h1" : "h2") : rng.chance(80) ? "h2" : "h3"
        out.append(contentsOf: "<\(tag)>".utf8)
        appendMarked(leaflet.bytes, range, into: &out)
        out.append(contentsOf: "</\(tag)>\n".utf8)
        continue
      case .paragraph(let sentences, let wrapped):
        let quoted = rng.chance(5)
        out.append(contentsOf: quoted ? "<blockquote>\n<p>".utf8 : "<p>".utf8)
        let start = out.count
        for (index, sentence) in sentences.enumerated() {
          if index > 0 { out.append(0x20) }
          appendMarked(leaflet.bytes, sentence, into: &out)
        }
        if wrapped { wrap(&out, from: start, width: 100) }
        out.append(contentsOf: quoted ? "</p>\n</blockquote>\n".utf8 : "</p>\n".utf8)
      case .list(let intro, let marker, let items):
        out.append(contentsOf: "<p>".utf8)
        appendMarked(leaflet.bytes, intro, into: &out)
        out.append(contentsOf: "</p>\n".utf8)
        let tag = marker == 3 ? "ol" : "ul"
        let closeItems = rng.chance(90)
        out.append(contentsOf: "<\(tag)>\n".utf8)
        for item in items {
          out.append(contentsOf: "<li>".utf8)
          appendMarked(leaflet.bytes, item, into: &out)
          out.append(contentsOf: closeItems ? "</li>\n".utf8 : "\n".utf8)
        }
        out.append(contentsOf: "</\(tag)>\n".utf8)
      case .footer(let lines):
        out.append(contentsOf: "<div class=\"leaflet-footer\">\n".utf8)
        for line in lines {
          out.append(contentsOf: "<p><small>".utf8)
          appendMarked(leaflet.bytes, line, into: &out)
          out.append(contentsOf: "</small></p>\n".utf8)
        }
        out.append(contentsOf: "</div>\n".utf8)
      }
      appendExtra(into: &out)
    }
    out.append(contentsOf: "</article>\n".utf8)
  }

  /// Sometimes, a block that is not in the plain text: a figure, a table, code, a comment or a Welsh paragraph.
  private mutating func appendExtra(into out: inout [UInt8]) {
    let roll = rng.below(1000)
    if roll < 45 {
      out.append(contentsOf: "<figure>\n<img src=\"/images/leaflets/figure-\(rng.below(500)).jpg\" alt=\"".utf8)
      var alt: [UInt8] = []
      grammar.expand(altText, into: &alt, rng: &rng)
      appendEscaped(alt[...], attribute: true, into: &out)
      out.append(contentsOf: "\" width=\"640\" height=\"360\" loading=\"lazy\">\n<figcaption>".utf8)
      var text: [UInt8] = []
      grammar.expand(caption, into: &text, rng: &rng)
      appendEscaped(text[...], attribute: false, into: &out)
      out.append(contentsOf: "</figcaption>\n</figure>\n".utf8)
    } else if roll < 70 {
      out.append(contentsOf: "<table class=\"medicines\">\n<caption>".utf8)
      grammar.expand(tableCaption, into: &out, rng: &rng)
      out.append(contentsOf: "</caption>\n<thead>\n<tr><th scope=\"col\">Medicine</th>".utf8)
      out.append(contentsOf: "<th scope=\"col\">How long</th><th scope=\"col\">When</th></tr>\n".utf8)
      out.append(contentsOf: "</thead>\n<tbody>\n".utf8)
      for _ in 0..<rng.inRange(2...4) {
        out.append(contentsOf: "<tr><td>".utf8)
        grammar.expand(medicine, into: &out, rng: &rng)
        out.append(contentsOf: "</td><td>".utf8)
        grammar.expand(duration, into: &out, rng: &rng)
        out.append(contentsOf: "</td><td>".utf8)
        grammar.expand(time, into: &out, rng: &rng)
        out.append(contentsOf: "</td></tr>\n".utf8)
      }
      out.append(contentsOf: "</tbody>\n</table>\n".utf8)
    } else if roll < 85 {
      let snippet = Array(MarkupText.snippets[rng.below(MarkupText.snippets.count)].utf8)
      out.append(contentsOf: "<pre><code>".utf8)
      appendEscaped(snippet[...], attribute: false, into: &out)
      out.append(contentsOf: "</code></pre>\n".utf8)
    } else if roll < 100 {
      out.append(contentsOf: "<!-- ".utf8)
      grammar.expand(comment, into: &out, rng: &rng)
      out.append(contentsOf: " -->\n".utf8)
    } else if roll < 112 {
      out.append(contentsOf: "<p lang=\"cy\">".utf8)
      var text: [UInt8] = []
      grammar.expand(welsh, into: &text, rng: &rng)
      appendEscaped(text[...], attribute: false, into: &out)
      out.append(contentsOf: "</p>\n".utf8)
    }
  }

  /// Appends `bytes[range]` as HTML text with inline marks and a mix of character references.
  private mutating func appendMarked(_ bytes: [UInt8], _ range: Range<Int>, into out: inout [UInt8]) {
    InlinePlanner.plan(bytes, range, rates: HTMLWriter.rates, rng: &rng, into: &marks)
    var position = range.lowerBound
    for mark in marks {
      appendText(bytes, position..<mark.range.lowerBound, into: &out)
      switch mark.kind {
      case .strong:
        out.append(contentsOf: "<strong>".utf8)
        appendText(bytes, mark.range, into: &out)
        out.append(contentsOf: "</strong>".utf8)
      case .emphasis:
        out.append(contentsOf: "<em>".utf8)
        appendText(bytes, mark.range, into: &out)
        out.append(contentsOf: "</em>".utf8)
      case .code:
        out.append(contentsOf: "<code>".utf8)
        appendText(bytes, mark.range, into: &out)
        out.append(contentsOf: "</code>".utf8)
      case .link:
        out.append(contentsOf: "<a href=\"".utf8)
        out.append(contentsOf: MarkupText.destinations[rng.below(MarkupText.destinations.count)].utf8)
        out.append(contentsOf: "\">".utf8)
        appendText(bytes, mark.range, into: &out)
        out.append(contentsOf: "</a>".utf8)
      case .abbreviation:
        let term = String(decoding: bytes[mark.range], as: UTF8.self)
        out.append(contentsOf: "<abbr title=\"\(MarkupText.expansions[term] ?? term)\">\(term)</abbr>".utf8)
      case .webAddress:
        out.append(contentsOf: "<a href=\"".utf8)
        if bytes[mark.range.lowerBound] != UInt8(ascii: "h") { out.append(contentsOf: "https://".utf8) }
        appendEscaped(bytes[mark.range], attribute: true, into: &out)
        out.append(contentsOf: "\">".utf8)
        appendEscaped(bytes[mark.range], attribute: false, into: &out)
        out.append(contentsOf: "</a>".utf8)
      case .email:
        out.append(contentsOf: "<a href=\"mailto:".utf8)
        out.append(contentsOf: bytes[mark.range])
        out.append(contentsOf: "\">".utf8)
        out.append(contentsOf: bytes[mark.range])
        out.append(contentsOf: "</a>".utf8)
      }
      position = mark.range.upperBound
    }
    appendText(bytes, position..<range.upperBound, into: &out)
  }

  /// Appends prose as HTML text: `&`, `<` and `>` escaped, and `’`, `–`, `£`, `é` and spaces before numbers
  /// sometimes written as character references.
  private mutating func appendText(_ bytes: [UInt8], _ range: Range<Int>, into out: inout [UInt8]) {
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      case 0x20:
        if index + 1 < end && bytes[index + 1] &- UInt8(ascii: "0") < 10 && rng.chance(10) {
          out.append(contentsOf: "&nbsp;".utf8)
        } else {
          out.append(byte)
        }
      case 0xE2 where index + 2 < end && bytes[index + 1] == 0x80:
        let third = bytes[index + 2]
        let roll = rng.below(100)
        if third == 0x99 && roll < 25 {
          out.append(contentsOf: "&rsquo;".utf8)
        } else if third == 0x99 && roll < 35 {
          out.append(contentsOf: "&#8217;".utf8)
        } else if third == 0x93 && roll < 30 {
          out.append(contentsOf: "&ndash;".utf8)
        } else {
          out.append(contentsOf: bytes[index...(index + 2)])
        }
        index += 2
      case 0xC2 where index + 1 < end && bytes[index + 1] == 0xA3 && rng.chance(30):
        out.append(contentsOf: "&pound;".utf8)
        index += 1
      case 0xC3 where index + 1 < end && bytes[index + 1] == 0xA9 && rng.chance(30):
        out.append(contentsOf: "&eacute;".utf8)
        index += 1
      default:
        out.append(byte)
      }
      index += 1
    }
  }

  /// Appends bytes with `&`, `<`, `>` and (in attributes) `"` escaped, and nothing else changed.
  private func appendEscaped(_ bytes: ArraySlice<UInt8>, attribute: Bool, into out: inout [UInt8]) {
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\"") where attribute: out.append(contentsOf: "&quot;".utf8)
      default: out.append(byte)
      }
    }
  }

  /// The rest of `<head>` after the description, then the start of `<body>`.
  static let head = """
    <link rel="stylesheet" href="/assets/css/main.min.css">
    <link rel="icon" href="/favicon.ico">
    <style>
    body { font-family: Frutiger, Arial, sans-serif; line-height: 1.5; margin: 0; color: #212b32; }
    .leaflet { max-width: 44em; margin: 0 auto; padding: 0 1rem; }
    .leaflet h1, .leaflet h2 { color: #005eb8; }
    .callout > p:first-child::before { content: "\\2139"; margin-right: .5em; }
    table.medicines td, table.medicines th { border-bottom: 1px solid #d8dde0; padding: .5em 1em; }
    @media print { nav, .skip-link, footer { display: none; } }
    </style>
    <script>
    window.dataLayer = window.dataLayer || [];
    function gtag() { dataLayer.push(arguments); }
    document.addEventListener("DOMContentLoaded", function () {
      var links = document.querySelectorAll("a[href^='http']");
      for (var i = 0; i < links.length && i < 500; i++) {
        if (links[i].host !== location.host) { links[i].setAttribute("rel", "noopener"); }
      }
    });
    </script>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "MedicalWebPage"}</script>
    </head>
    <body class="leaflet-page">

    """

  /// The site header and navigation.
  static let header = """
    <a class="skip-link" href="#main-content">Skip to main content</a>
    <header class="site-header" role="banner">
    <a class="logo" href="/"><img src="/assets/images/trust-logo.svg" alt="Example NHS Foundation Trust" \
    width="180" height="40"></a>
    <form class="search" action="/search" method="get"><label for="q">Search this website</label>
    <input type="search" id="q" name="q" placeholder="Search"><button type="submit">Search</button></form>
    <nav class="site-nav" aria-label="Main">
    <ul>
    <li><a href="/patients/">Patients and visitors</a></li>
    <li><a href="/services/">Our services</a></li>
    <li><a href="/patients/leaflets/">Patient leaflets</a></li>
    <li><a href="/careers/">Work for us</a></li>
    <li><a href="/contact-us/">Contact us</a></li>
    </ul>
    </nav>
    </header>

    """

  /// The site footer and the closing tags.
  static let footer = """
    <footer class="site-footer" role="contentinfo">
    <ul class="footer-links">
    <li><a href="/accessibility/">Accessibility statement</a></li>
    <li><a href="/privacy/">Privacy and cookies</a></li>
    <li><a href="/foi/">Freedom of information</a></li>
    </ul>
    <p>&copy; Example NHS Foundation Trust 2025. Registered address: 1 Hospital Road, Leeds LS1 3EX.</p>
    </footer>
    </body>
    </html>

    """
}
