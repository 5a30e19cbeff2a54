#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import PlainLintCore

/// The front end for HTML: the prose a reader sees on the page, mapped back to exact source bytes.
///
/// libxml2's HTML parser reads the document, recovering from malformed markup the way it does (implied `</p>`
/// and `</li>`, stray end tags ignored), with no network, no DTD and no output of its own. It runs with SAX
/// callbacks and builds no tree. A source aligner follows its events through the source bytes, so that every
/// word found in the prose maps to exactly the bytes it was written as, `&eacute;` and all.
///
/// What is linted: the text of the body and of `<title>`, the `alt` text of `<img>`, `<area>` and image inputs,
/// and `<meta name="description">`. What is not: scripts, styles, code (`<code>`, `<pre>`, `<kbd>`, `<samp>`,
/// `<var>`), templates, maths, frames' fallback text, comments, the rest of `<head>`, and anything whose `lang`
/// is not English.
public enum HTMLFrontEnd {
  /// The libxml2 version this was built against.
  public static var libraryVersion: String { LibXML2HTMLParser.version }

  /// The prose of an HTML document, mapped back to exact source bytes.
  ///
  /// Throws when the document cannot be read as UTF-8: it is UTF-16, or it declares another character set and
  /// has bytes outside ASCII.
  public static func prose(of document: Document) throws(HTMLFrontEndError) -> ProseText {
    try extract(document).prose
  }

  /// The prose with what the parse reported about itself (for tests).
  static func extract(_ document: Document) throws(HTMLFrontEndError) -> HTMLExtraction {
    let bytes = document.bytes
    if bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)) {
      throw HTMLFrontEndError(
        document: document, offset: 0,
        message: "this file is UTF-16 (it starts with a UTF-16 byte-order mark), and plainlint reads UTF-8 only. "
          + "Save the file as UTF-8 and lint it again.")
    }
    let base = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    guard bytes.count - base <= Int(Int32.max) else {
      throw HTMLFrontEndError(
        document: document, offset: 0,
        message: "this file is larger than 2 GB, more than plainlint's HTML reader can take. "
          + "Split it into smaller files and lint those.")
    }
    // libxml2 stops reading at some NUL bytes and reads others as spaces: give it, and the aligner, spaces.
    // A space is one byte, like the NUL, so every offset stays the same.
    let source = containsNUL(bytes) ? bytes.map { $0 == 0 ? 0x20 : $0 } : bytes
    let extraction = source.withUnsafeBufferPointer { p in
      let assembler = UnsafeMutablePointer<ProseAssembler>.allocate(capacity: 1)
      assembler.initialize(to: ProseAssembler(source: p, base: base))
      defer {
        assembler.deinitialize(count: 1)
        assembler.deallocate()
      }
      let report = LibXML2HTMLParser.parse(UnsafeBufferPointer(rebasing: p[base...]), into: assembler)
      let prose = assembler.pointee.finish()
      return HTMLExtraction(
        prose: prose, alignmentFailures: assembler.pointee.aligner.failures, libxml2Errors: report.errorCount,
        errorsWereSilenced: report.errorsWereSilenced, charset: assembler.pointee.charsetDeclaration)
    }
    // A byte-order mark says UTF-8 more surely than a declaration (browsers agree), and a file that is all ASCII
    // reads the same in any of the character sets a page might declare.
    if base == 0, let declaration = extraction.charset, !readsAsUTF8(declaration.label),
      UTF8Scalar.firstNonASCIIOffset(in: bytes, from: base) != nil
    {
      throw HTMLFrontEndError(
        document: document, offset: declaration.offset,
        message: "this file declares the character set \(declaration.label), and plainlint reads UTF-8 only. "
          + "Save the file as UTF-8 and lint it again; if it already is UTF-8, change the declaration to "
          + "<meta charset=\"utf-8\">.")
    }
    return extraction
  }

  /// Whether a declared character set reads like UTF-8 here: a UTF-8 label, or a UTF-16 one (which a browser
  /// also ignores in a file it could read the declaration from).
  static func readsAsUTF8(_ label: String) -> Bool {
    let utf8Labels: Set<String> = [
      "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
      "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff",
      "unicodefffe",
    ]
    return utf8Labels.contains(label.lowercased())
  }
}

/// The prose of an HTML document with what the parse reported about itself.
struct HTMLExtraction {
  /// The prose.
  var prose: ProseText
  /// How many pieces of text the aligner could not match byte for byte (0 for any ordinary document).
  var alignmentFailures: Int
  /// How many errors libxml2 reported (to a handler that drops them).
  var libxml2Errors: Int
  /// Whether libxml2's generic error output was silenced whenever it reported an error.
  var errorsWereSilenced: Bool
  /// The character set the document declared, if any.
  var charset: ProseAssembler.CharsetDeclaration?
}

/// An HTML document that plainlint cannot read, with where and what to do about it.
public struct HTMLFrontEndError: Error, CustomStringConvertible, Sendable {
  /// The path of the document.
  public var path: String
  /// The 1-based line the problem is at.
  public var line: Int
  /// The 1-based column (in Unicode scalar values) the problem is at.
  public var column: Int
  /// What is wrong and what to do, in plain words.
  public var message: String

  /// Creates an error.
  public init(path: String, line: Int, column: Int, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  init(document: Document, offset: Int, message: String) {
    let location = document.location(at: offset)
    self.init(path: document.path, line: location.line, column: location.column, message: message)
  }

  /// The position as a `SourcePosition`.
  public var position: SourcePosition { SourcePosition(line: line, column: column) }

  /// `path:line:column: message`.
  public var description: String { "\(path):\(line):\(column): \(message)" }
}

/// Whether the bytes contain a NUL byte.
private func containsNUL(_ bytes: [UInt8]) -> Bool {
  bytes.withUnsafeBufferPointer { p in
    guard let base = p.baseAddress else { return false }
    return memchr(base, 0, p.count) != nil
  }
}

extension UTF8Scalar {
  /// The offset of the first byte at or after `start` that is not ASCII, or nil.
  fileprivate static func firstNonASCIIOffset(in bytes: [UInt8], from start: Int) -> Int? {
    bytes.withUnsafeBufferPointer { p in
      var i = start
      while i < p.count {
        if p[i] >= 0x80 { return i }
        i += 1
      }
      return nil
    }
  }
}
