internal import CLibXML2

/// libxml2 is initialised once per process, before any thread parses (its documentation asks for this).
private let libxml2Initialized: Void = xmlInitParser()

/// The options every parse uses: recover from any error, never touch the network, report nothing, ignore the
/// document's own encoding declaration (plainlint reads UTF-8 and checks declarations itself), and add no DTD.
private let parseOptions: Int32 = {
  let options: [htmlParserOption] = [
    HTML_PARSE_RECOVER, HTML_PARSE_NONET, HTML_PARSE_NOERROR, HTML_PARSE_NOWARNING, HTML_PARSE_IGNORE_ENC,
    HTML_PARSE_NODEFDTD,
  ]
  return Int32(bitPattern: options.reduce(0) { $0 | $1.rawValue })
}()

/// The attributes of a start tag as libxml2 decoded them: a null-terminated list of name and value pairs.
struct HTMLAttributes {
  fileprivate let pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

  /// The decoded value of the first attribute with this lower-case name; an empty buffer when it has no value;
  /// nil when it is absent.
  func value(of name: StaticString) -> UnsafeBufferPointer<UInt8>? {
    guard let pairs else { return nil }
    var index = 0
    while let attributeName = pairs[index] {
      if equals(attributeName, name) {
        guard let value = pairs[index + 1] else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value)))
      }
      index += 2
    }
    return nil
  }

  private func equals(_ cString: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
    let expected = name.utf8Start
    let count = name.utf8CodeUnitCount
    for index in 0..<count where cString[index] != expected[index] { return false }
    return cString[count] == 0
  }
}

/// libxml2's answer for one entity value: the name packed as `packEntityName` packs it, and the code point.
func htmlEntityValueLookupShim(_ value: UInt32) -> (key: UInt64, value: UInt32)? {
  guard let entry = htmlEntityValueLookup(value), entry.pointee.value == value else { return nil }
  return packedEntry(entry)
}

/// libxml2's answer for one entity name (nil when it does not know the name).
func htmlEntityLookupShim(_ name: StaticString) -> (key: UInt64, value: UInt32)? {
  guard let entry = htmlEntityLookup(name.utf8Start) else { return nil }
  return packedEntry(entry)
}

private func packedEntry(_ entry: UnsafePointer<htmlEntityDesc>) -> (key: UInt64, value: UInt32)? {
  guard let name = entry.pointee.name else { return nil }
  return name.withMemoryRebound(to: UInt8.self, capacity: 9) { bytes in
    let count = Int(xmlStrlen(bytes))
    guard count <= 8 else { return nil }
    return (packEntityName(UnsafeBufferPointer(start: bytes, count: count), 0..<count) ?? 0, entry.pointee.value)
  }
}

/// Whether libxml2 reads the code point as a letter that can start a name (XML's BaseChar or Ideographic).
func isXMLLetter(_ value: UInt32) -> Bool {
  xmlIsBaseChar(value) != 0 || xmlIsIdeographic(value) != 0
}

/// What a parse reports about libxml2 itself, for tests.
struct LibXML2ParseReport {
  /// How many errors libxml2 reported (to the handler that drops them).
  var errorCount = 0
  /// Whether, while libxml2 reported them, this thread's generic error output was silenced.
  var errorsWereSilenced = true
}

/// The offset libxml2's parser has reached in its input.
@inline(__always)
private func parserPosition(_ context: UnsafeMutableRawPointer?) -> Int {
  guard let context else { return 0 }
  let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
  guard let input = parser.pointee.input, let base = input.pointee.base, let cur = input.pointee.cur else { return 0 }
  return Int(input.pointee.consumed) + base.distance(to: cur)
}

/// The assembler a callback's user-data pointer points to.
@inline(__always)
private func assemblerPointer(_ user: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<ProseAssembler>? {
  user?.assumingMemoryBound(to: ProseAssembler.self)
}

/// Runs libxml2's HTML parser over UTF-8 bytes with SAX callbacks and builds no tree.
///
/// Each parse has its own parser context, whose error handler drops every message; the thread's generic handler is
/// silenced for the length of the parse and then put back, so parses on different threads never interfere and
/// nothing reaches the terminal.
enum LibXML2HTMLParser {
  /// The libxml2 version this was built against.
  static var version: String { String(LIBXML_VERSION) }

  /// libxml2, initialised (once per process).
  static var initialized: Void { libxml2Initialized }

  /// The options every parse uses (see `parseOptions`).
  static var options: Int32 { parseOptions }

  /// Parses `bytes` (at most `Int32.max` of them), sending the events to the assembler.
  ///
  /// The callbacks reach the assembler through a plain pointer, with no reference counting and no dynamic
  /// exclusivity checks: this is the innermost loop of the front end.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, into assembler: UnsafeMutablePointer<ProseAssembler>)
    -> LibXML2ParseReport
  {
    _ = libxml2Initialized
    guard let context = htmlNewParserCtxt() else { return LibXML2ParseReport() }
    defer { htmlFreeParserCtxt(context) }
    guard let sax = context.pointee.sax, let base = bytes.baseAddress else { return LibXML2ParseReport() }

    // Only the callbacks plainlint needs: no document, no tree, no entities, no DTD.
    sax.pointee = htmlSAXHandler()
    sax.pointee.initialized = UInt32(XML_SAX2_MAGIC)
    sax.pointee.startElement = { user, name, attributes in
      guard let assembler = assemblerPointer(user), let name else { return }
      let position = parserPosition(assembler.pointee.parserContext)
      let buffer = UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name)))
      assembler.pointee.startElement(name: buffer, attributes: HTMLAttributes(pairs: attributes), at: position)
    }
    sax.pointee.endElement = { user, _ in
      guard let assembler = assemblerPointer(user) else { return }
      assembler.pointee.endElement(at: parserPosition(assembler.pointee.parserContext))
    }
    let characters: charactersSAXFunc = { user, text, length in
      guard let assembler = assemblerPointer(user), let text, length > 0 else { return }
      let position = parserPosition(assembler.pointee.parserContext)
      assembler.pointee.characters(UnsafeBufferPointer(start: text, count: Int(length)), at: position)
    }
    sax.pointee.characters = characters
    sax.pointee.ignorableWhitespace = characters
    // Comments: only those that may be plainlint directives are kept (see `ProseAssembler.comment`).
    sax.pointee.comment = { user, text in
      guard let assembler = assemblerPointer(user), let text else { return }
      let buffer = UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text)))
      assembler.pointee.comment(buffer, at: parserPosition(assembler.pointee.parserContext))
    }
    // Script and style content arrives here; it is never linted. (Without this handler it would arrive as text.)
    sax.pointee.cdataBlock = { _, _, _ in }
    sax.pointee.serror = { user, _ in
      guard let assembler = assemblerPointer(user) else { return }
      assembler.pointee.parseReport.errorCount += 1
      if plainlint_xml_errors_are_silenced() == 0 { assembler.pointee.parseReport.errorsWereSilenced = false }
    }

    let saved = plainlint_xml_silence_errors()
    defer { plainlint_xml_restore_errors(saved) }
    assembler.pointee.parserContext = UnsafeMutableRawPointer(context)
    defer { assembler.pointee.parserContext = nil }
    context.pointee.userData = UnsafeMutableRawPointer(assembler)
    let count = Int32(clamping: bytes.count)
    // libxml2's UTF-8 converter copies the bytes unchanged. Without it, libxml2 would read the document as Latin-1
    // (HTML's old default), and every offset after the first byte outside ASCII would drift. The bytes are read
    // where they lie, with no copy of them first (see `plainlint_html_read_in_place`).
    let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
      plainlint_html_read_in_place(context, chars, count, parseOptions)
    }
    if let document { xmlFreeDoc(document) }
    return assembler.pointee.parseReport
  }
}
