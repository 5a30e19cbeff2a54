/// A rule with the severity it reports at.
public struct ConfiguredRule: Sendable {
  /// The rule.
  public var rule: any Rule
  /// The severity its findings get.
  public var severity: Severity

  /// Creates a configured rule.
  public init(rule: any Rule, severity: Severity) {
    self.rule = rule
    self.severity = severity
  }

  /// The rule's identifier.
  public var identifier: String { type(of: rule).description.identifier }
}

/// Runs rules over the prose of a document and returns findings at exact source ranges.
///
/// Each block is tokenized and split into sentences in buffers that are reused from block to block, so memory
/// stays proportional to the largest block, not the file.
public struct Linter: Sendable {
  /// The rules to run, in order.
  public var rules: [ConfiguredRule]

  /// Creates a linter.
  public init(rules: [ConfiguredRule]) {
    self.rules = rules
  }

  /// Lints prose extracted from a document. Findings are sorted by position, then by rule.
  public func lint(_ prose: ProseText) -> [Finding] {
    let checkers = rules.map { $0.rule.makeChecker() }
    let identifiers = rules.map(\.identifier)  // once: each look-up copies the rule's whole description
    var sink = FindingSink()
    var tokens: [Token] = []
    var sentences: [Sentence] = []
    var mapped: [Finding] = []
    for block in prose.blocks {
      tokens.removeAll(keepingCapacity: true)
      sentences.removeAll(keepingCapacity: true)
      tokens.reserveCapacity(block.range.count / 4)
      Tokenizer.tokenize(prose.bytes, range: block.range, into: &tokens)
      SentenceSplitter.split(prose.bytes, tokens: tokens, tokenRange: 0..<tokens.count, into: &sentences)
      let context = BlockContext(text: prose.bytes, block: block, tokens: tokens, sentences: sentences)
      for (index, checker) in checkers.enumerated() {
        sink.rule = identifiers[index]
        sink.severity = rules[index].severity
        for sentence in sentences {
          checker.check(sentence: sentence, in: context, report: &sink)
        }
        checker.check(block: context, report: &sink)
      }
      flush(&sink, into: &mapped, map: prose.map)
    }
    for (index, checker) in checkers.enumerated() {
      sink.rule = identifiers[index]
      sink.severity = rules[index].severity
      checker.finish(report: &sink)
    }
    flush(&sink, into: &mapped, map: prose.map)
    mapped.sort { ($0.range.lowerBound, $0.range.upperBound, $0.rule) < ($1.range.lowerBound, $1.range.upperBound, $1.rule) }
    return mapped
  }

  private func flush(_ sink: inout FindingSink, into mapped: inout [Finding], map: SourceMap) {
    for var finding in sink.findings {
      finding.range = map.sourceRange(ofProse: finding.range)
      mapped.append(finding)
    }
    sink.findings.removeAll(keepingCapacity: true)
  }
}
