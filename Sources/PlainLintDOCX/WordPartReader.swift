import PlainLintCore
import PlainLintHTML

/// One paragraph of a Word document as plainlint reads it: its visible text and what kind of block it is.
struct WordParagraph: Hashable {
  /// The text a reader sees, as UTF-8: runs' text, tabs as tab characters, line breaks as spaces.
  var text: [UInt8] = []
  /// What the paragraph is: a heading (from its style or outline level), a list item, a table cell, a paragraph.
  var kind: BlockKind = .paragraph
}

/// Reads the paragraphs of one WordprocessingML part (`word/document.xml`, `word/footnotes.xml`,
/// `word/endnotes.xml`) in reading order.
///
/// What a reader sees is read: runs' text (`w:t`) in paragraphs, tables, text boxes, content controls, fields'
/// results and hyperlinks, with tracked insertions (`w:ins`, `w:moveTo`). What is left out: tracked deletions
/// (`w:del`, `w:moveFrom`), field codes (`w:instrText`), hidden text (`w:vanish`), ruby annotations, earlier
/// versions of properties (`w:pPrChange`), comments (they are in another part, which is never read) and, in
/// `mc:AlternateContent`, everything but the first `mc:Choice` (or the `mc:Fallback` when there is no choice), so
/// that a text box's text is read once. A text box's paragraphs come after the paragraph it is anchored in.
struct WordPartReader {
  /// The document's paragraph styles.
  let styles: WordStyles
  /// The paragraphs outside notes, in reading order.
  private(set) var paragraphs: [WordParagraph] = []
  /// The paragraphs of each footnote or endnote, by its `w:id` (notes parts only).
  private(set) var notes: [String: [WordParagraph]] = [:]
  /// The notes' identifiers in the order of the part (notes parts only).
  private(set) var noteOrder: [String] = []
  /// The footnotes referred to, in the order of their first reference.
  private(set) var footnoteReferences: [String] = []
  /// The endnotes referred to, in the order of their first reference.
  private(set) var endnoteReferences: [String] = []

  /// A paragraph being read, with what its properties said.
  private struct OpenParagraph {
    var paragraph = WordParagraph()
    /// Where, in the paragraphs waiting for their anchor to end, this one's go (see `waiting`).
    var waitingMark: Int
    /// Whether it is in a table cell.
    var inTable: Bool
    /// Its style (`w:pStyle`).
    var style: String?
    /// Its own outline level (`w:outlineLvl`), if set.
    var outlineLevel: Int?
    /// Whether its own numbering (`w:numPr`) makes it a list item, if set.
    var numbered: Bool?
  }

  /// The paragraphs open now: more than one inside a text box, whose paragraphs sit inside the one it is
  /// anchored in.
  private var open: [OpenParagraph] = []
  /// Text-box paragraphs finished inside a paragraph still open: they follow it once it ends.
  private var waiting: [WordParagraph] = []
  /// How many table cells are open.
  private var cellDepth = 0
  /// Whether the reader is in a paragraph's properties (`w:pPr`), in a run's (`w:rPr`), in text (`w:t`).
  private var inParagraphProperties = false
  private var inRunProperties = false
  private var inText = false
  /// Whether the current run is hidden (`w:vanish`).
  private var runHidden = false
  /// For each `mc:AlternateContent` open: whether one of its choices has been read.
  private var alternatives: [Bool] = []
  /// The note being read (notes parts only).
  private var note: String?

  /// Creates a reader that knows the document's styles.
  init(styles: WordStyles) {
    self.styles = styles
  }

  /// Elements whose content is never read: deletions, moved-away text, field codes, ruby text, earlier
  /// properties, section properties, a paragraph mark's run properties, tab stops.
  private static let skipped: Set<String> = [
    "del", "moveFrom", "instrText", "delInstrText", "delText", "rt", "pPrChange", "rPrChange", "sectPr",
    "tblPrChange", "tcPrChange", "trPrChange", "tblGridChange", "numberingChange", "tabs",
  ]
  /// The note types that are not notes but the lines Word draws above them.
  private static let separatorTypes: Set<String> = ["separator", "continuationSeparator", "continuationNotice"]

  /// Reads a part. `noteElement` is `footnote` or `endnote` for a notes part, nil for the document.
  mutating func read(_ bytes: [UInt8], noteElement: String? = nil) throws(XMLReadError) {
    let reader = try XMLReader(bytes: bytes)
    while try reader.read() {
      switch reader.kind {
      case .element:
        let namespace = reader.namespace
        if WordNamespace.isWord(namespace) {
          try start(reader.localName, namespace: namespace, reader: reader, noteElement: noteElement)
        } else if namespace == WordNamespace.markupCompatibility {
          try startAlternative(reader.localName, reader: reader)
        }
      case .endElement:
        let namespace = reader.namespace
        if WordNamespace.isWord(namespace) {
          end(reader.localName, noteElement: noteElement)
        } else if namespace == WordNamespace.markupCompatibility && reader.localName == "AlternateContent" {
          _ = alternatives.popLast()
        }
      case .text:
        if inText && !open.isEmpty { appendText(reader.value) }
      case .other:
        break
      }
    }
  }

  /// A start tag in the WordprocessingML namespace.
  private mutating func start(_ name: String, namespace: String, reader: XMLReader, noteElement: String?)
    throws(XMLReadError)
  {
    if WordPartReader.skipped.contains(name) || (inParagraphProperties && name == "rPr") {
      try reader.skipToEnd()
      return
    }
    let empty = reader.isEmptyElement
    if inParagraphProperties {
      let value = reader.attribute("val", namespace: namespace)
      switch name {
      case "pStyle": open.lastSet { $0.style = value }
      case "outlineLvl": open.lastSet { $0.outlineLevel = value.flatMap { Int($0) } }
      case "numId": open.lastSet { $0.numbered = value != "0" }
      default: break
      }
      return
    }
    if inRunProperties {
      if name == "vanish" {
        let value = reader.attribute("val", namespace: namespace)
        runHidden = !["0", "false", "off"].contains(value ?? "true")
      }
      return
    }
    switch name {
    case "p":
      open.append(OpenParagraph(waitingMark: waiting.count, inTable: cellDepth > 0))
      if empty { endParagraph() }
    case "pPr": inParagraphProperties = !empty
    case "rPr": inRunProperties = !empty
    case "r": runHidden = false
    case "tc": if !empty { cellDepth += 1 }
    case "t": inText = !empty && !runHidden
    case "tab", "ptab": appendCharacter("\t")
    case "br", "cr": appendCharacter(" ")
    case "noBreakHyphen": appendCharacter("\u{2011}")
    case "sym":
      // A symbol font's character: those in the private use area (Symbol, Wingdings) stand for pictures.
      if let code = reader.attribute("char", namespace: namespace).flatMap({ UInt32($0, radix: 16) }),
        !(0xE000...0xF8FF).contains(code), let scalar = Unicode.Scalar(code)
      {
        appendCharacter(Character(scalar))
      }
    case "footnoteReference":
      if let id = reader.attribute("id", namespace: namespace), !footnoteReferences.contains(id) {
        footnoteReferences.append(id)
      }
    case "endnoteReference":
      if let id = reader.attribute("id", namespace: namespace), !endnoteReferences.contains(id) {
        endnoteReferences.append(id)
      }
    case noteElement:
      let type = reader.attribute("type", namespace: namespace) ?? "normal"
      guard !WordPartReader.separatorTypes.contains(type), let id = reader.attribute("id", namespace: namespace)
      else {
        try reader.skipToEnd()
        return
      }
      note = id
      if notes[id] == nil {
        notes[id] = []
        noteOrder.append(id)
      }
    default: break
    }
  }

  /// A start tag in the markup-compatibility namespace: the first choice is read, and the fallback only when
  /// there was no choice.
  private mutating func startAlternative(_ name: String, reader: XMLReader) throws(XMLReadError) {
    switch name {
    case "AlternateContent":
      if !reader.isEmptyElement { alternatives.append(false) }
    case "Choice", "Fallback":
      guard let chosen = alternatives.last else { return }
      if chosen {
        try reader.skipToEnd()
      } else {
        alternatives[alternatives.count - 1] = true
      }
    default: break
    }
  }

  /// An end tag in the WordprocessingML namespace.
  private mutating func end(_ name: String, noteElement: String?) {
    switch name {
    case "p": endParagraph()
    case "pPr": inParagraphProperties = false
    case "rPr": inRunProperties = false
    case "r": runHidden = false
    case "t": inText = false
    case "tc": cellDepth = max(0, cellDepth - 1)
    case noteElement: note = nil
    default: break
    }
  }

  /// Ends the innermost open paragraph: it gets its kind and goes out, or waits for the paragraph it is
  /// anchored in (it is in a text box) to end.
  private mutating func endParagraph() {
    guard let ended = open.popLast() else { return }
    var paragraph = ended.paragraph
    paragraph.kind = kind(of: ended)
    if open.isEmpty {
      emit(paragraph)
      for waited in waiting { emit(waited) }
      waiting.removeAll()
    } else {
      waiting.insert(paragraph, at: min(ended.waitingMark, waiting.count))
    }
    inParagraphProperties = false
  }

  /// What kind of block a paragraph is: a heading by its outline level or style, else a list item by its
  /// numbering or style, else a table cell when in a table, else a paragraph.
  private func kind(of paragraph: OpenParagraph) -> BlockKind {
    let level: Int?
    if let outline = paragraph.outlineLevel {
      level = (0...8).contains(outline) ? outline + 1 : nil  // 9 is body text
    } else {
      level = paragraph.style.flatMap { styles.headingLevel(style: $0) }
    }
    if let level { return .heading(level: level) }
    if paragraph.numbered ?? paragraph.style.map({ styles.isNumbered(style: $0) }) ?? false { return .listItem }
    return paragraph.inTable ? .tableCell : .paragraph
  }

  /// Sends a finished paragraph to the note being read, or to the document's paragraphs.
  private mutating func emit(_ paragraph: WordParagraph) {
    if let note {
      notes[note, default: []].append(paragraph)
    } else {
      paragraphs.append(paragraph)
    }
  }

  /// Adds text from a `w:t` to the innermost paragraph. A line break in the text becomes a space, so that each
  /// paragraph stays one line.
  private mutating func appendText(_ text: String) {
    guard !open.isEmpty else { return }
    var utf8 = Array(text.utf8)
    for index in utf8.indices where utf8[index] == 0x0A || utf8[index] == 0x0D { utf8[index] = 0x20 }
    open[open.count - 1].paragraph.text += utf8
  }

  /// Adds one character (a tab, a break as a space, a non-breaking hyphen) to the innermost paragraph, unless
  /// the run is hidden.
  private mutating func appendCharacter(_ character: Character) {
    guard !open.isEmpty && !runHidden else { return }
    open[open.count - 1].paragraph.text += Array(String(character).utf8)
  }
}

extension Array {
  /// Changes the last element, if there is one.
  fileprivate mutating func lastSet(_ change: (inout Element) -> Void) {
    guard !isEmpty else { return }
    change(&self[count - 1])
  }
}
