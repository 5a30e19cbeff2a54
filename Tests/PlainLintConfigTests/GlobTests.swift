import Testing

@testable import PlainLintConfig

@Suite("Globs")
struct GlobTests {
  @Test func placeholder() throws {
    #expect(try Glob("drafts/**").matches("drafts/a.md"))
  }
}
