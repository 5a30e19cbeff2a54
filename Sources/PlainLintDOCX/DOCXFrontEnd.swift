import PlainLintCore
import PlainLintHTML

/// The front end for Word documents (`.docx`): the text a reader sees, one line per paragraph.
///
/// A Word document has no lines a reader can go to, so the front end writes its own text: each paragraph's
/// visible text on a line of its own, in reading order. Line N is paragraph N, and a column is a character in
/// the paragraph; every output format works with that text as it would with a plain-text file. The paragraphs
/// are the body's (headings, list items, table cells and empty paragraphs included, each counted), each text
/// box's just after the paragraph it is anchored in, then the footnotes in the order they are referred to, then
/// the endnotes. Headers, footers and comments are not read.
///
/// The prose is that text, with a block for each paragraph that has any, so a sentence always ends where its
/// paragraph ends. Findings get a `FindingContext`: the paragraph, the heading it sits under and the sentence.
public enum DOCXFrontEnd {
  /// Reads a Word document's bytes, or says why it cannot.
  public static func read(_ bytes: [UInt8]) throws(DOCXError) -> WordDocument {
    try read(bytes, sizeLimit: DOCXPackage.defaultSizeLimit)
  }

  /// Whether bytes start as an Office file in the old compound format: a Word 97–2003 `.doc`, or a Word
  /// document saved with a password. Such a file is refused by `read` with a message that says which.
  public static func isOfficeCompoundFile(_ bytes: [UInt8]) -> Bool {
    DOCXPackage.isCompoundFile(bytes)
  }

  /// Reads a Word document's bytes, unpacking at most `sizeLimit` bytes of XML (a lower limit is for tests).
  static func read(_ bytes: [UInt8], sizeLimit: Int) throws(DOCXError) -> WordDocument {
    let package = try DOCXPackage.open(bytes, sizeLimit: sizeLimit)
    func parse<T>(_ part: String, _ body: () throws(XMLReadError) -> T) throws(DOCXError) -> T {
      do {
        return try body()
      } catch {
        throw DOCXError.damagedXML(part: part, error.description)
      }
    }
    let styles = try parse(DOCXPackage.stylesPart) { () throws(XMLReadError) in
      guard let bytes = package.parts[DOCXPackage.stylesPart] else { return WordStyles() }
      return try WordStyles(xml: bytes)
    }
    var document = WordPartReader(styles: styles)
    try parse(DOCXPackage.documentPart) { () throws(XMLReadError) in
      try document.read(package.parts[DOCXPackage.documentPart] ?? [])
    }
    var paragraphs = document.paragraphs.map { ($0, nil as String?) }
    for (part, element, label, references) in [
      (DOCXPackage.footnotesPart, "footnote", "Footnote", document.footnoteReferences),
      (DOCXPackage.endnotesPart, "endnote", "Endnote", document.endnoteReferences),
    ] {
      guard let bytes = package.parts[part] else { continue }
      var notes = WordPartReader(styles: styles)
      try parse(part) { () throws(XMLReadError) in try notes.read(bytes, noteElement: element) }
      // Notes in the order they are referred to (Word numbers them so), then any never referred to.
      let order = references.filter { notes.notes[$0] != nil } + notes.noteOrder.filter { !references.contains($0) }
      for (index, id) in order.enumerated() {
        for paragraph in notes.notes[id] ?? [] { paragraphs.append((paragraph, "\(label) \(index + 1)")) }
      }
    }
    return WordDocument(paragraphs)
  }
}

/// A Word document as plainlint reads it: the text it writes (a line per paragraph), the prose to lint, and
/// where each paragraph is and which heading it sits under.
public struct WordDocument: Sendable {
  /// The text: each paragraph's visible text, one paragraph per line, lines ending in `\n`.
  public let text: [UInt8]
  /// The prose: the text itself, a block per paragraph that has any text.
  public let prose: ProseText
  /// Each paragraph (line): its bytes in `text`, and the heading it sits under.
  let paragraphs: [Paragraph]

  /// One paragraph's place.
  struct Paragraph: Hashable {
    /// Its bytes in `text`, without the line break.
    var range: Range<Int>
    /// Its kind.
    var kind: BlockKind
    /// The title of the heading it sits under (for a heading, the one above it of a higher rank), or a note's
    /// label; nil before the first heading.
    var heading: String?
  }

  /// The most characters a quoted sentence or heading shows before it is cut with "…".
  static let maxQuoteLength = 120

  /// Lays out paragraphs, each with a note's label if it is in one.
  init(_ read: [(paragraph: WordParagraph, note: String?)]) {
    var text: [UInt8] = []
    var blocks: [ProseBlock] = []
    var paragraphs: [Paragraph] = []
    var headings: [(level: Int, title: String)] = []
    for (paragraph, note) in read {
      let start = text.count
      text += paragraph.text
      let range = start..<text.count
      var heading = note ?? headings.last?.title
      if note == nil, case .heading(let level) = paragraph.kind {
        while let last = headings.last, last.level >= level { headings.removeLast() }
        heading = headings.last?.title
        let title = WordDocument.quotation(text[range])
        if !title.isEmpty { headings.append((level, title)) }
      }
      paragraphs.append(Paragraph(range: range, kind: paragraph.kind, heading: heading))
      if let trimmed = WordDocument.trimmed(text, range) {
        blocks.append(ProseBlock(kind: paragraph.kind, range: trimmed))
      }
      text.append(0x0A)
    }
    self.text = text
    self.paragraphs = paragraphs
    self.prose = ProseText(format: "docx", bytes: text, blocks: blocks, map: .identity)
  }

  /// The range without white space at either end, or nil when nothing is left.
  static func trimmed(_ text: [UInt8], _ range: Range<Int>) -> Range<Int>? {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end && (text[start] == 0x20 || text[start] == 0x09) { start += 1 }
    while end > start && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
    return start < end ? start..<end : nil
  }

  /// Text for a quotation: runs of white space as one space, cut after `maxQuoteLength` characters at a space
  /// where there is one, with "…".
  static func quotation(_ bytes: ArraySlice<UInt8>) -> String {
    var scalars: [Unicode.Scalar] = []
    var lastWasSpace = true
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
      let isSpace = scalar == " " || scalar == "\t" || scalar == "\u{A0}"
      if isSpace {
        if !lastWasSpace { scalars.append(" ") }
      } else {
        scalars.append(scalar)
      }
      lastWasSpace = isSpace
    }
    if scalars.last == " " { scalars.removeLast() }
    if scalars.count > maxQuoteLength {
      var cut = maxQuoteLength
      if let space = scalars[(maxQuoteLength / 2)..<maxQuoteLength].lastIndex(of: " ") { cut = space }
      scalars = Array(scalars[..<cut]) + ["…"]
    }
    var result = ""
    result.unicodeScalars.append(contentsOf: scalars)
    return result
  }

  /// The 0-based paragraph whose line holds a byte offset of the text.
  func paragraphIndex(containing offset: Int) -> Int {
    var low = 0
    var high = paragraphs.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if paragraphs[middle].range.lowerBound <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// The findings with their context: the paragraph, the heading it sits under, and the sentence each starts in.
  public func withContext(_ findings: [Finding]) -> [Finding] {
    guard !paragraphs.isEmpty else { return findings }
    var cachedParagraph = -1
    var sentences: [Range<Int>] = []
    return findings.map { finding in
      var finding = finding
      let index = paragraphIndex(containing: finding.range.lowerBound)
      if index != cachedParagraph {
        cachedParagraph = index
        sentences = sentenceRanges(in: paragraphs[index].range)
      }
      let start = finding.range.lowerBound
      let sentence =
        sentences.last { $0.lowerBound <= start } ?? sentences.first ?? paragraphs[index].range
      finding.context = FindingContext(
        paragraph: index + 1, heading: paragraphs[index].heading, quote: WordDocument.quotation(text[sentence]))
      return finding
    }
  }

  /// The byte ranges of the sentences of a paragraph, as the linter splits them.
  func sentenceRanges(in range: Range<Int>) -> [Range<Int>] {
    var tokens: [Token] = []
    Tokenizer.tokenize(text, range: range, into: &tokens)
    var sentences: [Sentence] = []
    SentenceSplitter.split(text, tokens: tokens, tokenRange: 0..<tokens.count, into: &sentences)
    return sentences.map(\.range)
  }
}
