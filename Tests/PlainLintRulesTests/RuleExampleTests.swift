import PlainLintCore
import Testing

@testable import PlainLintRules

/// Text that is not ASCII, put in front of every example so that offsets, lines and columns are checked with
/// multibyte characters, curly quotes, an emoji with a joiner, and a line break before the example.
let nonASCIIPrefix = "Café’s “naïve” 👩‍⚕️ notes — ŵ.\n\n"

/// Lints `text` with one rule and the example's options.
func findings(of rule: any Rule.Type, in text: String, options: [String: RuleOptionValue]) throws -> [Finding] {
  let description = rule.description
  let resolved = try description.resolveOptions(options)
  let linter = Linter(rules: [ConfiguredRule(rule: rule.init(options: resolved), severity: description.defaultSeverity)])
  return linter.lint(PlainTextFrontEnd.prose(of: Document(path: "example.txt", text: text)))
}

/// Every example of every rule, with the rule it belongs to and whether it must trigger.
struct ExampleCase: CustomTestStringConvertible, Sendable {
  var rule: any Rule.Type
  var example: RuleExample
  var triggers: Bool
  var testDescription: String {
    "\(rule.description.identifier) \(triggers ? "flags" : "passes"): \(example.text.prefix(50))…"
  }
}

let allExamples: [ExampleCase] = BuiltInRules.all.flatMap { rule in
  rule.description.triggeringExamples.map { ExampleCase(rule: rule, example: $0, triggers: true) }
    + rule.description.nonTriggeringExamples.map { ExampleCase(rule: rule, example: $0, triggers: false) }
}

@Suite("Every rule's own examples")
struct RuleExampleTests {
  @Test("Findings land exactly on the marked spans", arguments: allExamples)
  func examplesAsWritten(_ c: ExampleCase) throws {
    let found = try findings(of: c.rule, in: c.example.text, options: c.example.options)
    #expect(found.map(\.range) == c.example.markedRanges)
    #expect(found.allSatisfy { $0.rule == c.rule.description.identifier })
    if c.triggers { #expect(!c.example.markedRanges.isEmpty, "a triggering example must mark where it triggers") }
  }

  @Test("Findings land exactly on the marked spans after non-ASCII text", arguments: allExamples)
  func examplesAfterNonASCIIText(_ c: ExampleCase) throws {
    let text = nonASCIIPrefix + c.example.text
    let shift = nonASCIIPrefix.utf8.count
    let found = try findings(of: c.rule, in: text, options: c.example.options)
    #expect(found.map(\.range) == c.example.markedRanges.map { ($0.lowerBound + shift)..<($0.upperBound + shift) })
    // Lines and columns move by the two prefix lines, and columns are counted in scalars, not bytes.
    let document = Document(path: "example.txt", text: text)
    let plain = Document(path: "example.txt", text: c.example.text)
    for (finding, marked) in zip(found, c.example.markedRanges) {
      let start = document.location(at: finding.range.lowerBound)
      let expected = plain.location(at: marked.lowerBound)
      #expect(start.line == expected.line + 2)
      #expect(start.column == expected.column)
      #expect(document.text(finding.range) == plain.text(marked))
    }
  }

  @Test("Each rule describes itself fully", arguments: BuiltInRules.all.map { $0.description.identifier })
  func descriptions(_ identifier: String) throws {
    let description = try #require(BuiltInRules.rule(named: identifier)).description
    #expect(identifier.allSatisfy { $0.isLowercase || $0 == "-" }, "identifiers are kebab-case")
    #expect(!description.name.isEmpty && !description.summary.isEmpty && !description.rationale.isEmpty)
    #expect(!description.triggeringExamples.isEmpty && !description.nonTriggeringExamples.isEmpty)
    for option in description.options {
      #expect(option.name.allSatisfy { $0.isLowercase || $0 == "-" })
      if case .integer(let value) = option.defaultValue, let range = option.allowedRange {
        #expect(range.contains(value))
      }
    }
  }

  @Test func identifiersAreUnique() {
    #expect(Set(BuiltInRules.identifiers).count == BuiltInRules.identifiers.count)
  }
}
