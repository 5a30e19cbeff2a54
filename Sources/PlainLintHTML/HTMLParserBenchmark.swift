internal import CLibXML2

/// libxml2's HTML parser on its own, for the benchmark: how fast it is before the front end does anything, so
/// that the front end's own cost is known. Not part of linting.
@_spi(Benchmark)
public enum HTMLParserBenchmark {
  /// Parses UTF-8 bytes with the front end's options. With `tree` false, through SAX callbacks that only count
  /// the events (what the front end's parse costs without its work); with `tree` true, building libxml2's document
  /// tree and freeing it (the other way to read a page). Returns the number of events or nodes.
  public static func parse(_ bytes: [UInt8], tree: Bool = false) -> Int {
    _ = LibXML2HTMLParser.initialized
    guard let context = htmlNewParserCtxt() else { return 0 }
    defer { htmlFreeParserCtxt(context) }
    guard let sax = context.pointee.sax else { return 0 }
    var count = 0
    let saved = plainlint_xml_silence_errors()
    defer { plainlint_xml_restore_errors(saved) }
    sax.pointee.serror = { _, _ in }
    if !tree {
      sax.pointee = htmlSAXHandler()
      sax.pointee.initialized = UInt32(XML_SAX2_MAGIC)
      sax.pointee.startElement = { user, _, _ in user?.assumingMemoryBound(to: Int.self).pointee += 1 }
      sax.pointee.endElement = { user, _ in user?.assumingMemoryBound(to: Int.self).pointee += 1 }
      let characters: charactersSAXFunc = { user, _, _ in user?.assumingMemoryBound(to: Int.self).pointee += 1 }
      sax.pointee.characters = characters
      sax.pointee.ignorableWhitespace = characters
      sax.pointee.cdataBlock = { _, _, _ in }
      sax.pointee.serror = { _, _ in }
    }
    return withUnsafeMutablePointer(to: &count) { counter -> Int in
      if !tree { context.pointee.userData = UnsafeMutableRawPointer(counter) }
      let document = bytes.withUnsafeBufferPointer { p -> htmlDocPtr? in
        guard let base = p.baseAddress else { return nil }
        return base.withMemoryRebound(to: CChar.self, capacity: p.count) { chars in
          plainlint_html_read_in_place(context, chars, Int32(clamping: p.count), LibXML2HTMLParser.options)
        }
      }
      guard let document else { return counter.pointee }
      defer { xmlFreeDoc(document) }
      if tree { return Int(xmlChildElementCount(xmlDocGetRootElement(document))) }
      return counter.pointee
    }
  }
}
