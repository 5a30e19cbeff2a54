import Foundation
import Testing

/// The fixtures of `check --fix`, in `Fixtures/fix/`, with their expected diffs, fixed files and reports in
/// `Fixtures/expected/fix/`.
let fixFixtures = ["leaflet.txt", "leaflet.md", "leaflet.html", "crlf.txt"]

/// Copies `Fixtures/fix/` into a fresh temporary folder and runs `body` there.
func withFixCopy<T>(_ body: (URL) throws -> T) throws -> T {
  try withTemporaryFolder { folder in
    for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("fix").path) {
      try FileManager.default.copyItem(
        at: fixtures.appendingPathComponent("fix/\(name)"), to: folder.appendingPathComponent(name))
    }
    return try body(folder)
  }
}

/// The bytes of a file.
func bytes(_ name: String, in folder: URL) throws -> [UInt8] {
  Array(try Data(contentsOf: folder.appendingPathComponent(name)))
}

/// A file's permission bits.
func permissions(_ name: String, in folder: URL) throws -> Int {
  let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
  return (attributes[.posixPermissions] as? Int) ?? -1
}

/// Sets a file's or folder's permission bits.
func setPermissions(_ bits: Int, _ name: String, in folder: URL) throws {
  try FileManager.default.setAttributes(
    [.posixPermissions: bits], ofItemAtPath: folder.appendingPathComponent(name).path)
}

@Suite("check --fix, end to end", .serialized)
struct FixTests {
  @Test("--fix --dry-run prints the expected diff, changes nothing, and git apply accepts it", arguments: fixFixtures)
  func dryRunDiff(_ name: String) throws {
    try withFixCopy { folder in
      let before = try bytes(name, in: folder)
      let result = try plainlint(["check", "--fix", "--dry-run", name], in: folder)
      try expectMatchesGolden(result.stdout, "fix/\(name).diff")
      #expect(try bytes(name, in: folder) == before)
      #expect(result.stderr.isEmpty)
      // The diff applies, and gives the same bytes as --fix.
      try Data(result.stdout.utf8).write(to: folder.appendingPathComponent("fixes.patch"))
      let git = try run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "apply", "fixes.patch"], in: folder)
      #expect(git.status == 0, "git apply: \(git.stderr)")
      let applied = try bytes(name, in: folder)
      try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
      try FileManager.default.copyItem(
        at: fixtures.appendingPathComponent("fix/\(name)"), to: folder.appendingPathComponent(name))
      _ = try plainlint(["check", "--fix", name], in: folder)
      #expect(try bytes(name, in: folder) == applied)
    }
  }

  @Test("patch -p1 accepts the diff of several files")
  func patchAcceptsTheDiff() throws {
    try withFixCopy { folder in
      let diff = try plainlint(["check", "--fix", "--dry-run", "leaflet.txt", "crlf.txt"], in: folder).stdout
      let result = try run(
        URL(fileURLWithPath: "/usr/bin/env"), ["patch", "-p1", "--dry-run"], in: folder, stdin: Data(diff.utf8))
      #expect(result.status == 0, "patch: \(result.stdout) \(result.stderr)")
    }
  }

  @Test("--fix writes the expected file and report, and a second run changes nothing", arguments: fixFixtures)
  func fixGolden(_ name: String) throws {
    try withFixCopy { folder in
      let result = try plainlint(["check", "--fix", name], in: folder)
      try expectMatchesGolden(result.stdout, "fix/\(name).out")
      try expectMatchesGolden(String(decoding: try bytes(name, in: folder), as: UTF8.self), "fix/\(name).fixed")
      #expect(result.status == (name == "leaflet.md" ? 1 : 0))
      let fixed = try bytes(name, in: folder)
      let again = try plainlint(["check", "--fix", name], in: folder)
      #expect(!again.stdout.contains("fixed:"))
      #expect(try bytes(name, in: folder) == fixed)
      #expect(again.status == result.status)
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
      #expect(leftovers.isEmpty)
    }
  }

  @Test("CRLF line endings, a byte-order mark and bytes that are not UTF-8 are kept")
  func bytesOutsideTheFixesAreKept() throws {
    try withFixCopy { folder in
      let result = try plainlint(["check", "--fix", "bom-latin1.txt", "crlf.txt"], in: folder)
      #expect(result.status == 0)
      let expected: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("We will use a caf".utf8) + [0xE9]
        + Array(" camera.\nStart here.\n".utf8)
      #expect(try bytes("bom-latin1.txt", in: folder) == expected)
      let crlf = "We will use a camera.\r\nPlease arrive before your visit.\r\nThank you."
      #expect(try bytes("crlf.txt", in: folder) == Array(crlf.utf8))
    }
  }

  @Test("the file's permissions are kept")
  func permissionsAreKept() throws {
    try withFixCopy { folder in
      try setPermissions(0o640, "crlf.txt", in: folder)
      let result = try plainlint(["check", "--fix", "crlf.txt"], in: folder)
      #expect(result.status == 0)
      #expect(result.stdout.contains("fixed:"))
      #expect(try permissions("crlf.txt", in: folder) == 0o640)
    }
  }

  @Test("a read-only file is left as it was, with a clear message and exit code 2")
  func readOnlyFile() throws {
    try withFixCopy { folder in
      try setPermissions(0o444, "crlf.txt", in: folder)
      let before = try bytes("crlf.txt", in: folder)
      let result = try plainlint(["check", "--fix", "crlf.txt"], in: folder)
      #expect(result.status == 2)
      #expect(
        result.stderr
          == "crlf.txt: error: the file is read-only; make it writable (chmod u+w) to fix it; the file was not "
          + "changed\n")
      #expect(try bytes("crlf.txt", in: folder) == before)
      #expect(!result.stdout.contains("fixed:"))
      #expect(result.stdout.contains("[complex-word]"))
    }
  }

  @Test("a file in a read-only folder is left as it was, with exit code 2")
  func readOnlyFolder() throws {
    try withFixCopy { folder in
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("locked"), withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: folder.appendingPathComponent("crlf.txt"), to: folder.appendingPathComponent("locked/crlf.txt"))
      try setPermissions(0o555, "locked", in: folder)
      defer { try? setPermissions(0o755, "locked", in: folder) }
      let before = try bytes("locked/crlf.txt", in: folder)
      let result = try plainlint(["check", "--fix", "locked/crlf.txt"], in: folder)
      #expect(result.status == 2)
      #expect(result.stderr.hasPrefix("locked/crlf.txt: error: its folder is read-only"))
      #expect(try bytes("locked/crlf.txt", in: folder) == before)
    }
  }

  @Test("a file changed between reading and writing is left as it was changed, with exit code 2")
  func changedWhileFixing() throws {
    try withFixCopy { folder in
      let before = try bytes("crlf.txt", in: folder)
      let result = try plainlint(
        ["check", "--fix", "crlf.txt"], in: folder, environment: ["PLAINLINT_TEST_EDIT_BEFORE_REPLACE": " More."])
      #expect(result.status == 2)
      #expect(
        result.stderr
          == "crlf.txt: error: it changed while plainlint was fixing it; run plainlint check --fix again; the file "
          + "was not changed\n")
      #expect(try bytes("crlf.txt", in: folder) == before + Array(" More.".utf8))
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
      #expect(leftovers.isEmpty)
    }
  }

  @Test("a link is fixed through: the file it points to changes and the link stays a link")
  func linksStayLinks() throws {
    try withFixCopy { folder in
      try FileManager.default.createSymbolicLink(
        atPath: folder.appendingPathComponent("link.txt").path, withDestinationPath: "crlf.txt")
      let result = try plainlint(["check", "--fix", "link.txt"], in: folder)
      #expect(result.status == 0)
      let kind = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("link.txt").path)[.type]
      #expect(kind as? FileAttributeType == .typeSymbolicLink)
      #expect(String(decoding: try bytes("crlf.txt", in: folder), as: UTF8.self).hasPrefix("We will use a camera."))
    }
  }

  @Test("standard input: the fixed text on standard output, the report on standard error")
  func standardInput() throws {
    let text = "We will utilise a camera. Contact PALS today.\n"
    let result = try plainlint(
      ["check", "--fix", "--stdin-filename", "note.txt", "-"], stdin: Data(text.utf8))
    #expect(result.stdout == "We will use a camera. Contact patient advice and liaison service (PALS) today.\n")
    #expect(result.stderr.contains("note.txt:1:9: fixed: “utilise” → “use” [complex-word]"))
    #expect(result.status == 0)
    let mixed = try plainlint(["check", "--fix", "--language", "text", "-", "fix/crlf.txt"], stdin: Data(text.utf8))
    #expect(mixed.status == 2)
    #expect(mixed.stderr.hasPrefix("plainlint: error: --fix writes standard input's fixed text to standard output"))
  }

  @Test("accepted words and suppressed findings are not fixed")
  func configurationIsRespected() throws {
    try withTemporaryFolder { folder in
      try write("accept:\n  - utilise\n", to: ".plainlint.yml", in: folder)
      let text = "We will utilise a camera prior to the test.\n"
      try write(text, to: "a.txt", in: folder)
      let result = try plainlint(["check", "--fix", "a.txt"], in: folder)
      #expect(result.status == 0)
      #expect(String(decoding: try bytes("a.txt", in: folder), as: UTF8.self)
        == "We will utilise a camera before the test.\n")
    }
  }

  @Test("exit codes: 0 when nothing is left, 1 when findings are left, 2 for --dry-run without --fix")
  func exitCodes() throws {
    try withTemporaryFolder { folder in
      try write("Please arrive prior to your visit.\n", to: "a.txt", in: folder)
      #expect(try plainlint(["check", "--fix", "--dry-run", "a.txt"], in: folder).status == 0)
      #expect(try plainlint(["check", "a.txt"], in: folder).status == 1)
      #expect(try plainlint(["check", "--fix", "a.txt"], in: folder).status == 0)
      try write("Please arrive prior to the meeting with stakeholders.\n", to: "b.txt", in: folder)
      #expect(try plainlint(["check", "--fix", "b.txt"], in: folder).status == 1)
      let bad = try plainlint(["check", "--dry-run", "a.txt"], in: folder)
      #expect(bad.status == 2)
      #expect(bad.stderr.contains("--dry-run goes with --fix"))
    }
  }

  @Test("--fix with the CI formats, --output and --max-warnings: they report the findings left")
  func ciFormats() throws {
    try withTemporaryFolder { folder in
      try write("Please arrive prior to the meeting with stakeholders.\n", to: "a.txt", in: folder)
      let sarif = try plainlint(["check", "--fix", "--format", "sarif", "a.txt"], in: folder)
      #expect(sarif.stderr == "a.txt:1:15: fixed: “prior to” → “before” [complex-word]\n")
      let compact = sarif.stdout.replacingOccurrences(of: " ", with: "")
      #expect(compact.contains("\"ruleId\":\"jargon\"") && !compact.contains("\"ruleId\":\"complex-word\""))
      #expect(sarif.status == 1)
      try write("Please arrive prior to the meeting with stakeholders.\n", to: "a.txt", in: folder)
      let limited = try plainlint(["check", "--fix", "--max-warnings", "1", "a.txt"], in: folder)
      #expect(limited.status == 0)
      #expect(limited.stdout.hasPrefix("a.txt:1:15: fixed: “prior to” → “before” [complex-word]\n"))
      try write("Please arrive prior to the meeting with stakeholders.\n", to: "a.txt", in: folder)
      let written = try plainlint(["check", "--fix", "--format", "json", "--output", "r.json", "a.txt"], in: folder)
      #expect(written.stdout.hasPrefix("a.txt:1:15: fixed:"))
      #expect(try summaries(String(contentsOf: folder.appendingPathComponent("r.json"), encoding: .utf8))
        == ["1:39 jargon stakeholders"])
    }
  }

  @Test("--format json with --fix: the findings left as JSON, the fixes on standard error")
  func jsonOutput() throws {
    try withFixCopy { folder in
      let result = try plainlint(["check", "--fix", "--format", "json", "crlf.txt"], in: folder)
      #expect(result.stderr == "crlf.txt:1:9: fixed: “utilise” → “use” [complex-word]\n"
        + "crlf.txt:2:15: fixed: “prior to” → “before” [complex-word]\n")
      #expect(try diagnostics(result.stdout).isEmpty)
    }
  }
}
