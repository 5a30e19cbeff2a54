import Foundation
import Testing

/// The fixtures with directives, compared as JSON with `Fixtures/expected/directives/NAME.json`.
let directiveFixtures = [
  "directives/directives.txt", "directives/directives.md", "directives/directives.html", "directives/code-block.md",
  "directives/all-switched-off.txt", "directives/disable-line.md", "directives/disable-line.html",
  "directives/disable-line.txt",
]

/// The diagnostics of one file in `check --format json` output.
func diagnostics(_ output: String) throws -> [[String: Any]] {
  let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
  let files = try #require(json["files"] as? [[String: Any]])
  return try #require(files.first?["diagnostics"] as? [[String: Any]])
}

/// Each diagnostic as `line:column rule text`.
func summaries(_ output: String) throws -> [String] {
  try diagnostics(output).map { diagnostic in
    let range = diagnostic["range"] as? [String: Any]
    let start = range?["start"] as? [String: Int]
    return "\(start?["line"] ?? 0):\(start?["column"] ?? 0) \(diagnostic["rule"] ?? "") \(diagnostic["text"] ?? "")"
  }
}

@Suite("Directives in documents, end to end")
struct DirectiveTests {
  @Test("JSON output matches the expected file", arguments: directiveFixtures)
  func jsonGolden(_ path: String) throws {
    let result = try plainlint(["check", "--format", "json", path])
    try expectMatchesGolden(result.stdout, "\(path).json")
    #expect(result.status == (path.hasSuffix("all-switched-off.txt") ? 0 : 1))
    #expect(result.stderr.isEmpty)
  }

  @Test func textOutputShowsTheDirectiveWarnings() throws {
    let result = try plainlint(["check", "directives/directives.md"])
    try expectMatchesGolden(result.stdout, "directives/directives.md.out")
    #expect(result.status == 1)
  }

  /// What each directive switches off, and what it leaves on, in each format: the lines with findings of each
  /// rule, and the directive warnings.
  @Test(arguments: [
    ("txt", [8], [15, 20], ["17:29 directive jargn", "19:1 directive plainlint-disabel"]),
    ("md", [12, 35], [17, 19, 41], ["37:42 directive long-sentance", "40:6 directive plainlint-disabel"]),
    ("html", [14, 26], [18, 31], ["28:41 directive long-sentance", "30:6 directive plainlint-disabel"]),
  ])
  func everyDirectiveInEachFormat(ending: String, jargonLines: [Int], wordyLines: [Int], warnings: [String]) throws {
    let found = try summaries(plainlint(["check", "--format", "json", "directives/directives.\(ending)"]).stdout)
    func lines(_ rule: String) -> [Int] {
      found.filter { $0.split(separator: " ")[1] == rule }.compactMap { Int($0.prefix { $0 != ":" }) }
    }
    // disable-file latin-abbreviation: e.g. is never flagged.
    #expect(lines("latin-abbreviation").isEmpty)
    // disable-next-line jargon: of two identical lines, only the second is flagged.
    #expect(lines("jargon") == jargonLines)
    // disable … enable complex-word, and disable-next-line complex-word: only the uses outside them are left.
    #expect(lines("complex-word") == wordyLines)
    // The bad rule name and the misspelt keyword, at their exact places.
    #expect(found.filter { $0.contains(" directive ") } == warnings)
  }

  /// `plainlint-disable-line` at the end of a line in a paragraph and in table rows; in plain text, a warning.
  @Test(arguments: [
    ("md", [3, 5, 10, 12], [5, 14, 15], ["14:56 directive jargn", "15:33 directive plainlint-disable-lines"]),
    ("html", [5, 7, 10], [7, 12], ["12:61 directive jargn"]),
    ("txt", [1, 4], [], ["3:1 directive plainlint-disable-line"]),
  ])
  func disableLineSwitchesOffItsOwnLine(ending: String, jargonLines: [Int], wordyLines: [Int], warnings: [String])
    throws
  {
    let found = try summaries(plainlint(["check", "--format", "json", "directives/disable-line.\(ending)"]).stdout)
    func lines(_ rule: String) -> [Int] {
      found.filter { $0.split(separator: " ")[1] == rule }.compactMap { Int($0.prefix { $0 != ":" }) }
    }
    // Markdown: line 4's finding and the table rows whose comment is in a cell (9, 11) are switched off; the
    // comment after a row's last `|` (10) is dropped by cmark-gfm as an extra cell, so it switches nothing off.
    #expect(lines("jargon") == jargonLines)
    #expect(lines("complex-word") == wordyLines)
    #expect(found.filter { $0.contains(" directive ") } == warnings)
  }

  @Test func disableLineKeepsAMarkdownParagraphOneParagraph() throws {
    try withTemporaryFolder { folder in
      let paragraph = "The endoscopist will look for signs\nof haemorrhage in the bowel.\nThe haemorrhage may be small."
      try write(paragraph + "\n", to: "plain.md", in: folder)
      let marked = paragraph.replacingOccurrences(
        of: "bowel.\n", with: "bowel. <!-- plainlint-disable-line jargon -->\n")
      try write(marked + "\n", to: "marked.md", in: folder)
      func paragraphs(_ name: String) throws -> Int {
        let output = try plainlint(["stats", "--format", "json", name], in: folder).stdout
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let metrics = try #require((json["files"] as? [[String: Any]])?.first?["metrics"] as? [String: Any])
        return try #require(metrics["paragraphs"] as? [Any]).count
      }
      #expect(try paragraphs("plain.md") == 1)
      #expect(try paragraphs("marked.md") == 1)
      let found = try summaries(plainlint(["check", "--format", "json", "marked.md"], in: folder).stdout)
      #expect(found.filter { $0.contains(" jargon ") } == ["3:5 jargon haemorrhage"])
    }
  }

  @Test func anUnknownRuleIsAWarningAtItsPlaceAndFailsTheRun() throws {
    try withTemporaryFolder { folder in
      let text = "# Café – “notes” 😀\n\n<!-- plainlint-disable-next-line jargn -->\nSee your nurse.\n"
      try write(text, to: "a.md", in: folder)
      let result = try plainlint(["check", "a.md"], in: folder)
      #expect(result.status == 1)
      #expect(
        result.stdout.hasPrefix(
          "a.md:3:34: warning: “jargn” is not a plainlint rule, so this directive does not switch it off; did you "
            + "mean “jargon”? [directive]\n3 | <!-- plainlint-disable-next-line jargn -->\n"
            + "  |                                  ^~~~~\n      = help: Write “jargon”\n"))
      #expect(result.stdout.hasSuffix("Checked 1 file: 1 warning.\n"))
      #expect(try plainlint(["check", "--fail-on", "error", "a.md"], in: folder).status == 0)
    }
  }

  @Test func aMisspeltKeywordInPlainTextIsAWarning() throws {
    try withTemporaryFolder { folder in
      try write("See your nurse.\n  plainlint-disabel-next-line\n", to: "a.txt", in: folder)
      let result = try plainlint(["check", "a.txt"], in: folder)
      #expect(result.status == 1)
      #expect(
        result.stdout.hasPrefix(
          "a.txt:2:3: warning: “plainlint-disabel-next-line” is not a plainlint directive, so nothing is switched "
            + "off; did you mean “plainlint-disable-next-line”? [directive]"))
    }
  }

  @Test func directivesInCodeAreNotApplied() throws {
    let path = "directives/code-block.md"
    let found = try summaries(plainlint(["check", "--format", "json", path]).stdout)
    #expect(found.contains("18:40 jargon haemorrhage"))
    #expect(!found.contains { $0.contains(" directive ") })
    // Spoiling every directive (same length, so the same positions) changes nothing.
    try withTemporaryFolder { folder in
      let text = try String(contentsOf: fixtures.appendingPathComponent(path), encoding: .utf8)
      try write(text.replacingOccurrences(of: "plainlint-", with: "xxxxxxxxx-"), to: "spoilt.md", in: folder)
      #expect(try summaries(plainlint(["check", "--format", "json", "spoilt.md"], in: folder).stdout) == found)
    }
  }

  @Test func disableFileSwitchesEverythingOff() throws {
    let result = try plainlint(["check", "--fail-on", "info", "directives/all-switched-off.txt"])
    #expect(result.status == 0)
    #expect(result.stdout == "Checked 1 file: no problems found.\n")
    try withTemporaryFolder { folder in
      try write("We will utilise the endoscopist to commence the procedure, e.g. at 9am.\n", to: "a.txt", in: folder)
      #expect(try plainlint(["check", "a.txt"], in: folder).status == 1)
    }
  }

  @Test func theJSONOfADirectiveWarning() throws {
    let all = try diagnostics(plainlint(["check", "--format", "json", "directives/directives.txt"]).stdout)
    let warning = try #require(all.first { $0["rule"] as? String == "directive" && $0["text"] as? String == "jargn" })
    #expect(warning["severity"] as? String == "warning")
    let range = try #require(warning["range"] as? [String: [String: Int]])
    #expect(range["start"] == ["line": 17, "column": 29])
    #expect(range["end"] == ["line": 17, "column": 34])
    let suggestions = try #require(warning["suggestions"] as? [[String: Any]])
    #expect(suggestions.first?["replacement"] as? String == "jargon")
  }

  @Test func statsCountsOnlyWhatIsLeftAndKeepsTheFiguresOfTheText() throws {
    func metrics(_ arguments: [String], in folder: URL = fixtures) throws -> [String: Any] {
      let output = try plainlint(arguments, in: folder).stdout
      let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
      let files = try #require(json["files"] as? [[String: Any]])
      return try #require(files.first?["metrics"] as? [String: Any])
    }
    let path = "directives/directives.txt"
    let withDirectives = try metrics(["stats", "--format", "json", path])
    let findings = try #require(withDirectives["findings"] as? [String: Int])
    #expect(findings["directive"] == 2)
    #expect(findings["jargon"] == 1)
    #expect(findings["latin-abbreviation"] == nil)
    let text = try plainlint(["stats", path]).stdout
    #expect(text.contains("directive 2"))
    // Directive lines are not prose: with blank lines in their place (a directive line ends a paragraph, as a
    // blank line does) the text has the same figures.
    try withTemporaryFolder { folder in
      let source = try String(contentsOf: fixtures.appendingPathComponent(path), encoding: .utf8)
      let prose = source.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.hasPrefix("plainlint-") ? "" : $0 }.joined(separator: "\n")
      try write(prose, to: "prose.txt", in: folder)
      let withoutDirectives = try metrics(["stats", "--format", "json", "prose.txt"], in: folder)
      for key in ["words", "sentences", "syllables", "hardWords", "readingAge", "fleschReadingEase"] {
        #expect(
          (withDirectives[key] as? NSNumber) == (withoutDirectives[key] as? NSNumber), "\(key) differs")
      }
      #expect((withDirectives["paragraphs"] as? [Any])?.count == 7)
      #expect((withoutDirectives["paragraphs"] as? [Any])?.count == 7)
    }
  }

  @Test func aCommentOverSeveralLinesInABlockQuote() throws {
    let markdown = "> We utilise the haemorrhage data.\n>\n> <!-- plainlint-disable-file\n> jargon, complex-word -->\n"
    let result = try plainlint(["check", "--language", "markdown", "-"], stdin: Data(markdown.utf8))
    #expect(result.status == 0)
    #expect(result.stdout == "Checked 1 file: no problems found.\n")
  }

  @Test func standardInputReadsDirectivesToo() throws {
    let result = try plainlint(
      ["check", "--language", "markdown", "-"], stdin: Data("<!-- plainlint-disable-file -->\nWe utilise it.\n".utf8))
    #expect(result.status == 0)
    #expect(result.stdout == "Checked 1 file: no problems found.\n")
  }

  @Test func theRulesListShowsTheDirectiveWarnings() throws {
    let result = try plainlint(["rules"])
    #expect(result.stdout.contains("directive (warning): A plainlint directive in the document that cannot be read"))
  }
}
