import PlainLintCore
import Testing

@testable import PlainLintHTML

/// Jargon findings on every "haemorrhage" in an HTML document, run through its directives: the 1-based lines of
/// those left.
private func jargonLeft(_ html: String) throws -> [Int] {
  let document = Document(path: "t.html", text: html)
  let prose = try HTMLFrontEnd.prose(of: document)
  let bytes = document.bytes
  let word = Array("haemorrhage".utf8)
  let findings = bytes.indices.filter { bytes[$0...].starts(with: word) }.map {
    Finding(rule: "jargon", severity: .warning, message: "", range: $0..<$0 + word.count)
  }
  return Suppression.apply(findings, document: document, prose: prose, knownRules: ["jargon"])
    .map { document.location(at: $0.range.lowerBound).line }
}

@Suite("HTML: where the quick fix writes plainlint-disable-line")
struct HTMLDisableLineTests {
  /// The comment the server's quick fix writes is read by the HTML front end and switches off the first
  /// "haemorrhage" only.
  @Test(arguments: [
    "<p>Café 😀 first line\nSome haemorrhage here.\nLast haemorrhage.</p>\n",
    "<p>Some haemorrhage <a\n  href=\"x.html\">here</a>, and haemorrhage.</p>\n",
    "<table><tr><td>haemorrhage</td><td>bleeding</td></tr>\n<tr><td>haemorrhage</td></tr></table>\n",
    "<ul>\n  <li>An item with haemorrhage and <code>x\n  y</code></li>\n  <li>haemorrhage</li>\n</ul>\n",
  ])
  func theQuickFixPlacementWorks(_ html: String) throws {
    let before = try jargonLeft(html)
    #expect(before.count == 2)
    let bytes = Array(html.utf8)
    let word = Array("haemorrhage".utf8)
    let offset = try #require(bytes.indices.first { bytes[$0...].starts(with: word) })
    let edit = try #require(
      DirectivePlacement.disableLine(rule: "jargon", in: bytes, format: "html", range: offset..<offset + 11))
    let edited = String(decoding: bytes[..<edit.offset] + Array(edit.text.utf8) + bytes[edit.offset...], as: UTF8.self)
    #expect(try jargonLeft(edited) == [before[1]], "\(edited)")
  }
}
