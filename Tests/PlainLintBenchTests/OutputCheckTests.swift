import Foundation
import Testing

@testable import plainlint_bench

/// The package root, found from this file's path.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

@Suite("Benchmark: the output check")
struct OutputCheckTests {
  @Test func findingsAreCountedByRule() {
    let json = Array(
      """
      {"files": [{"path": "a.txt", "diagnostics": [
        {"rule": "jargon", "message": "the \\"rule\\": \\"x\\" in a message is not a key"},
        {"rule": "jargon"}, {"rule": "long-sentence"}]}]}
      """.utf8)
    #expect(OutputCheck.ruleCounts(json) == ["jargon": 2, "long-sentence": 1])
  }

  @Test func theFolderIsTakenOutOfEveryPath() {
    let json = Array(#"{"path": "/tmp/x/text/page-00001.txt"}, {"path": "/tmp/x/html/a.html"}, "/tmp/xy""#.utf8)
    let expected = Array(#"{"path": "text/page-00001.txt"}, {"path": "html/a.html"}, "/tmp/xy""#.utf8)
    #expect(OutputCheck.removing(Array("/tmp/x/".utf8), from: json) == expected)
    #expect(OutputCheck.removing([], from: json) == json)
  }

  @Test func theExpectedFileReadsBackAsWritten() throws {
    let summaries = [
      OutputCheck.Summary(format: "text", files: 40, bytes: 123, hash: 0xC69B_1E09_6AF5_0AA7, rules: ["jargon": 3]),
      OutputCheck.Summary(format: "html", files: 2, bytes: 9, hash: 1, rules: ["jargon": 1, "passive-voice": 5]),
    ]
    let text = OutputCheck.render(summaries)
    #expect(try OutputCheck.parse(text, path: "x.tsv") == summaries)
    #expect(OutputCheck.differences(expected: summaries, actual: summaries).isEmpty)
  }

  @Test func aDifferenceNamesTheFormatAndTheRules() {
    let expected = [OutputCheck.Summary(format: "text", files: 1, bytes: 10, hash: 7, rules: ["jargon": 3])]
    let actual = [
      OutputCheck.Summary(format: "text", files: 1, bytes: 11, hash: 8, rules: ["jargon": 2, "acronym-avoid": 1])
    ]
    let lines = OutputCheck.differences(expected: expected, actual: actual)
    #expect(lines.count == 1)
    #expect(lines[0].hasPrefix("text: JSON of 11 bytes"))
    #expect(lines[0].contains("acronym-avoid 1 findings (expected 0)"))
    #expect(lines[0].contains("jargon 2 findings (expected 3)"))
    // The same counts with another hash still differ: a changed message is a changed output.
    let reworded = [OutputCheck.Summary(format: "text", files: 1, bytes: 10, hash: 9, rules: ["jargon": 3])]
    #expect(OutputCheck.differences(expected: expected, actual: reworded).count == 1)
    #expect(OutputCheck.differences(expected: expected, actual: []) == ["text: expected, but not checked"])
  }

  @Test func aBrokenExpectedFileIsAnErrorWithItsLine() {
    #expect(throws: BenchError.self) {
      try OutputCheck.parse("# comment\nreport\ttext\t1\n", path: "x.tsv")
    }
    do {
      _ = try OutputCheck.parse("# comment\nrule\ttext\tjargon\t3\n", path: "x.tsv")
      Issue.record("a rule line before its report line was read")
    } catch {
      #expect(error.description.hasPrefix("x.tsv:2: "))
    }
  }

  /// The binary `swift test` built (a debug build) gives the output in `Fixtures/bench/expected-output.tsv`, which
  /// the benchmark checks its release build against: every build in between gives the same report.
  @Test func theBuiltPlainlintGivesTheExpectedOutput() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plainlint-output-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let corpus = OutputCheck.corpus()
    try OutputCheck.write(corpus, into: folder.path)
    let reports = try OutputCheck.run(
      corpus, plainlint: plainlintBinary, in: folder.path, environment: System.environment(),
      outputPath: { folder.appendingPathComponent("report-\($0.rawValue).json").path })
    let actual = reports.map { OutputCheck.summary(format: $0.format, files: $0.files, json: $0.json) }
    let expectedPath = packageRoot.appendingPathComponent("Fixtures/bench/expected-output.tsv").path
    #expect(expectedPath == OutputCheck.defaultExpectedPath)
    let expected = try OutputCheck.parse(String(contentsOfFile: expectedPath, encoding: .utf8), path: expectedPath)
    #expect(actual.map(\.format) == ["text", "markdown", "html"])
    #expect(actual.allSatisfy { $0.files > 0 && $0.findings > 1_000 })
    let differences = OutputCheck.differences(expected: expected, actual: actual)
    #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
  }
}
