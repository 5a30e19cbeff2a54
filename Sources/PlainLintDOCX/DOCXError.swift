/// A Word document that plainlint cannot read: what is wrong with it and what to do, in one line that follows
/// the file's path (`leaflet.docx: error: …`).
public struct DOCXError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of problem it is, for tests and callers that act on it.
  public enum Kind: Hashable, Sendable {
    /// An encrypted Office file: a Word document saved with a password.
    case passwordProtected
    /// An Office file in the old binary format (`.doc`, Word 97–2003).
    case binaryWord
    /// Another Office file in the old compound format (Excel, PowerPoint, Outlook).
    case otherOfficeFile
    /// Not a ZIP archive at all.
    case notZip
    /// A ZIP archive that cannot be read: truncated, damaged, or using something the reader does not know.
    case damagedArchive
    /// A ZIP archive without `word/document.xml`.
    case notWordDocument
    /// A part whose XML cannot be read.
    case damagedXML
    /// More uncompressed bytes than plainlint reads from one document.
    case tooLarge
  }

  /// What kind of problem it is.
  public var kind: Kind
  /// What is wrong and what to do.
  public var message: String

  /// Creates an error.
  public init(_ kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  /// The message for a document saved with a password.
  public static let passwordProtectedMessage =
    "this Word document is protected by a password, so plainlint cannot read it; save a copy without a password "
    + "(in Word: File › Info › Protect Document › Encrypt with Password, and clear the password) and lint the "
    + "copy"
  /// The message for an old binary Word file.
  public static let binaryWordMessage =
    "this is a Word 97–2003 document (.doc), which plainlint cannot read; open it in Word or LibreOffice, save it "
    + "as a Word document (.docx) and lint that"
  /// The message for another old Office file.
  public static let otherOfficeFileMessage =
    "this is an Office file in the old binary format (such as .xls or .ppt), not a Word document; plainlint reads "
    + "Word documents saved as .docx"
  /// The message for a file that is not a ZIP archive.
  public static let notZipMessage =
    "this is not a Word document (.docx): it is not a ZIP archive as every .docx file is. If it opens in Word, save "
    + "it again as .docx; if it is text, give it a .txt, .md or .html ending, or use --language"
  /// The message for a ZIP archive that cannot be read, after the reason.
  public static let damagedArchiveAdvice =
    "open it in Word or LibreOffice, which may repair it, and save it again as .docx"
  /// The message for a ZIP archive that is not a Word document.
  public static let notWordDocumentMessage =
    "this ZIP archive is not a Word document: it has no word/document.xml. If it is an OpenDocument (.odt) or "
    + "another Office file, open it in Word or LibreOffice and save it as a Word document (.docx)"

  /// A damaged ZIP archive.
  static func damagedArchive(_ reason: String) -> DOCXError {
    DOCXError(.damagedArchive, message: "this Word document is damaged (\(reason)); " + damagedArchiveAdvice)
  }

  /// A part whose XML cannot be read, with where in the part.
  static func damagedXML(part: String, _ reason: String) -> DOCXError {
    DOCXError(.damagedXML, message: "this Word document is damaged: \(part), \(reason); " + damagedArchiveAdvice)
  }

  /// A document that unpacks to more than the limit.
  static func tooLarge(limit: Int) -> DOCXError {
    DOCXError(
      .tooLarge,
      message: "this Word document unpacks to more than \(sizeText(limit)) of XML, more than plainlint reads from "
        + "one document (it may be a ZIP bomb); if it is a real document, split it into smaller ones")
  }

  /// A size as people read it: "256 MB", or "4096 bytes" under a megabyte.
  static func sizeText(_ bytes: Int) -> String {
    bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
  }
}
