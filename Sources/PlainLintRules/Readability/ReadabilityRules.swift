import PlainLintCore

/// The readability figures of a document, for `plainlint stats` and the JSON report: a measurer the linter runs
/// after the rules, sharing what they found.
public struct ReadabilityMeasurer: DocumentMeasurer {
  let dialect: Dialect
  let words: ProjectWords?
  /// Whether to keep each sentence's counts too (`DocumentMetrics.sentences`).
  let keepsSentences: Bool

  /// Creates a measurer for text in `dialect` (which decides some syllable counts and which word lists apply),
  /// with a project's words (nil for the built-in lists only; the rules it runs with must have the same). With
  /// `sentences`, the metrics have each sentence's counts as well.
  public init(dialect: Dialect, words: ProjectWords? = nil, sentences: Bool = false) {
    self.dialect = dialect
    self.words = words
    keepsSentences = sentences
  }

  public func makeChecker(document: DocumentState) -> any MetricsChecker {
    Checker(session: ReadabilitySession.of(document, dialect: dialect, words: words), keepsSentences: keepsSentences)
  }

  final class Checker: MetricsChecker {
    let session: ReadabilitySession
    let keepsSentences: Bool
    /// The sentences of the running text so far, when they are kept.
    var sentences: [PartMetrics] = []

    init(session: ReadabilitySession, keepsSentences: Bool) {
      self.session = session
      self.keepsSentences = keepsSentences
    }

    var checksSentences: Bool { false }

    func check(block: BlockContext, report: inout FindingSink) {
      session.analyze(block)
      guard keepsSentences else { return }
      switch block.block.kind {
      case .heading, .metadata: return  // labels, not sentences to read
      default: break
      }
      for sentence in session.sentences where sentence.counts.words > 0 {
        sentences.append(PartMetrics(range: sentence.range, title: "", counts: sentence.counts))
      }
    }

    var metrics: DocumentMetrics {
      session.finish()
      var metrics = session.metrics
      metrics.sentences = sentences
      return metrics
    }

    func takeMetrics() -> DocumentMetrics {
      session.finish()
      var metrics = session.takeMetrics()
      metrics.sentences = sentences
      sentences = []
      return metrics
    }
  }
}

/// The UK reading age of some counts, in whole years, if they have words and sentences.
func wholeReadingAge(_ counts: TextCounts) -> Int? {
  counts.readingAge.map { Int($0.rounded()) }
}

/// Appends the start of a sentence to a message: its first few words and an ellipsis, with line breaks as
/// spaces.
func appendOpening(_ context: BlockContext, _ range: Range<Int>, words: Int = 6, to message: MessageBytes) {
  context.text.withUnsafeBufferPointer { p in
    var found = 0
    var start = -1
    var i = range.lowerBound
    while i <= range.upperBound && found <= words {
      let space = i == range.upperBound || p[i] == UInt8(ascii: " ") || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09
      if space && start >= 0 {
        if found < words {
          if found > 0 { message.append(" ") }
          message.append(UnsafeBufferPointer(rebasing: p[start..<i]))
        }
        found += 1
        start = -1
      } else if !space && start < 0 {
        start = i
      }
      i += 1
    }
    if found > words { message.append("…") }
  }
}

/// Flags paragraphs, sections and documents whose reading age is above the target.
public struct ReadingAgeRule: Rule {
  public static let description = RuleDescription(
    identifier: "reading-age",
    name: "Reading age",
    summary: "Paragraphs, sections and documents with a reading age above the target (11 unless you change it).",
    rationale: """
      Health information should be easy for everyone to read, including people who are unwell or anxious. The \
      average reading age in the UK is about 9, and NHS and charity writers aim for 9 to 11. plainlint works out \
      the reading age of each paragraph, each section and the whole document (the Flesch–Kincaid grade + 5), \
      and names what raises it most: long sentences and long words.
      """,
    defaultSeverity: .warning,
    options: [
      RuleOptionDescription(
        name: "target", summary: "The highest reading age, in years, that is not flagged.", defaultValue: .integer(11),
        allowedRange: 5...25),
      RuleOptionDescription(
        name: "min-sentences", summary: "Paragraphs, sections and documents with fewer sentences are not scored.",
        defaultValue: .integer(3), allowedRange: 1...100),
    ],
    triggeringExamples: [
      RuleExample(
        """
        «Individuals experiencing persistent gastrointestinal symptoms should arrange an appointment with their \
        general practitioner. Investigations, including endoscopic examination, may subsequently be considered \
        necessary. Treatment alternatives will be discussed following diagnostic evaluation.»
        """),
      RuleExample(
        """
        «Please arrive on time for your appointment. Remember to bring your hospital letter. Ask a member of \
        staff if you need any help.»
        """, options: ["target": .integer(8)]),
    ],
    nonTriggeringExamples: [
      RuleExample("Come to the clinic on time. Bring your letter. Ask us if you need help."),
      RuleExample("Individuals experiencing persistent gastrointestinal symptoms should see a doctor."),
    ]
  )

  /// The highest reading age not flagged.
  public let target: Int
  let minSentences: Int
  let dialect: Dialect
  let words: ProjectWords?

  public init(options: RuleOptions) {
    target = options.integer("target")
    minSentences = options.integer("min-sentences")
    dialect = options.dialect
    words = options.words
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    Checker(session: ReadabilitySession.of(document, dialect: dialect, words: words), rule: self)
  }

  final class Checker: RuleChecker {
    let session: ReadabilitySession
    let rule: ReadingAgeRule
    /// The openings of sentences that were the longest of their section or document when read, by start, as
    /// UTF-8 bytes.
    var openings: [Int: [UInt8]] = [:]
    /// Words of the current section and of the document in parts already reported.
    var sectionReported = 0
    var documentReported = 0
    /// Where messages and quotes are written, reused from one to the next.
    let message = MessageBytes()
    let quote = MessageBytes(capacity: 64)

    init(session: ReadabilitySession, rule: ReadingAgeRule) {
      self.session = session
      self.rule = rule
    }

    var checksSentences: Bool { false }

    func check(block: BlockContext, report: inout FindingSink) {
      session.analyze(block)
      let part = session.block
      let longest = part.longest.range
      if part.longest.words >= 15
        && (session.section?.longest.range == longest || session.document.longest.range == longest)
      {
        quote.removeAll()
        appendOpening(block, longest, to: quote)
        openings[longest.lowerBound] = quote.bytes
      }
      endSections(report: &report)
      if block.block.kind == .paragraph, check(part, kind: "paragraph", reported: 0, quoting: block, report: &report) {
        sectionReported += part.counts.words
        documentReported += part.counts.words
      }
    }

    func finish(report: inout FindingSink) {
      session.finish()
      endSections(report: &report)
      _ = check(session.document, kind: "document", reported: documentReported, report: &report)
    }

    /// Reports the sections that have just ended.
    func endSections(report: inout FindingSink) {
      for section in session.endedSections {
        if check(section, kind: "section", reported: sectionReported, report: &report) {
          documentReported += section.counts.words - sectionReported
        }
        sectionReported = 0
      }
    }

    /// Reports a part above the target, unless parts inside it already reported hold half its words or more
    /// (the finding would say nothing new). Returns whether it reported. The longest sentence is quoted from
    /// `block` when given (a paragraph), else from the openings kept when it was read.
    func check(
      _ part: PartFacts, kind: StaticString, reported: Int, quoting block: BlockContext? = nil,
      report: inout FindingSink
    ) -> Bool {
      guard part.counts.sentences >= rule.minSentences, reported * 2 < part.counts.words,
        let age = wholeReadingAge(part.counts), age > rule.target
      else { return false }
      message.removeAll()
      message.append("This ")
      message.append(kind)
      message.append(" has a reading age of ")
      message.append(age)
      message.append("; the target is ")
      message.append(rule.target)
      message.append(".")
      let namesSentence = part.longest.words >= 15
      if !namesSentence && part.longWords.isEmpty {
        message.append(" Use shorter sentences and shorter, everyday words.")
      } else {
        message.append(" What raises it most: ")
        if namesSentence {
          message.append("its longest sentence has ")
          message.append(part.longest.words)
          message.append(" words")
          if let block {
            message.append(" (“")
            appendOpening(block, part.longest.range, to: message)
            message.append("”)")
          } else if let quote = openings[part.longest.range.lowerBound] {
            message.append(" (“")
            message.append(quote)
            message.append("”)")
          }
          if !part.longWords.isEmpty { message.append("; ") }
        }
        if !part.longWords.isEmpty {
          message.append("long words such as ")
          for (index, word) in part.longWords.enumerated() {
            if index > 0 { message.append(", ") }
            message.append("“")
            session.text.withUnsafeBufferPointer { text in
              message.appendLowercased(UnsafeBufferPointer(rebasing: text[word.range]))
            }
            message.append("” (")
            message.append(word.syllables)
            if index == 0 { message.append(" syllables") }
            message.append(")")
          }
        }
        message.append(".")
      }
      report.report(part.range, message: message.string)
      return true
    }
  }
}

/// Flags paragraphs with too many sentences or words.
public struct LongParagraphRule: Rule {
  public static let description = RuleDescription(
    identifier: "long-paragraph",
    name: "Long paragraph",
    summary: "Paragraphs with more than 5 sentences or 120 words (you can change both).",
    rationale: """
      A long block of text looks hard before anyone starts reading it, and readers skip it. Short paragraphs, \
      one idea each, are easier to scan and to come back to.
      """,
    defaultSeverity: .info,
    options: [
      RuleOptionDescription(
        name: "max-sentences", summary: "The most sentences a paragraph may have.", defaultValue: .integer(5),
        allowedRange: 1...100),
      RuleOptionDescription(
        name: "max-words", summary: "The most words a paragraph may have.", defaultValue: .integer(120),
        allowedRange: 10...2000),
    ],
    triggeringExamples: [
      RuleExample(
        """
        «Come in on time. Bring your letter. Bring your medicines. Bring your glasses. Tell us if you need help. \
        Ask us anything.»
        """),
      RuleExample(
        "«Come in on time. Bring your letter. Bring your medicines.»", options: ["max-sentences": .integer(2)]),
    ],
    nonTriggeringExamples: [
      RuleExample("Come in on time. Bring your letter. Bring your medicines. Ask us anything."),
      RuleExample(
        """
        - Come in on time.
        - Bring your letter.
        - Bring your medicines.
        - Bring your glasses.
        - Tell us if you need help.
        - Ask us anything.
        """),
    ]
  )

  let maxSentences: Int
  let maxWords: Int
  let dialect: Dialect
  let words: ProjectWords?

  public init(options: RuleOptions) {
    maxSentences = options.integer("max-sentences")
    maxWords = options.integer("max-words")
    dialect = options.dialect
    words = options.words
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    Checker(session: ReadabilitySession.of(document, dialect: dialect, words: words), rule: self)
  }

  final class Checker: RuleChecker {
    let session: ReadabilitySession
    let rule: LongParagraphRule
    /// Where messages are written (see `MessageBytes`), and the end every message of this checker has.
    let message = MessageBytes()
    let tail: [UInt8]

    init(session: ReadabilitySession, rule: LongParagraphRule) {
      self.session = session
      self.rule = rule
      tail = Array(
        ("; the limit is \(rule.maxSentences) sentences or \(rule.maxWords) words. Split it into shorter "
          + "paragraphs, one idea each.").utf8)
    }

    var checksSentences: Bool { false }

    func check(block: BlockContext, report: inout FindingSink) {
      guard block.block.kind == .paragraph else { return }
      session.analyze(block)
      let counts = session.blockCounts
      guard counts.sentences > rule.maxSentences || counts.words > rule.maxWords else { return }
      // "This paragraph has 6 sentences and 18 words; the limit is 5 sentences or 120 words. Split it …"
      message.removeAll()
      message.append("This paragraph has ")
      message.append(counts.sentences)
      message.append(counts.sentences == 1 ? " sentence and " : " sentences and ")
      message.append(counts.words)
      message.append(" words")
      message.append(tail)
      report.report(block.block.range, message: message.string)
    }
  }
}

/// Flags sentences that are hard for their length: a reading age far above the target, or several hard words.
public struct HardSentenceRule: Rule {
  public static let description = RuleDescription(
    identifier: "hard-sentence",
    name: "Hard sentence",
    summary: "Sentences that are hard for their length: long words, or several unfamiliar words or jargon terms.",
    rationale: """
      A sentence can be short and still shut readers out: "Haemodynamic instability contraindicates \
      mobilisation" has four words. This rule flags sentences whose own reading age is far above the target, \
      and sentences with several hard words (jargon, words outside everyday English, acronyms not explained).
      """,
    defaultSeverity: .warning,
    options: [
      RuleOptionDescription(
        name: "target", summary: "The reading age the text aims at, in years.", defaultValue: .integer(11),
        allowedRange: 5...25),
      RuleOptionDescription(
        name: "margin", summary: "How many years above the target a sentence's reading age may be.",
        defaultValue: .integer(6), allowedRange: 0...20),
      RuleOptionDescription(
        name: "min-words", summary: "Shorter sentences are not scored by reading age.", defaultValue: .integer(8),
        allowedRange: 1...100),
      RuleOptionDescription(
        name: "max-words", summary: "Longer sentences are left to the long-sentence rule.",
        defaultValue: .integer(25), allowedRange: 5...200),
      RuleOptionDescription(
        name: "max-hard-words", summary: "The most hard words a sentence may have.", defaultValue: .integer(2),
        allowedRange: 0...50),
    ],
    triggeringExamples: [
      RuleExample("«Subsequent consultations necessitate comprehensive documentation by practitioners.» Thank you."),
      RuleExample("«Stakeholders co-produced the deliverables for the CQC.»"),
    ],
    nonTriggeringExamples: [
      RuleExample("Come to the clinic on time and bring your letter with you."),
      RuleExample("Your consultant will explain the operation."),
    ]
  )

  let target: Int
  let margin: Int
  let minWords: Int
  let maxWords: Int
  let maxHardWords: Int
  let dialect: Dialect
  let words: ProjectWords?

  public init(options: RuleOptions) {
    target = options.integer("target")
    margin = options.integer("margin")
    minWords = options.integer("min-words")
    maxWords = options.integer("max-words")
    maxHardWords = options.integer("max-hard-words")
    dialect = options.dialect
    words = options.words
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    Checker(session: ReadabilitySession.of(document, dialect: dialect, words: words), rule: self)
  }

  final class Checker: RuleChecker {
    let session: ReadabilitySession
    let rule: HardSentenceRule

    init(session: ReadabilitySession, rule: HardSentenceRule) {
      self.session = session
      self.rule = rule
    }

    var checksSentences: Bool { false }

    func check(block: BlockContext, report: inout FindingSink) {
      // A heading or a page title is a label, not a sentence to be read for its difficulty.
      switch block.block.kind {
      case .heading, .metadata: return
      default: break
      }
      session.analyze(block)
      // Long sentences are the long-sentence rule's; this one is for sentences hard for their length.
      for sentence in session.sentences where sentence.counts.words <= rule.maxWords {
        let counts = sentence.counts
        let hard = session.hardWords(of: sentence)
        if hard.count > rule.maxHardWords {
          let named = quotedList(hard.map { block.string($0) }, conjunction: "and")
          report.report(
            sentence.range,
            message: "This sentence has \(hard.count) hard words in \(counts.words): \(named). Explain them, or "
              + "use everyday words.")
          continue
        }
        guard counts.words >= rule.minWords, let age = wholeReadingAge(counts),
          age > rule.target + rule.margin
        else { continue }
        report.report(
          sentence.range,
          message: "This sentence is hard for its length: a reading age of \(age) in \(counts.words) words (the "
            + "target is \(rule.target)). Use shorter, everyday words, or split it.")
      }
    }
  }
}
