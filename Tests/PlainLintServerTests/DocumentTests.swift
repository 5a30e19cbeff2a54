import Foundation
import Testing

@testable import PlainLintServer

@Suite("The language server: documents, positions and diagnostics")
struct DocumentTests {
  let line = "“Curly” café 😀 and oedema here."

  @Test("diagnostic positions are exact with emoji, accents and curly quotes in every encoding", arguments: [
    ("utf-16", 20), ("utf-8", 27), ("utf-32", 19),
  ])
  func positions(encoding: String, column: Int) throws {
    try withFolder { folder in
      let session = Session(capabilities: ["general": ["positionEncodings": [.string(encoding)]]], folder: folder)
      let uri = uri(folder + "/leaflet.txt")
      session.open(uri, "Title\n\n" + line + "\n", language: "plaintext")
      let jargon = try #require(session.diagnostics(uri).first { $0["code"] == "jargon" })
      #expect(jargon["range"] == range((2, column), (2, column + 6)))
      #expect(jargon["source"] == "plainlint")
      #expect(jargon["severity"] == 2)
      let published = try #require(session.notifications("textDocument/publishDiagnostics").last)
      #expect(published["params"]["version"] == 1)
    }
  }

  @Test("incremental changes in utf-16 land in the right place, around emoji and across lines")
  func incremental() {
    var document = OpenDocument(uri: "u", path: "/u.txt", language: .text, version: 1, text: "a😀b\nsecond line\n")
    document.replace(from: LSPPosition(line: 0, character: 3), to: LSPPosition(line: 1, character: 6),
      with: "X", encoding: .utf16)
    #expect(String(decoding: document.bytes, as: UTF8.self) == "a😀X line\n")
    document.replace(from: LSPPosition(line: 5, character: 0), to: LSPPosition(line: 9, character: 0),
      with: "end", encoding: .utf16)
    #expect(String(decoding: document.bytes, as: UTF8.self) == "a😀X line\nend")
    document.replace(from: LSPPosition(line: 0, character: 1), to: LSPPosition(line: 0, character: 99),
      with: "", encoding: .utf16)
    #expect(String(decoding: document.bytes, as: UTF8.self) == "a\nend")
    var utf8 = OpenDocument(uri: "u", path: "/u.txt", language: .text, version: 1, text: "é😀z")
    utf8.replace(from: LSPPosition(line: 0, character: 6), to: LSPPosition(line: 0, character: 7),
      with: "Z", encoding: .utf8)
    #expect(String(decoding: utf8.bytes, as: UTF8.self) == "é😀Z")
  }

  @Test("edits update the diagnostics; a burst read together is linted once with the last version")
  func edits() throws {
    try withFolder { folder in
      let session = Session(folder: folder)
      let uri = uri(folder + "/a.md")
      session.open(uri, "You may have some oedema.\n\n```\noedema in code\n```\n")
      #expect(session.rules(uri) == ["jargon"])
      session.change(uri, version: 2, [["range": range((0, 18), (0, 24)), "text": "swelling"]])
      #expect(session.rules(uri) == [])
      let before = session.notifications("textDocument/publishDiagnostics").count
      session.batch([
        ["jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": ["textDocument": ["uri": .string(uri), "version": 3],
            "contentChanges": [["text": "Please utilise the lift."]]]],
        ["jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": ["textDocument": ["uri": .string(uri), "version": 4],
            "contentChanges": [["range": range((0, 0), (0, 0)), "text": "Stakeholders: "]]]],
      ])
      let published = session.notifications("textDocument/publishDiagnostics")
      #expect(published.count == before + 1)
      #expect(published.last?["params"]["version"] == 4)
      #expect(session.rules(uri).sorted() == ["complex-word", "jargon"])
      session.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
      #expect(session.notifications("textDocument/publishDiagnostics").last?["params"]["diagnostics"] == [])
    }
  }

  @Test("nothing is reported inside code, URLs or front matter; the language comes from languageId")
  func languages() throws {
    try withFolder { folder in
      let session = Session(folder: folder)
      let markdown = uri(folder + "/notes")
      session.open(markdown, "---\ntitle: oedema\n---\nSee `oedema` at <https://example.org/oedema>.\n")
      #expect(session.rules(markdown) == [])
      let yaml = uri(folder + "/settings.yml")
      session.open(yaml, "oedema: stakeholders\n", language: "yaml")
      #expect(session.rules(yaml) == [])
      let html = uri(folder + "/page")
      session.open(html, "<p>Some oedema &amp; <code>oedema</code></p>", language: "html")
      #expect(session.diagnostics(html).first?["range"] == range((0, 8), (0, 14)))
      let untitled = "untitled:Untitled-1"
      session.open(untitled, "Please utilise the lift.", language: "plaintext")
      #expect(session.rules(untitled) == ["complex-word"])
    }
  }

  @Test("pull diagnostics when the client supports them, and then nothing is pushed")
  func pull() throws {
    try withFolder { folder in
      let session = Session(capabilities: ["textDocument": ["diagnostic": ["dynamicRegistration": false]]],
        folder: folder)
      #expect(session.sent.first!["result"]["capabilities"]["diagnosticProvider"]["identifier"] == "plainlint")
      let uri = uri(folder + "/a.md")
      session.open(uri, "You may have some oedema.")
      #expect(session.notifications("textDocument/publishDiagnostics").isEmpty)
      let report = session.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])["result"]
      #expect(report["kind"] == "full")
      #expect(report["items"].array?.first?["code"] == "jargon")
    }
  }

  @Test("every diagnostic links to its rule's page, written once in the cache folder")
  func links() throws {
    try withFolder { folder in
      let session = Session(folder: folder, documentation: folder + "/cache/rules")
      let uri = uri(folder + "/a.md")
      session.open(uri, "You may have some oedema.")
      let href = try #require(session.diagnostics(uri).first?["codeDescription"]["href"].string)
      #expect(href == PlainLintServerTests.uri(folder + "/cache/rules/jargon.md"))
      let page = try String(contentsOfFile: folder + "/cache/rules/jargon.md", encoding: .utf8)
      #expect(page.contains("jargon: Jargon"))
    }
  }
}
