import Foundation
import PlainLintCore
import Testing

@testable import PlainLintReporters

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A context for a repository at /repo, run from /repo/docs, with one rule.
let ciContext = CIContext(
  version: "9.9.9",
  rules: [
    RuleDescription(
      identifier: "test-rule", name: "Test rule", summary: "A rule for tests.", rationale: "Tests need one.",
      defaultSeverity: .warning, triggeringExamples: [], nonTriggeringExamples: [])
  ],
  repositoryRoot: "/repo", currentFolder: "/repo/docs")

/// Parses XML with Foundation's parser (libxml2 underneath), failing the test when it is not well formed.
func parseXML(_ text: String) throws -> XMLDocument {
  try XMLDocument(data: Data(text.utf8), options: [])
}

@Suite("Formats for CI services")
struct CIFormatTests {
  /// A message and a path with every character XML treats specially, and control characters.
  let awkwardMessage = "Use <b> & \"quotes\" or 'apostrophes'\u{01}\u{1B} –\ttab\nline\rreturn"
  let awkwardPath = "docs/a&b <c> \"d\" 'e'.txt"

  func awkwardReport() -> FileReport {
    let text = "Please utilise the form, café.\n"
    let document = Document(path: awkwardPath, text: text)
    let finding = Finding(
      rule: "test-rule", severity: .error, message: awkwardMessage, range: range(of: "utilise", in: text))
    return FileReport(document: document, format: "text", findings: [finding])
  }

  @Test func checkstyleEscapesEverythingXMLNeeds() throws {
    let xml = CheckstyleReporter().render([awkwardReport()])
    let document = try parseXML(xml)
    let error = try #require(try document.nodes(forXPath: "/checkstyle/file/error").first as? XMLElement)
    // Control characters XML cannot hold become U+FFFD; tab, line feed and carriage return survive.
    let expected = "Use <b> & \"quotes\" or 'apostrophes'\u{FFFD}\u{FFFD} –\ttab\nline\rreturn"
    #expect(error.attribute(forName: "message")?.stringValue == expected)
    #expect(error.attribute(forName: "line")?.stringValue == "1")
    #expect(error.attribute(forName: "column")?.stringValue == "8")
    #expect(error.attribute(forName: "severity")?.stringValue == "error")
    let file = try #require(try document.nodes(forXPath: "/checkstyle/file").first as? XMLElement)
    #expect(file.attribute(forName: "name")?.stringValue == awkwardPath)
  }

  @Test func junitEscapesEverythingXMLNeedsAndCountsTests() throws {
    let clean = FileReport(document: Document(path: "clean.txt", text: "Fine.\n"), format: "text", findings: [])
    let xml = JUnitReporter().render([awkwardReport(), clean])
    let document = try parseXML(xml)
    let root = try #require(document.rootElement())
    #expect(root.attribute(forName: "tests")?.stringValue == "2")
    #expect(root.attribute(forName: "failures")?.stringValue == "1")
    let failure = try #require(try document.nodes(forXPath: "//testcase/failure").first as? XMLElement)
    #expect(failure.attribute(forName: "message")?.stringValue?.hasPrefix("Use <b> & \"quotes\"") == true)
    #expect(failure.stringValue?.contains("'apostrophes'\u{FFFD}\u{FFFD} –\ttab\nline") == true)
    let suites = try document.nodes(forXPath: "//testsuite")
    #expect((suites.first as? XMLElement)?.attribute(forName: "name")?.stringValue == awkwardPath)
    let passing = try #require(try document.nodes(forXPath: "//testsuite[2]/testcase").first as? XMLElement)
    #expect(passing.children == nil || passing.children?.isEmpty == true)
  }

  @Test func githubEscapesDataAndProperties() {
    #expect(GitHubReporter.escapeData("100% sure\r\nnext: a,b") == "100%25 sure%0D%0Anext: a,b")
    #expect(GitHubReporter.escapeProperty("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A")
    let out = GitHubReporter(context: ciContext).render([awkwardReport()])
    #expect(out.hasPrefix("::error file=/repo/docs/") == false)
    // The path is relative to the repository root: the run is in /repo/docs.
    #expect(out.hasPrefix("::error file=docs/docs/a&b <c> \"d\" 'e'.txt,line=1,col=8,endLine=1,endColumn=14,"))
    #expect(out.contains("title=plainlint test-rule::Use <b>"))
    #expect(out.contains("–\ttab%0Aline%0Dreturn\n"))
    #expect(out.split(separator: "\n").count == 1)
  }

  @Test func githubEndColumnIsTheLastFlaggedColumn() {
    let text = "One twó\nthree\n"
    let document = Document(path: "a.txt", text: text)
    func annotation(_ range: Range<Int>) -> String {
      let finding = Finding(rule: "test-rule", severity: .warning, message: "m", range: range)
      let report = FileReport(document: document, format: "text", findings: [finding])
      return GitHubReporter(context: ciContext).render([report])
    }
    let two = range(of: "twó", in: text)
    #expect(annotation(two).contains(",line=1,col=5,endLine=1,endColumn=7,"))
    // A range that takes in the line break ends at the last column of its line, not at the next line.
    #expect(annotation(two.lowerBound..<(two.upperBound + 1)).contains(",line=1,col=5,endLine=1,endColumn=7,"))
    #expect(annotation(two.lowerBound..<two.lowerBound).contains(",line=1,col=5,endLine=1,endColumn=5,"))
  }

  @Test func githubSeverities() {
    #expect(GitHubReporter.command(.error) == "error")
    #expect(GitHubReporter.command(.warning) == "warning")
    #expect(GitHubReporter.command(.info) == "notice")
  }

  @Test func repositoryPaths() {
    #expect(ciContext.repositoryPath("a.md") == "docs/a.md")
    #expect(ciContext.repositoryPath("../b/./c.md") == "b/c.md")
    #expect(ciContext.repositoryPath("/repo/x.md") == "x.md")
    #expect(ciContext.repositoryPath("/elsewhere/x.md") == nil)
    #expect(ciContext.repositoryPath("<stdin>") == nil)
    #expect(ciContext.servicePath("/elsewhere/x.md") == "/elsewhere/x.md")
  }

  @Test func uriEncoding() {
    #expect(uriEncoded("docs/café leaflet.md") == "docs/caf%C3%A9%20leaflet.md")
    #expect(uriEncoded("a#b?c%") == "a%23b%3Fc%25")
  }

  @Test func fingerprintsIgnoreLineNumbersAndCountRepeats() {
    var first = Fingerprints()
    let a = first.next(rule: "jargon", text: "oedema", line: "  some   oedema here")
    let b = first.next(rule: "jargon", text: "oedema", line: "some oedema here")
    let c = first.next(rule: "jargon", text: "oedema", line: "other oedema here")
    #expect(a.hasSuffix(":1"))
    #expect(b == a.dropLast() + "2", "white space is collapsed, and a repeat gets the next occurrence")
    #expect(c.hasSuffix(":1") && c.prefix(16) != a.prefix(16))
    var second = Fingerprints()
    #expect(second.next(rule: "jargon", text: "oedema", line: "some oedema here") == a)
    #expect(second.next(rule: "complex-word", text: "oedema", line: "some oedema here").prefix(16) != a.prefix(16))
  }

  @Test func rdjsonColumnsAreUTF8Bytes() {
    let text = "Café – utilise it.\n"
    let document = Document(path: "a.txt", text: text)
    let finding = Finding(
      rule: "test-rule", severity: .info, message: "m", range: range(of: "utilise", in: text),
      suggestions: [Suggestion(replacement: "use", description: "Write", isSafe: true)])
    let out = RDJSONReporter(context: ciContext, lines: true).render(
      [FileReport(document: document, format: "text", findings: [finding])])
    // “Café – ” is 7 scalars but 10 bytes: the finding starts at byte column 11.
    #expect(
      out == """
        {"message":"m","location":{"path":"a.txt","range":{"start":{"line":1,"column":11},"end":{"line":1,\
        "column":18}}},"severity":"INFO","source":{"name":"plainlint"},"code":{"value":"test-rule"},\
        "suggestions":[{"range":{"start":{"line":1,"column":11},"end":{"line":1,"column":18}},"text":"use"}]}

        """)
  }

  @Test func sarifColumnsAreScalarsAndOnlySafeSuggestionsAreFixes() throws {
    let text = "Café 😀 – utilise it.\n"
    let document = Document(path: "a.txt", text: text)
    let finding = Finding(
      rule: "test-rule", severity: .info, message: "m", range: range(of: "utilise", in: text),
      suggestions: [
        Suggestion(replacement: "use", description: "Write", isSafe: true),
        Suggestion(replacement: "employ", description: "Write", isSafe: false),
      ])
    let out = SARIFReporter(context: ciContext).render(
      [FileReport(document: document, format: "text", findings: [finding])])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    let run = try #require((json["runs"] as? [[String: Any]])?.first)
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let result = try #require((run["results"] as? [[String: Any]])?.first)
    #expect(result["level"] as? String == "note")
    #expect(result["ruleIndex"] as? Int == 0)
    let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    let region = try #require(location["region"] as? [String: Any])
    // “Café 😀 – ” is 9 scalars (the emoji is one, though two UTF-16 units).
    #expect(region["startColumn"] as? Int == 10)
    #expect(region["endColumn"] as? Int == 17)
    let artifact = try #require(location["artifactLocation"] as? [String: Any])
    #expect(artifact["uri"] as? String == "docs/a.txt")
    #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
    let fixes = try #require(result["fixes"] as? [[String: Any]])
    #expect(fixes.count == 1)
    #expect(out.contains("\"text\": \"use\""))
    #expect(!out.contains("\"text\": \"employ\""))
  }
}
