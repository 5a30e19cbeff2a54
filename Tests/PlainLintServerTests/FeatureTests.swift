import Foundation
import Testing

@testable import PlainLintServer

@Suite("The language server: quick fixes, hover, commands and configuration")
struct FeatureTests {
  func actions(_ session: Session, _ uri: String, at start: (Int, Int), _ end: (Int, Int)? = nil) -> [JSON] {
    session.request(
      "textDocument/codeAction",
      ["textDocument": ["uri": .string(uri)], "range": range(start, end ?? start), "context": ["diagnostics": []]]
    )["result"].array ?? []
  }

  @Test("replace with each plain alternative, the first preferred; applying one clears the finding")
  func replace() throws {
    try withFolder { folder in
      let session = Session(folder: folder)
      let uri = uri(folder + "/a.md")
      let text = "You may have some oedema 😀 today.\n"
      session.open(uri, text)
      let found = actions(session, uri, at: (0, 20))
      let titles = found.compactMap { $0["title"].string }
      #expect(titles.first == "Replace with “swelling”")
      #expect(found.first?["isPreferred"] == true)
      #expect(found.first?["kind"] == "quickfix")
      #expect(found.first?["diagnostics"].array?.first?["code"] == "jargon")
      #expect(titles.contains("Accept “oedema” for this project (.plainlint.yml)"))
      #expect(titles.contains("Switch off jargon on this line"))
      let edits = try #require(found.first?["edit"]["changes"][uri].array)
      let fixed = apply(edits, to: text)
      #expect(fixed == "You may have some swelling 😀 today.\n")
      session.change(uri, version: 2, [["text": .string(fixed)]])
      #expect(session.rules(uri) == [])
      // A range that covers nothing flagged has no actions; `only` other kinds has none either.
      #expect(actions(session, uri, at: (0, 0)).isEmpty)
    }
  }

  @Test("write in a known acronym's expansion")
  func acronym() throws {
    try withFolder { folder in
      let session = Session(folder: folder)
      let uri = uri(folder + "/a.txt")
      let text = "Contact PALS if you have a question.\n"
      session.open(uri, text, language: "plaintext")
      let found = actions(session, uri, at: (0, 9))
      let write = try #require(found.first { $0["title"].string?.hasPrefix("Write “") == true })
      let fixed = apply(write["edit"]["changes"][uri].array!, to: text)
      #expect(fixed.hasPrefix("Contact patient advice and liaison service (PALS) if"))
    }
  }

  @Test("switch a rule off on a line: a comment at the end of the line, or a directive line in plain text")
  func disable() throws {
    try withFolder { folder in
      let session = Session(folder: folder)
      // Plain text, first line of a paragraph: a directive line above it.
      let plain = uri(folder + "/a.txt")
      let text = "Title\n\nYou may have some oedema.\nAnd some more oedema.\n"
      session.open(plain, text, language: "plaintext")
      let first = try #require(actions(session, plain, at: (2, 20)).first { $0["title"] == "Switch off jargon on this line" })
      let once = apply(first["edit"]["changes"][plain].array!, to: text)
      #expect(once == "Title\n\nplainlint-disable-next-line jargon\nYou may have some oedema.\nAnd some more oedema.\n")
      session.change(plain, version: 2, [["text": .string(once)]])
      #expect(session.diagnostics(plain).filter { $0["code"] == "jargon" }.count == 1)
      // Inside a paragraph: the paragraph is wrapped, so it stays one paragraph.
      let inside = try #require(
        actions(session, plain, at: (4, 16)).first { $0["title"] == "Switch off jargon in this paragraph" })
      let twice = apply(inside["edit"]["changes"][plain].array!, to: once)
      #expect(twice.hasSuffix("plainlint-disable jargon\nplainlint-disable-next-line jargon\nYou may have some oedema.\nAnd some more oedema.\nplainlint-enable jargon\n"))
      session.change(plain, version: 3, [["text": .string(twice)]])
      #expect(session.rules(plain).contains("jargon") == false)
    }
  }

  @Test("hover on a flagged word shows the rule, the message and the alternatives; in a paragraph, its reading age")
  func hover() throws {
    try withFolder { folder in
      let session = Session(folder: folder)
      let uri = uri(folder + "/a.md")
      session.open(uri, "# Swelling\n\nYou may have some oedema. It goes down. Rest your legs.\n")
      let onWord = session.request(
        "textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": position(2, 20)])["result"]
      let value = try #require(onWord["contents"]["value"].string)
      #expect(onWord["contents"]["kind"] == "markdown")
      #expect(value.contains("**Jargon** · `jargon` (warning)"))
      #expect(value.contains("Plain alternatives: “swelling”"))
      #expect(value.contains("Reading age of this paragraph: **"))
      #expect(onWord["range"] == range((2, 18), (2, 24)))
      let inParagraph = session.request(
        "textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": position(2, 40)])["result"]
      #expect(inParagraph["contents"]["value"].string?.hasPrefix("Reading age of this paragraph") == true)
      #expect(inParagraph["range"].isNull)
      let onHeading = session.request(
        "textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": position(0, 3)])["result"]
      #expect(onHeading.isNull)
    }
  }

  @Test("accept a word: it goes in the project's .plainlint.yml and its findings go away")
  func accept() throws {
    try withFolder { folder in
      let session = Session(folder: folder)
      let uri = uri(folder + "/docs/a.md")
      try FileManager.default.createDirectory(atPath: folder + "/docs", withIntermediateDirectories: true)
      session.open(uri, "You may have some oedema.\n")
      let action = try #require(actions(session, uri, at: (0, 20)).first { $0["command"]["command"] == "plainlint.accept" })
      let result = session.request(
        "workspace/executeCommand",
        ["command": action["command"]["command"], "arguments": action["command"]["arguments"]])
      #expect(result["error"].isNull)
      let written = try String(contentsOfFile: folder + "/.plainlint.yml", encoding: .utf8)
      #expect(written.contains("oedema"))
      #expect(session.rules(uri) == [])
    }
  }

  @Test("a changed .plainlint.yml is read again; a broken one is shown and its problems published on it")
  func reload() throws {
    try withFolder { folder in
      let session = Session(folder: folder)
      let uri = uri(folder + "/a.md")
      session.open(uri, "You may have some oedema. Please utilise the lift.\n")
      #expect(session.rules(uri) == ["jargon", "complex-word"])
      try "rules:\n  jargon: off\n".write(toFile: folder + "/.plainlint.yml", atomically: true, encoding: .utf8)
      let changed: JSON = ["changes": [["uri": .string(PlainLintServerTests.uri(folder + "/.plainlint.yml")), "type": 2]]]
      session.notify("workspace/didChangeWatchedFiles", changed)
      #expect(session.rules(uri) == ["complex-word"])
      try "rules:\n  jargn: off\n".write(toFile: folder + "/.plainlint.yml", atomically: true, encoding: .utf8)
      session.notify("workspace/didChangeWatchedFiles", changed)
      #expect(session.rules(uri) == [])
      let shown = try #require(session.notifications("window/showMessage").last)
      #expect(shown["params"]["message"].string?.contains("did you mean 'jargon'") == true)
      let configURI = PlainLintServerTests.uri(folder + "/.plainlint.yml")
      let problem = try #require(session.diagnostics(configURI).first)
      #expect(problem["range"]["start"] == position(1, 2))
      try "rules:\n  jargon: off\n".write(toFile: folder + "/.plainlint.yml", atomically: true, encoding: .utf8)
      session.notify("workspace/didChangeWatchedFiles", changed)
      #expect(session.diagnostics(configURI).isEmpty)
      #expect(session.rules(uri) == ["complex-word"])
    }
  }

  @Test("settings: english, options and config, from initializationOptions or didChangeConfiguration")
  func settings() throws {
    try withFolder { folder in
      let session = Session(folder: folder, initializationOptions: ["plainlint": ["options": ["long-sentence.max-words=5"]]])
      let uri = uri(folder + "/a.txt")
      session.open(uri, "This sentence has more than five words in it.\n", language: "plaintext")
      #expect(session.rules(uri) == ["long-sentence"])
      session.notify("workspace/didChangeConfiguration", ["settings": ["plainlint": ["options": []]]])
      #expect(session.rules(uri) == [])
      session.notify("workspace/didChangeConfiguration", ["settings": ["plainlint": ["english": "british"]]])
      #expect(session.notifications("window/showMessage").last?["params"]["message"].string?.contains("english") == true)
      session.notify("workspace/didChangeConfiguration", ["settings": ["plainlint": ["options": ["nope.x=1"]]]])
      #expect(session.notifications("window/showMessage").last?["params"]["message"].string?.contains("nope") == true)
    }
  }
}

@Suite("The language server: switching off and accepting, in Markdown and HTML")
struct DirectiveActionTests {
  func action(_ session: Session, _ uri: String, at point: (Int, Int), titled title: String) -> JSON? {
    session.request(
      "textDocument/codeAction",
      ["textDocument": ["uri": .string(uri)], "range": range(point, point), "context": ["diagnostics": []]]
    )["result"].array?.first { $0["title"].string == title }
  }

  @Test("switch off on this line in a Markdown paragraph, a table cell and HTML: the finding goes, the others stay",
    arguments: [
      ("a.md", "markdown", "First line with oedema here\nand a second line with oedema too.\n", (0, 18)),
      ("b.md", "markdown", "| term | meaning |\n| --- | --- |\n| oedema | swelling |\n| oedema | again |\n", (2, 4)),
      ("c.html", "html", "<p>First line with oedema here\nand a second line with oedema too.</p>\n", (0, 21)),
    ])
  func disableLine(name: String, language: String, text: String, point: (Int, Int)) throws {
    try withFolder { folder in
      let session = Session(folder: folder)
      let uri = uri(folder + "/" + name)
      session.open(uri, text, language: language)
      #expect(session.rules(uri).filter { $0 == "jargon" }.count == 2)
      let found = try #require(action(session, uri, at: point, titled: "Switch off jargon on this line"))
      let changed = apply(found["edit"]["changes"][uri].array!, to: text)
      #expect(changed.contains("<!-- plainlint-disable-line jargon -->"))
      session.change(uri, version: 2, [["text": .string(changed)]])
      let left = session.diagnostics(uri).filter { $0["code"] == "jargon" }
      #expect(left.count == 1)
      #expect(left.first?["range"]["start"]["line"] != .int(point.0))
    }
  }

  @Test("accepting a second word adds it to the existing accept list; accepting it again changes nothing")
  func acceptTwice() throws {
    try withFolder { folder in
      try "# ours\naccept:\n  - PPIE\n".write(toFile: folder + "/.plainlint.yml", atomically: true, encoding: .utf8)
      let session = Session(folder: folder)
      let uri = uri(folder + "/a.md")
      session.open(uri, "You may have some oedema. Please utilise the lift.\n")
      for point in [(0, 20), (0, 36)] {
        let found = try #require(session.request(
          "textDocument/codeAction",
          ["textDocument": ["uri": .string(uri)], "range": range(point, point), "context": ["diagnostics": []]]
        )["result"].array?.first { $0["command"]["command"] == "plainlint.accept" })
        session.request("workspace/executeCommand", found["command"])
      }
      let written = try String(contentsOfFile: folder + "/.plainlint.yml", encoding: .utf8)
      #expect(written == "# ours\naccept:\n  - PPIE\n  - oedema\n  - utilise\n")
      #expect(session.rules(uri) == [])
      session.request(
        "workspace/executeCommand",
        ["command": "plainlint.accept", "arguments": [["uri": .string(uri), "term": "Oedema"]]])
      #expect(try String(contentsOfFile: folder + "/.plainlint.yml", encoding: .utf8) == written)
      #expect(session.notifications("window/showMessage").last?["params"]["message"].string?.contains("already") == true)
    }
  }
}
