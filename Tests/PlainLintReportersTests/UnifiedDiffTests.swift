import PlainLintCore
import PlainLintReporters
import Testing

/// A fix of `range` in `text` to `replacement`.
private func fix(_ range: Range<Int>, _ replacement: String) -> Fix {
  Fix(
    range: range, replacement: replacement,
    finding: Finding(rule: "jargon", severity: .warning, message: "m", range: range))
}

/// The diff as text.
private func diff(_ text: String, _ fixes: [Fix]) -> String {
  String(decoding: UnifiedDiff().render(path: "a.txt", old: Array(text.utf8), fixes: fixes), as: UTF8.self)
}

@Suite("Unified diffs of fixes")
struct UnifiedDiffTests {
  @Test func oneChangeWithContext() {
    let text = (1...9).map { "line \($0)\n" }.joined()
    let offset = text.utf8.count - "line 5\nline 6\nline 7\nline 8\nline 9\n".utf8.count
    #expect(
      diff(text, [fix(offset..<offset + 4, "LINE")]) == """
        --- a/a.txt
        +++ b/a.txt
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +LINE 5
         line 6
         line 7
         line 8

        """)
  }

  @Test func farApartChangesMakeTwoHunksAndTheSecondCountsTheFirstsLines() {
    let text = (1...20).map { "line \($0)\n" }.joined()
    let first = 0
    let second = text.utf8.count - "line 20\n".utf8.count
    let result = diff(text, [fix(first..<first + 4, "one\nextra"), fix(second..<second + 4, "last")])
    #expect(result.contains("@@ -1,4 +1,5 @@\n-line 1\n+one\n+extra 1\n line 2\n"))
    #expect(result.contains("@@ -17,4 +18,4 @@\n line 17\n line 18\n line 19\n-line 20\n+last 20\n"))
  }

  @Test func aLastLineWithoutANewLineIsMarked() {
    let result = diff("a\nb utilise", [fix(4..<11, "use")])
    #expect(result.hasSuffix("-b utilise\n\\ No newline at end of file\n+b use\n\\ No newline at end of file\n"))
  }

  @Test func noFixesNoDiff() {
    #expect(diff("a\n", []).isEmpty)
  }
}
