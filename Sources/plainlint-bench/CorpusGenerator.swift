/// Writes deterministic UK health plain text: leaflets of headings, paragraphs and lists, from a seed.
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
    while out.count < targetBytes {
      appendLeaflet(into: &out)
    }
    return out
  }

  /// A short document: a heading and whole paragraphs or lists, from `minimumBytes` to `maximumBytes` long when
  /// the blocks allow it (a block that would go past the maximum is dropped and the next one tried).
  mutating func shortDocument(minimumBytes: Int, maximumBytes: Int) -> [UInt8] {
    var out: [UInt8] = []
    appendHeading(into: &out)
    var attempts = 0
    while out.count < minimumBytes && attempts < 200 {
      attempts += 1
      var block: [UInt8] = []
      appendBlock(into: &block)
      if out.count + block.count <= maximumBytes { out.append(contentsOf: block) }
    }
    return out
  }

  /// One leaflet: a title, two to five sections of paragraphs and lists, and sometimes a footer.
  private mutating func appendLeaflet(into out: inout [UInt8]) {
    appendHeading(into: &out)
    for section in 0..<rng.inRange(2...5) {
      if section > 0 && rng.chance(60) { appendHeading(into: &out) }
      for _ in 0..<rng.inRange(1...3) {
        appendBlock(into: &out)
      }
    }
    if rng.chance(30) {
      for _ in 0..<rng.inRange(1...2) {
        grammar.expand(footer, into: &out, rng: &rng)
        out.append(0x0A)
      }
      out.append(0x0A)
    }
  }

  /// A heading: a short line of its own, then a blank line.
  private mutating func appendHeading(into out: inout [UInt8]) {
    grammar.expand(heading, into: &out, rng: &rng)
    out.append(contentsOf: [0x0A, 0x0A])
  }

  /// A paragraph (most of the time) or a list, then a blank line.
  private mutating func appendBlock(into out: inout [UInt8]) {
    if rng.chance(72) {
      appendParagraph(into: &out)
    } else {
      appendList(into: &out)
    }
    out.append(0x0A)
  }

  /// One to six sentences; some paragraphs are one long line, others are wrapped at 72 columns.
  private mutating func appendParagraph(into out: inout [UInt8]) {
    let start = out.count
    let count = 1 + rng.weighted([20, 25, 22, 16, 10, 7])
    for index in 0..<count {
      if index > 0 { out.append(0x20) }
      appendSentence(into: &out)
    }
    if rng.chance(45) { CorpusGenerator.wrap(&out, from: start, width: 72) }
    out.append(0x0A)
  }

  /// A sentence: a special one (contact details, quotes, emoji), or one to four clauses joined by connectors.
  private mutating func appendSentence(into out: inout [UInt8]) {
    if rng.chance(18) {
      grammar.expand(special, into: &out, rng: &rng)
      return
    }
    let start = out.count
    let clauses = 1 + rng.weighted([50, 33, 12, 5])
    for index in 0..<clauses {
      if index > 0 { grammar.expand(connector, into: &out, rng: &rng) }
      grammar.expand(clause, into: &out, rng: &rng)
    }
    let first = out[start]
    if first &- UInt8(ascii: "a") < 26 { out[start] = first - 0x20 }
    out.append(rng.chance(3) ? UInt8(ascii: "!") : UInt8(ascii: "."))
  }

  /// An introducing line, then three to six items, all with the same marker.
  private mutating func appendList(into out: inout [UInt8]) {
    grammar.expand(listIntro, into: &out, rng: &rng)
    out.append(0x0A)
    let marker = rng.weighted([70, 10, 10, 10])
    for number in 1...rng.inRange(3...6) {
      switch marker {
      case 0: out.append(contentsOf: "- ".utf8)
      case 1: out.append(contentsOf: "* ".utf8)
      case 2: out.append(contentsOf: "• ".utf8)
      default: out.append(contentsOf: "\(number). ".utf8)
      }
      grammar.expand(listItem, into: &out, rng: &rng)
      out.append(0x0A)
    }
  }

  /// Hard-wraps `out[start...]` by turning the last space before each `width`-byte line into a line break.
  private static func wrap(_ out: inout [UInt8], from start: Int, width: Int) {
    var lineStart = start
    var lastSpace = -1
    var i = start
    while i < out.count {
      if out[i] == 0x20 { lastSpace = i }
      if i - lineStart >= width && lastSpace > lineStart {
        out[lastSpace] = 0x0A
        lineStart = lastSpace + 1
        lastSpace = -1
      }
      i += 1
    }
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
