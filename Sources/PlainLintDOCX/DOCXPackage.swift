import Foundation
import ZIPFoundation

/// The parts of a Word document that plainlint reads, unpacked from its ZIP archive with a limit on their size.
///
/// A `.docx` file is a ZIP archive of XML parts. Before unpacking, the first bytes say what the file is: an
/// Office file in the old compound format (`D0 CF 11 E0 …`) is either a password-protected document (it holds an
/// `EncryptedPackage` stream) or a Word 97–2003 `.doc`; anything that does not start as a ZIP archive is not a
/// Word document. The parts are then unpacked a chunk at a time, counting the bytes that come out: the sizes the
/// archive declares are not trusted, and unpacking stops as soon as the count passes the limit.
struct DOCXPackage {
  /// The most uncompressed bytes read from one document, all parts together: 256 MiB. The XML of a 500-page
  /// report is a few megabytes; a ZIP bomb stops here.
  static let defaultSizeLimit = 256 << 20

  /// The main part: the body of the document.
  static let documentPart = "word/document.xml"
  /// The style definitions: which paragraph styles are headings or lists.
  static let stylesPart = "word/styles.xml"
  /// The footnotes.
  static let footnotesPart = "word/footnotes.xml"
  /// The endnotes.
  static let endnotesPart = "word/endnotes.xml"

  /// The compound file (OLE) signature that old Office files and encrypted Office files start with.
  static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
  /// The name of the stream that holds an encrypted Office document, as a compound file's directory spells it.
  static let encryptedPackageName = utf16LittleEndian("EncryptedPackage")
  /// The name of the stream that holds a Word 97–2003 document's text.
  static let wordDocumentName = utf16LittleEndian("WordDocument")

  /// A name as a compound file's directory spells it: UTF-16, little end first.
  private static func utf16LittleEndian(_ name: String) -> [UInt8] {
    name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  }

  /// Each part's bytes, by name; a part the archive does not have is absent.
  var parts: [String: [UInt8]]

  /// Whether bytes start as an Office compound file (a `.doc`, or an encrypted `.docx`).
  static func isCompoundFile(_ bytes: [UInt8]) -> Bool {
    bytes.starts(with: compoundFileSignature)
  }

  /// Unpacks the parts plainlint reads, or says why the bytes are not a Word document it can read.
  static func open(_ bytes: [UInt8], sizeLimit: Int = defaultSizeLimit) throws(DOCXError) -> DOCXPackage {
    if isCompoundFile(bytes) {
      if contains(bytes, encryptedPackageName) {
        throw DOCXError(.passwordProtected, message: DOCXError.passwordProtectedMessage)
      }
      if contains(bytes, wordDocumentName) {
        throw DOCXError(.binaryWord, message: DOCXError.binaryWordMessage)
      }
      throw DOCXError(.otherOfficeFile, message: DOCXError.otherOfficeFileMessage)
    }
    // A ZIP archive starts with a local file header ("PK\3\4"), or is empty ("PK\5\6").
    guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B,
      (bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6)
    else {
      throw DOCXError(.notZip, message: DOCXError.notZipMessage)
    }
    let archive: Archive
    do {
      archive = try Archive(data: Data(bytes), accessMode: .read)
    } catch {
      throw DOCXError.damagedArchive("its ZIP directory cannot be read")
    }
    guard let document = archive[documentPart] else {
      throw DOCXError(.notWordDocument, message: DOCXError.notWordDocumentMessage)
    }
    var remaining = sizeLimit
    var parts: [String: [UInt8]] = [:]
    parts[documentPart] = try unpack(document, from: archive, remaining: &remaining, limit: sizeLimit)
    for name in [stylesPart, footnotesPart, endnotesPart] {
      guard let entry = archive[name] else { continue }
      parts[name] = try unpack(entry, from: archive, remaining: &remaining, limit: sizeLimit)
    }
    return DOCXPackage(parts: parts)
  }

  /// Thrown from inside the unpacking when the bytes pass the limit, to stop it.
  private struct LimitReached: Error {}

  /// Unpacks one entry, counting its bytes against what is left of the limit.
  private static func unpack(_ entry: Entry, from archive: Archive, remaining: inout Int, limit: Int)
    throws(DOCXError) -> [UInt8]
  {
    guard entry.type == .file else { throw DOCXError.damagedArchive("\(entry.path) is not a file") }
    var bytes: [UInt8] = []
    var left = remaining
    // The checksum is worked out once the part is known to be within the limit, not while unpacking: a ZIP bomb
    // is then refused without reading it through twice.
    do {
      _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
        left -= chunk.count
        if left < 0 { throw LimitReached() }
        chunk.withUnsafeBytes { bytes.append(contentsOf: $0) }
      }
    } catch is LimitReached {
      throw DOCXError.tooLarge(limit: limit)
    } catch Archive.ArchiveError.invalidCompressionMethod {
      throw DOCXError.damagedArchive("\(entry.path) is compressed in a way plainlint does not know")
    } catch {
      throw DOCXError.damagedArchive("\(entry.path) cannot be unpacked")
    }
    guard Data(bytes).crc32(checksum: 0) == entry.checksum else {
      throw DOCXError.damagedArchive("\(entry.path) fails its checksum")
    }
    remaining = left
    return bytes
  }

  /// Whether `bytes` contains `pattern` anywhere.
  private static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
    guard let first = pattern.first, bytes.count >= pattern.count else { return false }
    var index = 0
    let last = bytes.count - pattern.count
    while index <= last {
      if bytes[index] == first && bytes[index..<index + pattern.count].elementsEqual(pattern) { return true }
      index += 1
    }
    return false
  }
}
