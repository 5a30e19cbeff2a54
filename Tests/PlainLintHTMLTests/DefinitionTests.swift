import PlainLintCore
import Testing

@testable import PlainLintHTML

@Suite("HTML: terms the markup defines")
struct DefinitionTests {
  @Test func abbreviationWithTitle() throws {
    let e = try extract(#"<p>Contact <abbr title="Patient Advice and Liaison Service">PALS</abbr> today.</p>"#)
    let definition = try #require(e.prose.definitions.first)
    #expect(e.prose.definitions.count == 1)
    #expect(definition.term == "PALS")
    #expect(definition.expansion == "Patient Advice and Liaison Service")
    #expect(String(decoding: e.prose.bytes[definition.range], as: UTF8.self) == "PALS")
    #expect(e.source(ofProse: definition.range) == "PALS")
  }

  @Test func definitionWithAndWithoutTitle() throws {
    let html = """
      <p>A <dfn>care plan</dfn> says what help you get.</p>
      <p>Your <dfn title="general practitioner"><abbr>GP</abbr></dfn> can help.</p>
      """
    let e = try extract(html)
    #expect(e.prose.definitions.map(\.term) == ["care plan", "GP", "GP"])
    #expect(e.prose.definitions.map(\.expansion) == [nil, "general practitioner", nil])
  }

  @Test func titleIsDecodedAndCollapsed() throws {
    let e = try extract("<p><abbr title=\"  Accident  &amp;\n Emergency \">A&amp;E</abbr></p>")
    let definition = try #require(e.prose.definitions.first)
    #expect(definition.term == "A&E")
    #expect(definition.expansion == "Accident & Emergency")
    #expect(e.source(ofProse: definition.range) == "A&amp;E")
  }

  @Test func termRangeIsTrimmed() throws {
    let e = try extract("<p>See <abbr title=\"x\"> NHS </abbr>.</p>")
    let definition = try #require(e.prose.definitions.first)
    #expect(definition.term == "NHS")
    #expect(e.source(ofProse: definition.range) == "NHS")
  }

  @Test func skippedOrEmptyTermsAreNotDefinitions() throws {
    let html = #"<p lang="cy"><abbr title="Gwasanaeth Iechyd">GIG</abbr></p><p><abbr title="Empty"></abbr>x</p>"#
    #expect(try extract(html).prose.definitions.isEmpty)
  }

  @Test func acronymElementCounts() throws {
    let e = try extract(#"<p><acronym title="Care Quality Commission">CQC</acronym></p>"#)
    #expect(e.prose.definitions.map(\.term) == ["CQC"])
  }
}

@Suite("HTML: character sets")
struct CharsetTests {
  @Test func declaredWindows1252IsRefused() throws {
    var bytes = Array("<html>\n<head><meta charset=\"windows-1252\"></head><body><p>Caf".utf8)
    bytes += [0xE9]
    bytes += Array("</p></body></html>".utf8)
    let document = Document(path: "old.html", bytes: bytes)
    #expect {
      _ = try HTMLFrontEnd.prose(of: document)
    } throws: { error in
      guard let error = error as? HTMLFrontEndError else { return false }
      return error.path == "old.html" && error.line == 2 && error.column == 7
        && error.message.contains("declares the character set windows-1252")
        && error.message.contains("plainlint reads UTF-8 only")
        && error.message.contains("Save the file as UTF-8 and lint it again")
        && error.description.hasPrefix("old.html:2:7: ")
    }
  }

  @Test func httpEquivContentTypeIsRefused() throws {
    let html = #"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>Café</p>"#
    #expect {
      _ = try HTMLFrontEnd.prose(of: Document(path: "x.html", text: html))
    } throws: { error in
      (error as? HTMLFrontEndError)?.message.contains("declares the character set ISO-8859-1") == true
    }
  }

  @Test func asciiOnlyFileWithAnotherCharsetIsRead() throws {
    let html = #"<meta charset="iso-8859-1"><p>Caf&eacute; opening times</p>"#
    #expect(try words(html) == ["Café", "opening", "times"])
  }

  @Test(arguments: ["utf-8", "UTF-8", "utf8", " utf-8 "])
  func utf8DeclarationsAreRead(label: String) throws {
    #expect(try words("<meta charset=\"\(label)\"><p>Café</p>") == ["Café"])
    let httpEquiv = "<meta http-equiv=content-type content=\"text/html;charset=\(label)\"><p>Café</p>"
    #expect(try words(httpEquiv) == ["Café"])
  }

  @Test func byteOrderMarkOverridesTheDeclaration() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=windows-1252><p>Café</p>".utf8)
    #expect(try extract(bytes: bytes).words == ["Café"])
  }

  @Test func utf16IsRefused() throws {
    let bytes: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00, 0x70, 0x00]
    #expect(throws: HTMLFrontEndError.self) { _ = try HTMLFrontEnd.prose(of: Document(path: "u.html", bytes: bytes)) }
  }

  @Test func formatIsHTML() throws {
    #expect(try HTMLFrontEnd.prose(of: Document(path: "a.html", text: "<p>x</p>")).format == "html")
  }
}
