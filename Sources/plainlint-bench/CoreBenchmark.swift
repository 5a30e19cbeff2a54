import PlainLintCore
import PlainLintDictionaries
import PlainLintRules

/// A part of the core pipeline that `plainlint-bench core` times on its own, in process, on one thread.
enum CoreStage: String, CaseIterable {
  /// Indexing lines and finding blocks: `Document.init` and `PlainTextFrontEnd.prose(of:)`.
  case frontEnd = "frontend"
  /// `Tokenizer.tokenize` over every block (blocks found beforehand, not timed).
  case tokenize
  /// Tokenizing and `SentenceSplitter.split` over every block (blocks found beforehand, not timed).
  case sentences
  /// The core with only the sentence rule: `Document.init`, `PlainTextFrontEnd.prose(of:)` and `Linter.lint`
  /// with `long-sentence` (what the first release ran).
  case lintSentences = "lint-sentences"
  /// The core with the rules issue 4 set its target for: `long-sentence` and the word rules (jargon, plain
  /// English, inclusive language, Latin abbreviations, the four acronym rules and `uncommon-word`), without the
  /// readability rules that came later.
  case lintWords = "lint-words"
  /// The whole core: `Document.init`, `PlainTextFrontEnd.prose(of:)` and `Linter.lint` with every built-in rule,
  /// the word and acronym rules included.
  case lint
  /// The whole core with the readability figures too: `Linter.run` with every built-in rule and the measurer,
  /// as `plainlint stats` and `check --format json` run it.
  case metrics

  /// What the stage times, for the table.
  var label: String {
    switch self {
    case .frontEnd: "front end (Document + PlainTextFrontEnd.prose)"
    case .tokenize: "tokenize only"
    case .sentences: "tokenize + sentences"
    case .lintSentences: "core: front end + Linter.lint (long-sentence only)"
    case .lintWords: "core: front end + Linter.lint (long-sentence + the word rules)"
    case .lint: "core: front end + Linter.lint (all built-in rules)"
    case .metrics: "core: front end + Linter.run (all built-in rules + readability figures)"
    }
  }
}

/// Counts from one pass over the corpus: they keep the optimiser from skipping work, and describe the corpus.
struct CoreCounts: Equatable {
  /// Prose blocks (paragraphs and list items).
  var blocks = 0
  /// Tokens of every kind.
  var tokens = 0
  /// Sentences.
  var sentences = 0
  /// Words as a reader counts them, summed over sentences.
  var words = 0
  /// Sentences over 25 words.
  var longSentences = 0
  /// Findings from the linter.
  var findings = 0
}

/// The timings of one stage.
struct CoreResult {
  /// The stage.
  var stage: CoreStage
  /// Seconds per run.
  var samples: Samples
  /// What the stage counted (the same on every run).
  var counts: CoreCounts
}

/// The in-process measurements of the core pipeline.
enum CoreBenchmark {
  /// A linter with every built-in rule at its defaults, as `plainlint check` runs them.
  static func builtInLinter() -> Linter {
    do {
      return Linter(rules: try BuiltInRules.configured())
    } catch {
      fatalError("the built-in rules do not configure: \(error)")
    }
  }

  /// The word rules: what issue 4's 100 MB/s target is about, with `long-sentence`, the one rule before them.
  static let wordRules: Set<String> = [
    "long-sentence", "jargon", "complex-word", "inclusive-language", "latin-abbreviation", "acronym-undefined",
    "acronym-outdated", "acronym-avoid", "acronym-density", "uncommon-word",
  ]

  /// Times each stage `runs` times after one untimed warm-up run, checking every run counts the same.
  static func run(_ bytes: [UInt8], stages: [CoreStage], runs: Int, progress: (String) -> Void) -> [CoreResult] {
    let linter = builtInLinter()
    let sentenceLinter = Linter(rules: linter.rules.filter { $0.identifier == "long-sentence" })
    let wordLinter = Linter(rules: linter.rules.filter { wordRules.contains($0.identifier) })
    // A rule renamed or removed would make the stage quietly measure less than it says.
    precondition(wordLinter.rules.count == wordRules.count, "a word rule of the lint-words stage is missing")
    let measuringLinter = Linter(rules: linter.rules, measurer: BuiltInRules.measurer())
    let prose = PlainTextFrontEnd.prose(of: Document(path: "corpus.txt", bytes: bytes))
    var results: [CoreResult] = []
    for stage in stages {
      progress("core: \(stage.rawValue)")
      let pass: () -> CoreCounts
      switch stage {
      case .frontEnd: pass = { frontEnd(bytes) }
      case .tokenize: pass = { tokenize(prose) }
      case .sentences: pass = { sentences(prose) }
      case .lintSentences: pass = { lint(bytes, linter: sentenceLinter) }
      case .lintWords: pass = { lint(bytes, linter: wordLinter) }
      case .lint: pass = { lint(bytes, linter: linter) }
      case .metrics: pass = { lint(bytes, linter: measuringLinter) }
      }
      let (counts, samples) = timedRuns(runs, label: "stage \(stage.rawValue)", pass)
      results.append(CoreResult(stage: stage, samples: samples, counts: counts))
    }
    return results
  }

  /// Indexes lines and finds blocks, as `runCheck` does before linting.
  static func frontEnd(_ bytes: [UInt8]) -> CoreCounts {
    let prose = PlainTextFrontEnd.prose(of: Document(path: "corpus.txt", bytes: bytes))
    return CoreCounts(blocks: prose.blocks.count)
  }

  /// Tokenizes every block into one reused buffer, as `Linter.lint` does.
  static func tokenize(_ prose: ProseText) -> CoreCounts {
    var counts = CoreCounts(blocks: prose.blocks.count)
    var tokens: [Token] = []
    for block in prose.blocks {
      tokens.removeAll(keepingCapacity: true)
      Tokenizer.tokenize(prose.bytes, range: block.range, into: &tokens)
      counts.tokens += tokens.count
    }
    return counts
  }

  /// Tokenizes and splits every block into sentences, with reused buffers, as `Linter.lint` does.
  static func sentences(_ prose: ProseText) -> CoreCounts {
    var counts = CoreCounts(blocks: prose.blocks.count)
    var tokens: [Token] = []
    var sentences: [Sentence] = []
    for block in prose.blocks {
      tokens.removeAll(keepingCapacity: true)
      sentences.removeAll(keepingCapacity: true)
      Tokenizer.tokenize(prose.bytes, range: block.range, into: &tokens)
      SentenceSplitter.split(prose.bytes, tokens: tokens, tokenRange: 0..<tokens.count, into: &sentences)
      counts.tokens += tokens.count
      counts.sentences += sentences.count
      for sentence in sentences {
        counts.words += sentence.wordCount
        if sentence.wordCount > 25 { counts.longSentences += 1 }
      }
    }
    return counts
  }

  /// The whole core, from bytes to sorted findings.
  static func lint(_ bytes: [UInt8], linter: Linter) -> CoreCounts {
    let prose = PlainTextFrontEnd.prose(of: Document(path: "corpus.txt", bytes: bytes))
    let (findings, metrics) = linter.run(prose)
    return CoreCounts(
      blocks: prose.blocks.count, sentences: metrics?.document.sentences ?? 0, words: metrics?.document.words ?? 0,
      findings: findings.count)
  }

  /// Loads the built-in dictionaries once and returns the seconds it took: run in a fresh process
  /// (`plainlint-bench --load-dictionaries-once`), since the dictionaries are loaded once per process.
  static func dictionaryLoadSeconds() -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    let lexicon = BuiltInDictionaries.lexicon
    let elapsed = clock.now - start
    precondition(lexicon.entryCount > 0)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }

  /// The number of long-sentence findings in some bytes (to pick a short file that has one).
  static func findingCount(_ bytes: [UInt8]) -> Int {
    guard let rules = try? BuiltInRules.configured() else { return 0 }
    return Linter(rules: rules).lint(PlainTextFrontEnd.prose(of: Document(path: "short.txt", bytes: bytes))).count
  }
}
