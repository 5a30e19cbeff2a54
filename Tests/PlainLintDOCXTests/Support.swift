import Foundation
import PlainLintCore
import ZIPFoundation

@testable import PlainLintDOCX

/// WordprocessingML's namespace, for the documents the tests write.
let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/// The namespace declarations of a test document's root element.
let namespaces = """
  xmlns:w="\(wordNamespace)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
  xmlns:v="urn:schemas-microsoft-com:vml"
  """

/// A run of text.
func run(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }

/// A paragraph with a style and other properties.
func paragraph(_ content: String, style: String? = nil, properties: String = "") -> String {
  let style = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
  return "<w:p><w:pPr>\(style)\(properties)</w:pPr>\(content)</w:p>"
}

/// The styles most tests use: Title, heading 1, heading 2, a heading based on heading 2, a list style.
let testStyles = """
  <w:styles xmlns:w="\(wordNamespace)">
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Ours"><w:name w:val="Our heading"/><w:basedOn w:val="Heading2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Outlined"><w:name w:val="Outlined"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/>
  <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
  <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="heading 1"/></w:style>
  </w:styles>
  """

/// A `.docx` archive made in memory from parts given as text.
func makeArchive(_ parts: [(String, String)], compression: CompressionMethod = .deflate) throws -> [UInt8] {
  let archive = try Archive(accessMode: .create)
  for (path, text) in parts {
    let data = Data(text.utf8)
    try archive.addEntry(
      with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression
    ) { position, size in
      data.subdata(in: Int(position)..<Int(position) + size)
    }
  }
  return [UInt8](archive.data ?? Data())
}

/// A `.docx` archive with a body, and the test styles, footnotes and endnotes if given.
func makeDOCX(
  body: String, styles: String? = testStyles, footnotes: String? = nil, endnotes: String? = nil,
  more: [(String, String)] = []
) throws -> [UInt8] {
  var parts = [
    ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
    ("word/document.xml", "<?xml version=\"1.0\"?>\n<w:document \(namespaces)><w:body>\(body)</w:body></w:document>"),
  ]
  if let styles { parts.append(("word/styles.xml", styles)) }
  if let footnotes { parts.append(("word/footnotes.xml", footnotes)) }
  if let endnotes { parts.append(("word/endnotes.xml", endnotes)) }
  return try makeArchive(parts + more)
}

/// Notes of a kind (`footnote` or `endnote`) with Word's two separators first.
func makeNotes(_ element: String, _ notes: [(id: String, text: String)]) -> String {
  let separators = """
    <w:\(element) w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:\(element)>\
    <w:\(element) w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>continued</w:t></w:r></w:p></w:\(element)>
    """
  let body = notes.map { "<w:\(element) w:id=\"\($0.id)\">\(paragraph(run($0.text)))</w:\(element)>" }.joined()
  return "<w:\(element)s xmlns:w=\"\(wordNamespace)\">\(separators)\(body)</w:\(element)s>"
}

extension WordDocument {
  /// The text's lines: one per paragraph.
  var lines: [String] {
    var lines = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Each block's kind and text.
  var blocks: [String] {
    prose.blocks.map { block in
      let kind: String
      switch block.kind {
      case .paragraph: kind = "p"
      case .heading(let level): kind = "h\(level)"
      case .listItem: kind = "li"
      case .tableCell: kind = "td"
      case .metadata: kind = "meta"
      }
      return "\(kind) \(String(decoding: text[block.range], as: UTF8.self))"
    }
  }
}

/// Reads a body written as WordprocessingML.
func read(body: String, styles: String? = testStyles, footnotes: String? = nil, endnotes: String? = nil) throws
  -> WordDocument
{
  try DOCXFrontEnd.read(makeDOCX(body: body, styles: styles, footnotes: footnotes, endnotes: endnotes))
}

/// The kind of error reading bytes gives, or nil when they read.
func errorKind(_ bytes: [UInt8], sizeLimit: Int = 256 << 20) -> DOCXError.Kind? {
  do {
    _ = try DOCXFrontEnd.read(bytes, sizeLimit: sizeLimit)
    return nil
  } catch {
    return error.kind
  }
}

/// The folder of the fixtures.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Fixtures/docx")

/// A fixture's bytes.
func fixture(_ name: String) throws -> [UInt8] {
  [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
}
