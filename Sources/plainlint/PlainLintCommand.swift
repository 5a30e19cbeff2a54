import ArgumentParser
import PlainLintCore
import PlainLintDriver
import PlainLintRules

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
      alternatives. Exit codes: 0 nothing at the failing level, 1 findings at or above --fail-on, 2 a usage error \
      or a file that could not be read.
      """,
    version: plainlintVersion,
    subcommands: [Check.self, Stats.self, Rules.self, Dictionary.self],
    defaultSubcommand: Check.self
  )
}

extension Severity: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension InputLanguage: ExpressibleByArgument {}
extension Dialect: ExpressibleByArgument {}

/// When to colour the text output.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
  case auto, always, never
}

/// `plainlint check`: lint files and folders.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Lint files, folders (searched for .txt, .md, .markdown, .html, .htm) or standard input (-).")

  @Argument(help: "Files or folders to lint, or - for standard input. Default: the current folder.")
  var paths: [String] = []

  @Option(help: "The output format: text for people, json for tools.")
  var format: OutputFormat = .text

  @Option(help: "The lowest severity that makes plainlint exit with 1: error, warning or info.")
  var failOn: Severity = .warning

  @Option(help: "The path to show for standard input (-); its ending also says its format.")
  var stdinFilename: String?

  @Option(
    help: """
      Read every input as text, markdown or html. Default: from the file name ending (.md and .markdown are \
      Markdown, .html and .htm are HTML, anything else is text). Needed for standard input without a \
      --stdin-filename.
      """)
  var language: InputLanguage?

  @Option(help: "The English to check: uk (the default) or us. Word-list entries for the other are left out.")
  var english: Dialect = .uk

  @Option(help: "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
  var color: ColorChoice = .auto

  @Option(
    name: .customLong("option"),
    help: ArgumentHelp(
      "Set a rule option, for example long-sentence.max-words=30. Repeat for more.",
      valueName: "rule.option=value"))
  var ruleOptions: [String] = []

  func validate() throws {
    if stdinFilename != nil && !paths.contains("-") {
      throw ValidationError("--stdin-filename goes with - (standard input) among the paths")
    }
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
    let request = CheckRequest(
      paths: paths.isEmpty ? ["."] : paths, stdinFilename: stdinFilename, format: format, failOn: failOn,
      color: useColor, ruleOptions: ruleOptions, language: language, dialect: english)
    try report { () throws(UsageError) in try runCheck(request) }
  }
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

  @Option(help: "The path to show for standard input (-); its ending also says its format.")
  var stdinFilename: String?

  @Option(help: "Read every input as text, markdown or html. Default: from the file name ending.")
  var language: InputLanguage?

  @Option(help: "The English to check: uk (the default) or us.")
  var english: Dialect = .uk

  @Option(
    name: .customLong("option"),
    help: ArgumentHelp(
      "Set a rule option, for example reading-age.target=9. Repeat for more.", valueName: "rule.option=value"))
  var ruleOptions: [String] = []

  func validate() throws {
    if stdinFilename != nil && !paths.contains("-") {
      throw ValidationError("--stdin-filename goes with - (standard input) among the paths")
    }
  }

  func run() throws {
    let request = StatsRequest(
      paths: paths.isEmpty ? ["."] : paths, stdinFilename: stdinFilename, format: format, sections: sections,
      paragraphs: paragraphs, ruleOptions: ruleOptions, language: language, dialect: english)
    try report { () throws(UsageError) in try runStats(request) }
  }
}

/// `plainlint rules`: list the rules.
struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "List the rules, with their severity and options.")

  func run() {
    var out = ""
    for rule in BuiltInRules.all {
      let description = rule.description
      out += "\(description.identifier) (\(description.defaultSeverity.rawValue)): \(description.summary)\n"
      for option in description.options {
        out += "    \(option.name) = \(option.defaultValue): \(option.summary)\n"
      }
    }
    out += "\(Suppression.ruleIdentifier) (warning): \(Suppression.summary)\n"
    writeStandardOutput(out)
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

  func run() throws {
    let outcome = checkDictionaries(paths: files)
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
