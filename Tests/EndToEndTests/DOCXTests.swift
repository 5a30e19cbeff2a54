import Foundation
import Testing

/// The Word fixtures compared as JSON with `Fixtures/expected/docx/NAME.json`.
let docxFixtures = ["leaflet.docx", "meeting-note.docx", "clinic.docx", "features.docx"]

/// The bad Word fixtures, each with the start of what plainlint says about it.
let badDOCXFixtures: [(name: String, message: String)] = [
  ("password.docx", "this Word document is protected by a password"),
  ("old-word.doc", "this is a Word 97–2003 document (.doc)"),
  ("spreadsheet.docx", "this is an Office file in the old binary format"),
  ("not-a-zip.docx", "this is not a Word document (.docx): it is not a ZIP archive"),
  ("truncated.docx", "this Word document is damaged (its ZIP directory cannot be read)"),
  ("no-document.docx", "this ZIP archive is not a Word document: it has no word/document.xml"),
  ("malformed.docx", "this Word document is damaged: word/document.xml, line 4, column"),
  ("entities.docx", "this Word document is damaged: word/document.xml, line 2: the XML has a document type"),
  ("zip-bomb.docx", "this Word document unpacks to more than 256 MB of XML"),
]

/// The folder of the Word fixtures.
let docxFolder = fixtures.appendingPathComponent("docx")

@Suite("Word documents (.docx), end to end")
struct DOCXTests {
  @Test("JSON output matches the expected file", arguments: docxFixtures)
  func jsonGolden(_ name: String) throws {
    let result = try plainlint(["check", "--format", "json", name], in: docxFolder)
    try expectMatchesGolden(result.stdout, "docx/\(name).json")
    #expect(result.status == 1)
    #expect(result.stderr == "")
  }

  @Test("Text output matches the expected file", arguments: ["leaflet.docx", "features.docx"])
  func textGolden(_ name: String) throws {
    let result = try plainlint(["check", name], in: docxFolder)
    try expectMatchesGolden(result.stdout, "docx/\(name).out")
    #expect(result.status == 1)
  }

  @Test("Every format says the paragraph, the heading and the sentence", arguments: ciFormats)
  func everyFormatHasTheContext(_ format: String) throws {
    let result = try plainlint(["check", "--format", format, "features.docx"], in: docxFolder)
    #expect(result.status == 1)
    try expectMatchesGolden(withoutRepositoryRoot(result.stdout), "docx/features.docx.\(format)")
    // The tracked insertion “in order to” is found in paragraph 2, under the title, in its sentence.
    for part in ["paragraph 2", "Taking your new tablets", "You should take one tablet each morning in order to"] {
      #expect(result.stdout.contains(part), "\(format) does not say \(part)")
    }
  }

  @Test func textAndJSONGiveTheContextInTheirOwnWay() throws {
    let text = try plainlint(["check", "features.docx"], in: docxFolder).stdout
    #expect(
      text.contains(
        "features.docx:2:41: warning: “in order to” is wordy; try “to”. In order adds nothing; to is enough. "
          + "[complex-word]\n      = in paragraph 2, under “Taking your new tablets”: “You should take one "
          + "tablet each morning in order to stay well.”\n"))
    let json = try plainlint(["check", "--format", "json", "features.docx"], in: docxFolder).stdout
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let file = try #require((root["files"] as? [[String: Any]])?.first)
    #expect(file["format"] as? String == "docx")
    let diagnostics = try #require(file["diagnostics"] as? [[String: Any]])
    let wordy = try #require(diagnostics.first { $0["rule"] as? String == "complex-word" })
    #expect(wordy["paragraph"] as? Int == 2)
    #expect(wordy["heading"] as? String == "Taking your new tablets")
    #expect(wordy["quote"] as? String == "You should take one tablet each morning in order to stay well.")
    let endnote = try #require(diagnostics.first { $0["rule"] as? String == "passive-voice" })
    #expect(endnote["heading"] as? String == "Endnote 1")
  }

  @Test func sarifAndReviewdogReportsOfAWordDocumentValidate() throws {
    let python = try jsonschemaPython()
    let script = packageRoot.appendingPathComponent("Tests/Python/validate_reports.py")
    let checks = [
      ("sarif", "sarif-schema-2.1.0.json"), ("rdjson", "reviewdog-rdf/DiagnosticResult.json"),
    ]
    try withTemporaryFolder { folder in
      for (format, schema) in checks {
        let report = folder.appendingPathComponent("report.\(format)")
        let result = try plainlint(
          ["check", "--format", format, "--output", report.path, "leaflet.docx", "features.docx"], in: docxFolder)
        #expect(result.status == 1)
        let output = try PythonEnvironment.run(
          python.path, [script.path, schemasFolder.appendingPathComponent(schema).path, report.path])
        let json = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        #expect(json["errors"] as? [String] == [], "\(format)")
      }
    }
  }

  @Test func aWordDocumentsSuggestionsAreNotOfferedAsEditsOfTheFile() throws {
    let sarif = try plainlint(["check", "--format", "sarif", "clinic.docx"], in: docxFolder).stdout
    #expect(!sarif.contains("\"fixes\""))
    let rdjson = try plainlint(["check", "--format", "rdjson", "clinic.docx"], in: docxFolder).stdout
    #expect(!rdjson.contains("\"suggestions\""))
    // The text report still shows them to a person.
    #expect(try plainlint(["check", "clinic.docx"], in: docxFolder).stdout.contains("= help: Write “use”"))
  }

  @Test("stats reads Word documents, with sections and paragraphs", arguments: ["text", "json"])
  func stats(_ format: String) throws {
    let result = try plainlint(
      ["stats", "--format", format, "--sections", "--paragraphs", "features.docx"], in: docxFolder)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    try expectMatchesGolden(result.stdout, "docx/features.docx.stats.\(format == "text" ? "out" : "json")")
  }

  @Test func standardInputIsReadAsAWordDocumentWhenSaidSo() throws {
    let bytes = try Data(contentsOf: docxFolder.appendingPathComponent("features.docx"))
    let file = try plainlint(["check", "--format", "json", "features.docx"], in: docxFolder)
    let named = try plainlint(
      ["check", "--format", "json", "--stdin-filename", "features.docx", "-"], in: docxFolder, stdin: bytes)
    #expect(named.stdout == file.stdout)
    #expect(named.status == 1)
    let language = try plainlint(["check", "--format", "json", "--language", "docx", "-"], in: docxFolder, stdin: bytes)
    #expect(language.stdout == file.stdout.replacingOccurrences(of: "\"features.docx\"", with: "\"<stdin>\""))
    let unsaid = try plainlint(["check", "-"], in: docxFolder, stdin: bytes)
    #expect(unsaid.status == 2)
    #expect(unsaid.stderr.contains("add --language text, markdown, html or docx"))
  }

  @Test("Bad Word documents are refused with what to do and exit code 2", arguments: badDOCXFixtures)
  func badInput(_ bad: (name: String, message: String)) throws {
    let path = "bad/\(bad.name)"
    let before = try Data(contentsOf: docxFolder.appendingPathComponent(path))
    for format in ["text", "json"] {
      let result = try plainlint(["check", "--format", format, path], in: docxFolder)
      #expect(result.status == 2)
      #expect(result.stderr.hasPrefix("\(path): error: \(bad.message)"), "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1)
    }
    let stats = try plainlint(["stats", path], in: docxFolder)
    #expect(stats.status == 2)
    #expect(stats.stderr.hasPrefix("\(path): error: \(bad.message)"))
    #expect(try Data(contentsOf: docxFolder.appendingPathComponent(path)) == before)
  }

  @Test func aBadWordDocumentDoesNotStopTheOthers() throws {
    let result = try plainlint(["check", "--format", "json", "bad/password.docx", "clinic.docx"], in: docxFolder)
    #expect(result.status == 2)
    #expect(result.stdout.contains("\"path\": \"clinic.docx\""))
  }

  @Test func fixIsRefusedForWordDocumentsAndNothingIsWritten() throws {
    try withTemporaryFolder { folder in
      let docx = try Data(contentsOf: docxFolder.appendingPathComponent("clinic.docx"))
      try docx.write(to: folder.appendingPathComponent("clinic.docx"))
      try write("We will utilise a scanner.\n", to: "note.md", in: folder)
      for arguments in [
        ["check", "--fix", "clinic.docx"], ["check", "--fix", "note.md", "clinic.docx"], ["check", "--fix", "."],
        ["check", "--fix", "--dry-run", "clinic.docx"],
      ] {
        let result = try plainlint(arguments, in: folder)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.stdout == "")
        #expect(
          result.stderr.hasPrefix("plainlint: error: --fix cannot change Word documents (clinic.docx)"),
          "\(result.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("clinic.docx")) == docx)
        #expect(try String(contentsOf: folder.appendingPathComponent("note.md"), encoding: .utf8).contains("utilise"))
      }
      let piped = try plainlint(["check", "--fix", "--language", "docx", "-"], in: folder, stdin: docx)
      #expect(piped.status == 2)
      #expect(piped.stderr.contains("--fix cannot change Word documents (<stdin>)"))
      // Without the Word document, --fix goes ahead.
      #expect(try plainlint(["check", "--fix", "note.md"], in: folder).status == 0)
    }
  }

  @Test func foldersPickUpWordDocumentsButNotWordsLockFiles() throws {
    try withTemporaryFolder { folder in
      let docx = try Data(contentsOf: docxFolder.appendingPathComponent("clinic.docx"))
      try docx.write(to: folder.appendingPathComponent("clinic.docx"))
      try Data("owner".utf8).write(to: folder.appendingPathComponent("~$clinic.docx"))
      try Data("owner".utf8).write(to: folder.appendingPathComponent("old.doc"))
      try write("Plain words.\n", to: "note.md", in: folder)
      let result = try plainlint(["check", "--format", "json", "."], in: folder)
      #expect(result.stderr == "")
      #expect(result.stdout.contains("\"path\": \"clinic.docx\""))
      #expect(result.stdout.contains("\"path\": \"note.md\""))
      #expect(!result.stdout.contains("~$"))
      #expect(!result.stdout.contains("old.doc"))
    }
  }
}
