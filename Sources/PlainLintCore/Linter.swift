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
/// Blocks are tokenized and split into sentences a batch at a time (about 64 KB of prose), in buffers reused
/// from batch to batch, so memory for tokens stays proportional to the batch and the largest block, not the file.
public struct Linter: Sendable {
  /// The rules to run, in order.
  public var rules: [ConfiguredRule]
  /// What measures each document's readability, if anything does.
  public var measurer: (any DocumentMeasurer)?

  /// Creates a linter.
  public init(rules: [ConfiguredRule], measurer: (any DocumentMeasurer)? = nil) {
    self.rules = rules
    self.measurer = measurer
  }

  /// Lints prose extracted from a document. Findings are sorted by position, then by rule.
  public func lint(_ prose: ProseText) -> [Finding] {
    run(prose).findings
  }

  /// Lints prose extracted from a document and measures it with the linter's measurer, if it has one.
  /// Findings are sorted by position, then by rule; all ranges are in the source file.
  public func run(_ prose: ProseText) -> (findings: [Finding], metrics: DocumentMetrics?) {
    let document = DocumentState(prose: prose)
    let metricsChecker = measurer?.makeChecker(document: document)
    // The measurer reads each block after the rules, so it can use what they found; it reports nothing.
    let checkers = rules.map { $0.rule.makeChecker(document: document) } + (metricsChecker.map { [$0] } ?? [])
    // Each checker is called through a reference that is not counted: `boxes` keeps them all alive until `run`
    // returns. Taking a checker out of an array for a call would retain and release it, 15 times a block.
    let boxes = checkers.map { HeldChecker($0) }
    // The references and their flags side by side, read through a pointer in the loop below: no bounds checks and
    // no reloading of two arrays for each of the 15 calls a block.
    let held = UnsafeMutableBufferPointer<(checker: Unmanaged<HeldChecker>, checksSentences: Bool)>.allocate(
      capacity: boxes.count)
    defer { held.deallocate() }
    for (index, box) in boxes.enumerated() {
      held.initializeElement(at: index, to: (Unmanaged.passUnretained(box), box.checker.checksSentences))
    }
    let blocks = prose.blocks
    // The identifiers once: each look-up copies the rule's whole description.
    var sink = FindingSink(
      rules: rules.map { ($0.identifier, $0.severity) } + (metricsChecker == nil ? [] : [("metrics", .info)]))
    // Room for a finding every 128 bytes of prose, more than real documents have: the array then never grows
    // (growing copies it, and for a moment holds it twice), and room never used costs no memory in a large
    // document's array, whose pages the system gives only when they are written.
    sink.findings.reserveCapacity(prose.bytes.count / 128)
    var tokens: [Token] = []
    var sentences: [Sentence] = []
    var spans: [(tokens: Range<Int>, sentences: Range<Int>)] = []
    var tokenEnds: [Int] = []
    var next = 0
    while next < blocks.count {
      // Tokenize and split a batch of blocks (about 64 KB of text) in one go: blocks are often a single line,
      // and the cost of starting on each one would outweigh the work.
      let batchStart = next
      var batchBytes = 0
      repeat {
        batchBytes += blocks[next].range.count
        next += 1
      } while next < blocks.count && batchBytes < Linter.batchSize
      tokens.removeAll(keepingCapacity: true)
      sentences.removeAll(keepingCapacity: true)
      spans.removeAll(keepingCapacity: true)
      tokenEnds.removeAll(keepingCapacity: true)
      // Room for the batch up front: growing each array from empty, page after page, copies it several times.
      tokens.reserveCapacity(batchBytes / 3 + 16)
      sentences.reserveCapacity(batchBytes / 32 + 16)
      spans.reserveCapacity(next - batchStart)
      tokenEnds.reserveCapacity(next - batchStart)
      prose.bytes.withUnsafeBufferPointer { p in
        Tokenizer.tokenize(p, blocks: blocks[batchStart..<next], into: &tokens, ends: &tokenEnds)
        tokens.withUnsafeBufferPointer { t in
          var firstToken = 0
          for end in tokenEnds {
            let firstSentence = sentences.count
            SentenceSplitter.split(p, tokens: t, tokenRange: firstToken..<end, into: &sentences)
            spans.append((firstToken..<end, firstSentence..<sentences.count))
            firstToken = end
          }
        }
      }
      // One context for the batch; only the block and its ranges change from block to block.
      var context = BlockContext(text: prose.bytes, block: blocks[batchStart], tokens: tokens, sentences: sentences)
      for index in batchStart..<next {
        let span = spans[index - batchStart]
        context.block = blocks[index]
        context.tokenRange = span.tokens
        context.sentenceRange = span.sentences
        for ruleIndex in 0..<held.count {
          sink.rule = ruleIndex
          let (checker, checksSentences) = held[ruleIndex]
          checker._withUnsafeGuaranteedRef { held in
            if checksSentences {
              for sentenceIndex in span.sentences {
                held.checker.check(sentence: sentences[sentenceIndex], in: context, report: &sink)
              }
            }
            held.checker.check(block: context, report: &sink)
          }
        }
      }
    }
    for ruleIndex in checkers.indices {
      sink.rule = ruleIndex
      checkers[ruleIndex].finish(report: &sink)
    }
    withExtendedLifetime(boxes) {}
    // Findings were reported in prose offsets: map them to the source in place (plain text needs nothing).
    var mapped = sink.findings
    sink.findings = []
    if !prose.map.isIdentity {
      for index in mapped.indices {
        mapped[index].range = prose.map.sourceRange(ofProse: mapped[index].range)
      }
    }
    Linter.sortByPosition(&mapped)
    var metrics = metricsChecker?.takeMetrics()
    metrics?.mapRanges(prose.map)
    return (mapped, metrics)
  }

  /// Sorts findings by start, then end, then rule; findings equal in all three stay in the order they were
  /// reported (as a stable sort leaves them).
  ///
  /// The standard library's stable sort borrows a buffer of half the array while it works: 14.5 MB for the 360,000
  /// findings of 100 MB of text, at the moment memory peaks. Here the findings' indices are sorted instead (4
  /// bytes each, the index breaking ties), and the findings are then moved into place one cycle of the
  /// permutation at a time, with no second array of them.
  static func sortByPosition(_ findings: inout [Finding]) {
    let count = findings.count
    guard count > 1 else { return }
    // A document under 4 GiB cannot have 2^32 findings (they would not fit in memory); the check keeps the
    // conversions below honest.
    precondition(count <= Int(UInt32.max), "more findings than 32-bit indices can number")
    var order = Array(0..<UInt32(truncatingIfNeeded: count))
    findings.withUnsafeBufferPointer { f in
      order.sort { a, b in
        let x = Int(a)
        let y = Int(b)
        if f[x].range.lowerBound != f[y].range.lowerBound { return f[x].range.lowerBound < f[y].range.lowerBound }
        if f[x].range.upperBound != f[y].range.upperBound { return f[x].range.upperBound < f[y].range.upperBound }
        if f[x].rule != f[y].rule { return f[x].rule < f[y].rule }
        return a < b
      }
    }
    // Position i takes the finding at order[i]: follow each cycle of the permutation once, marking each position
    // done by pointing it at itself. Each finding is moved, not copied: no reference counting on its strings.
    findings.withUnsafeMutableBufferPointer { f in
      guard let base = f.baseAddress else { return }
      for start in 0..<count where Int(order[start]) != start {
        let first = (base + start).move()
        var i = start
        while true {
          let next = Int(order[i])
          order[i] = UInt32(truncatingIfNeeded: i)
          if next == start { break }
          (base + i).moveInitialize(from: base + next, count: 1)
          i = next
        }
        (base + i).initialize(to: first)
      }
    }
  }

  /// About how many bytes of prose are tokenized at a time.
  static let batchSize = 1 << 16
}

/// A checker in a box of its own, so that `Linter.run` can call it through an `Unmanaged` reference (which needs a
/// class, not a protocol) without retaining it.
private final class HeldChecker {
  let checker: any RuleChecker

  init(_ checker: any RuleChecker) {
    self.checker = checker
  }
}
