import Foundation
import Testing

/// `plainlint report`: the page of each kind of input against its golden file in `Fixtures/expected/report/`
/// (regenerate with `PLAINLINT_UPDATE_FIXTURES=1 swift test --filter ReportTests`, then read the diff), and what
/// the command does with its output file, bad input and standard input.
@Suite("plainlint report, end to end")
struct ReportTests {
  /// Each golden: the inputs, and the golden file's name.
  static let goldens: [(inputs: [String], golden: String)] = [
    (["markdown/leaflet.md"], "leaflet.md.html"),
    (["html/page.html"], "page.html.html"),
    (["coproduction/lay-summary.txt"], "lay-summary.txt.html"),
    (["coproduction"], "coproduction.html"),
    (["report/injection.txt", "report/injection.md", "report/injection.html"], "injection.html"),
  ]

  @Test("Each page matches its golden file", arguments: 0..<goldens.count)
  func golden(_ index: Int) throws {
    let (inputs, golden) = Self.goldens[index]
    let result = try plainlint(["report"] + inputs)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    try expectMatchesGolden(result.stdout, "report/\(golden)")
  }

  @Test func aFileWithScriptShowsItAsTextAndRunsNothing() throws {
    let page = try plainlint(["report", "report/injection.txt", "report/injection.md", "report/injection.html"])
      .stdout
    // The one script is plainlint's own; every < from the documents is escaped.
    #expect(page.components(separatedBy: "<script").count == 2)
    #expect(page.contains("&lt;script&gt;console.error(&quot;injected script ran&quot;)&lt;/script&gt;"))
    #expect(!page.contains("<b onmouseover"))
    #expect(!page.contains("<img"))
    #expect(!page.contains("href=\"javascript"))
    #expect(!page.contains("<span onclick"))
  }

  @Test func fileNamesAndTheTitleAreEscaped() throws {
    try withTemporaryFolder { folder in
      try write("Please utilise the side door.\n", to: "<b>bold</b> & co.txt", in: folder)
      let result = try plainlint(["report", "--title", "Draft <3> & \"final\"", "."], in: folder)
      #expect(result.status == 0)
      #expect(result.stdout.contains("<title>Draft &lt;3&gt; &amp; &quot;final&quot;</title>"))
      #expect(result.stdout.contains("&lt;b&gt;bold&lt;/b&gt; &amp; co.txt"))
      #expect(!result.stdout.contains("<b>bold"))
    }
  }

  @Test func theOutputFileIsTheSameAsStandardOutputAndSaysSo() throws {
    try withTemporaryFolder { folder in
      let output = folder.appendingPathComponent("report.html")
      let result = try plainlint(["report", "markdown/leaflet.md", "-o", output.path])
      #expect(result.status == 0)
      #expect(result.stdout.isEmpty)
      #expect(result.stderr.contains("wrote the report of 1 document to \(output.path)"))
      let written = try String(contentsOf: output, encoding: .utf8)
      #expect(written == (try plainlint(["report", "markdown/leaflet.md"]).stdout))
      // Written again over the old one, through a temporary file that is not left behind.
      try "old report".write(to: output, atomically: true, encoding: .utf8)
      #expect(try plainlint(["report", "markdown/leaflet.md", "--output", output.path]).status == 0)
      #expect(try String(contentsOf: output, encoding: .utf8) == written)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
    }
  }

  @Test func itWillNotWriteOverOneOfTheInputs() throws {
    try withTemporaryFolder { folder in
      let text = "Please utilise the side door.\n"
      try write(text, to: "leaflet.txt", in: folder)
      try FileManager.default.createSymbolicLink(
        atPath: folder.appendingPathComponent("link.txt").path, withDestinationPath: "leaflet.txt")
      for output in ["leaflet.txt", "./leaflet.txt", "link.txt"] {
        let result = try plainlint(["report", "leaflet.txt", "-o", output], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is one of the files to report on"))
        #expect(try String(contentsOf: folder.appendingPathComponent("leaflet.txt"), encoding: .utf8) == text)
      }
    }
  }

  @Test func aFolderThatIsNotThereIsAClearError() throws {
    let result = try plainlint(["report", "markdown/leaflet.md", "-o", "/no/such/folder/report.html"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("/no/such/folder/report.html: error: cannot write the report: no such file"))
    #expect(result.stderr.contains("Nothing was changed"))
  }

  @Test func aMissingFileIsReportedAndTheOthersShown() throws {
    let result = try plainlint(["report", "no-such-file.txt", "readability/story.txt"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no-such-file.txt: error: no such file or folder"))
    #expect(result.stdout.contains("<h2 id=\"d1-title\">readability/story.txt</h2>"))
  }

  @Test("a Word document is read like the other formats: its headings, its text and its marks")
  func aWordDocument() throws {
    let result = try plainlint(["report", "features.docx"], in: docxFolder)
    #expect(result.status == 0)
    #expect(result.stdout.contains("<h2 id=\"d1-title\">features.docx</h2>"))
    #expect(result.stdout.contains(">Taking your new tablets</h"), "a heading from the paragraph styles")
    #expect(result.stdout.contains("tabindex=\"0\" aria-describedby=\"d1-f1-note\">in order to<sup"))
  }

  @Test func nothingToShowWritesNoFile() throws {
    try withTemporaryFolder { folder in
      let result = try plainlint(["report", "no-such-file.txt", "-o", "report.html"], in: folder)
      #expect(result.status == 2)
      #expect(result.stderr.contains("no report was written"))
      #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
    }
  }

  @Test func usageErrorsAreExitCode2() throws {
    let badOption = try plainlint(["report", "--option", "reading-age.targt=9", "readability/story.txt"])
    #expect(badOption.status == 2)
    #expect(badOption.stderr.contains("did you mean 'target'?"))
    let noFormat = try plainlint(["report", "-"], stdin: Data("Hello.".utf8))
    #expect(noFormat.status == 2)
    #expect(noFormat.stderr.contains("say what standard input is"))
    #expect(try plainlint(["report", "--jobs", "0", "readability/story.txt"]).status == 2)
    #expect(try plainlint(["report", "--title", " ", "readability/story.txt"]).status == 2)
  }

  @Test func standardInputWithAName() throws {
    let text = "# Your visit\n\nPlease utilise the side door. Contact PALS.\n"
    let result = try plainlint(["report", "-", "--stdin-filename", "visit.md"], stdin: Data(text.utf8))
    #expect(result.status == 0)
    #expect(result.stdout.contains("<h2 id=\"d1-title\">visit.md</h2>"))
    #expect(result.stdout.contains("<h4 class=\"text\">Your visit</h4>"))
    #expect(result.stdout.contains(">utilise<sup"))
  }

  /// On a terminal, without -o, plainlint asks for a file rather than filling the screen with HTML (`script`
  /// gives the command a terminal).
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func notToATerminal() throws {
    let command = "'\(plainlintBinary.path)' report markdown/leaflet.md"
    let result = try run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
    #expect(result.status == 2)
    #expect(result.stdout.contains("name a file for it with -o report.html"))
    #expect(!result.stdout.contains("<html"))
  }

  @Test func theTargetComesFromTheOptionsAndConfiguration() throws {
    let result = try plainlint(["report", "--option", "reading-age.target=6", "readability/easy-leaflet.txt"])
    #expect(result.stdout.contains("above the target of 6"))
    #expect(!result.stdout.contains("target of 11"))
  }

  @Test func thePageIsTheSameWhateverTheJobs() throws {
    let one = try plainlint(["report", "--jobs", "1", "coproduction", "markdown"])
    let two = try plainlint(["report", "--jobs", "2", "coproduction", "markdown"])
    #expect(one.status == 0)
    #expect(one.stdout == two.stdout)
  }

  @Test func theGlossaryHasEachTermOnceWithEveryDocument() throws {
    let page = try plainlint(["report", "coproduction"]).stdout
    let glossary = try #require(
      page.components(separatedBy: "<table class=\"glossary\">").last?
        .components(separatedBy: "</table>").first)
    let terms = glossary.components(separatedBy: "<th scope=\"row\">").dropFirst()
      .map { String($0.prefix { $0 != "<" }) }
    #expect(terms.count == Set(terms.map { $0.lowercased() }).count)
    #expect(terms.map { $0.lowercased() } == terms.map { $0.lowercased() }.sorted())
    // "going forward" is in two documents: one row, a place in each.
    let row = try #require(glossary.components(separatedBy: "<tr>").first { $0.contains(">going forward<") })
    #expect(row.contains("coproduction/meeting-note.md, line"))
    #expect(row.contains("coproduction/recruitment-page.html, line"))
    #expect(row.contains("from now on; in future"))
  }
}
