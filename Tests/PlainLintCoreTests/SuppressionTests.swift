import Testing

@testable import PlainLintCore

/// The rules the tests' directives may name.
let testRules = ["complex-word", "jargon", "long-sentence"]

/// Reads one plain-text directive line: the directive and the warnings, each as its message and source text.
func parseLine(_ line: String, prefix: String = "") -> (directive: Directive?, problems: [(String, String)]) {
  let document = Document(path: "a.txt", text: prefix + line)
  let start = prefix.utf8.count
  let comment = SourceComment(range: start..<document.bytes.count, text: start..<document.bytes.count)
  var problems: [Finding] = []
  let directive = Suppression.parse(comment, in: document.bytes, knownRules: Set(testRules), problems: &problems)
  #expect(problems.allSatisfy { $0.rule == "directive" && $0.severity == .warning })
  return (directive, problems.map { ($0.message, document.text($0.range)) })
}

/// A finding of `rule` on the `occurrence`-th (from 1) appearance of `word` in the text.
func finding(_ rule: String, _ word: String, in text: String, occurrence: Int = 1) -> Finding {
  let bytes = Array(text.utf8)
  let needle = Array(word.utf8)
  var seen = 0
  for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
    seen += 1
    if seen == occurrence {
      return Finding(rule: rule, severity: .warning, message: word, range: start..<start + needle.count)
    }
  }
  fatalError("\(word) #\(occurrence) is not in the text")
}

/// Applies the directives of a plain-text document to findings; returns what is left as `rule:text` strings.
func remaining(_ text: String, _ findings: [Finding]) -> [String] {
  let document = Document(path: "a.txt", text: text)
  let prose = PlainTextFrontEnd.prose(of: document)
  return Suppression.apply(findings, document: document, prose: prose, knownRules: testRules)
    .map { "\($0.rule):\(document.text($0.range))" }
}

@Suite("Directives: reading them")
struct DirectiveParserTests {
  @Test func theFourKeywordsWithAndWithoutRules() {
    #expect(parseLine("plainlint-disable").directive?.kind == .disable)
    #expect(parseLine("plainlint-disable").directive?.rules == nil)
    #expect(parseLine("plainlint-enable jargon").directive?.kind == .enable)
    #expect(parseLine("plainlint-disable-next-line jargon").directive?.kind == .disableNextLine)
    #expect(parseLine("plainlint-disable-file").directive?.kind == .disableFile)
    #expect(parseLine("plainlint-disable-file").problems.isEmpty)
  }

  @Test func rulesAreSeparatedBySpacesOrCommas() {
    let parsed = parseLine("plainlint-disable jargon,long-sentence ,  complex-word,jargon")
    #expect(parsed.directive?.rules == ["jargon", "long-sentence", "complex-word"])
    #expect(parsed.problems.isEmpty)
  }

  @Test func aNoteAfterTwoHyphensIsNotARule() {
    let parsed = parseLine("plainlint-disable-next-line jargon -- the glossary explains it")
    #expect(parsed.directive?.rules == ["jargon"])
    #expect(parsed.problems.isEmpty)
    #expect(parseLine("plainlint-disable -- every rule, for the quotation").directive?.rules == nil)
  }

  @Test func anUnknownRuleIsAWarningAtTheNameWithTheNearestRule() {
    let parsed = parseLine("plainlint-disable jargn, long-sentence", prefix: "Café 😀 “quoted”\n")
    #expect(parsed.directive?.rules == ["long-sentence"])
    #expect(parsed.problems.count == 1)
    #expect(parsed.problems.first?.1 == "jargn")
    #expect(
      parsed.problems.first?.0
        == "“jargn” is not a plainlint rule, so this directive does not switch it off; did you mean “jargon”?")
  }

  @Test func anUnknownRuleWithNothingNearPointsAtTheList() {
    let parsed = parseLine("plainlint-disable spelling")
    #expect(parsed.directive?.rules == [])
    #expect(parsed.problems.first?.0.hasSuffix("`plainlint rules` lists the rules.") == true)
  }

  @Test func theExactPositionOfTheBadName() {
    let text = "Café – 😀\n  plainlint-disable-next-line jargon longsentence\n"
    let document = Document(path: "a.txt", text: text)
    let prose = PlainTextFrontEnd.prose(of: document)
    let result = Suppression.apply([], document: document, prose: prose, knownRules: testRules)
    #expect(result.count == 1)
    let location = document.location(at: result[0].range.lowerBound)
    #expect(location.position == SourcePosition(line: 2, column: 38))
    #expect(document.text(result[0].range) == "longsentence")
    #expect(result[0].suggestions.map(\.replacement) == ["long-sentence"])
  }

  @Test func aMisspeltKeywordIsAWarningWithTheNearestKeyword() {
    let parsed = parseLine("plainlint-disabel jargon")
    #expect(parsed.directive == nil)
    #expect(parsed.problems.map(\.1) == ["plainlint-disabel"])
    #expect(
      parsed.problems.first?.0
        == "“plainlint-disabel” is not a plainlint directive, so nothing is switched off; did you mean "
        + "“plainlint-disable”?")
    #expect(
      parseLine("plainlint-disable-nextline").problems.first?.0.hasSuffix("“plainlint-disable-next-line”?") == true)
    #expect(parseLine("PLAINLINT-DISABLE").problems.first?.0.hasSuffix("“plainlint-disable”?") == true)
  }

  @Test func aKeywordWrittenAsTwoWords() {
    let parsed = parseLine("plainlint disable jargon")
    #expect(parsed.directive == nil)
    #expect(parsed.problems.map(\.1) == ["plainlint disable"])
    #expect(parsed.problems.first?.0.hasSuffix("did you mean “plainlint-disable”?") == true)
  }

  @Test func aKeywordNothingLikeADirective() {
    let parsed = parseLine("plainlint-ignore")
    #expect(parsed.problems.first?.0.hasSuffix("plainlint-disable-next-line and plainlint-disable-file.") == true)
  }

  @Test func theDirectiveWarningsCannotBeSwitchedOff() {
    let parsed = parseLine("plainlint-disable directive jargon")
    #expect(parsed.directive?.rules == ["jargon"])
    #expect(parsed.problems.map(\.1) == ["directive"])
    #expect(parsed.problems.first?.0.hasPrefix("Warnings about directives cannot be switched off") == true)
  }

  @Test func aCommentThatDoesNotStartWithPlainlintIsNoDirective() {
    let parsed = parseLine("TODO: plainlint-disable later")
    #expect(parsed.directive == nil)
    #expect(parsed.problems.isEmpty)
  }

  @Test func mayBeDirectiveLooksAtTheFirstWordInAnyCase() {
    func check(_ text: String) -> Bool {
      Array(text.utf8).withUnsafeBufferPointer { SourceComment.mayBeDirective($0) }
    }
    #expect(check(" plainlint-disable "))
    #expect(check("\n\tPlainLint-Enable"))
    #expect(!check(" plainlin"))
    #expect(!check(" TODO plainlint"))
    #expect(!check(""))
  }
}

@Suite("Directives: what they switch off")
struct SuppressionRegionTests {
  @Test func disableToEnableCoversBothLinesAndWhatIsBetween() {
    let text = """
      Use haemorrhage here.
      plainlint-disable
      Use haemorrhage here.
      Also haemorrhage.
      plainlint-enable
      Use haemorrhage here.
      """
    let findings = (1...4).map { finding("jargon", "haemorrhage", in: text, occurrence: $0) }
    #expect(remaining(text, findings) == ["jargon:haemorrhage", "jargon:haemorrhage"])
    let document = Document(path: "a.txt", text: text)
    let left = Suppression.apply(
      findings, document: document, prose: PlainTextFrontEnd.prose(of: document), knownRules: testRules)
    #expect(left.map { document.location(at: $0.range.lowerBound).line } == [1, 6])
  }

  @Test func theEnableLineItselfIsStillCovered() {
    // In Markdown and HTML a comment can share a line with text: both directive lines are covered.
    let text = "Use haemorrhage.\nplainlint-disable jargon\nText.\nplainlint-enable jargon\nUse haemorrhage."
    let document = Document(path: "a.txt", text: text)
    let prose = ProseText(
      format: "text", bytes: document.bytes, blocks: [], map: .identity,
      comments: [SourceComment(range: 17..<41, text: 17..<41), SourceComment(range: 48..<71, text: 48..<71)])
    let onEnableLine = Finding(rule: "jargon", severity: .warning, message: "", range: 66..<71)
    let after = finding("jargon", "haemorrhage", in: text, occurrence: 2)
    let left = Suppression.apply([onEnableLine, after], document: document, prose: prose, knownRules: testRules)
    #expect(left == [after])
  }

  @Test func disableWithoutEnableRunsToTheEnd() {
    let text = "Use haemorrhage.\nplainlint-disable\n\nUse haemorrhage.\n\nUse haemorrhage.\n"
    let findings = (1...3).map { finding("jargon", "haemorrhage", in: text, occurrence: $0) }
    #expect(remaining(text, findings) == ["jargon:haemorrhage"])
  }

  @Test func enableWithoutDisableDoesNothing() {
    let text = "plainlint-enable\nUse haemorrhage.\nplainlint-enable jargon\n"
    #expect(remaining(text, [finding("jargon", "haemorrhage", in: text)]) == ["jargon:haemorrhage"])
  }

  @Test func aListSwitchesOffOnlyThoseRules() {
    let text = "plainlint-disable jargon\nWe utilise haemorrhage data.\n"
    let findings = [finding("complex-word", "utilise", in: text), finding("jargon", "haemorrhage", in: text)]
    #expect(remaining(text, findings) == ["complex-word:utilise"])
  }

  @Test func enableWithAListSwitchesBackOnOnlyThose() {
    let text = """
      plainlint-disable
      plainlint-enable jargon
      We utilise haemorrhage data.
      plainlint-enable
      We utilise haemorrhage data.
      """
    let findings = [
      finding("complex-word", "utilise", in: text), finding("jargon", "haemorrhage", in: text),
      finding("complex-word", "utilise", in: text, occurrence: 2),
      finding("jargon", "haemorrhage", in: text, occurrence: 2),
    ]
    #expect(
      remaining(text, findings) == ["jargon:haemorrhage", "complex-word:utilise", "jargon:haemorrhage"])
  }

  @Test func disableNextLineSkipsBlankLinesAndOtherDirectives() {
    let text = """
      plainlint-disable-next-line jargon

      plainlint-disable-next-line complex-word
      We utilise haemorrhage data.
      We utilise haemorrhage data.
      """
    let findings = [
      finding("complex-word", "utilise", in: text), finding("jargon", "haemorrhage", in: text),
      finding("complex-word", "utilise", in: text, occurrence: 2),
      finding("jargon", "haemorrhage", in: text, occurrence: 2),
    ]
    #expect(remaining(text, findings) == ["complex-word:utilise", "jargon:haemorrhage"])
  }

  @Test func disableNextLineAtTheEndSwitchesNothingOff() {
    let text = "We utilise it.\nplainlint-disable-next-line\n\n"
    #expect(remaining(text, [finding("complex-word", "utilise", in: text)]) == ["complex-word:utilise"])
  }

  @Test func disableFileWorksFromAnywhere() {
    let text = "We utilise haemorrhage data.\n\nplainlint-disable-file jargon\n"
    let findings = [finding("complex-word", "utilise", in: text), finding("jargon", "haemorrhage", in: text)]
    #expect(remaining(text, findings) == ["complex-word:utilise"])
    #expect(
      remaining("We utilise it.\nplainlint-disable-file\n", [finding("complex-word", "utilise", in: "We utilise it.")])
        .isEmpty)
  }

  @Test func aFindingOverSeveralLinesGoesByWhereItStarts() {
    let text = "plainlint-disable-next-line long-sentence\nA long\nsentence.\nAnother long\nsentence.\n"
    let first = Finding(rule: "long-sentence", severity: .warning, message: "", range: 42..<58)
    let second = Finding(rule: "long-sentence", severity: .warning, message: "", range: 59..<81)
    #expect(remaining(text, [first, second]) == ["long-sentence:Another long\nsentence."])
    let text2 = "A long\nplainlint-disable long-sentence\nsentence.\n"
    let spanning = Finding(rule: "long-sentence", severity: .warning, message: "", range: 0..<48)
    #expect(remaining(text2, [spanning]).count == 1)
  }

  @Test func directiveWarningsStayUnderDisable() {
    let text = "plainlint-disable\nplainlint-disable-next-line jargn\nText.\n"
    #expect(remaining(text, []) == ["directive:jargn"])
  }

  @Test func directiveWarningsAreSortedAmongTheFindings() {
    let text = "We utilise it.\nplainlint-disable jargn\nWe utilise it.\n"
    let findings = [finding("complex-word", "utilise", in: text)]
    #expect(remaining(text, findings) == ["complex-word:utilise", "directive:jargn"])
  }

  @Test func rulesSwitchedOffByConfigurationAreStillKnown() {
    // The known rules come from the caller: every built-in rule, whether it runs or not.
    let text = "plainlint-disable passive-voice\n"
    let document = Document(path: "a.txt", text: text)
    let prose = PlainTextFrontEnd.prose(of: document)
    #expect(Suppression.apply([], document: document, prose: prose, knownRules: ["passive-voice"]).isEmpty)
    #expect(Suppression.apply([], document: document, prose: prose, knownRules: testRules).count == 1)
  }

  @Test func withoutCommentsTheFindingsAreReturnedAsTheyAre() {
    let text = "We utilise it.\n"
    let document = Document(path: "a.txt", text: text)
    let prose = PlainTextFrontEnd.prose(of: document)
    var asked = false
    let findings = [finding("complex-word", "utilise", in: text)]
    let result = Suppression.apply(
      findings, document: document, prose: prose,
      knownRules: {
        asked = true
        return testRules
      }())
    #expect(result == findings)
    #expect(!asked, "the rule names are not even asked for")
  }
}

@Suite("Plain text: directive lines")
struct PlainTextDirectiveTests {
  @Test func directiveLinesAreInNoBlockAndEndTheParagraph() {
    let text = """
      First line of a paragraph
        plainlint-disable-next-line jargon
      second paragraph.
      - an item
      plainlint-enable
      after the item.
      """
    #expect(
      blockSummary(text) == [
        "para: First line of a paragraph", "para: second paragraph.", "item: an item", "para: after the item.",
      ])
    let document = Document(path: "a.txt", text: text)
    let prose = PlainTextFrontEnd.prose(of: document)
    #expect(
      prose.comments.map { document.text($0.range) } == ["plainlint-disable-next-line jargon", "plainlint-enable"])
    #expect(prose.comments.allSatisfy { $0.range == $0.text })
  }

  @Test func windowsLineEndingsAndAMisspeltDirective() {
    let text = "Text.\r\nplainlint-disabel\r\nMore text.\r\n"
    let document = Document(path: "a.txt", text: text)
    let prose = PlainTextFrontEnd.prose(of: document)
    #expect(prose.comments.map { document.text($0.range) } == ["plainlint-disabel"])
    #expect(blockSummary(text) == ["para: Text.", "para: More text."])
  }

  @Test func plainlintInsideALineIsProse() {
    let text = "Write plainlint-disable on a line of its own.\nPlainlint-disable in capitals is prose too.\n"
    let document = Document(path: "a.txt", text: text)
    #expect(PlainTextFrontEnd.prose(of: document).comments.isEmpty)
    #expect(blockSummary(text).count == 1)
  }

  @Test func onlyALineThatStartsWithThePrefixIsADirective() {
    func check(_ text: String) -> Bool {
      Array(text.utf8).withUnsafeBufferPointer { PlainTextFrontEnd.isDirectiveLine($0, from: 0, to: $0.count) }
    }
    #expect(check("plainlint-"))
    #expect(check("plainlint-disable jargon"))
    #expect(!check("plainlint"))
    #expect(!check("plain-lint-disable"))
    #expect(!check("Plainlint-disable"))
    #expect(!check(""))
  }

  @Test func blocksAreTheSameWithoutDirectives() {
    let text = "One - two.\n\n- item\n- plain-lint item\n"
    #expect(blockSummary(text) == ["para: One - two.", "item: item", "item: plain-lint item"])
  }
}

/// Applies the directives of Markdown-like comments (`<!-- … -->`, found here by a plain search, since the core
/// has no Markdown front end) to findings; returns what is left as `rule:line` strings, lines from 1.
func remainingWithComments(_ text: String, _ findings: [Finding]) -> [String] {
  let document = Document(path: "a.md", text: text)
  let bytes = document.bytes
  var comments: [SourceComment] = []
  var i = 0
  while i + 4 <= bytes.count {
    if bytes[i..<i + 4].elementsEqual("<!--".utf8),
      let end = (i + 4..<bytes.count - 2).first(where: { bytes[$0..<$0 + 3].elementsEqual("-->".utf8) })
    {
      comments.append(SourceComment(range: i..<end + 3, text: i + 4..<end))
      i = end + 3
    } else {
      i += 1
    }
  }
  let prose = ProseText(format: "markdown", bytes: bytes, blocks: [], map: .identity, comments: comments)
  return Suppression.apply(findings, document: document, prose: prose, knownRules: testRules).map {
    "\($0.rule):\(document.location(at: $0.range.lowerBound).line)"
  }
}

@Suite("Directives: plainlint-disable-line")
struct DisableLineTests {
  @Test func inACommentItIsReadWithoutWarnings() {
    let text = "Text. <!-- plainlint-disable-line jargon, complex-word -->"
    let document = Document(path: "a.md", text: text)
    let comment = SourceComment(range: 6..<text.utf8.count, text: 10..<text.utf8.count - 3)
    var problems: [Finding] = []
    let directive = Suppression.parse(comment, in: document.bytes, knownRules: Set(testRules), problems: &problems)
    #expect(directive?.kind == .disableLine)
    #expect(directive?.rules == ["jargon", "complex-word"])
    #expect(problems.isEmpty)
  }

  @Test func itSwitchesOffItsOwnLineOnly() {
    let text = """
      Some haemorrhage here, we utilise it.
      Some haemorrhage here, we utilise it. <!-- plainlint-disable-line jargon -->
      Some haemorrhage here, we utilise it.
      """
    let findings = (1...3).flatMap {
      [
        finding("jargon", "haemorrhage", in: text, occurrence: $0),
        finding("complex-word", "utilise", in: text, occurrence: $0),
      ]
    }
    #expect(
      remainingWithComments(text, findings) == [
        "jargon:1", "complex-word:1", "complex-word:2", "jargon:3", "complex-word:3",
      ])
  }

  @Test func withoutRulesItSwitchesOffEveryRuleOnItsLine() {
    let text = "We utilise haemorrhage data.\nWe utilise haemorrhage data. <!--plainlint-disable-line-->\n"
    let findings = [
      finding("complex-word", "utilise", in: text), finding("jargon", "haemorrhage", in: text),
      finding("complex-word", "utilise", in: text, occurrence: 2),
      finding("jargon", "haemorrhage", in: text, occurrence: 2),
    ]
    #expect(remainingWithComments(text, findings) == ["complex-word:1", "jargon:1"])
  }

  @Test func aFindingGoesByTheLineItStartsOn() {
    let text = "A long sentence that\ngoes on. <!-- plainlint-disable-line long-sentence -->\nAnother long\nsentence.\n"
    let first = Finding(rule: "long-sentence", severity: .warning, message: "", range: 0..<29)
    let second = Finding(rule: "long-sentence", severity: .warning, message: "", range: 21..<29)
    #expect(remainingWithComments(text, [first, second]) == ["long-sentence:1"])
  }

  @Test func aCommentOverTwoLinesCoversBoth() {
    let text = "Use haemorrhage. <!-- plainlint-disable-line\njargon --> Use haemorrhage.\nUse haemorrhage.\n"
    let findings = (1...3).map { finding("jargon", "haemorrhage", in: text, occurrence: $0) }
    #expect(remainingWithComments(text, findings) == ["jargon:3"])
  }

  @Test func unknownRulesAndMisspellingsAreWarnings() {
    let text = "Use haemorrhage. <!-- plainlint-disable-line jargn -->\n"
    #expect(remainingWithComments(text, [finding("jargon", "haemorrhage", in: text)]) == ["jargon:1", "directive:1"])
    for misspelt in [
      "plainlint-disable-lin", "plainlint-disableline", "plainlint-disable-lines", "plainlint disable-line",
    ] {
      let parsed = parseLine(misspelt + " jargon")
      #expect(parsed.directive == nil)
      #expect(parsed.problems.first?.0.hasSuffix("did you mean “plainlint-disable-line”?") == true, "\(misspelt)")
    }
    #expect(
      parseLine("plainlint-disable-nextline").problems.first?.0.hasSuffix("“plainlint-disable-next-line”?") == true)
  }

  @Test func theListOfDirectivesNamesIt() {
    #expect(
      parseLine("plainlint-ignore").problems.first?.0
        == "“plainlint-ignore” is not a plainlint directive, so nothing is switched off; the directives are "
        + "plainlint-disable, plainlint-enable, plainlint-disable-line, plainlint-disable-next-line and "
        + "plainlint-disable-file.")
  }

  @Test func inPlainTextItIsAWarningThatPointsToDisableNextLine() {
    let parsed = parseLine("plainlint-disable-line jargon", prefix: "Café 😀\n")
    #expect(parsed.directive?.kind == .disableLine)
    #expect(parsed.problems.map(\.1) == ["plainlint-disable-line"])
    #expect(
      parsed.problems.first?.0
        == "plainlint-disable-line switches off only its own line, and in plain text a directive is a line of its "
        + "own, so nothing is switched off; write plainlint-disable-next-line on the line above the text instead.")
    // It switches nothing off, before or after it, and its unknown rules are warned about as well.
    let text = "Use haemorrhage.\nplainlint-disable-line jargon jargn\nUse haemorrhage.\n"
    let findings = (1...2).map { finding("jargon", "haemorrhage", in: text, occurrence: $0) }
    #expect(
      remaining(text, findings) == [
        "jargon:haemorrhage", "directive:plainlint-disable-line", "directive:jargn", "jargon:haemorrhage",
      ])
    let document = Document(path: "a.txt", text: text)
    let warning = Suppression.apply(
      [], document: document, prose: PlainTextFrontEnd.prose(of: document), knownRules: testRules
    ).first
    #expect(warning?.suggestions.map(\.replacement) == ["plainlint-disable-next-line"])
    #expect(warning?.suggestions.first?.isSafe == false)
  }
}
