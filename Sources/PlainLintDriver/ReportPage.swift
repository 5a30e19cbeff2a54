import PlainLintConfig
import PlainLintCore
import PlainLintReporters
import PlainLintRules

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `plainlint report` was asked to do.
public struct ReportRequest: Sendable {
  /// Files, folders, or `-` for standard input.
  public var paths: [String]
  /// The path to show for standard input.
  public var stdinFilename: String?
  /// The file to write the page to (`--output`), atomically; nil for standard output.
  public var outputPath: String?
  /// The page's title (`--title`).
  public var title: String
  /// Rule options as `RULE.OPTION=VALUE`.
  public var ruleOptions: [String]
  /// The format to read every input as, instead of going by file name endings.
  public var language: InputLanguage?
  /// The English to check (`--english`); nil for the configuration's, or UK English.
  public var dialect: Dialect?
  /// The configuration file for every input (`--config`); nil to find each file's own.
  public var configPath: String?
  /// How many files to read at once (`--jobs`); the page is the same whatever the number.
  public var jobs = Jobs.available

  /// Creates a request.
  public init(
    paths: [String], stdinFilename: String? = nil, outputPath: String? = nil,
    title: String = HTMLReportWording.defaultTitle, ruleOptions: [String] = [], language: InputLanguage? = nil,
    dialect: Dialect? = nil, configPath: String? = nil
  ) {
    self.paths = paths
    self.stdinFilename = stdinFilename
    self.outputPath = outputPath
    self.title = title
    self.ruleOptions = ruleOptions
    self.language = language
    self.dialect = dialect
    self.configPath = configPath
  }
}

/// What `plainlint report` says on standard error.
enum ReportMessages {
  /// Nothing could be read, so there is no page to write.
  static let nothingToShow =
    "plainlint: no report was written: none of the files could be read. Check the paths and try again."
  /// The page went to a file.
  static func wrote(_ path: String, documents: Int) -> String {
    "plainlint: wrote the report of \(documents == 1 ? "1 document" : "\(documents) documents") to \(path)"
  }
  /// The output file is one of the inputs.
  static let isAnInput =
    "is one of the files to report on, so plainlint will not write over it; choose another name with -o"
  /// The output file could not be written.
  static func cannotWrite(_ reason: String) -> String {
    "cannot write the report: \(reason); check that the folder exists and can be written to. Nothing was changed"
  }
}

/// Runs `plainlint report`: reads and measures each input, and writes one web page of them all, to the output
/// file (atomically, never over one of the inputs) or to standard output. The exit status is 0 when the page was
/// written, 2 when an input could not be read (the page then shows the others) or the page could not be written.
/// Findings never fail it: `plainlint check` is for gating.
public func runReport(_ request: ReportRequest) throws(UsageError) -> CheckOutcome {
  let configuration = try RunConfiguration(
    configPath: request.configPath, ruleOptions: request.ruleOptions, dialect: request.dialect, measures: true,
    measuresSentences: true)
  try checkStandardInput(request.paths, stdinFilename: request.stdinFilename, language: request.language)
  let reports: [FileReport]
  var problems: [InputProblem]
  do {
    (reports, problems) = try lintInputs(
      request.paths, stdinFilename: request.stdinFilename, language: request.language, configuration: configuration,
      jobs: request.jobs, keepsProse: true)
  } catch {
    return stopped(by: error)
  }
  guard !reports.isEmpty else {
    return CheckOutcome(output: "", problems: problems, exitCode: 2, messages: [ReportMessages.nothingToShow])
  }
  let failed = problems.contains { !$0.isWarning }
  let writer = HTMLReportWriter(
    title: request.title, version: plainlintVersion, target: Settings.defaults.readingAgeTarget,
    ruleNames: Dictionary(
      BuiltInRules.all.map { ($0.description.identifier, $0.description.name) }, uniquingKeysWith: { a, _ in a }))
  let page = writer.render(reports)
  guard let path = request.outputPath else {
    return CheckOutcome(output: page, problems: problems, exitCode: failed ? 2 : 0)
  }
  if reports.contains(where: { isSameFile($0.document.path, path) }) {
    problems.append(InputProblem(path: path, message: ReportMessages.isAnInput))
    return CheckOutcome(output: "", problems: problems, exitCode: 2)
  }
  if let failure = writeReportFile(page, to: path) {
    problems.append(InputProblem(path: path, message: ReportMessages.cannotWrite(failure.reason)))
    return CheckOutcome(output: "", problems: problems, exitCode: 2)
  }
  return CheckOutcome(
    output: "", problems: problems, exitCode: failed ? 2 : 0,
    messages: [ReportMessages.wrote(path, documents: reports.count)])
}

/// Whether two paths name the same file on disk (through links too); false when either does not exist.
func isSameFile(_ a: String, _ b: String) -> Bool {
  var first = stat()
  var second = stat()
  guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
  return first.st_dev == second.st_dev && first.st_ino == second.st_ino
}
