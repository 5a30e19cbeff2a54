import Foundation
import Testing

/// `plainlint lsp` driven through whole sessions by a real language client: pytest-lsp (a pytest plugin built on
/// pygls, the Python LSP library) runs the tests in `Tests/Python/lsp/` against the binary `swift test` built.
/// The packages are pinned in `Tests/Python/lsp/requirements.txt` and installed from PyPI into a virtual
/// environment in the build folder, once (about 10 seconds); the sessions themselves take seconds.
@Suite("The language server, end to end", .serialized)
struct LanguageServerTests {
  /// The Python tests and their settings.
  static let folder = packageRoot.appendingPathComponent("Tests/Python/lsp")

  /// The pinned packages: each line of `requirements.txt` that is not blank or a comment.
  static func pinnedPackages() throws -> [String] {
    let text = try String(contentsOf: folder.appendingPathComponent("requirements.txt"), encoding: .utf8)
    return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") }
  }

  @Test("pytest-lsp sessions: initialize, edits, diagnostics, quick fixes, hover, configuration, shutdown",
    .timeLimit(.minutes(10)))
  func sessions() throws {
    let packages = try Self.pinnedPackages()
    #expect(packages.contains("pytest-lsp==1.0.1"))
    let python = try PythonEnvironment.make("pytest-lsp", packages: packages)
    // The server writes its rule pages under XDG_CACHE_HOME: keep the tests' ones in the build folder.
    let cache = plainlintBinary.deletingLastPathComponent().appendingPathComponent("lsp-test-cache")
    let result = try run(
      python, ["-m", "pytest", "-q", "--tb=short", "Tests/Python/lsp"], in: packageRoot,
      environment: [
        "PLAINLINT_BINARY": plainlintBinary.path, "XDG_CACHE_HOME": cache.path, "PYTHONDONTWRITEBYTECODE": "1",
        "NO_COLOR": "1",
      ])
    #expect(result.status == 0, "pytest (exit code \(result.status)):\n\(result.stdout)\(result.stderr)")
    // pytest ends with its count of passed tests; a run that found none must not count as a pass.
    #expect(result.stdout.contains(" passed"), "pytest ran no test:\n\(result.stdout)")
  }
}
