import Testing

@testable import PlainLintHTML

/// The events of a document as `kind name` lines (text as `text "…"`).
private func events(_ xml: String) throws -> [String] {
  let reader = try XMLReader(bytes: Array(xml.utf8))
  var seen: [String] = []
  while try reader.read() {
    switch reader.kind {
    case .element: seen.append("start \(reader.localName)\(reader.isEmptyElement ? "/" : "")")
    case .endElement: seen.append("end \(reader.localName)")
    case .text: seen.append("text \"\(reader.value)\"")
    case .other: break
    }
  }
  return seen
}

/// The error reading a document, or nil when it reads.
private func readError(_ xml: String) -> XMLReadError? {
  do {
    let reader = try XMLReader(bytes: Array(xml.utf8))
    while try reader.read() {}
    return nil
  } catch {
    return error
  }
}

@Suite struct XMLReaderTests {
  @Test func readsElementsTextAndEmptyElements() throws {
    #expect(
      try events("<?xml version=\"1.0\"?><a><b x=\"1\">café &amp; tea</b><c/></a>") == [
        "start a", "start b", "text \"café & tea\"", "end b", "start c/", "end a",
      ])
  }

  @Test func readsNamespacesAndAttributes() throws {
    let reader = try XMLReader(bytes: Array("<w:p xmlns:w=\"urn:w\" w:val=\"Heading1\" other=\"x\"/>".utf8))
    #expect(try reader.read())
    #expect(reader.localName == "p")
    #expect(reader.namespace == "urn:w")
    #expect(reader.attribute("val", namespace: "urn:w") == "Heading1")
    #expect(reader.attribute("val", namespace: "urn:other") == nil)
    #expect(try !reader.read())
  }

  @Test func malformedXMLIsAnErrorWithItsLineAndColumn() throws {
    let error = try #require(readError("<a>\n<b>text\n</a>"))
    #expect(error.line == 3)
    #expect(error.column != nil)
    #expect(error.description.hasPrefix("line 3, column "))
  }

  @Test func aDocumentTypeDeclarationIsRefusedBeforeParsing() throws {
    let laughs = """
      <?xml version="1.0"?>
      <!-- a comment <with> a bracket -->
      <!DOCTYPE a [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
      <a>&lol2;</a>
      """
    let error = try #require(readError(laughs))
    #expect(error.reason == XMLReadError.documentTypeReason)
    #expect(error.line == 3)
    // A DOCTYPE written as text inside the root element is only text.
    #expect(readError("<a>&lt;!DOCTYPE x&gt; <![CDATA[<!DOCTYPE y>]]></a>") == nil)
  }

  @Test func externalEntitiesAreNeverLoaded() throws {
    // Without a DOCTYPE an entity cannot be declared: a reference to one is an error, never a file's content.
    let error = try #require(readError("<a>&xxe;</a>"))
    #expect(error.line == 1)
  }

  @Test func emptyInputIsAnError() {
    #expect(readError("") != nil)
  }
}
