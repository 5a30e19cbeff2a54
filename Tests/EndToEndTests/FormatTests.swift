import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The output formats for CI services, each checked against a golden file in `Fixtures/expected/formats/`.
let ciFormats = ["sarif", "github", "rdjson", "rdjsonl", "checkstyle", "junit", "gitlab"]

/// The fixture folder with findings of every severity (its `.plainlint.yml` makes jargon an error), multibyte
/// text, a safe suggestion and a misspelt directive.
let formatsFolder = fixtures.appendingPathComponent("formats")

/// Where the output-format schemas are kept, beside the repository (`../shared/data/schemas`).
let schemasFolder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/schemas")

/// The repository root as SARIF's `%SRCROOT%` shows it, replaced by a fixed text in the goldens.
func withoutRepositoryRoot(_ text: String) -> String {
  let root = packageRoot.standardizedFileURL.path
  let encoded = root.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? root
  return text.replacingOccurrences(of: "\"file://\(encoded)/\"", with: "\"file:///REPOSITORY/\"")
}

/// The jsonschema environment the configuration tests also use (the same pinned versions, so it is made once).
func jsonschemaPython() throws -> URL {
  try PythonEnvironment.make(
    "jsonschema",
    packages: [
      "jsonschema==4.26.0", "jsonschema-specifications==2025.9.1", "referencing==0.37.0", "rpds-py==2026.9.1",
      "attrs==26.1.0", "typing_extensions==4.16.0", "PyYAML==6.0.3",
    ])
}

/// The SARIF results' fingerprints with their rule and start line.
func sarifResults(_ text: String) throws -> [(rule: String, line: Int, fingerprint: String)] {
  let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  let run = try #require((json["runs"] as? [[String: Any]])?.first)
  let results = try #require(run["results"] as? [[String: Any]])
  return try results.map { result in
    let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    let region = try #require(location["region"] as? [String: Any])
    let prints = try #require(result["partialFingerprints"] as? [String: String])
    return (
      try #require(result["ruleId"] as? String), try #require(region["startLine"] as? Int),
      try #require(prints["plainlint/v1"])
    )
  }
}

@Suite("Output formats for CI, end to end", .serialized)
struct FormatTests {
  @Test("Each format matches its golden file", arguments: ciFormats)
  func golden(_ format: String) throws {
    let result = try plainlint(["check", "--format", format, "."], in: formatsFolder)
    #expect(result.status == 1, "the jargon finding is an error")
    #expect(result.stderr == "")
    try expectMatchesGolden(withoutRepositoryRoot(result.stdout), "formats/clinic.\(format)")
  }

  @Test("Standard input gives the same report as the file", arguments: ciFormats)
  func standardInput(_ format: String) throws {
    let file = try plainlint(["check", "--format", format, "clinic.md"], in: formatsFolder)
    let bytes = try Data(contentsOf: formatsFolder.appendingPathComponent("clinic.md"))
    let piped = try plainlint(
      ["check", "--format", format, "--stdin-filename", "clinic.md", "-"], in: formatsFolder, stdin: bytes)
    #expect(piped.stdout == file.stdout)
    #expect(piped.status == 1)
  }

  @Test func sarifAndReviewdogFormatsValidateAgainstTheirSchemas() throws {
    let python = try jsonschemaPython()
    let script = packageRoot.appendingPathComponent("Tests/Python/validate_reports.py")
    let checks: [(format: String, schema: String, lines: Bool)] = [
      ("sarif", "sarif-schema-2.1.0.json", false), ("rdjson", "reviewdog-rdf/DiagnosticResult.json", false),
      ("rdjsonl", "reviewdog-rdf/Diagnostic.json", true),
    ]
    try withTemporaryFolder { folder in
      for check in checks {
        let schema = schemasFolder.appendingPathComponent(check.schema)
        #expect(FileManager.default.fileExists(atPath: schema.path), "\(schema.path) is missing")
        let report = folder.appendingPathComponent("report.\(check.format)")
        let result = try plainlint(["check", "--format", check.format, "--output", report.path, "."], in: formatsFolder)
        #expect(result.status == 1)
        let output = try PythonEnvironment.run(
          python.path, [script.path, schema.path, report.path] + (check.lines ? ["--lines"] : []))
        let json = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        #expect(json["validator"] as? String == "Draft4Validator")
        #expect(json["errors"] as? [String] == [], "\(check.format)")
        #expect((json["documents"] as? Int ?? 0) == (check.lines ? 7 : 1), "\(check.format)")
      }
      // The validator does reject a bad report: a SARIF log without its version.
      let bad = folder.appendingPathComponent("bad.sarif")
      let sarif = try plainlint(["check", "--format", "sarif", "."], in: formatsFolder).stdout
      try sarif.replacingOccurrences(of: "\"version\": \"2.1.0\",", with: "").write(
        to: bad, atomically: true, encoding: .utf8)
      let output = try PythonEnvironment.run(
        python.path, [script.path, schemasFolder.appendingPathComponent("sarif-schema-2.1.0.json").path, bad.path])
      let json = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
      #expect((json["errors"] as? [String])?.isEmpty == false)
    }
  }

  @Test func sarifFingerprintsSurviveLinesInsertedAbove() throws {
    try withTemporaryFolder { folder in
      let text = "We will utilise a scanner.\n\nYou may have oedema – swelling. We will utilise a scanner.\n"
      try write(text, to: "note.txt", in: folder)
      let before = try sarifResults(plainlint(["check", "--format", "sarif", "note.txt"], in: folder).stdout)
      try write("A new first line.\n\nAnd a second one.\n\n" + text, to: "note.txt", in: folder)
      let after = try sarifResults(plainlint(["check", "--format", "sarif", "note.txt"], in: folder).stdout)
      #expect(before.count == after.count && before.count >= 3)
      for (old, new) in zip(before, after) {
        #expect(new.rule == old.rule)
        #expect(new.line == old.line + 4)
        #expect(new.fingerprint == old.fingerprint, "\(old.rule) at line \(old.line)")
      }
      #expect(Set(before.map(\.fingerprint)).count == before.count, "every fingerprint is different")
      // Editing the flagged line itself does change its fingerprint.
      try write(text.replacingOccurrences(of: "You may have", with: "You might have"), to: "note.txt", in: folder)
      let edited = try sarifResults(plainlint(["check", "--format", "sarif", "note.txt"], in: folder).stdout)
      let changed = zip(before, edited).filter { $0.fingerprint != $1.fingerprint }
      #expect(changed.count >= 1 && changed.allSatisfy { $0.0.line == 3 })
    }
  }

  @Test func githubAppendsAStepSummary() throws {
    try withTemporaryFolder { folder in
      let summary = folder.appendingPathComponent("summary.md")
      try "Earlier step.\n".write(to: summary, atomically: true, encoding: .utf8)
      let result = try plainlint(
        ["check", "--format", "github", "."], in: formatsFolder, environment: ["GITHUB_STEP_SUMMARY": summary.path])
      #expect(result.status == 1)
      let text = try String(contentsOf: summary, encoding: .utf8)
      try expectMatchesGolden(text, "formats/step-summary.md")
      #expect(text.hasPrefix("Earlier step.\n## plainlint\n"))
      // Without the variable nothing is written anywhere else, and the annotations are the same.
      let plain = try plainlint(["check", "--format", "github", "."], in: formatsFolder)
      #expect(plain.stdout == result.stdout)
    }
  }

  @Test func githubSummaryNotesGitHubsLimitOfTenAnnotations() throws {
    try withTemporaryFolder { folder in
      try write(String(repeating: "Please utilise the form.\n", count: 12), to: "many.txt", in: folder)
      let summary = folder.appendingPathComponent("summary.md")
      _ = try plainlint(
        ["check", "--format", "github", "many.txt"], in: folder, environment: ["GITHUB_STEP_SUMMARY": summary.path])
      let text = try String(contentsOf: summary, encoding: .utf8)
      #expect(text.contains("GitHub shows only the first ten annotations of each kind"))
      #expect(text.contains("| `complex-word` | 12 |"))
    }
  }

  @Test func xmlFormatsAreWellFormedWithAwkwardPaths() throws {
    try withTemporaryFolder { folder in
      let name = "a&b <c> \"d\" 'e'.txt"
      try write("Please utilise the form.\n", to: name, in: folder)
      for format in ["checkstyle", "junit"] {
        let result = try plainlint(["check", "--format", format, name], in: folder)
        let document = try XMLDocument(data: Data(result.stdout.utf8), options: [])
        #expect(result.stdout.contains("a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos;.txt"))
        #expect(try document.nodes(forXPath: "//@name").contains { $0.stringValue == name }, "\(format)")
      }
    }
  }

  @Test func quietReportsOnlyErrors() throws {
    let result = try plainlint(["check", "--quiet", "."], in: formatsFolder)
    #expect(result.status == 1)
    #expect(result.stdout.contains("[jargon]"))
    #expect(!result.stdout.contains("warning:") && !result.stdout.contains("info:"))
    #expect(result.stdout.hasSuffix("Checked 2 files: 1 error.\n"))
    let json = try plainlint(["check", "--quiet", "--format", "sarif", "."], in: formatsFolder)
    #expect(try sarifResults(json.stdout).map(\.rule) == ["jargon"])
    // Warnings alone: shown without --quiet and failing; with it, nothing is shown and the run passes.
    try withTemporaryFolder { folder in
      try write("Please utilise the form.\n", to: "a.txt", in: folder)
      #expect(try plainlint(["check", "a.txt"], in: folder).status == 1)
      let quiet = try plainlint(["check", "--quiet", "a.txt"], in: folder)
      #expect(quiet.status == 0)
      #expect(quiet.stdout == "Checked 1 file: no problems found.\n")
    }
  }

  @Test func maxWarnings() throws {
    try withTemporaryFolder { folder in
      try write("Please utilise the form.\nPlease utilise the pen.\n", to: "a.txt", in: folder)
      // With --max-warnings, warnings fail the run only when there are too many (--fail-on becomes error).
      #expect(try plainlint(["check", "--max-warnings", "2", "a.txt"], in: folder).status == 0)
      let over = try plainlint(["check", "--max-warnings", "1", "a.txt"], in: folder)
      #expect(over.status == 1)
      #expect(over.stderr == "plainlint: 2 warnings found, more than the 1 --max-warnings allows\n")
      #expect(try plainlint(["check", "--max-warnings", "0", "a.txt"], in: folder).status == 1)
      // An explicit --fail-on still counts: any warning fails.
      #expect(try plainlint(["check", "--max-warnings", "5", "--fail-on", "warning", "a.txt"], in: folder).status == 1)
      // Warnings hidden by --quiet still count against the limit.
      let quiet = try plainlint(["check", "--quiet", "--max-warnings", "1", "a.txt"], in: folder)
      #expect(quiet.status == 1)
      #expect(quiet.stdout == "Checked 1 file: no problems found.\n")
      let bad = try plainlint(["check", "--max-warnings=-1", "a.txt"], in: folder)
      #expect(bad.status == 2)
      #expect(bad.stderr.contains("--max-warnings needs a number of 0 or more"))
    }
    // Errors fail whatever the limit.
    #expect(try plainlint(["check", "--max-warnings", "100", "."], in: formatsFolder).status == 1)
  }

  // Text and JSON reports are written to the file as they are made (a temporary file, renamed when whole); the
  // others all at once.
  @Test(arguments: ["sarif", "json", "text"])
  func outputWritesTheReportToAFileAndTextToTheTerminal(_ format: String) throws {
    try withTemporaryFolder { folder in
      let report = folder.appendingPathComponent("plainlint.\(format)")
      try "old report".write(to: report, atomically: true, encoding: .utf8)
      let result = try plainlint(["check", "--format", format, "--output", report.path, "."], in: formatsFolder)
      #expect(result.status == 1)
      let text = try plainlint(["check", "."], in: formatsFolder)
      #expect(result.stdout == text.stdout)
      let expected = try plainlint(["check", "--format", format, "."], in: formatsFolder)
      #expect(try String(contentsOf: report, encoding: .utf8) == expected.stdout)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plainlint.\(format)"])
    }
  }

  @Test(arguments: ["junit", "json"])
  func anUnwritableOutputIsExitTwoWithNoPartialFile(_ format: String) throws {
    try withTemporaryFolder { folder in
      let missing = folder.appendingPathComponent("no-such-folder/report.xml")
      let result = try plainlint(["check", "--format", format, "--output", missing.path, "."], in: formatsFolder)
      #expect(result.status == 2)
      #expect(
        result.stderr
          == "\(missing.path): error: cannot write the report: no such file; check that the folder exists and can be "
          + "written to\n")
      #expect(result.stdout.hasSuffix("Checked 2 files: 1 error, 4 warnings, 2 notes.\n"), "the terminal still shows")
      #expect(!FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))
      // A folder that cannot be written to keeps nothing, not even a temporary file.
      let locked = folder.appendingPathComponent("locked")
      try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
      try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: locked.path)
      defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path) }
      if access(locked.path, W_OK) != 0 {  // root can write anywhere: then there is nothing to test
        let target = locked.appendingPathComponent("report.xml")
        let denied = try plainlint(["check", "--format", format, "--output", target.path, "."], in: formatsFolder)
        #expect(denied.status == 2)
        #expect(denied.stderr.contains("cannot write the report: permission denied"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path) == [])
      }
      // A folder in the way of the file.
      let folderInTheWay = folder.appendingPathComponent("report")
      try FileManager.default.createDirectory(at: folderInTheWay, withIntermediateDirectories: false)
      let inTheWay = try plainlint(
        ["check", "--format", format, "--output", folderInTheWay.path, "."], in: formatsFolder)
      #expect(inTheWay.status == 2)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["locked", "report"])
    }
  }
}
