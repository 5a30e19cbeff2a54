import PlainLintConfig
import PlainLintCore
import PlainLintReporters
import PlainLintRules

/// What `plainlint stats` was asked to do.
public struct StatsRequest: Sendable {
  /// Files, folders, or `-` for standard input.
  public var paths: [String]
  /// The path to show for standard input.
  public var stdinFilename: String?
  /// The output format.
  public var format: OutputFormat
  /// Whether to show each section as well as each file.
  public var sections: Bool
  /// Whether to list each paragraph's reading age.
  public var paragraphs: Bool
  /// Rule options as `RULE.OPTION=VALUE` (the findings counted, and the reading-age target shown).
  public var ruleOptions: [String]
  /// The format to read every input as, instead of going by file name endings.
  public var language: InputLanguage?
  /// The English to check (`--english`); nil for the configuration's, or UK English.
  public var dialect: Dialect?
  /// The configuration file for every input (`--config`); nil to find each file's own.
  public var configPath: String?
  /// How many files to measure at once (`--jobs`); the output is the same whatever the number.
  public var jobs = Jobs.available

  /// Creates a request.
  public init(
    paths: [String], stdinFilename: String? = nil, format: OutputFormat = .text, sections: Bool = false,
    paragraphs: Bool = false, ruleOptions: [String] = [], language: InputLanguage? = nil, dialect: Dialect? = nil,
    configPath: String? = nil
  ) {
    self.configPath = configPath
    self.paragraphs = paragraphs
    self.paths = paths
    self.stdinFilename = stdinFilename
    self.format = format
    self.sections = sections
    self.ruleOptions = ruleOptions
    self.language = language
    self.dialect = dialect
  }
}

/// Runs `plainlint stats`: lints and measures each input and renders the figures. The exit status is 0, or 2
/// when an input could not be read; findings do not fail it.
public func runStats(_ request: StatsRequest) throws(UsageError) -> CheckOutcome {
  let configuration = try RunConfiguration(
    configPath: request.configPath, ruleOptions: request.ruleOptions, dialect: request.dialect, measures: true)
  try checkStandardInput(request.paths, stdinFilename: request.stdinFilename, language: request.language)
  let reports: [FileReport]
  let problems: [InputProblem]
  do {
    (reports, problems) = try lintInputs(
      request.paths, stdinFilename: request.stdinFilename, language: request.language, configuration: configuration,
      jobs: request.jobs)
  } catch {
    return stopped(by: error)
  }
  let output: String
  switch request.format {
  case .text:
    // Each file's report carries the reading-age target in force for it; this one is for a report without.
    let target = Settings.defaults.readingAgeTarget
    output = StatsTextReporter(target: target, sections: request.sections, paragraphs: request.paragraphs)
      .render(reports)
  case .json: output = StatsJSONReporter(version: plainlintVersion).render(reports)
  }
  return CheckOutcome(output: output, problems: problems, exitCode: problems.contains { !$0.isWarning } ? 2 : 0)
}
