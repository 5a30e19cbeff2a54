import PlainLintCore
import Testing

/// A finding over `range` with one safe suggestion (or an unsafe one).
func fixable(_ range: Range<Int>, _ replacement: String, safe: Bool = true, rule: String = "jargon") -> Finding {
  Finding(
    rule: rule, severity: .warning, message: "m", range: range,
    suggestions: [Suggestion(replacement: replacement, description: "Write", isSafe: safe)])
}

@Suite("Choosing and making safe fixes")
struct FixPlannerTests {
  @Test func onlyOneSafeSuggestionMakesAFix() {
    #expect(FixPlanner.safeFix(for: fixable(0..<3, "x")) != nil)
    #expect(FixPlanner.safeFix(for: fixable(0..<3, "x", safe: false)) == nil)
    var two = fixable(0..<3, "x")
    two.suggestions.append(Suggestion(replacement: "y", description: "Write", isSafe: true))
    #expect(FixPlanner.safeFix(for: two) == nil)
  }

  @Test func overlappingFixesKeepTheFirstOnly() {
    let bytes = Array("we will utilise it in order to see".utf8)
    let findings = [fixable(19..<34, "to see"), fixable(8..<15, "use"), fixable(25..<29, "TO")]
    let fixes = FixPlanner.plan(findings, bytes: bytes, format: "text")
    #expect(fixes.map(\.range) == [8..<15, 19..<34])
    #expect(String(decoding: FixPlanner.apply(fixes, to: bytes), as: UTF8.self) == "we will use it to see")
  }

  @Test func aFixThatChangesNothingIsLeftOut() {
    let bytes = Array("use it".utf8)
    #expect(FixPlanner.plan([fixable(0..<3, "use")], bytes: bytes, format: "text").isEmpty)
  }

  @Test("markup inside the range, or a replacement that would need escaping, leaves the finding", arguments: [
    ("a **b** c", "x"), ("a &amp; c", "x"), ("a\\*b c", "x"), ("a <b>b</b>", "x"), ("a\nb c", "x"),
    ("plain one", "x & y"), ("plain one", "<x>"),
  ])
  func markupIsKept(_ text: String, _ replacement: String) {
    let bytes = Array(text.utf8)
    let finding = fixable(0..<bytes.count, replacement)
    #expect(FixPlanner.plan([finding], bytes: bytes, format: "markdown").isEmpty)
    #expect(FixPlanner.plan([finding], bytes: bytes, format: "html").isEmpty)
    #expect(FixPlanner.plan([finding], bytes: bytes, format: "text").count == 1)
  }

  @Test func bytesOutsideTheFixesAreCopiedAsTheyAre() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("utilise".utf8) + [0xE9, 0x0D, 0x0A] + Array("utilise".utf8)
    let fixes = FixPlanner.plan([fixable(3..<10, "use"), fixable(13..<20, "use")], bytes: bytes, format: "text")
    #expect(FixPlanner.apply(fixes, to: bytes) == [0xEF, 0xBB, 0xBF] + Array("use".utf8) + [0xE9, 0x0D, 0x0A]
      + Array("use".utf8))
  }
}
