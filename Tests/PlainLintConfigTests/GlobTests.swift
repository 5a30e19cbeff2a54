import Testing

@testable import PlainLintConfig

@Suite("Globs")
struct GlobTests {
  /// Whether `pattern` matches `path`.
  func matches(_ pattern: String, _ path: String) throws -> Bool {
    try Glob(pattern).matches(path)
  }

  @Test func starStaysWithinOneName() throws {
    #expect(try matches("*.md", "notes.md"))
    #expect(try matches("*.md", ".md"))
    #expect(try !matches("*.md", "docs/notes.md"))
    #expect(try matches("docs/*.md", "docs/notes.md"))
    #expect(try !matches("docs/*.md", "docs/a/notes.md"))
    #expect(try matches("docs/a*b*c.txt", "docs/aXXbYYc.txt"))
    #expect(try !matches("docs/a*b*c.txt", "docs/aXXbYYd.txt"))
    #expect(try matches("*", "anything.txt"))
  }

  @Test func doubleStarMatchesAnyNumberOfFolders() throws {
    #expect(try matches("drafts/**", "drafts/a.md"))
    #expect(try matches("drafts/**", "drafts/x/y/z.md"))
    #expect(try matches("**/CHANGELOG.md", "CHANGELOG.md"))
    #expect(try matches("**/CHANGELOG.md", "a/b/CHANGELOG.md"))
    #expect(try !matches("**/CHANGELOG.md", "a/b/CHANGELOG.txt"))
    #expect(try matches("docs/**/*.md", "docs/a.md"))
    #expect(try matches("docs/**/*.md", "docs/x/y/a.md"))
    #expect(try !matches("docs/**/*.md", "other/docs/a.md"))
    #expect(try matches("a/**/b/**/c.txt", "a/x/b/y/z/c.txt"))
    #expect(try matches("a/**/**/c.txt", "a/c.txt"))
    // Inside a name, ** is *.
    #expect(try matches("a**.md", "abc.md"))
    #expect(try !matches("a**.md", "a/b.md"))
  }

  @Test func aPatternMatchesTheFoldersAboveAFile() throws {
    #expect(try matches("drafts", "drafts/a.md"))
    #expect(try matches("drafts", "drafts/x/a.md"))
    #expect(try matches("drafts", "drafts"))
    #expect(try !matches("drafts", "old-drafts/a.md"))
    #expect(try !matches("drafts", "x/drafts/a.md"))
    #expect(try matches("*/archive", "2020/archive/a.md"))
    // A trailing slash: folders only.
    #expect(try matches("drafts/", "drafts/a.md"))
    #expect(try !matches("drafts/", "drafts"))
    #expect(try !matches("notes.md/", "notes.md"))
    // A leading slash or ./ changes nothing: globs are relative to the configuration's folder.
    #expect(try matches("/drafts/*.md", "drafts/a.md"))
    #expect(try matches("./drafts/*.md", "drafts/a.md"))
  }

  @Test func questionMarksAndBrackets() throws {
    #expect(try matches("draft-?.md", "draft-1.md"))
    #expect(try matches("draft-?.md", "draft-é.md"), "? is one character, not one byte")
    #expect(try !matches("draft-?.md", "draft-12.md"))
    #expect(try !matches("a?b", "a/b"))
    #expect(try matches("v[123].md", "v2.md"))
    #expect(try !matches("v[123].md", "v4.md"))
    #expect(try matches("v[0-9].md", "v7.md"))
    #expect(try !matches("v[!0-9].md", "v7.md"))
    #expect(try matches("v[!0-9].md", "vx.md"))
    #expect(try matches("v[^0-9].md", "vx.md"))
    #expect(try matches("[]]x", "]x"))
    #expect(try matches("[a-]x", "-x"))
    #expect(try matches("caf[éè].md", "café.md"))
  }

  @Test func bracesGiveAlternatives() throws {
    #expect(try matches("*.{md,txt}", "a.md"))
    #expect(try matches("*.{md,txt}", "a.txt"))
    #expect(try !matches("*.{md,txt}", "a.html"))
    #expect(try matches("{drafts,old}/**", "old/x/a.md"))
    #expect(try matches("{a,b/{c,d}}/x.md", "b/d/x.md"))
    #expect(try matches("x{,-draft}.md", "x.md"))
    #expect(try matches("x{,-draft}.md", "x-draft.md"))
  }

  @Test func escapesAreLiteral() throws {
    #expect(try matches(#"notes\*.md"#, "notes*.md"))
    #expect(try !matches(#"notes\*.md"#, "notesX.md"))
    #expect(try matches(#"\[draft\].md"#, "[draft].md"))
    #expect(try matches(#"\{a,b\}"#, "{a,b}"))
  }

  @Test func theNamesThatLookLikeMarkupAreText() throws {
    #expect(try matches("**/.hidden/*", "a/.hidden/b.md"))
    #expect(try matches("*", ".profile.md"))
    #expect(try matches("notes (old).md", "notes (old).md"))
  }

  @Test func badGlobsSayWhatIsWrong() {
    let cases: [(String, String)] = [
      ("drafts/[ab", "'[' is never closed with ']'; write \\[ for a literal bracket"),
      ("{a,b", "'{' is never closed with '}'"),
      ("a/{b,[c}", "'[' is never closed with ']'; write \\[ for a literal bracket"),
      ("notes\\", "the glob ends with a lone \\; write \\\\ for a backslash"),
      ("", "an empty glob matches nothing; write a path or a pattern such as \"drafts/**\""),
      ("/", "the glob matches the configuration's whole folder; name files or folders inside it"),
      ("v[9-0]", "the range '9-0' runs backwards; write it as '0-9'"),
    ]
    for (pattern, message) in cases {
      #expect(throws: GlobError(message), "\(pattern)") { try Glob(pattern) }
    }
    let many = String(repeating: "{a,b}", count: 9)
    #expect(throws: GlobError("the braces make more than 256 alternatives; use fewer or a wider glob")) {
      try Glob(many)
    }
  }

  @Test func matchingIsLinearEnoughForNastyPatterns() throws {
    // Many stars against a long name that almost matches: the single-backtrack walk stays fast.
    let glob = try Glob(String(repeating: "*a", count: 30) + "b")
    let name = String(repeating: "a", count: 2000)
    let clock = ContinuousClock()
    let time = clock.measure { #expect(!glob.matches(name)) }
    #expect(time < .seconds(1))
    let folders = try Glob(String(repeating: "**/", count: 20) + "x.md")
    let deep = Array(repeating: "d", count: 200).joined(separator: "/") + "/y.md"
    var matched = true
    let deepTime = clock.measure { matched = folders.matches(deep) }
    #expect(!matched)
    #expect(deepTime < .seconds(1))
  }
}
