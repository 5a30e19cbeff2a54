import PlainLintCore

/// Writes deterministic UK health plain text: leaflets of headings, paragraphs and lists, from a seed.
///
/// Leaflets are made as structure first (`Leaflet`), from the prose random numbers only; `TextWriter` lays them
/// out as plain text, and the Markdown and HTML writers lay the same leaflets out with markup of their own.
///
/// The same seed and size always give the same bytes on every machine (the generator uses only its own
/// SplitMix64 and integer arithmetic), so numbers from different machines or commits compare like with like.
struct CorpusGenerator {
  /// The templates and word pools.
  private let grammar = Grammar(HealthText.rules)
  /// The random numbers.
  private var rng: SplitMix64
  /// Symbol indices, looked up once.
  private let clause, connector, special, heading, listIntro, listItem, footer: Int

  /// Creates a generator from a seed.
  init(seed: UInt64) {
    rng = SplitMix64(seed: seed)
    clause = grammar.symbol("clause")
    connector = grammar.symbol("connector")
    special = grammar.symbol("special")
    heading = grammar.symbol("heading")
    listIntro = grammar.symbol("listIntro")
    listItem = grammar.symbol("listItem")
    footer = grammar.symbol("footer")
  }

  /// A document of leaflets one after another, at least `targetBytes` long (it ends after a whole leaflet).
  mutating func document(targetBytes: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(targetBytes + 16_384)
    var leaflet = Leaflet()
    while out.count < targetBytes {
      self.leaflet(into: &leaflet)
      TextWriter.append(leaflet, into: &out)
    }
    return out
  }

  /// A short document: a heading and whole paragraphs or lists, from `minimumBytes` to `maximumBytes` long when
  /// the blocks allow it (a block that would go past the maximum is dropped and the next one tried).
  mutating func shortDocument(minimumBytes: Int, maximumBytes: Int) -> [UInt8] {
    var out: [UInt8] = []
    var piece = Leaflet()
    appendHeading(into: &piece)
    TextWriter.append(piece, into: &out)
    var attempts = 0
    while out.count < minimumBytes && attempts < 200 {
      attempts += 1
      piece.removeAll()
      appendBlock(into: &piece)
      var block: [UInt8] = []
      TextWriter.append(piece, into: &block)
      if out.count + block.count <= maximumBytes { out.append(contentsOf: block) }
    }
    return out
  }

  /// Replaces `leaflet` with the next one: a title, two to five sections of paragraphs and lists, and sometimes
  /// a footer.
  mutating func leaflet(into leaflet: inout Leaflet) {
    leaflet.removeAll()
    appendHeading(into: &leaflet)
    for section in 0..<rng.inRange(2...5) {
      if section > 0 && rng.chance(60) { appendHeading(into: &leaflet) }
      for _ in 0..<rng.inRange(1...3) {
        appendBlock(into: &leaflet)
      }
    }
    if rng.chance(30) {
      var lines: [Range<Int>] = []
      for _ in 0..<rng.inRange(1...2) {
        lines.append(expand(footer, into: &leaflet))
      }
      leaflet.blocks.append(.footer(lines))
    }
  }

  /// Expands a symbol at the end of the leaflet's bytes and returns the range it took.
  private mutating func expand(_ symbol: Int, into leaflet: inout Leaflet) -> Range<Int> {
    let start = leaflet.bytes.count
    grammar.expand(symbol, into: &leaflet.bytes, rng: &rng)
    return start..<leaflet.bytes.count
  }

  /// A heading: a short line of its own.
  private mutating func appendHeading(into leaflet: inout Leaflet) {
    leaflet.blocks.append(.heading(expand(heading, into: &leaflet)))
  }

  /// A paragraph (most of the time) or a list.
  private mutating func appendBlock(into leaflet: inout Leaflet) {
    if rng.chance(72) {
      appendParagraph(into: &leaflet)
    } else {
      appendList(into: &leaflet)
    }
  }

  /// One to six sentences; in plain text, some paragraphs are one long line, others are wrapped at 72 columns.
  private mutating func appendParagraph(into leaflet: inout Leaflet) {
    let count = 1 + rng.weighted([20, 25, 22, 16, 10, 7])
    var sentences: [Range<Int>] = []
    sentences.reserveCapacity(count)
    for _ in 0..<count {
      sentences.append(appendSentence(into: &leaflet))
    }
    leaflet.blocks.append(.paragraph(sentences: sentences, wrapped: rng.chance(45)))
  }

  /// A sentence: a special one (contact details, quotes, emoji), or one to four clauses joined by connectors.
  private mutating func appendSentence(into leaflet: inout Leaflet) -> Range<Int> {
    if rng.chance(18) {
      return expand(special, into: &leaflet)
    }
    let start = leaflet.bytes.count
    let clauses = 1 + rng.weighted([50, 33, 12, 5])
    for index in 0..<clauses {
      if index > 0 { grammar.expand(connector, into: &leaflet.bytes, rng: &rng) }
      grammar.expand(clause, into: &leaflet.bytes, rng: &rng)
    }
    let first = leaflet.bytes[start]
    if first &- UInt8(ascii: "a") < 26 { leaflet.bytes[start] = first - 0x20 }
    leaflet.bytes.append(rng.chance(3) ? UInt8(ascii: "!") : UInt8(ascii: "."))
    return start..<leaflet.bytes.count
  }

  /// An introducing line, then three to six items, all with the same marker.
  private mutating func appendList(into leaflet: inout Leaflet) {
    let intro = expand(listIntro, into: &leaflet)
    let marker = rng.weighted([70, 10, 10, 10])
    var items: [Range<Int>] = []
    for _ in 1...rng.inRange(3...6) {
      items.append(expand(listItem, into: &leaflet))
    }
    leaflet.blocks.append(.list(intro: intro, marker: marker, items: items))
  }
}

/// The 64-bit FNV-1a hash of some bytes: a fingerprint that shows two corpora are the same.
func fnv1a(_ bytes: [UInt8]) -> UInt64 {
  var hash: UInt64 = 0xCBF2_9CE4_8422_2325
  for byte in bytes {
    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
  }
  return hash
}
