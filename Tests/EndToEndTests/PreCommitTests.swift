import Foundation
import Testing

/// The pre-commit hook in `.pre-commit-hooks.yaml`, run by pre-commit itself (pinned, installed from PyPI into a
/// virtual environment in the build folder) with `pre-commit try-repo` on a scratch git repository.
///
/// try-repo builds the repository's committed state (`--ref HEAD`): in CI's fresh clone that is the code under
/// test. pre-commit builds plainlint there with `swift build -c release` (about 3 minutes alone on the project's
/// usual 2-core machine; 12.5 minutes in session 13's CI, on a slower machine while the other suites ran), once per
/// commit: `PRE_COMMIT_HOME` is in the build folder, so later runs on the same commit reuse the build and take
/// seconds. The time limit is there to stop a hang, not to judge speed, so it leaves room for slow machines.
@Suite("The pre-commit hook, end to end", .serialized)
struct PreCommitTests {
  /// pre-commit's home, kept in the build folder between runs.
  static let home = plainlintBinary.deletingLastPathComponent().appendingPathComponent("pre-commit-home")

  /// The commit the hook is built from: this repository's HEAD.
  static func head() throws -> String {
    let result = try run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "rev-parse", "HEAD"], in: packageRoot)
    guard result.status == 0 else {
      throw PythonEnvironment.PythonError(description: "git rev-parse HEAD failed: \(result.stderr)")
    }
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test("a file full of jargon fails the hook and a plain one passes", .timeLimit(.minutes(30)))
  func jargonFailsPlainPasses() throws {
    let python = try PythonEnvironment.make("pre-commit", packages: ["pre-commit==4.7.0"])
    let preCommit = python.deletingLastPathComponent().appendingPathComponent("pre-commit")
    let ref = try Self.head()
    try withTemporaryFolder { folder in
      let git = URL(fileURLWithPath: "/usr/bin/env")
      #expect(try run(git, ["git", "init", "-q", "."], in: folder).status == 0)
      try write(
        "We will utilise a small camera prior to the procedure. Contact PALS about your outpatient appointment.\n",
        to: "docs/jargon.md", in: folder)
      try write(
        "We will use a small camera before the test. Ask us if you have a question.\n", to: "plain.txt", in: folder)
      try write("<p>Please arrive before your visit.</p>\n", to: "page.html", in: folder)
      #expect(try run(git, ["git", "add", "."], in: folder).status == 0)
      let environment = ["PRE_COMMIT_HOME": Self.home.path, "NO_COLOR": "1"]
      func tryRepo(_ files: [String]) throws -> RunResult {
        try run(
          preCommit, ["try-repo", packageRoot.path, "plainlint", "--ref", ref, "--color", "never", "--files"] + files,
          in: folder, environment: environment)
      }
      let jargon = try tryRepo(["docs/jargon.md"])
      #expect(jargon.status == 1, "pre-commit: \(jargon.stdout)\(jargon.stderr)")
      #expect(jargon.stdout.contains("plainlint...") && jargon.stdout.contains("Failed"))
      #expect(jargon.stdout.contains("docs/jargon.md:1:9: warning: “utilise” is wordy"))
      #expect(jargon.stdout.contains("[acronym-undefined]"))
      let plain = try tryRepo(["plain.txt", "page.html"])
      #expect(plain.status == 0, "pre-commit: \(plain.stdout)\(plain.stderr)")
      #expect(plain.stdout.contains("Passed"))
    }
  }
}
