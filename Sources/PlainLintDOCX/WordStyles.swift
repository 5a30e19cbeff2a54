import PlainLintHTML

/// The XML namespaces of WordprocessingML that plainlint reads.
enum WordNamespace {
  /// WordprocessingML, as Word and LibreOffice write it (transitional).
  static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  /// WordprocessingML in ISO 29500 strict form.
  static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
  /// Markup compatibility: `mc:AlternateContent` with its `mc:Choice` and `mc:Fallback`.
  static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

  /// Whether a namespace is WordprocessingML's.
  static func isWord(_ namespace: String) -> Bool {
    namespace == main || namespace == strict
  }
}

/// The paragraph styles of a document (`word/styles.xml`): what each says about headings and lists.
struct WordStyles {
  /// One paragraph style.
  struct Style {
    /// Its name (`heading 1`, `Title`, `List Bullet`), as written.
    var name = ""
    /// The style it is based on, if any.
    var basedOn: String?
    /// Its outline level (0 for level 1 … 8 for level 9; 9 is body text), if it sets one.
    var outlineLevel: Int?
    /// Whether it numbers or bullets its paragraphs (`w:numPr` with a list other than 0).
    var numbered: Bool?
  }

  /// The styles by identifier (`w:styleId`, such as `Heading1`).
  var styles: [String: Style] = [:]

  /// No styles: every paragraph is a paragraph unless it says otherwise itself.
  init() {}

  /// Reads `word/styles.xml`.
  init(xml bytes: [UInt8]) throws(XMLReadError) {
    let reader = try XMLReader(bytes: bytes)
    var current: (id: String, style: Style)?
    while try reader.read() {
      guard WordNamespace.isWord(reader.namespace) else { continue }
      let ns = reader.namespace
      switch (reader.kind, reader.localName) {
      case (.element, "style"):
        if let current { styles[current.id] = current.style }
        current = nil
        if reader.attribute("type", namespace: ns) == "paragraph", let id = reader.attribute("styleId", namespace: ns) {
          current = (id, Style())
        }
        if reader.isEmptyElement, let made = current {
          styles[made.id] = made.style
          current = nil
        }
      case (.endElement, "style"):
        if let current { styles[current.id] = current.style }
        current = nil
      case (.element, "name"):
        current?.style.name = reader.attribute("val", namespace: ns) ?? ""
      case (.element, "basedOn"):
        current?.style.basedOn = reader.attribute("val", namespace: ns)
      case (.element, "outlineLvl"):
        current?.style.outlineLevel = reader.attribute("val", namespace: ns).flatMap { Int($0) }
      case (.element, "numId"):
        current?.style.numbered = reader.attribute("val", namespace: ns).map { $0 != "0" }
      case (.element, "pPrChange"), (.element, "rPr"), (.element, "tblPr"), (.element, "tcPr"), (.element, "trPr"):
        // An earlier version of the properties (tracked formatting), or properties of runs and tables: not read.
        try reader.skipToEnd()
      default: break
      }
    }
    if let current { styles[current.id] = current.style }
  }

  /// The heading level a style gives (1 to 9), following the styles it is based on: a style named
  /// `heading 1` … `heading 9` or `Title`, or one with an outline level.
  func headingLevel(style id: String) -> Int? {
    var next: String? = id
    var seen = 0
    while let id = next, let style = styles[id], seen < 32 {
      if let level = WordStyles.headingLevel(name: style.name) { return level }
      if let outline = style.outlineLevel { return (0...8).contains(outline) ? outline + 1 : nil }
      next = style.basedOn
      seen += 1
    }
    return nil
  }

  /// Whether a style makes its paragraphs list items, following the styles it is based on.
  func isNumbered(style id: String) -> Bool {
    var next: String? = id
    var seen = 0
    while let id = next, let style = styles[id], seen < 32 {
      if let numbered = style.numbered { return numbered }
      next = style.basedOn
      seen += 1
    }
    return false
  }

  /// The heading level of a built-in style name: `heading 1` … `heading 9`, and `Title` as level 1.
  static func headingLevel(name: String) -> Int? {
    let lower = name.lowercased()
    if lower == "title" { return 1 }
    guard lower.hasPrefix("heading "), let level = Int(lower.dropFirst("heading ".count)), (1...9).contains(level)
    else { return nil }
    return level
  }
}

extension XMLReader {
  /// Reads up to the end tag of the element the reader is on (at once for an empty element), so that the next
  /// `read` goes on after the element: what is inside it is passed over.
  func skipToEnd() throws(XMLReadError) {
    guard kind == .element && !isEmptyElement else { return }
    let depth = self.depth
    while try read() {
      if kind == .endElement && self.depth == depth { return }
    }
  }
}
