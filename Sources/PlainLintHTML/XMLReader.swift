internal import CLibXML2

/// What an `XMLReader` stands on.
public enum XMLNodeKind: Sendable {
  /// A start tag (or an empty-element tag: see `XMLReader.isEmptyElement`).
  case element
  /// An end tag.
  case endElement
  /// Character data: text, CDATA, or white space (significant or not).
  case text
  /// Anything else: comments, processing instructions, the XML declaration.
  case other
}

/// An XML file that cannot be read, with where the XML goes wrong.
public struct XMLReadError: Error, Sendable, CustomStringConvertible {
  /// The 1-based line in the XML where the problem is, when libxml2 said.
  public var line: Int?
  /// The 1-based column in the XML where the problem is, when libxml2 said.
  public var column: Int?
  /// What libxml2 or the reader said, in one line.
  public var reason: String

  /// Creates an error.
  public init(line: Int?, column: Int?, reason: String) {
    self.line = line
    self.column = column
    self.reason = reason
  }

  /// `line 3, column 14: reason`, or the reason alone.
  public var description: String {
    guard let line else { return reason }
    return "line \(line)\(column.map { ", column \($0)" } ?? ""): \(reason)"
  }

  /// The reason given for a document with a document type declaration.
  public static let documentTypeReason =
    "the XML has a document type declaration (<!DOCTYPE>), which plainlint does not read"
  /// The reason given for a document larger than libxml2 can take in one buffer.
  public static let tooLargeReason = "the XML is larger than 2 GB"
}

/// A forward-only reader of an XML document: libxml2's xmlTextReader, a cursor that builds no tree.
///
/// Safe for untrusted input: the network is never used (`XML_PARSE_NONET`), no external DTD or entity is loaded,
/// entities are not substituted (no `XML_PARSE_NOENT`), a document with a document type declaration is refused
/// before it is parsed (no entity can be declared, so none can be expanded), and libxml2's limits on the size
/// of one text node and the depth of the tree stay in force (no `XML_PARSE_HUGE`). libxml2 prints nothing: the
/// first error is kept and thrown, with its line and column.
///
/// This is the only XML parser in plainlint besides the HTML front end's, so that libxml2 has one importer.
public final class XMLReader {
  /// The options every read uses: no network, no DTD, no entity substitution, no blank nodes dropped.
  private static let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
    | XML_PARSE_NOWARNING.rawValue)

  /// A copy of the bytes: libxml2 reads them in place for as long as the reader lives.
  private let buffer: UnsafeMutableBufferPointer<UInt8>
  /// libxml2's reader.
  private let reader: xmlTextReaderPtr
  /// Where the first error libxml2 reports is kept.
  private let errors: ErrorBox

  /// The first error libxml2 reported, kept by the structured error handler.
  private final class ErrorBox {
    var first: XMLReadError?
  }

  /// Starts reading UTF-8 (or otherwise declared) XML bytes. Throws for a document type declaration, for more
  /// than 2 GB, or when libxml2 cannot start.
  public init(bytes: [UInt8]) throws(XMLReadError) {
    guard bytes.count <= Int(Int32.max) else {
      throw XMLReadError(line: nil, column: nil, reason: XMLReadError.tooLargeReason)
    }
    if let offset = XMLReader.documentTypeOffset(bytes) {
      let line = bytes[..<offset].count { $0 == 0x0A } + 1
      throw XMLReadError(line: line, column: nil, reason: XMLReadError.documentTypeReason)
    }
    _ = LibXML2HTMLParser.initialized
    let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
    _ = copy.initialize(fromContentsOf: bytes)
    let made = copy.baseAddress!.withMemoryRebound(to: CChar.self, capacity: copy.count) { chars in
      xmlReaderForMemory(chars, Int32(bytes.count), nil, nil, XMLReader.options)
    }
    guard let made else {
      copy.deallocate()
      throw XMLReadError(line: nil, column: nil, reason: "libxml2 could not start reading the XML")
    }
    buffer = copy
    reader = made
    errors = ErrorBox()
    xmlTextReaderSetStructuredErrorHandler(
      reader,
      { user, error in
        guard let user, let error else { return }
        let box = Unmanaged<ErrorBox>.fromOpaque(user).takeUnretainedValue()
        guard box.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var reason = error.pointee.message.map { String(cString: $0) } ?? "the XML is not well formed"
        while reason.last?.isWhitespace == true { reason.removeLast() }
        let line = Int(error.pointee.line)
        let column = Int(error.pointee.int2)
        box.first = XMLReadError(line: line > 0 ? line : nil, column: column > 0 ? column : nil, reason: reason)
      }, Unmanaged.passUnretained(errors).toOpaque())
  }

  deinit {
    xmlFreeTextReader(reader)
    buffer.deallocate()
  }

  /// The offset of a `<!DOCTYPE` before the root element, if the document has one.
  static func documentTypeOffset(_ bytes: [UInt8]) -> Int? {
    let marker = Array("<!DOCTYPE".utf8)
    var i = 0
    while i + 1 < bytes.count {
      if bytes[i] == UInt8(ascii: "<") {
        let next = bytes[i + 1]
        if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") { return nil }  // the root element
        if bytes[i...].starts(with: marker) { return i }
        if bytes[i...].starts(with: Array("<!--".utf8)) {
          // Skip the comment: a `<` inside it starts nothing.
          var j = i + 4
          while j + 2 < bytes.count && !(bytes[j] == 0x2D && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x3E) { j += 1 }
          i = j
        }
      }
      i += 1
    }
    return nil
  }

  /// Moves to the next node, in document order. Returns false at the end; throws at the first error.
  public func read() throws(XMLReadError) -> Bool {
    let result = withSilencedErrors { xmlTextReaderRead(reader) }
    return try settle(result)
  }

  /// Turns libxml2's answer (1 a node, 0 the end, -1 an error) into the reader's.
  private func settle(_ result: Int32) throws(XMLReadError) -> Bool {
    if let error = errors.first { throw error }
    if result < 0 {
      throw XMLReadError(
        line: Int(xmlTextReaderGetParserLineNumber(reader)), column: Int(xmlTextReaderGetParserColumnNumber(reader)),
        reason: "the XML is not well formed")
    }
    return result == 1
  }

  /// Runs `body` with this thread's generic libxml2 error output silenced, as the HTML parser does.
  private func withSilencedErrors(_ body: () -> Int32) -> Int32 {
    let saved = plainlint_xml_silence_errors()
    defer { plainlint_xml_restore_errors(saved) }
    return body()
  }

  /// What the reader stands on.
  public var kind: XMLNodeKind {
    switch xmlReaderTypes(rawValue: UInt32(xmlTextReaderNodeType(reader))) {
    case XML_READER_TYPE_ELEMENT: .element
    case XML_READER_TYPE_END_ELEMENT: .endElement
    case XML_READER_TYPE_TEXT, XML_READER_TYPE_CDATA, XML_READER_TYPE_WHITESPACE,
      XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      .text
    default: .other
    }
  }

  /// The local name of the element (without its prefix), or "" on other nodes.
  public var localName: String {
    guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
    return String(cString: name)
  }

  /// The namespace of the element, or "" when it has none.
  public var namespace: String {
    guard let uri = xmlTextReaderConstNamespaceUri(reader) else { return "" }
    return String(cString: uri)
  }

  /// Whether the element is written as an empty-element tag (`<w:tab/>`): no end tag follows.
  public var isEmptyElement: Bool {
    xmlTextReaderIsEmptyElement(reader) == 1
  }

  /// How deep the node is (the root element is 0).
  public var depth: Int {
    Int(xmlTextReaderDepth(reader))
  }

  /// The text of a text node, or "" on other nodes.
  public var value: String {
    guard let text = xmlTextReaderConstValue(reader) else { return "" }
    return String(cString: text)
  }

  /// The value of the element's attribute with this local name in this namespace, or nil when it has none.
  public func attribute(_ localName: String, namespace: String) -> String? {
    guard let found = xmlTextReaderGetAttributeNs(reader, localName, namespace) else { return nil }
    defer { plainlint_xml_free(found) }
    return String(cString: found)
  }

  /// The line libxml2's parser has reached (1-based), for messages.
  public var line: Int {
    Int(xmlTextReaderGetParserLineNumber(reader))
  }
}
