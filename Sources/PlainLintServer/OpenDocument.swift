import PlainLintCore
import PlainLintDriver

/// How the client counts characters in a line: LSP's `PositionEncodingKind`.
package enum PositionEncoding: String, Sendable {
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case utf32 = "utf-32"
}

/// An LSP position: a 0-based line and a 0-based character offset in the negotiated encoding.
package struct LSPPosition: Hashable, Sendable {
  package var line: Int
  package var character: Int

  package init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  /// Reads `{line, character}`; nil when either is missing or negative.
  package init?(_ json: JSON) {
    guard let line = json["line"].int, let character = json["character"].int, line >= 0, character >= 0 else {
      return nil
    }
    self.init(line: line, character: character)
  }

  /// The position of a location, counting characters in `encoding`.
  package init(_ location: SourceLocation, encoding: PositionEncoding) {
    let character: Int
    switch encoding {
    case .utf8: character = location.byteColumn - 1
    case .utf16: character = location.utf16Column - 1
    case .utf32: character = location.column - 1
    }
    self.init(line: location.line - 1, character: character)
  }

  package var json: JSON { ["line": .int(line), "character": .int(character)] }
}

/// A document the client has open: its text as the client last sent it, and what plainlint found in it.
package struct OpenDocument {
  /// The document's URI, as the client wrote it.
  package let uri: String
  /// The file's path, for finding its configuration and for messages (a made-up one for untitled documents).
  package let path: String
  /// The format to read it as, or nil when plainlint does not lint documents of its kind.
  package let language: InputLanguage?
  /// The version the client gave the text.
  package var version: Int
  /// The text, as UTF-8 bytes, in a `Document` (which indexes lines on first use).
  package private(set) var document: Document
  /// The version the findings below are for; nil when the text has changed since.
  package var lintedVersion: Int?
  /// The findings in the current text.
  package var findings: [Finding] = []
  /// The readability of the current text's parts.
  package var metrics: DocumentMetrics?
  /// The reading age the document aims at.
  package var readingAgeTarget = 11

  package init(uri: String, path: String, language: InputLanguage?, version: Int, text: String) {
    self.uri = uri
    self.path = path
    self.language = language
    self.version = version
    self.document = Document(path: path, text: text)
  }

  /// The bytes of the text.
  package var bytes: [UInt8] { document.bytes }

  /// Replaces the whole text.
  package mutating func replaceAll(with text: String) {
    document = Document(path: path, text: text)
    lintedVersion = nil
  }

  /// Replaces the text between two positions (in `encoding`) with `text`. Positions past the end of a line
  /// mean its end, and past the last line the end of the text, as LSP says.
  package mutating func replace(from start: LSPPosition, to end: LSPPosition, with text: String,
    encoding: PositionEncoding)
  {
    var lower = offset(of: start, encoding: encoding)
    var upper = offset(of: end, encoding: encoding)
    if upper < lower { swap(&lower, &upper) }
    var bytes = document.bytes
    bytes.replaceSubrange(lower..<upper, with: text.utf8)
    document = Document(path: path, bytes: bytes)
    lintedVersion = nil
  }

  /// The byte offset of a position.
  package func offset(of position: LSPPosition, encoding: PositionEncoding) -> Int {
    let starts = document.lineStarts
    let bytes = document.bytes
    guard position.line < starts.count else { return bytes.count }
    let lineEnd = document.lineRange(position.line).upperBound
    var index = starts[position.line]
    var units = 0
    while index < lineEnd && units < position.character {
      let byte = bytes[index]
      let length: Int
      let width: Int
      if byte < 0x80 {
        length = 1
        width = 1
      } else if byte >= 0xF0 {
        length = 4
        width = encoding == .utf16 ? 2 : (encoding == .utf8 ? 4 : 1)
      } else if byte >= 0xE0 {
        length = 3
        width = encoding == .utf8 ? 3 : 1
      } else {
        length = 2
        width = encoding == .utf8 ? 2 : 1
      }
      // A position inside a character (half of a surrogate pair, the middle of a UTF-8 sequence) means the
      // character's start.
      if units + width > position.character { break }
      units += width
      index = min(lineEnd, index + length)
    }
    return index
  }

  /// The position of a byte offset.
  package func position(of offset: Int, encoding: PositionEncoding) -> LSPPosition {
    LSPPosition(document.location(at: offset), encoding: encoding)
  }

  /// An LSP range for a byte range.
  package func range(_ range: Range<Int>, encoding: PositionEncoding) -> JSON {
    [
      "start": position(of: range.lowerBound, encoding: encoding).json,
      "end": position(of: range.upperBound, encoding: encoding).json,
    ]
  }
}
