@_spi(Benchmark) import PlainLintHTML
@_spi(Benchmark) import PlainLintMarkdown
import PlainLintCore
import PlainLintDriver
import PlainLintRules

/// What the `formats` section times for each format.
enum FormatStage: String, CaseIterable {
  /// The C parser alone, with the front end's options (Markdown and HTML only): cmark-gfm with the front end's
  /// arena; libxml2 through SAX callbacks that only count events. The ceiling for the front end.
  case parser
  /// The C parser alone, the other way (Markdown and HTML only): cmark-gfm with its own allocator; libxml2 building
  /// its document tree.
  case parserOther = "parser-other"
  /// `Document.init` and the format's front end, page by page.
  case frontEnd = "frontend"
  /// The same, then `Linter.lint` with `long-sentence` only on each page's prose: the rules there were when the
  /// 40 MB/s targets for Markdown and HTML were set (issue 3).
  case lintSentences = "lint-sentences"
  /// The same, then `Linter.lint` with every built-in rule on each page's prose.
  case lint

  /// What the stage times for a format, for the table.
  func label(for format: InputFormat) -> String {
    switch (self, format) {
    case (.parser, .markdown): "cmark-gfm alone (same options, arena)"
    case (.parserOther, .markdown): "cmark-gfm alone (its own malloc)"
    case (.parser, _): "libxml2 alone (same options, SAX, no work)"
    case (.parserOther, _): "libxml2 alone (building its tree)"
    default: label
    }
  }

  /// What the stage times, for the table.
  var label: String {
    switch self {
    case .parser: "the C parser alone"
    case .parserOther: "the C parser alone, the other way"
    case .frontEnd: "front end (Document + prose)"
    case .lintSentences: "front end + Linter.lint (long-sentence only)"
    case .lint: "front end + Linter.lint (built-in rules)"
    }
  }
}

/// Counts from one pass over a format's pages: they keep the optimiser from skipping work, and describe the pages.
struct FormatCounts: Equatable {
  /// Pages read.
  var pages = 0
  /// Bytes of prose the front end extracted.
  var proseBytes = 0
  /// Prose blocks.
  var blocks = 0
  /// Findings from the linter (0 when the stage does not lint).
  var findings = 0
}

/// The timings of one format and stage.
struct FormatResult {
  /// The format.
  var format: InputFormat
  /// The stage.
  var stage: FormatStage
  /// Seconds per run over all the pages.
  var samples: Samples
  /// What the stage counted (the same on every run).
  var counts: FormatCounts
}

/// The in-process measurements of each front end, alone and with the linter, over many pages.
///
/// Each page is its own document, as `plainlint check` reads each file: one run times the whole loop over the
/// pages, and throughput is the pages' source bytes over that time.
enum FormatsBenchmark {
  /// Times each format and stage asked for `runs` times after one untimed warm-up run, checking every run counts
  /// the same.
  static func run(
    _ corpus: FormatCorpus, formats: [InputFormat], stages: [FormatStage], runs: Int, progress: (String) -> Void
  ) -> [FormatResult] {
    let linter = CoreBenchmark.builtInLinter()
    let sentenceLinter = Linter(rules: linter.rules.filter { $0.identifier == "long-sentence" })
    var results: [FormatResult] = []
    for format in formats {
      let pages = corpus[format]
      for stage in stages {
        if format == .text && (stage == .parser || stage == .parserOther) { continue }
        progress("formats: \(format.rawValue), \(stage.rawValue)")
        let pass: () -> FormatCounts
        switch stage {
        case .parser: pass = { parserAlone(pages, format, other: false) }
        case .parserOther: pass = { parserAlone(pages, format, other: true) }
        case .frontEnd: pass = { frontEnd(pages, format) }
        case .lintSentences: pass = { lint(pages, format, linter: sentenceLinter) }
        case .lint: pass = { lint(pages, format, linter: linter) }
        }
        let (counts, samples) = timedRuns(runs, label: format.rawValue, pass)
        results.append(FormatResult(format: format, stage: stage, samples: samples, counts: counts))
      }
    }
    return results
  }

  /// Runs the format's C parser alone over every page; `blocks` counts what it returns (top-level blocks, events
  /// or elements).
  @inline(never)
  static func parserAlone(_ pages: [[UInt8]], _ format: InputFormat, other: Bool) -> FormatCounts {
    var counts = FormatCounts()
    for page in pages {
      counts.pages += 1
      switch format {
      case .markdown: counts.blocks += MarkdownParserBenchmark.parse(page, systemAllocator: other)
      case .html: counts.blocks += HTMLParserBenchmark.parse(page, tree: other)
      case .text: break
      }
    }
    return counts
  }

  /// Runs the front end over every page.
  @inline(never)
  static func frontEnd(_ pages: [[UInt8]], _ format: InputFormat) -> FormatCounts {
    var counts = FormatCounts()
    for page in pages {
      let prose = self.prose(page, format)
      counts.pages += 1
      counts.proseBytes += prose.bytes.count
      counts.blocks += prose.blocks.count
    }
    return counts
  }

  /// Runs the front end and the linter over every page.
  @inline(never)
  static func lint(_ pages: [[UInt8]], _ format: InputFormat, linter: Linter) -> FormatCounts {
    var counts = FormatCounts()
    for page in pages {
      let prose = self.prose(page, format)
      counts.pages += 1
      counts.proseBytes += prose.bytes.count
      counts.blocks += prose.blocks.count
      counts.findings += linter.lint(prose).count
    }
    return counts
  }

  /// The prose of one page, as `runCheck` extracts it.
  static func prose(_ page: [UInt8], _ format: InputFormat) -> ProseText {
    let document = Document(path: "page." + format.fileExtension, bytes: page)
    do {
      return try InputLanguage(rawValue: format.rawValue)!.prose(of: document)
    } catch {
      fatalError("the \(format.label) front end refused a generated page: \(error)")
    }
  }
}
