import PlainLintConfig
import PlainLintCore
import PlainLintDOCX
import PlainLintHTML
import PlainLintMarkdown
import PlainLintReporters
import PlainLintRules

/// The version of plainlint, shown by `--version` and in machine-readable output.
public let plainlintVersion = "0.1.0"

/// Output formats of `plainlint check`.
public enum OutputFormat: String, CaseIterable, Sendable {
  case text, json
}

/// The formats plainlint reads.
public enum InputLanguage: String, CaseIterable, Sendable {
  case text, markdown, html, docx

  /// The format a file name's ending says, or nil when the ending is not one plainlint knows.
  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "txt", "text": self = .text
    case "md", "markdown", "mdown", "mkd": self = .markdown
    case "html", "htm", "xhtml": self = .html
    case "docx": self = .docx
    default: return nil
    }
  }

  /// Whether inputs in this format are text (a Word document is a ZIP archive of XML).
  public var isText: Bool { self != .docx }

  /// Reads an input's bytes in this format: the document that findings point into, and its prose. For a Word
  /// document, the document is the text the front end writes (a line per paragraph), and `word` gives findings
  /// their context.
  public func read(_ bytes: [UInt8], path: String) throws(InputProblem) -> ReadInput {
    guard self == .docx else {
      let document = Document(path: path, bytes: bytes)
      return ReadInput(document: document, prose: try prose(of: document), word: nil)
    }
    do {
      let word = try DOCXFrontEnd.read(bytes)
      return ReadInput(document: Document(path: path, bytes: word.text), prose: word.prose, word: word)
    } catch {
      throw InputProblem(path: path, message: error.message)
    }
  }

  /// Extracts the prose of a document in this format. For a Word document, the document's bytes are the
  /// `.docx` file and the prose's offsets are in the text the front end writes (see `read`).
  public func prose(of document: Document) throws(InputProblem) -> ProseText {
    switch self {
    case .text:
      return PlainTextFrontEnd.prose(of: document)
    case .markdown:
      return MarkdownFrontEnd.prose(of: document)
    case .html:
      do {
        return try HTMLFrontEnd.prose(of: document)
      } catch {
        throw InputProblem(path: document.path, message: error.message, position: error.position)
      }
    case .docx:
      return try read(document.bytes, path: document.path).prose
    }
  }

  /// The format to read bytes in: the one asked for (`--language`), else the file name's, else text. An Office
  /// file in the old compound format (a `.doc`, or a `.docx` saved with a password) goes to the Word front end
  /// whatever its name, so that it is refused with a message that says what to do.
  static func of(_ bytes: [UInt8], path: String, asked: InputLanguage?) -> InputLanguage {
    if DOCXFrontEnd.isOfficeCompoundFile(bytes) { return .docx }
    return asked ?? InputLanguage(path: path) ?? .text
  }
}

/// An input read in its format.
public struct ReadInput: Sendable {
  /// The document findings point into: the file's bytes, or for a Word document the text written from it.
  public var document: Document
  /// The prose to lint.
  public var prose: ProseText
  /// The Word document, for a `.docx` input: it gives each finding its paragraph, heading and sentence.
  public var word: WordDocument?
}

/// What `plainlint check` was asked to do.
public struct CheckRequest: Sendable {
  /// Files, folders, or `-` for standard input.
  public var paths: [String]
  /// The path to show for standard input.
  public var stdinFilename: String?
  /// The output format.
  public var format: CheckFormat
  /// The lowest severity that makes the run fail (exit code 1).
  public var failOn: Severity
  /// Whether to colour text output.
  public var color: Bool
  /// Rule options as `RULE.OPTION=VALUE`.
  public var ruleOptions: [String]
  /// The format to read every input as, instead of going by file name endings.
  public var language: InputLanguage?
  /// The English to check (`--english`); nil for the configuration's, or UK English.
  public var dialect: Dialect?
  /// The configuration file for every input (`--config`); nil to find each file's own.
  public var configPath: String?
  /// `--output`, `--quiet`, `--max-warnings` and GitHub's step summary.
  public var reportOptions = ReportOptions()
  /// How many files to lint at once (`--jobs`); the output is the same whatever the number.
  public var jobs = Jobs.available

  /// Creates a request.
  public init(
    paths: [String], stdinFilename: String? = nil, format: CheckFormat = .text, failOn: Severity = .warning,
    color: Bool = false, ruleOptions: [String] = [], language: InputLanguage? = nil, dialect: Dialect? = nil,
    configPath: String? = nil
  ) {
    self.configPath = configPath
    self.dialect = dialect
    self.language = language
    self.paths = paths
    self.stdinFilename = stdinFilename
    self.format = format
    self.failOn = failOn
    self.color = color
    self.ruleOptions = ruleOptions
  }
}

/// What a run produced: the report for standard output, messages for standard error, and the exit status.
public struct CheckOutcome: Sendable {
  /// The report (text or JSON) for standard output.
  public var output: String
  /// Problems with inputs, one line each, for standard error.
  public var problems: [InputProblem]
  /// 0 when nothing reaches the failing severity, 1 when something does, 2 when an input could not be linted.
  public var exitCode: Int32
  /// Other lines for standard error, such as the warnings over `--max-warnings`.
  public var messages: [String] = []
}

/// A usage error: the command line asked for something that cannot be done. Exit code 2.
public struct UsageError: Error, CustomStringConvertible, Sendable {
  /// What is wrong and what to do.
  public var description: String

  /// Creates a usage error.
  public init(_ description: String) {
    self.description = description
  }
}

/// Parses `RULE.OPTION=VALUE` settings into option values by rule.
public func parseRuleOptions(_ settings: [String]) throws(RuleOptionError) -> [String: [String: RuleOptionValue]] {
  var result: [String: [String: RuleOptionValue]] = [:]
  for setting in settings {
    guard let equals = setting.firstIndex(of: "="), let dot = setting[..<equals].firstIndex(of: ".") else {
      throw .malformed(setting)
    }
    let rule = String(setting[..<dot])
    let option = String(setting[setting.index(after: dot)..<equals])
    let value = String(setting[setting.index(after: equals)...])
    guard !rule.isEmpty, !option.isEmpty, !value.isEmpty else { throw .malformed(setting) }
    result[rule, default: [:]][option] = .string(value)
  }
  return result
}

/// Checks that standard input is named at most once and that its format is known.
func checkStandardInput(_ paths: [String], stdinFilename: String?, language: InputLanguage?) throws(UsageError) {
  if paths.filter({ $0 == "-" }).count > 1 {
    throw UsageError("standard input (-) can be read only once")
  }
  if paths.contains("-") && language == nil && stdinFilename.flatMap(InputLanguage.init(path:)) == nil {
    throw UsageError(
      "say what standard input is: add --language text, markdown, html or docx, or a --stdin-filename ending in "
        + ".txt, .md, .html or .docx")
  }
}

/// The rule names a directive may give: every built-in rule's, worked out once.
let directiveRuleNames = BuiltInRules.identifiers

/// Lints one input's bytes with its planned linter and drops the findings its directives switch off. With
/// `keepsProse`, the report keeps the prose the front end read (for `plainlint report`).
package func lint(
  _ bytes: [UInt8], path: String, language: InputLanguage, planned: RunConfiguration.PlannedInput,
  keepsProse: Bool = false
) throws(InputProblem) -> FileReport {
  let read = try language.read(bytes, path: path)
  let document = read.document
  let prose = read.prose
  let (found, metrics) = planned.linter.run(prose)
  var findings = Suppression.apply(found, document: document, prose: prose, knownRules: directiveRuleNames)
  if let word = read.word { findings = word.withContext(findings) }
  var report = FileReport(document: document, format: prose.format, findings: findings, metrics: metrics)
  report.readingAgeTarget = planned.readingAgeTarget
  if keepsProse { report.prose = prose }
  return report
}

/// Lints one planned input: its report (nil when it could not be read or linted), and the problems to tell.
/// With `keepsProse`, the report keeps the prose the front end read.
func lintOne(_ planned: RunConfiguration.PlannedInput, language: InputLanguage?, keepsProse: Bool = false) -> (
  report: FileReport?, problems: [InputProblem]
) {
  let input = planned.input
  do throws(InputProblem) {
    let bytes = try readInput(input)
    let language = InputLanguage.of(bytes, path: input.displayPath, asked: language)
    if language.isText { try checkIsText(bytes, path: input.displayPath) }
    let report = try lint(
      bytes, path: input.displayPath, language: language, planned: planned, keepsProse: keepsProse)
    // Only for a file that is linted: one refused for its declared character set needs no second message. The
    // text of a Word document is written by plainlint and is always UTF-8.
    guard language.isText else { return (report, []) }
    return (report, utf8Warning(for: report.document).map { [$0] } ?? [])
  } catch {
    return (nil, [error])
  }
}

/// Finds the inputs and lints (and, if the linters measure, measures) each one with the settings in force for it,
/// up to `jobs` files at once. Reports and problems come in the order of the inputs, however many jobs there are.
/// A problem with a configuration file stops the run before anything is linted. With `keepsProse`, each report
/// keeps its prose.
func lintInputs(
  _ paths: [String], stdinFilename: String?, language: InputLanguage?, configuration: RunConfiguration, jobs: Int,
  keepsProse: Bool = false
) throws(ConfigFailure) -> (reports: [FileReport], problems: [InputProblem]) {
  let (found, inputProblems) = collectInputs(paths, stdinFilename: stdinFilename)
  let inputs = try configuration.plan(found, paths: paths)
  let linted = parallelMap(inputs.count, jobs: jobs) {
    lintOne(inputs[$0], language: language, keepsProse: keepsProse)
  }
  var problems = inputProblems
  var reports: [FileReport] = []
  reports.reserveCapacity(linted.count)
  for (report, found) in linted {
    problems += found
    if let report { reports.append(report) }
  }
  return (reports, problems)
}

/// The outcome of a run stopped by problems with configuration files: each on standard error, exit code 2.
func stopped(by failure: ConfigFailure) -> CheckOutcome {
  CheckOutcome(output: "", problems: failure.problems.map(InputProblem.init), exitCode: 2)
}

/// Runs `plainlint check`: finds the inputs, lints each one, and renders the report.
///
/// Given a `sink`, the text and JSON reports are written file by file as the files are linted, in input order, and
/// not kept: the outcome's `output` is then empty. They go to the sink, or with `--output` to the report file
/// (through a temporary file, renamed when it is whole) while the sink gets the text report. Memory then stays
/// with the files being linted, not the whole run's findings, and the first findings show at once.
public func runCheck(_ request: CheckRequest, streamingTo sink: OutputSink? = nil) throws(UsageError)
  -> CheckOutcome
{
  let configuration = try RunConfiguration(
    configPath: request.configPath, ruleOptions: request.ruleOptions, dialect: request.dialect,
    measures: request.format == .json)
  try checkStandardInput(request.paths, stdinFilename: request.stdinFilename, language: request.language)
  let outputPath = request.reportOptions.outputPath
  // A report file is never in colour.
  if let sink, let reporter = fileByFileReporter(for: request.format, color: request.color && outputPath == nil) {
    do {
      guard let outputPath else {
        return try streamCheck(
          request, configuration: configuration, reports: [StreamedReport(reporter: reporter, sink: sink)])
      }
      return try streamCheck(
        request, configuration: configuration, reporter: reporter, outputPath: outputPath, sink: sink)
    } catch {
      return stopped(by: error)
    }
  }
  let reports: [FileReport]
  let problems: [InputProblem]
  do {
    (reports, problems) = try lintInputs(
      request.paths, stdinFilename: request.stdinFilename, language: request.language, configuration: configuration,
      jobs: request.jobs)
  } catch {
    return stopped(by: error)
  }
  return finish(reports, problems: problems, request: request)
}
