import Foundation
import Testing

/// The fixtures compared as JSON with `Fixtures/expected/PATH.json`.
let jsonFixtures = [
  "text/clean.txt", "text/long-sentences.txt", "text/unicode.txt", "text/crlf.txt", "text/no-final-newline.txt",
  "text/empty.txt", "text/invalid-utf8.txt", "markdown/leaflet.md", "html/page.html", "html/malformed.html",
  "coproduction/meeting-note.md", "coproduction/recruitment-page.html", "coproduction/lay-summary.txt",
  "coproduction/plain.txt",
]

@Suite("plainlint check, end to end")
struct CheckTests {
  @Test("JSON output matches the expected file", arguments: jsonFixtures)
  func jsonGolden(_ path: String) throws {
    let result = try plainlint(["check", "--format", "json", path])
    try expectMatchesGolden(result.stdout, "\(path).json")
    let clean = ["text/clean.txt", "text/empty.txt", "html/malformed.html", "coproduction/plain.txt"]
    #expect(result.status == (clean.contains(path) ? 0 : 1))
  }

  @Test func thePlainFixtureHasNoFindingsAtAll() throws {
    let result = try plainlint(["check", "--fail-on", "info", "coproduction/plain.txt"])
    #expect(result.status == 0)
    #expect(result.stdout == "Checked 1 file: no problems found.\n")
  }

  @Test func coProductionMaterialGetsTheFindingsALayPartnerWouldWant() throws {
    let note = try plainlint(["check", "--format", "json", "coproduction/meeting-note.md"]).stdout
    for rule in ["jargon", "acronym-undefined", "acronym-outdated", "inclusive-language", "latin-abbreviation"] {
      #expect(note.contains("\"rule\": \"\(rule)\""), "meeting-note.md has no \(rule) finding")
    }
    // PPIE is explained only in the glossary at the end: no finding for it.
    #expect(!note.contains("\"text\": \"PPIE\""))
    let page = try plainlint(["check", "--format", "json", "coproduction/recruitment-page.html"]).stdout
    #expect(page.contains("\"rule\": \"acronym-avoid\""))
    #expect(!page.contains("\"text\": \"PALS\""), "PALS has an <abbr title>")
  }

  @Test func textOutputOfTheSampleLeaflet() throws {
    let result = try plainlint(["check", "samples/leaflet.txt"])
    try expectMatchesGolden(result.stdout, "samples/leaflet.txt.out")
    #expect(result.status == 1)
    #expect(result.stderr.isEmpty)
  }

  @Test func theTextOfEachFindingIsTheSourceTextAtItsOffset() throws {
    for path in jsonFixtures {
      let result = try plainlint(["check", "--format", "json", path])
      let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let files = try #require(json["files"] as? [[String: Any]])
      let bytes = try Data(contentsOf: fixtures.appendingPathComponent(path))
      for diagnostic in try #require(files.first?["diagnostics"] as? [[String: Any]]) {
        let offset = try #require(diagnostic["offset"] as? Int)
        let length = try #require(diagnostic["length"] as? Int)
        let text = String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
        #expect(diagnostic["text"] as? String == text)
      }
    }
  }

  @Test func invalidUTF8IsLintedWithAOneLineWarning() throws {
    let result = try plainlint(["check", "text/invalid-utf8.txt"])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "text/invalid-utf8.txt:1:8: warning: the file is not valid UTF-8 (byte 0xE9); each bad byte is read as �. "
        + "Save the file as UTF-8 to fix this\n")
  }

  @Test func htmlInAnotherCharacterSetIsRefusedWithOneMessage() throws {
    let result = try plainlint(["check", "html/windows-1252.html", "text/clean.txt"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("html/windows-1252.html:4:1: error: this file declares the character set windows-1252"))
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stdout == "Checked 1 file: no problems found.\n")
  }

  @Test func theFormatComesFromTheEndingOrLanguage() throws {
    let html = try plainlint(["check", "--format", "json", "html/page.html"])
    #expect(html.stdout.contains("\"format\": \"html\""))
    // Read as plain text, the markup is all words: the same page gives other findings.
    let asText = try plainlint(["check", "--format", "json", "--language", "text", "html/page.html"])
    #expect(asText.stdout.contains("\"format\": \"text\""))
    #expect(asText.stdout != html.stdout)
  }

  @Test func failOnDecidesTheExitCode() throws {
    #expect(try plainlint(["check", "text/long-sentences.txt"]).status == 1)
    #expect(try plainlint(["check", "--fail-on", "info", "text/long-sentences.txt"]).status == 1)
    #expect(try plainlint(["check", "--fail-on", "error", "text/long-sentences.txt"]).status == 0)
    #expect(try plainlint(["check", "--fail-on", "error", "text/clean.txt"]).status == 0)
  }

  @Test func ruleOptionsChangeTheLimit() throws {
    let strict = try plainlint(["check", "--format", "json", "--option", "long-sentence.max-words=5", "text/clean.txt"])
    #expect(strict.status == 1)
    #expect(strict.stdout.contains("\"warnings\": 2"))
    let loose = try plainlint(["check", "--option", "long-sentence.max-words=200", "text/long-sentences.txt"])
    #expect(!loose.stdout.contains("[long-sentence]"))
    #expect(loose.stdout.contains("[latin-abbreviation]"))
  }

  @Test func badRuleOptionsAreUsageErrors() throws {
    let typo = try plainlint(["check", "--option", "long-sentance.max-words=5", "text/clean.txt"])
    #expect(typo.status == 2)
    #expect(typo.stderr.contains("unknown rule 'long-sentance'; did you mean 'long-sentence'?"))
    #expect(typo.stdout.isEmpty)
    let range = try plainlint(["check", "--option", "long-sentence.max-words=1", "text/clean.txt"])
    #expect(range.status == 2)
    #expect(range.stderr.contains("must be from 5 to 200, not 1"))
    let malformed = try plainlint(["check", "--option", "max-words", "text/clean.txt"])
    #expect(malformed.status == 2)
    #expect(malformed.stderr.contains("RULE.OPTION=VALUE"))
  }

  @Test func usageErrorsExitWithTwo() throws {
    let unknownFlag = try plainlint(["check", "--no-such-flag"])
    #expect(unknownFlag.status == 2)
    #expect(unknownFlag.stderr.contains("--no-such-flag"))
    let badFormat = try plainlint(["check", "--format", "xml", "text/clean.txt"])
    #expect(badFormat.status == 2)
    let badLevel = try plainlint(["check", "--fail-on", "fatal", "text/clean.txt"])
    #expect(badLevel.status == 2)
    let help = try plainlint(["check", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("--fail-on"))
  }

  @Test func missingFilesAreReportedAndTheRestStillLinted() throws {
    let result = try plainlint(["check", "--format", "json", "text/nope.txt", "text/long-sentences.txt"])
    #expect(result.status == 2)
    #expect(result.stderr == "text/nope.txt: error: no such file or folder; check the path\n")
    #expect(result.stdout.contains("\"path\": \"text/long-sentences.txt\""))
  }

  @Test func standardInputWithAFilename() throws {
    let text = try Data(contentsOf: fixtures.appendingPathComponent("text/long-sentences.txt"))
    let result = try plainlint(
      ["check", "--format", "json", "--stdin-filename", "text/long-sentences.txt", "-"], stdin: text)
    let fromFile = try plainlint(["check", "--format", "json", "text/long-sentences.txt"])
    #expect(result.stdout == fromFile.stdout)
    #expect(result.status == 1)
    // Without a file name, standard input needs its format said.
    let unsaid = try plainlint(["check", "-"], stdin: Data("Fine.\n".utf8))
    #expect(unsaid.status == 2)
    #expect(
      unsaid.stderr
        == "plainlint: error: say what standard input is: add --language text, markdown, html or docx, or a "
        + "--stdin-filename ending in .txt, .md, .html or .docx\n")
    let unnamed = try plainlint(["check", "--language", "text", "-"], stdin: Data("Fine.\n".utf8))
    #expect(unnamed.status == 0)
    let long = Data((String(repeating: "word ", count: 30) + ".").utf8)
    let named = try plainlint(["check", "--language", "markdown", "-"], stdin: long)
    #expect(named.stdout.hasPrefix("<stdin>:1:1: warning:"))
    let json = try plainlint(["check", "--format", "json", "--stdin-filename", "notes/page.md", "-"], stdin: long)
    #expect(json.stdout.contains("\"format\": \"markdown\""))
    #expect(json.stdout.contains("\"path\": \"notes/page.md\""))
    #expect(try plainlint(["check", "--stdin-filename", "x.txt", "text/clean.txt"]).status == 2)
  }

  @Test func rulesCommandListsTheRules() throws {
    let result = try plainlint(["rules"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("long-sentence (warning): Sentences with more than 25 words"))
    #expect(result.stdout.contains("max-words = 25"))
  }

  @Test func colourOnlyWhenAskedOrOnATerminal() throws {
    let plain = try plainlint(["check", "text/long-sentences.txt"])
    #expect(!plain.stdout.contains("\u{1B}["))
    let coloured = try plainlint(["check", "--color", "always", "text/long-sentences.txt"])
    #expect(coloured.stdout.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
  }

  @Test func versionIsPrinted() throws {
    let result = try plainlint(["--version"])
    #expect(result.stdout == "0.1.0\n")
    #expect(result.status == 0)
  }
}

@Suite("Finding files to lint")
struct FileDiscoveryTests {
  @Test func foldersAreSearchedRecursivelySkippingHiddenAndBuildFolders() throws {
    try withTemporaryFolder { folder in
      let long = String(repeating: "word ", count: 30) + ".\n"
      for path in [
        "docs/a.txt", "docs/b.md", "docs/sub/c.markdown", "docs/sub/d.html", "docs/sub/e.HTM", ".hidden/f.txt",
        "docs/.git/g.txt", "docs/node_modules/h.txt", "docs/.build/i.txt", "docs/notes.rtf", "docs/.j.txt",
      ] {
        try write(long, to: path, in: folder)
      }
      let result = try plainlint(["check", "--format", "json"], in: folder)
      let paths = result.stdout.split(separator: "\n").filter { $0.contains("\"path\"") }.map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      #expect(
        paths == [
          "\"path\": \"docs/.j.txt\",", "\"path\": \"docs/a.txt\",", "\"path\": \"docs/b.md\",",
          "\"path\": \"docs/sub/c.markdown\",", "\"path\": \"docs/sub/d.html\",", "\"path\": \"docs/sub/e.HTM\",",
        ])
      #expect(result.status == 1)
      // A folder named on the command line keeps its prefix in the paths shown.
      let named = try plainlint(["check", "docs/sub"], in: folder)
      #expect(named.stdout.hasPrefix("docs/sub/c.markdown:1:1: warning:"))
    }
  }

  @Test func aFolderWithNothingToLintIsAnError() throws {
    try withTemporaryFolder { folder in
      try write("{}", to: "empty/data.json", in: folder)
      let result = try plainlint(["check", "empty"], in: folder)
      #expect(result.status == 2)
      #expect(
        result.stderr
          == "empty: error: no files to lint in this folder (plainlint reads .txt, .md, .markdown, .html, .htm and "
          + ".docx files)\n")
      #expect(result.stdout == "No files were checked.\n")
    }
  }

  @Test func binaryAndUTF16FilesAreSkippedWithAReason() throws {
    try withTemporaryFolder { folder in
      try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]).write(to: folder.appendingPathComponent("image.txt"))
      try Data([0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00]).write(to: folder.appendingPathComponent("utf16.txt"))
      try write("Fine.\n", to: "fine.txt", in: folder)
      let result = try plainlint(["check", "image.txt", "utf16.txt", "fine.txt"], in: folder)
      #expect(result.status == 2)
      #expect(
        result.stderr == "image.txt: error: looks like a binary file, not text; skipped\n"
          + "utf16.txt: error: the file is UTF-16 text; save it as UTF-8 and lint it again\n")
      #expect(result.stdout == "Checked 1 file: no problems found.\n")
    }
  }

  @Test func filesNamedDirectlyAreLintedWhateverTheirEnding() throws {
    try withTemporaryFolder { folder in
      try write(String(repeating: "word ", count: 30) + ".\n", to: "notes.rst", in: folder)
      let result = try plainlint(["check", "./notes.rst"], in: folder)
      #expect(result.status == 1)
      #expect(result.stdout.hasPrefix("notes.rst:1:1: warning:"))
    }
  }

  @Test func unreadableFilesAreReported() throws {
    guard getuid() != 0 else { return }  // root can read anything
    try withTemporaryFolder { folder in
      try write("Fine.\n", to: "secret.txt", in: folder)
      chmod(folder.appendingPathComponent("secret.txt").path, 0)
      let result = try plainlint(["check", "secret.txt"], in: folder)
      #expect(result.status == 2)
      #expect(result.stderr.contains("permission denied"))
    }
  }

  @Test("a file over 4 GiB is refused before it is read, and the others are still linted")
  func filesTooLargeToReadAreReported() throws {
    try withTemporaryFolder { folder in
      // A sparse file: 5 GiB long, but it takes no room on the disk, and nothing of it is read.
      let huge = folder.appendingPathComponent("huge.txt")
      #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
      #expect(truncate(huge.path, 5 << 30) == 0)
      try write("Fine.\n", to: "small.txt", in: folder)
      let result = try plainlint(["check", "huge.txt", "small.txt"], in: folder)
      #expect(result.status == 2)
      #expect(
        result.stderr
          == "huge.txt: error: is larger than 4 GiB, the most plainlint can read; split it into smaller files\n")
      #expect(result.stdout.contains("Checked 1 file"))
    }
  }
}
