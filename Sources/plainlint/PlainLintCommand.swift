import ArgumentParser
import PlainLintCore
import PlainLintDriver
import PlainLintReporters
import PlainLintRules
import PlainLintServer

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `plainlint`: the command-line front end. Parsing and exit codes live here; the work is in PlainLintDriver.
struct PlainLintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plainlint",
    abstract: "A plain-language linter for health and care writing.",
    discussion: """
      plainlint flags long sentences, jargon and acronyms that shut readers out, with exact positions and plain \
      alternatives. Settings come from the nearest .plainlint.yml (see `plainlint init`). Exit codes: 0 nothing at \
      the failing level, 1 findings at or above --fail-on, 2 a usage error, a bad .plainlint.yml or a file that \
      could not be read.
      """,
    version: plainlintVersion,
    subcommands: [
      Check.self, Stats.self, Report.self, Rules.self, Explain.self, Init.self, ConfigCommand.self, Dictionary.self,
      Lsp.self,
    ],
    defaultSubcommand: Check.self
  )
}

extension Severity: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension CheckFormat: ExpressibleByArgument {}
extension InputLanguage: ExpressibleByArgument {}
extension Dialect: ExpressibleByArgument {}

/// When to colour the text output.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
  case auto, always, never
}

/// The options `check`, `stats` and `report` share: how inputs are read and which configuration applies.
struct InputOptions: ParsableArguments {
  @Option(help: "The path to show for standard input (-); its ending also says its format.")
  var stdinFilename: String?

  @Option(
    help: """
      Read every input as text, markdown, html or docx. Default: from the file name ending (.md and .markdown \
      are Markdown, .html and .htm are HTML, .docx is a Word document, anything else is text). Needed for \
      standard input without a --stdin-filename.
      """)
  var language: InputLanguage?

  @Option(
    help: """
      The English to check: uk or us. Word-list entries for the other are left out. Default: the \
      configuration's dialect, else uk.
      """)
  var english: Dialect?

  @Option(
    help: ArgumentHelp(
      "Use this configuration file for every input, instead of each file's nearest .plainlint.yml.",
      valueName: "file"))
  var config: String?

  @Option(
    name: .customLong("option"),
    help: ArgumentHelp(
      "Set a rule option, for example long-sentence.max-words=30. Repeat for more.",
      valueName: "rule.option=value"))
  var ruleOptions: [String] = []

  /// Checks that `--stdin-filename` comes with standard input among the paths.
  func validate(paths: [String]) throws {
    if stdinFilename != nil && !paths.contains("-") {
      throw ValidationError("--stdin-filename goes with - (standard input) among the paths")
    }
  }
}

/// `plainlint check`: lint files and folders.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Lint files, folders (searched for .txt, .md, .markdown, .html, .htm, .docx) or standard input (-).")

  @Argument(help: "Files or folders to lint, or - for standard input. Default: the current folder.")
  var paths: [String] = []

  @Option(help: "The output format: text for people, json for tools, the others for CI services.")
  var format: CheckFormat = .text

  @Option(
    help: """
      The lowest severity that makes plainlint exit with 1: error, warning or info. Default: warning, or error \
      with --max-warnings.
      """)
  var failOn: Severity?

  @Option(
    help: ArgumentHelp(
      "Write the report in --format to this file (atomically) and show the text report on the terminal.",
      valueName: "file"))
  var output: String?

  @Flag(help: "Report only errors: warnings and notes are neither shown nor make the run fail.")
  var quiet = false

  @Option(help: ArgumentHelp("Exit with 1 when there are more than this many warnings.", valueName: "n"))
  var maxWarnings: Int?

  @Option(help: "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
  var color: ColorChoice = .auto

  @Option(
    help: ArgumentHelp(
      "How many files to lint at once. The output is the same whatever the number. Default: the number of "
        + "processors.", valueName: "n"))
  var jobs: Int?

  @Flag(help: "Make the safe fixes (utilise → use) and report the findings left for a person. Not for .docx.")
  var fix = false

  @Flag(help: "With --fix: print the fixes as a unified diff and change nothing.")
  var dryRun = false

  @OptionGroup var input: InputOptions

  func validate() throws {
    try input.validate(paths: paths)
    if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings needs a number of 0 or more") }
    if output?.isEmpty == true { throw ValidationError("--output needs a file name") }
    if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs needs a number of 1 or more") }
  }

  func run() throws {
    let useColor: Bool
    switch color {
    case .always: useColor = true
    case .never: useColor = false
    case .auto:
      let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
      let term = getenv("TERM").map { String(cString: $0) } ?? ""
      useColor = isatty(STDOUT_FILENO) == 1 && noColor.isEmpty && term != "dumb"
    }
    var request = CheckRequest(
      paths: paths.isEmpty ? ["."] : paths, stdinFilename: input.stdinFilename, format: format,
      failOn: failOn ?? (maxWarnings == nil ? .warning : .error), color: useColor, ruleOptions: input.ruleOptions,
      language: input.language, dialect: input.english, configPath: input.config)
    if let jobs { request.jobs = jobs }
    request.reportOptions = ReportOptions(
      outputPath: output, quiet: quiet, maxWarnings: maxWarnings,
      stepSummaryPath: getenv("GITHUB_STEP_SUMMARY").map { String(cString: $0) })
    if fix {
      try reportFix(request, dryRun: dryRun)
    } else {
      try report { () throws(UsageError) in try runCheck(request, streamingTo: standardOutputSink) }
    }
  }
}

/// Runs `plainlint check --fix` and writes what it produced (see `runFix`).
func reportFix(_ request: CheckRequest, dryRun: Bool) throws {
  let outcome: FixOutcome
  do {
    outcome = try runFix(request, dryRun: dryRun)
  } catch {
    writeStandardError("plainlint: error: \(error.description)\n")
    throw ExitCode(2)
  }
  for problem in outcome.problems {
    writeStandardError("\(problem)\n")
  }
  writeStandardError(outcome.messages)
  writeAll(outcome.output, to: STDOUT_FILENO)
  if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
}

/// `plainlint stats`: readability figures per file and section.
struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show the reading age, readability scores and findings of each file (and each section).",
    discussion: """
      Words, sentences, words per sentence, reading age, hard words per 100 words, Flesch Reading Ease, \
      Flesch–Kincaid grade, SMOG grade, Gunning Fog, Coleman–Liau and the Automated Readability Index, and the \
      findings by rule. Exit code 0, or 2 when a file could not be read.
      """)

  @Argument(help: "Files or folders to measure, or - for standard input. Default: the current folder.")
  var paths: [String] = []

  @Flag(help: "Show each section (a heading and what follows it) as well as each file.")
  var sections = false

  @Flag(help: "List each paragraph with its reading age and hard words.")
  var paragraphs = false

  @Option(help: "The output format: text for people, json for tools.")
  var format: OutputFormat = .text

  @Option(
    help: ArgumentHelp(
      "How many files to measure at once. The output is the same whatever the number. Default: the number of "
        + "processors.", valueName: "n"))
  var jobs: Int?

  @OptionGroup var input: InputOptions

  func validate() throws {
    try input.validate(paths: paths)
    if let jobs, jobs < 1 { throw ValidationError("--jobs needs a number of 1 or more") }
  }

  func run() throws {
    var request = StatsRequest(
      paths: paths.isEmpty ? ["."] : paths, stdinFilename: input.stdinFilename, format: format, sections: sections,
      paragraphs: paragraphs, ruleOptions: input.ruleOptions, language: input.language, dialect: input.english,
      configPath: input.config)
    if let jobs { request.jobs = jobs }
    try report { () throws(UsageError) in try runStats(request) }
  }
}

/// `plainlint report`: one web page of the documents with every finding marked, for people reading together.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Make one web page of the documents, with each finding marked in the text, to read together.",
    discussion: """
      The page shows the reading age against the target, the findings counted in plain words, a glossary of the \
      acronyms and jargon found, and each document's text with every finding marked and explained, and the \
      reading age of each paragraph and part beside it. It needs no network and can be printed. Exit code 0 \
      when the page was written, 2 when a file could not be read or the page could not be written. Findings \
      never make it fail: use `plainlint check` in CI.
      """)

  /// Said when the page would go to a terminal.
  static let notToTerminal =
    "plainlint report makes a web page: name a file for it with -o report.html (or send it to a file with > "
    + "report.html)"

  @Argument(help: "Files or folders to report on, or - for standard input. Default: the current folder.")
  var paths: [String] = []

  @Option(
    name: [.short, .long],
    help: ArgumentHelp(
      "Write the page to this file (atomically; never over one of the files reported on). Default: standard "
        + "output.", valueName: "file"))
  var output: String?

  @Option(help: ArgumentHelp("The page's title.", valueName: "text"))
  var title: String = HTMLReportWording.defaultTitle

  @Option(
    help: ArgumentHelp(
      "How many files to read at once. The page is the same whatever the number. Default: the number of "
        + "processors.", valueName: "n"))
  var jobs: Int?

  @OptionGroup var input: InputOptions

  func validate() throws {
    try input.validate(paths: paths)
    if output?.isEmpty == true { throw ValidationError("--output needs a file name") }
    if title.allSatisfy(\.isWhitespace) { throw ValidationError("--title needs some words") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs needs a number of 1 or more") }
  }

  func run() throws {
    if output == nil && isatty(STDOUT_FILENO) == 1 {
      writeStandardError("plainlint: error: \(Self.notToTerminal)\n")
      throw ExitCode(2)
    }
    var request = ReportRequest(
      paths: paths.isEmpty ? ["."] : paths, stdinFilename: input.stdinFilename, outputPath: output, title: title,
      ruleOptions: input.ruleOptions, language: input.language, dialect: input.english, configPath: input.config)
    if let jobs { request.jobs = jobs }
    try report { () throws(UsageError) in try runReport(request) }
  }
}

/// `plainlint rules`: list the rules under the configuration in force.
struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the rules with their severity (or off) and options under the configuration in force.",
    discussion: """
      Values that differ from the built-in defaults are followed by the default. Name a file to see the \
      overrides that apply to it.
      """)

  @Argument(help: "The file or folder whose configuration to show. Default: the current folder.")
  var path: String?

  @Option(help: ArgumentHelp("Use this configuration file instead of the nearest .plainlint.yml.", valueName: "file"))
  var config: String?

  func run() throws {
    try report { () throws(UsageError) in runRules(path: path, configPath: config) }
  }
}

/// `plainlint explain RULE`: what a rule checks and why.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Explain a rule: what it checks, why it matters to readers, its options and its examples.")

  @Argument(help: "The rule, for example long-sentence (`plainlint rules` lists them).")
  var rule: String

  func run() throws {
    try report { () throws(UsageError) in try runExplain(rule) }
  }
}

/// `plainlint init`: write a starter configuration file.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a commented starter .plainlint.yml in the current folder; never replaces an existing one.")

  @Option(help: ArgumentHelp("The folder to write it in. Default: the current folder.", valueName: "folder"))
  var path: String?

  func run() throws {
    try report { () throws(UsageError) in runInit(folder: path) }
  }
}

/// `plainlint config`: work with configuration files.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config", abstract: "Work with .plainlint.yml files.", subcommands: [ConfigSchemaCommand.self])
}

/// `plainlint config schema`: print the JSON Schema of `.plainlint.yml`.
struct ConfigSchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema (draft 2020-12) of .plainlint.yml, for YAML editors.",
    discussion: """
      Save it beside the configuration (plainlint config schema > .plainlint.schema.json) and put \
      `# yaml-language-server: $schema=.plainlint.schema.json` on the first line of .plainlint.yml, or name it \
      in VS Code's yaml.schemas setting.
      """)

  func run() {
    writeStandardOutput(configurationSchema())
  }
}

/// `plainlint dictionary`: work with word lists.
struct Dictionary: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Work with dictionary files (word lists and the acronym list).", subcommands: [DictionaryCheck.self])
}

/// `plainlint dictionary check [FILE ...]`: check dictionary files.
struct DictionaryCheck: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check dictionary files and report each problem with its line; with no file, check the built-in ones.")

  @Argument(help: "CSV files to check (a word list or an acronym list), or - for standard input.")
  var files: [String] = []

  @Flag(
    help: """
      Check the files as a project's own lists (named by `dictionaries:` in .plainlint.yml): their source may \
      be any text, or empty.
      """)
  var project = false

  func validate() throws {
    if project && files.isEmpty { throw ValidationError("--project needs the files to check") }
  }

  func run() throws {
    let outcome = checkDictionaries(paths: files, asProjectLists: project)
    if outcome.exitCode == 0 {
      writeStandardOutput(outcome.output)
    } else {
      writeStandardError(outcome.output)
      throw ExitCode(outcome.exitCode)
    }
  }
}

/// Runs a command and writes what it produced: problems with inputs to standard error, the report to standard
/// output. A usage problem found while running (a bad rule option, standard input without a format) is one line,
/// with no usage text, and exit code 2.
func report(_ run: () throws(UsageError) -> CheckOutcome) throws {
  let outcome: CheckOutcome
  do {
    outcome = try run()
  } catch {
    writeStandardError("plainlint: error: \(error.description)\n")
    throw ExitCode(2)
  }
  for problem in outcome.problems {
    writeStandardError("\(problem)\n")
  }
  writeStandardOutput(outcome.output)
  for message in outcome.messages { writeStandardError(message + "\n") }
  if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
}

/// Writes text to standard output in one go.
func writeStandardOutput(_ text: String) {
  writeAll(text, to: STDOUT_FILENO)
}

/// Writes text to standard error.
func writeStandardError(_ text: String) {
  writeAll(text, to: STDERR_FILENO)
}

/// `plainlint lsp`: the language server, for editors.
struct Lsp: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the language server on standard input and output, for editors (see the README).",
    discussion: """
      Speaks the Language Server Protocol 3.17 over standard input and output: findings as you type, quick \
      fixes, hover explanations and reading age. Settings come from the nearest .plainlint.yml, as for check.
      """)

  @Flag(help: "Accepted for editors that pass it; standard input and output are always used.")
  var stdio = false

  func run() throws {
    throw ExitCode(runLanguageServer())
  }
}
