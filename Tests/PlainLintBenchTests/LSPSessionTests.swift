import Foundation
import Testing

@testable import plainlint_bench

/// The `plainlint` binary that `swift test` built beside the test bundle.
let plainlintBinary: String = {
  let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  for folder in [beside, beside.deletingLastPathComponent()] {
    let candidate = folder.appendingPathComponent("plainlint").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
  }
  return beside.appendingPathComponent("plainlint").path
}()

@Suite("LSP benchmark: a session with the real server")
struct LSPSessionTests {
  @Test func aShortSessionMeasuresChecksAndShutsDownCleanly() throws {
    let directory = try System.makeTemporaryDirectory()
    defer {
      System.remove(
        files: ["s.md", "s.log", "check.json"].map { directory + "/" + $0 }, directory: directory)
    }
    let document = LSPBenchmark.markdownDocument(seed: 2025, targetBytes: 10_000)
    var steps: [String] = []
    let result = try LSPBenchmark.session(
      label: "10 KB", document: document, plainlint: plainlintBinary, environment: System.environment(),
      directory: directory, name: "s", seed: 9, edits: 30, memoryAt: [LSPBenchmark.warmupEdits + 10],
      progress: { steps.append($0) })
    #expect(result.serverInfo.hasPrefix("plainlint"))
    #expect(result.latencies.count == 30)
    #expect(result.latencies.best > 0)
    #expect(result.edits == LSPBenchmark.warmupEdits + 30)
    // What the server published for the last version is what the command line reports on the same text.
    #expect(result.lastDiagnostics > 0)
    #expect(result.lastDiagnostics == result.checkFindings)
    #expect(result.unmatched == 0)
    #expect(result.stalePublishes == 0)
    #expect(result.exitStatus == 0)
    #expect(result.memory.map(\.edits) == [LSPBenchmark.warmupEdits + 10, LSPBenchmark.warmupEdits + 30])
    #expect(result.memory.allSatisfy { $0.residentKiB > 1_000 && $0.peakKiB >= $0.residentKiB })
    #expect(steps.contains { $0.contains("checking the last diagnostics") })
  }

  @Test func aProgramThatIsNotALanguageServerIsAClearErrorNotAHang() throws {
    let directory = try System.makeTemporaryDirectory()
    defer { System.remove(files: ["t.md", "t.log"].map { directory + "/" + $0 }, directory: directory) }
    let document = LSPBenchmark.markdownDocument(seed: 1, targetBytes: 2_000)
    // `true` reads nothing and exits at once: the bench must say the server went away.
    let truePath = FileManager.default.isExecutableFile(atPath: "/bin/true") ? "/bin/true" : "/usr/bin/true"
    do {
      _ = try LSPBenchmark.session(
        label: "2 KB", document: document, plainlint: truePath, environment: [], directory: directory, name: "t",
        seed: 1, edits: 1, progress: { _ in })
      Issue.record("a session with /bin/true should fail")
    } catch {
      #expect(error.description.contains("the language server"), "\(error.description)")
    }
  }
}
