import PlainLintCore
import Testing

@testable import PlainLintReporters

/// A report of one document with findings over the given byte ranges.
func report(_ text: String, _ ranges: [Range<Int>], severity: Severity = .warning, suggestions: [Suggestion] = [])
  -> FileReport
{
  let document = Document(path: "docs/a.txt", text: text)
  let findings = ranges.map {
    Finding(rule: "test-rule", severity: severity, message: "Something to fix.", range: $0, suggestions: suggestions)
  }
  return FileReport(document: document, format: "text", findings: findings)
}

/// The byte range of `part` in `text`.
func range(of part: String, in text: String) -> Range<Int> {
  let bytes = Array(text.utf8)
  let needle = Array(part.utf8)
  for start in 0...(bytes.count - needle.count) where Array(bytes[start..<(start + needle.count)]) == needle {
    return start..<(start + needle.count)
  }
  fatalError("'\(part)' is not in the text")
}

@Suite("Text output")
struct TextReporterTests {
  let reporter = TextReporter(color: false)

  @Test func oneLineFinding() {
    let text = "Please utilise the form.\n"
    let out = reporter.render([report(text, [range(of: "utilise", in: text)])])
    #expect(
      out == """
        docs/a.txt:1:8: warning: Something to fix. [test-rule]
        1 | Please utilise the form.
          |        ^~~~~~~

        Checked 1 file: 1 warning.

        """)
  }

  @Test func marksLineUpAfterWideCharactersAndTabs() {
    let text = "😀\tcafé utilise\n"
    let out = reporter.render([report(text, [range(of: "utilise", in: text)])])
    // The emoji takes two columns and the tab shows as four spaces; the column in the header counts scalars.
    #expect(out.hasPrefix("docs/a.txt:1:8: warning:"))
    #expect(out.contains("1 | 😀    café utilise\n  |            ^~~~~~~\n"))
  }

  @Test func multiLineFindingsShowEachLineAndElideTheRest() {
    let text = "one two\nthree four\nfive six\nseven eight\nnine\n"
    let out = reporter.render([report(text, [range(of: "two\nthree four\nfive six\nseven", in: text)])])
    #expect(
      out.contains(
        """
        1 | one two
          |     ^~~
        2 | three four
          | ~~~~~~~~~~
        3 | five six
          | ~~~~~~~~
          | … 1 more line

        """))
  }

  @Test func longLinesAreCutAroundTheFinding() {
    let text = String(repeating: "a ", count: 200) + "target " + String(repeating: "b ", count: 200) + "\n"
    let out = reporter.render([report(text, [range(of: "target", in: text)])])
    let lines = out.split(separator: "\n")
    #expect(lines[1].hasPrefix("1 | …a a "))
    #expect(lines[1].hasSuffix("…"))
    #expect(lines[1].count < 140)
    // The caret sits under the "t" of "target".
    let caret = lines[2].firstIndex(of: "^")!
    let shown = Array(lines[1])
    let column = lines[2].distance(from: lines[2].startIndex, to: caret)
    #expect(String(shown[column..<(column + 6)]) == "target")
  }

  @Test func suggestionsAreShown() {
    let text = "Please utilise the form.\n"
    let out = reporter.render([
      report(text, [range(of: "utilise", in: text)], suggestions: [Suggestion(replacement: "use", description: "Use a plainer word")])
    ])
    #expect(out.contains("      = help: Use a plainer word “use”\n"))
    let omit = reporter.render([
      report(text, [range(of: "utilise", in: text)], suggestions: [Suggestion(replacement: "", description: "Leave it out")])
    ])
    #expect(omit.contains("      = help: Leave it out\n"))
  }

  @Test func summaryCountsEachSeverityInPlainWords() {
    #expect(reporter.render([]) == "No files were checked.\n")
    let text = "a b c\n"
    let reports = [
      report(text, [0..<1, 2..<3], severity: .error), report(text, [0..<1], severity: .warning),
      report(text, [0..<1], severity: .info),
    ]
    #expect(reporter.summaryLine(Summary(reports)) == "Checked 3 files: 2 errors, 1 warning, 1 note.")
  }

  @Test func colourUsesANSIEscapesOnlyWhenAsked() {
    let text = "Please utilise the form.\n"
    let coloured = TextReporter(color: true).render([report(text, [range(of: "utilise", in: text)], severity: .error)])
    #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    let plain = reporter.render([report(text, [range(of: "utilise", in: text)], severity: .error)])
    #expect(!plain.contains("\u{1B}"))
  }
}

@Suite("JSON output")
struct JSONReporterTests {
  @Test func escapesEverythingJSONRequires() {
    var writer = JSONWriter()
    writer.string(nil, "quote \" backslash \\ newline \n tab \t bell \u{07} sep \u{2028} “curly” é 😀 </script>")
    #expect(
      writer.output
        == #""quote \" backslash \\ newline \n tab \t bell \u0007 sep \u2028 “curly” é 😀 </script>""#)
  }

  @Test func escapesControlCharactersAndLineSeparatorsButCopiesOtherCharactersStartingWithTheSameByte() {
    var writer = JSONWriter()
    // U+2028 and U+2029 start with the same byte (E2) as curly quotes, dashes and the ellipsis.
    writer.string(nil, "\u{00}\u{1F}\u{7F}\r\u{08}\u{0C}–…\u{2027}\u{2028}\u{2029}\u{202A}€")
    #expect(writer.output == "\"\\u0000\\u001f\\u007f\\r\\b\\f–…\u{2027}\\u2028\\u2029\u{202A}€\"")
  }

  /// Strings are read eight bytes at a time where nothing needs escaping; on random strings rich in the bytes that
  /// do, at every offset and length, the output is what escaping byte by byte gives.
  @Test func escapingEightBytesAtATimeMatchesEscapingByteByByte() {
    func reference(_ text: String) -> String {
      var out = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        default:
          if scalar.value < 0x20 || scalar.value == 0x7F {
            out += "\\u00" + String(scalar.value >> 4, radix: 16) + String(scalar.value & 0x0F, radix: 16)
          } else {
            out.unicodeScalars.append(scalar)
          }
        }
      }
      return out + "\""
    }
    let pieces: [String] = [
      "a", "plain words ", "\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "’", "–", "…",
      "€", "é", "😀", " ", "~", "!", "\u{20}",
    ]
    var random = SplitMix64(seed: 44)
    for _ in 0..<2_000 {
      let text = (0..<Int(random.next() % 24)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
      var writer = JSONWriter()
      writer.string(nil, text)
      #expect(writer.output == reference(text), "\(Array(text.utf8))")
    }
  }

  @Test func integersAreWrittenAsSwiftWritesThem() {
    let values = [0, 7, -7, 10, 1_234_567_890, Int.max, Int.min]
    var writer = JSONWriter(compact: true)
    writer.array { a in for value in values { a.integer(nil, value) } }
    #expect(writer.output == "[" + values.map(String.init).joined(separator: ",") + "]")
  }

  @Test func numbersAreWrittenAsSwiftWritesThem() {
    var values: [Double] = [0, -0.0, 0.5, 7, -7, 0.07, 0.1, 0.3, 12.35, 99.99, -123.45, 1e11 + 0.25, 1e12, 1e13 + 0.5]
    values += [1.0 / 3, 2.0 / 3, 0.125, 0.001, 1e-7, 1e16, 123_456.785, Double.ulpOfOne, -Double.leastNormalMagnitude]
    for hundredths in -30_000...30_000 { values.append(Double(hundredths) / 100) }
    var random = SplitMix64(seed: 4)
    for _ in 0..<20_000 {
      let value = Double(Int64(bitPattern: random.next() % 2_000_000_000_000)) / 100 - 10_000_000_000
      values += [value, (value * 100).rounded() / 100, (value * 7).rounded() / 100]
    }
    for value in values {
      var writer = JSONWriter()
      writer.number(nil, value)
      #expect(writer.output == String(value), "\(value)")
    }
  }

  @Test func aReportOfManyMegabytesComesOutWhole() {
    // Larger than the writer's chunks, so the text is put together from several.
    var writer = JSONWriter()
    var expected = "["
    writer.array { a in
      for index in 0..<60_000 {
        let text = "finding \(index): “utilise” → use, \"quoted\""
        a.string(nil, text)
        expected += (index == 0 ? "" : ",") + "\n  \"finding \(index): “utilise” → use, \\\"quoted\\\"\""
      }
    }
    expected += "\n]"
    #expect(writer.utf8.count > 3_000_000)
    #expect(writer.output == expected)
    #expect(writer.line() == expected + "\n")
    #expect(writer.utf8 == Array(expected.utf8))
  }

  @Test func piecesWrittenApartAreTheSameAsOneWriterWritingEverything() {
    struct Item: JSONWritable {
      var index: Int
      func write(to writer: inout JSONWriter, key: String?) {
        writer.object(key) { o in
          o.integer("index", index)
          o.array("words") { a in
            for word in ["utilise", "“quoted”", String(repeating: "x", count: index)] { a.string(nil, word) }
          }
          o.object("empty") { _ in }
        }
      }
    }
    let items = (0..<3_000).map { Item(index: $0 % 700) }
    var whole = JSONWriter()
    whole.object { root in
      root.string("first", "a")
      root.array("items") { a in for item in items { a.value(nil, item) } }
      root.integer("count", items.count)
    }
    // Each element written apart at the depth it has in the array, then joined as JSONReporter joins files.
    let pieces = items.map { item -> [UInt8] in
      var piece = JSONWriter(depth: 2)
      piece.value(nil, item)
      return piece.utf8
    }
    var first = JSONWriter(depth: 1)
    first.string("first", "a")
    var count = JSONWriter(depth: 1)
    count.integer("count", items.count)
    let joined: [UInt8] =
      Array("{".utf8) + first.utf8 + Array(",\n  \"items\": [".utf8)
      + Array(pieces.joined(separator: [UInt8(ascii: ",")])) + Array("\n  ],".utf8) + count.utf8 + Array("\n}".utf8)
    let assembled = String(decoding: joined, as: UTF8.self)
    #expect(whole.utf8.count > 1 << 20)  // more than one of the writer's chunks
    #expect(assembled == whole.output)
    #expect(assembled + "\n" == whole.line())
  }

  @Test func aPieceSpilledAsItIsMadeIsThePieceKeptWhole() {
    let items = (0..<6_000).map {
      "finding \($0): “utilise” → use, \"quoted\", " + String(repeating: "x", count: $0 % 1_500)
    }
    func write(_ writer: inout JSONWriter) {
      writer.object(nil) { o in o.array("items") { a in for item in items { a.string(nil, item) } } }
    }
    var whole = JSONWriter(depth: 2)
    write(&whole)
    #expect(whole.utf8.count > 3 << 20)
    // Taking every chunk, refusing the first (then nothing more is offered), and taking two then refusing.
    for accepted in [Int.max, 0, 2] {
      final class Taken: @unchecked Sendable {
        var bytes: [UInt8] = []
        var offers = 0
      }
      let taken = Taken()
      var writer = JSONWriter(depth: 2) { chunk in
        taken.offers += 1
        guard taken.offers <= accepted else { return false }
        taken.bytes += chunk
        return true
      }
      write(&writer)
      #expect(taken.bytes + writer.utf8 == whole.utf8, "accepting \(accepted)")
      if accepted == Int.max {
        #expect(taken.offers >= 3)
      } else {
        #expect(taken.offers == accepted + 1, "nothing is offered after a refusal")
      }
    }
  }

  @Test func emptyContainersAreCompact() {
    var writer = JSONWriter()
    writer.object { o in
      o.array("a") { _ in }
      o.object("b") { _ in }
    }
    #expect(writer.output == "{\n  \"a\": [],\n  \"b\": {}\n}")
  }

  @Test func theDocumentedShape() {
    let text = "Héllo utilise\nmore"
    let out = JSONReporter(version: "9.9.9").render([
      report(text, [range(of: "utilise\nmore", in: text)], suggestions: [Suggestion(replacement: "use", description: "Plainer")])
    ])
    #expect(
      out == """
        {
          "tool": {
            "name": "plainlint",
            "version": "9.9.9"
          },
          "files": [
            {
              "path": "docs/a.txt",
              "format": "text",
              "diagnostics": [
                {
                  "rule": "test-rule",
                  "severity": "warning",
                  "message": "Something to fix.",
                  "text": "utilise\\nmore",
                  "range": {
                    "start": {
                      "line": 1,
                      "column": 7
                    },
                    "end": {
                      "line": 2,
                      "column": 5
                    }
                  },
                  "offset": 7,
                  "length": 12,
                  "suggestions": [
                    {
                      "replacement": "use",
                      "description": "Plainer",
                      "safe": false
                    }
                  ]
                }
              ]
            }
          ],
          "summary": {
            "files": 1,
            "errors": 0,
            "warnings": 1,
            "infos": 0
          }
        }

        """)
  }
}

@Suite("Findings by section and paragraph")
struct FindingStartsTests {
  /// Counts by reading every finding, as the reporters once did for each section and paragraph.
  func countsByReadingEveryFinding(_ findings: [Finding], in range: Range<Int>) -> [String: Int] {
    var counts: [String: Int] = [:]
    for finding in findings where range.contains(finding.range.lowerBound) { counts[finding.rule, default: 0] += 1 }
    return counts
  }

  @Test func countsAreThoseOfEveryFindingThatStartsInTheRange() {
    var random = SplitMix64(seed: 9)
    let rules = ["jargon", "long-sentence", "acronym-undefined", "complex-word"]
    // Findings in any order, several starting at one offset, some at the very ends of ranges.
    let findings = (0..<2_000).map { _ in
      let start = Int(random.next() % 5_000)
      return Finding(
        rule: rules[Int(random.next() % 4)], severity: .warning, message: "m",
        range: start..<(start + Int(random.next() % 40)))
    }
    var ranges: [Range<Int>] = [0..<0, 0..<5_000, 4_999..<5_000, 5_000..<6_000, 17..<17, 0..<1]
    for _ in 0..<300 {
      let lower = Int(random.next() % 5_100)
      ranges.append(lower..<(lower + Int(random.next() % 400)))
    }
    // As they come, and sorted by start as `Linter` gives them (searched where they lie, with no copy).
    for order in [findings, findings.sorted { $0.range.lowerBound < $1.range.lowerBound }] {
      let starts = FindingStarts(order)
      for range in ranges {
        let counted = starts.byRule(in: range)
        #expect(counted.map(\.rule) == counted.map(\.rule).sorted())
        #expect(
          Dictionary(uniqueKeysWithValues: counted.map { ($0.rule, $0.count) })
            == countsByReadingEveryFinding(findings, in: range), "range \(range)")
      }
    }
    #expect(FindingStarts([]).byRule(in: 0..<10).isEmpty)
  }
}
