import Foundation
import PlainLintCore
import Testing
import ZIPFoundation

@testable import PlainLintDOCX

/// An Office compound file as far as plainlint looks: its signature and a directory naming some streams.
private func compoundFile(_ streams: [String]) -> [UInt8] {
  var bytes = DOCXPackage.compoundFileSignature + [UInt8](repeating: 0, count: 504)
  for name in ["Root Entry"] + streams {
    var entry = name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    entry += [UInt8](repeating: 0, count: 128 - entry.count)
    bytes += entry
  }
  return bytes
}

@Suite struct BadInputTests {
  @Test func passwordProtectedDocumentsAndOldWordFilesAreToldApart() {
    #expect(errorKind(compoundFile(["EncryptionInfo", "EncryptedPackage"])) == .passwordProtected)
    #expect(errorKind(compoundFile(["WordDocument", "1Table"])) == .binaryWord)
    #expect(errorKind(compoundFile(["Workbook"])) == .otherOfficeFile)
    #expect(DOCXFrontEnd.isOfficeCompoundFile(compoundFile([])))
  }

  @Test func filesThatAreNotZipArchivesAreRefused() {
    #expect(errorKind(Array("Plain text with a .docx ending.".utf8)) == .notZip)
    #expect(errorKind([]) == .notZip)
    #expect(errorKind([0x50, 0x4B]) == .notZip)
  }

  @Test func damagedArchivesAreRefused() throws {
    let bytes = try makeDOCX(body: paragraph(run(String(repeating: "Some text. ", count: 50))))
    #expect(errorKind(Array(bytes.prefix(bytes.count / 2))) == .damagedArchive)
    #expect(errorKind(Array(bytes.prefix(40))) == .damagedArchive)
  }

  @Test func aPartThatFailsItsChecksumIsRefused() throws {
    let text = "<w:document xmlns:w=\"\(wordNamespace)\"><w:body>\(paragraph(run("Checksum")))</w:body></w:document>"
    var bytes = try makeArchive([("word/document.xml", text)], compression: .none)
    // Change one letter of the stored (uncompressed) text: the archive still opens, the checksum no longer fits.
    let word = Array("Checksum".utf8)
    let index = try #require((0..<bytes.count - word.count).first { bytes[$0..<$0 + word.count].elementsEqual(word) })
    bytes[index] = UInt8(ascii: "K")
    #expect(errorKind(bytes) == .damagedArchive)
  }

  @Test func aZipArchiveWithoutTheDocumentPartIsNotAWordDocument() throws {
    #expect(errorKind(try makeArchive([("content.xml", "<office:document/>")])) == .notWordDocument)
  }

  @Test func malformedXMLSaysWhichPartAndWhere() throws {
    let document = "<w:document xmlns:w=\"\(wordNamespace)\">\n<w:body>\n</w:document>"
    let bytes = try makeArchive([("word/document.xml", document)])
    do {
      _ = try DOCXFrontEnd.read(bytes)
      Issue.record("a malformed document was read")
    } catch {
      #expect(error.kind == .damagedXML)
      #expect(error.message.contains("word/document.xml, line 3, column"))
    }
    let badStyles = try makeDOCX(body: paragraph(run("x")), styles: "<w:styles>")
    #expect(errorKind(badStyles) == .damagedXML)
  }

  @Test func entitiesAreNeverExpanded() throws {
    let laughs = """
      <?xml version="1.0"?>
      <!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <w:document xmlns:w="\(wordNamespace)"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>
      """
    #expect(errorKind(try makeArchive([("word/document.xml", laughs)])) == .damagedXML)
  }

  @Test func theUncompressedSizeIsLimitedWhileUnpacking() throws {
    let body = paragraph(run(String(repeating: "Take one tablet. ", count: 2000)))
    let bytes = try makeDOCX(body: body)
    #expect(errorKind(bytes, sizeLimit: 1 << 20) == nil)
    #expect(errorKind(bytes, sizeLimit: 10_000) == .tooLarge)
    // The limit counts every part read: here the styles part passes it.
    let small = try makeDOCX(body: paragraph(run("Short.")), styles: testStyles + String(repeating: " ", count: 5000))
    #expect(errorKind(small, sizeLimit: 4000) == .tooLarge)
  }

  @Test func theCommittedZipBombIsRefusedQuickly() throws {
    let bytes = try fixture("bad/zip-bomb.docx")
    #expect(bytes.count < 400_000)
    let started = ContinuousClock.now
    #expect(errorKind(bytes) == .tooLarge)
    #expect(ContinuousClock.now - started < .seconds(30))
  }

  @Test func messagesSayWhatToDo() {
    #expect(DOCXError.passwordProtectedMessage.contains("save a copy without a password"))
    #expect(DOCXError.binaryWordMessage.contains("save it as a Word document (.docx)"))
    #expect(DOCXError.tooLarge(limit: 256 << 20).message.contains("256 MB"))
    #expect(DOCXError.tooLarge(limit: 4000).message.contains("4000 bytes"))
  }
}
