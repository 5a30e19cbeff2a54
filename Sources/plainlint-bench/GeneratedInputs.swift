import PlainLintCore

/// One generated single file of a format and size, written to the corpus folder.
struct SizedInput {
  /// Its format.
  var format: InputFormat
  /// The size asked for, in bytes (the file ends after a whole leaflet, so it is a little longer).
  var targetBytes: Int
  /// Where it is.
  var path: String
  /// Its size in bytes.
  var bytes: Int
  /// Its FNV-1a hash.
  var hash: UInt64
  /// Seconds it took to generate.
  var seconds: Double

  /// "text, 10 MB".
  var label: String { format.label + ", " + LSPBenchmark.sizeLabel(targetBytes) }
}

extension FormatCorpus {
  /// One document of `format` with at least `targetBytes` bytes of source: the leaflets of the large corpus from
  /// its start, in order, on one page (one front matter for Markdown, one page shell for HTML). The plain text is
  /// exactly the first leaflets of the large corpus; Markdown and HTML draw their markup from the same streams as
  /// the pages of the `formats` section.
  static func singleDocument(_ format: InputFormat, seed: UInt64, targetBytes: Int) -> [UInt8] {
    var prose = CorpusGenerator(seed: seed)
    if format == .text { return prose.document(targetBytes: targetBytes) }
    let grammar = Grammar(HealthText.rules.merging(MarkupText.rules) { first, _ in first })
    var markdown = MarkdownWriter(seed: seed ^ 0x6D61_726B_646F_776E, grammar: grammar)
    var html = HTMLWriter(seed: seed ^ 0x6874_6D6C_2020_2020, grammar: grammar)
    var out: [UInt8] = []
    out.reserveCapacity(targetBytes + 65_536)
    var leaflet = Leaflet()
    var first = true
    while out.count < targetBytes {
      prose.leaflet(into: &leaflet)
      if format == .markdown {
        if first { markdown.beginPage(with: leaflet, into: &out) }
        markdown.append(leaflet, into: &out)
      } else {
        if first { html.beginPage(with: leaflet, into: &out) }
        html.append(leaflet, into: &out)
      }
      first = false
    }
    if format == .html { html.endPage(into: &out) }
    return out
  }
}

/// Folders of many small files, deterministic from the seed.
enum SmallFiles {
  /// One small file: its name (with its ending) and its bytes.
  struct File {
    /// The file name, such as `leaflet-00042.md`.
    var name: String
    /// The file's bytes.
    var bytes: [UInt8]
    /// Its format.
    var format: InputFormat
  }

  /// The prose each file of `leaflets` has, in bytes of plain text: a leaflet is cut to fit.
  static let proseBytes = 1_000...4_000

  /// `count` files, one leaflet each, cut after the block that would take its plain text past a size drawn from
  /// `proseBytes` (at least its title and one block), written as plain text, Markdown or HTML, a third each, in
  /// an order drawn from the seed. The leaflets are the large corpus's, from its start; Markdown files have their
  /// front matter and HTML files their page shell (about 3.5 KB of it), so they are larger than the prose in them.
  static func leaflets(seed: UInt64, count: Int) -> [File] {
    var prose = CorpusGenerator(seed: seed)
    let grammar = Grammar(HealthText.rules.merging(MarkupText.rules) { first, _ in first })
    var markdown = MarkdownWriter(seed: seed ^ 0x6D61_726B_646F_776E, grammar: grammar)
    var html = HTMLWriter(seed: seed ^ 0x6874_6D6C_2020_2020, grammar: grammar)
    var choices = SplitMix64(seed: seed ^ 0x736D_616C_6C20_2020)
    var files: [File] = []
    files.reserveCapacity(count)
    var leaflet = Leaflet()
    var scratch: [UInt8] = []
    for index in 0..<count {
      prose.leaflet(into: &leaflet)
      let limit = choices.inRange(proseBytes)
      // Keep whole blocks while the plain text stays within the limit (always the title and one block).
      scratch.removeAll(keepingCapacity: true)
      var kept = 0
      for block in leaflet.blocks {
        TextWriter.append(block, of: leaflet, into: &scratch)
        if kept >= 2 && scratch.count > limit { break }
        kept += 1
      }
      leaflet.blocks.removeSubrange(kept...)
      let format = [InputFormat.text, .markdown, .html][choices.below(3)]
      var out: [UInt8] = []
      switch format {
      case .text:
        TextWriter.append(leaflet, into: &out)
      case .markdown:
        markdown.beginPage(with: leaflet, into: &out)
        markdown.append(leaflet, into: &out)
      case .html:
        html.beginPage(with: leaflet, into: &out)
        html.append(leaflet, into: &out)
        html.endPage(into: &out)
      }
      let name = numbered("leaflet-", index, of: count) + "." + format.fileExtension
      files.append(File(name: name, bytes: out, format: format))
    }
    return files
  }

  /// `text` cut into pieces at blank lines: each piece runs to the first blank line after a size drawn from
  /// `sizes`, so the pieces put back together are `text` byte for byte.
  static func split(_ text: [UInt8], seed: UInt64, sizes: ClosedRange<Int>) -> [[UInt8]] {
    var rng = SplitMix64(seed: seed ^ 0x7069_6563_6573_2020)
    var pieces: [[UInt8]] = []
    var start = 0
    while start < text.count {
      var end = min(text.count, start + rng.inRange(sizes))
      // On to the end of the next blank line ("\n\n"), or the end of the text.
      while end < text.count && !(text[end - 1] == 0x0A && end >= 2 && text[end - 2] == 0x0A) { end += 1 }
      pieces.append(Array(text[start..<end]))
      start = end
    }
    return pieces
  }

  /// "leaflet-0042" for the 42nd of 1,000: a file name with a number padded to the digits of `count`.
  static func numbered(_ stem: String, _ index: Int, of count: Int) -> String {
    let number = String(index + 1)
    return stem + String(repeating: "0", count: max(0, String(count).count - number.count)) + number
  }
}

extension Bench {
  /// The single file of `format` and `targetBytes`, generated and written the first time it is asked for.
  mutating func sizedInput(_ format: InputFormat, _ targetBytes: Int) throws(BenchError) -> SizedInput {
    let key = format.rawValue + "-" + String(targetBytes)
    if let input = sizedInputs[key] { return input }
    progress("generating \(format.label) of \(LSPBenchmark.sizeLabel(targetBytes))")
    let (bytes, seconds) = timed {
      FormatCorpus.singleDocument(format, seed: options.seed, targetBytes: targetBytes)
    }
    let name = "single-" + LSPBenchmark.sizeLabel(targetBytes).replacing(" ", with: "") + "." + format.fileExtension
    let path = try save(name, bytes)
    let input = SizedInput(
      format: format, targetBytes: targetBytes, path: path, bytes: bytes.count, hash: fnv1a(bytes), seconds: seconds)
    sizedInputs[key] = input
    return input
  }

  /// A table of generated single files: size, hash and generation time.
  static func inputsTable(_ inputs: [SizedInput]) -> String {
    var table = Table(["input (one file)", "bytes", "FNV-1a 64", "generated in"])
    for input in inputs {
      table.add([
        input.label, Format.grouped(input.bytes), Format.hex(input.hash), Format.fixed(input.seconds, 2) + " s",
      ])
    }
    return table.render()
  }

  /// The inputs the `memory` and `linearity` sections share: plain text of `textSizes`, then Markdown and HTML of
  /// `markupSizes`.
  mutating func sizedInputList() throws(BenchError) -> [SizedInput] {
    var inputs: [SizedInput] = []
    for size in options.textSizes { inputs.append(try sizedInput(.text, size)) }
    for format in [InputFormat.markdown, .html] {
      for size in options.markupSizes { inputs.append(try sizedInput(format, size)) }
    }
    return inputs
  }
}
