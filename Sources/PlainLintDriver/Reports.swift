import PlainLintConfig
import PlainLintCore
import PlainLintReporters
import PlainLintRules
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Output formats of `plainlint check`: for people, for tools, and for CI services.
public enum CheckFormat: String, CaseIterable, Sendable {
  case text, json, sarif, github, rdjson, rdjsonl, checkstyle, junit, gitlab
}

/// Where a run's reports go besides standard output, and which findings count.
public struct ReportOptions: Sendable {
  /// The file to write the report to, atomically (`--output`); standard output then gets the text report.
  public var outputPath: String?
  /// Whether to report and count only errors (`--quiet`).
  public var quiet = false
  /// The most warnings a run may have before it fails (`--max-warnings`); nil for no limit.
  public var maxWarnings: Int?
  /// The file GitHub Actions reads a step's Markdown summary from (`GITHUB_STEP_SUMMARY`), for `github`.
  public var stepSummaryPath: String?

  /// Creates report options.
  public init(outputPath: String? = nil, quiet: Bool = false, maxWarnings: Int? = nil, stepSummaryPath: String? = nil) {
    self.outputPath = outputPath
    self.quiet = quiet
    self.maxWarnings = maxWarnings
    self.stepSummaryPath = stepSummaryPath
  }
}

/// The `directive` pseudo-rule described as a rule, for the formats that list every rule (SARIF).
let directiveRuleDescription = RuleDescription(
  identifier: Suppression.ruleIdentifier, name: "Directive that cannot be read", summary: Suppression.summary,
  rationale: "A misspelt directive or rule name would otherwise switch nothing off, or the wrong thing, without a "
    + "word. These warnings cannot be switched off, in .plainlint.yml or by a directive.",
  defaultSeverity: .warning, triggeringExamples: [], nonTriggeringExamples: [])

/// The nearest folder at or above `folder` that holds `.git`, or `folder` itself when there is none.
func repositoryRoot(from folder: String) -> String {
  var current = folder
  while true {
    if FileSystem.exists(current == "/" ? "/.git" : current + "/.git") { return current }
    if current == "/" { return folder }
    current = FileSystem.parent(of: current)
  }
}

/// What the CI formats need to know about the run: the rules and where the repository is.
func ciContext() -> CIContext {
  let current = FileSystem.currentFolder()
  return CIContext(
    version: plainlintVersion, rules: BuiltInRules.all.map { $0.description } + [directiveRuleDescription],
    repositoryRoot: repositoryRoot(from: current), currentFolder: current)
}

/// The report of a run in a format. Text and JSON are written a file at a time on up to `jobs` threads.
func render(_ reports: [FileReport], as format: CheckFormat, color: Bool, jobs: Int) -> String {
  switch format {
  case .text: render(reports, with: TextReporter(color: color), jobs: jobs)
  case .json: render(reports, with: JSONReporter(version: plainlintVersion), jobs: jobs)
  case .sarif: SARIFReporter(context: ciContext()).render(reports)
  case .github: GitHubReporter(context: ciContext()).render(reports)
  case .rdjson: RDJSONReporter(context: ciContext(), lines: false).render(reports)
  case .rdjsonl: RDJSONReporter(context: ciContext(), lines: true).render(reports)
  case .checkstyle: CheckstyleReporter().render(reports)
  case .junit: JUnitReporter().render(reports)
  case .gitlab: GitLabReporter(context: ciContext()).render(reports)
  }
}

/// The reporter for a format that is written a file at a time (text and JSON), or nil for the others.
func fileByFileReporter(for format: CheckFormat, color: Bool) -> (any FileByFileReporter)? {
  switch format {
  case .text: TextReporter(color: color)
  case .json: JSONReporter(version: plainlintVersion)
  default: nil
  }
}

/// The report of a run by a reporter that writes each file's piece on its own, up to `jobs` pieces at once.
func render(_ reports: [FileReport], with reporter: some FileByFileReporter, jobs: Int) -> String {
  reporter.assemble(parallelMap(reports.count, jobs: jobs) { reporter.piece(reports[$0]) }, summary: Summary(reports))
}

/// Only the errors of each report, for `--quiet`.
func errorsOnly(_ reports: [FileReport]) -> [FileReport] {
  reports.map { report in
    var report = report
    report.findings.removeAll { $0.severity < .error }
    return report
  }
}

/// Writes a report to a file atomically: to a temporary file beside it, flushed, then renamed over the path, so
/// a reader sees the old file or the whole new one and a failure leaves no partial file.
func writeReportFile(_ text: String, to path: String) -> FileError? {
  let absolute = FileSystem.absolute(path, from: FileSystem.currentFolder())
  let written = FileSystem.writeThroughTemporary(
    Array(text.utf8), to: absolute, prefix: ".plainlint-report", replacing: true)
  if case .failure(let failure) = written { return failure }
  return nil
}

/// The problem of a report file that could not be written.
func reportFileProblem(_ failure: FileError, path: String) -> InputProblem {
  InputProblem(
    path: path,
    message: "cannot write the report: \(failure.reason); check that the folder exists and can be written to")
}

/// Appends text to a file, creating it if need be (GitHub's step summary).
func appendToFile(_ text: String, at path: String) -> FileError? {
  let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o666)
  guard descriptor >= 0 else { return FileError(errno: errno) }
  var text = text
  var failure = text.withUTF8 { FileSystem.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
  if close(descriptor) != 0 && failure == nil { failure = FileError(errno: errno) }
  return failure
}

/// Renders the reports of a run as asked, writes the report file and GitHub's step summary, and works out the
/// exit code: 1 when a counted finding is at or above `failOn` or there are more warnings than `--max-warnings`
/// allows, 2 when an input, the report file or (for `--output`) nothing could be written.
func finish(
  _ reports: [FileReport], problems: [InputProblem], request: CheckRequest
) -> CheckOutcome {
  let options = request.reportOptions
  let warnings = options.maxWarnings == nil ? 0 : Summary(reports).warnings
  let shown = options.quiet ? errorsOnly(reports) : reports
  var problems = problems
  let output: String
  if let path = options.outputPath {
    output = render(shown, as: .text, color: request.color, jobs: request.jobs)
    if let failure = writeReportFile(render(shown, as: request.format, color: false, jobs: request.jobs), to: path) {
      problems.append(reportFileProblem(failure, path: path))
    }
  } else {
    output = render(shown, as: request.format, color: request.color, jobs: request.jobs)
  }
  if request.format == .github, let summaryPath = options.stepSummaryPath, !summaryPath.isEmpty {
    let summary = GitHubReporter(context: ciContext()).stepSummary(shown)
    if let failure = appendToFile(summary, at: summaryPath) {
      problems.append(
        InputProblem(
          path: summaryPath, message: "cannot add the summary to GITHUB_STEP_SUMMARY: \(failure.reason)",
          isWarning: true))
    }
  }
  let failing = shown.contains { $0.findings.contains { $0.severity >= request.failOn } }
  return outcome(output: output, problems: problems, failing: failing, warnings: warnings, request: request)
}

/// The outcome of a run whose report is written: exit code 2 for a problem that is not a warning, else 1 when a
/// shown finding is at or above `--fail-on` or there are more warnings than `--max-warnings` allows (said on
/// standard error), else 0.
func outcome(output: String, problems: [InputProblem], failing: Bool, warnings: Int, request: CheckRequest)
  -> CheckOutcome
{
  var failing = failing
  var messages: [String] = []
  if let limit = request.reportOptions.maxWarnings, warnings > limit {
    failing = true
    messages.append(
      "plainlint: \(warnings) warning\(warnings == 1 ? "" : "s") found, more than the \(limit) --max-warnings allows")
  }
  let failed = problems.contains { !$0.isWarning }
  return CheckOutcome(output: output, problems: problems, exitCode: failed ? 2 : (failing ? 1 : 0), messages: messages)
}

/// Where a streamed report goes: each call gets the next bytes of it.
public typealias OutputSink = @Sendable (UnsafeRawBufferPointer) -> Void

/// What streaming keeps of one file once its piece of the report is written: the counts and the problems.
private struct StreamedFile: Sendable {
  /// Problems reading or linting it, and warnings about its bytes.
  var problems: [InputProblem]
  /// The counts of the findings shown (after `--quiet`); no file when it could not be linted.
  var shown = Summary()
  /// Its warnings before `--quiet`, for `--max-warnings`.
  var warnings = 0
  /// Whether a shown finding is at or above `--fail-on`.
  var failing = false
}

/// A report written a file at a time, and where its bytes go.
struct StreamedReport {
  var reporter: any FileByFileReporter
  var sink: OutputSink
}

/// `runCheck` for reports written a file at a time: for each, the head, then each file's piece as soon as it and
/// every file before it are done, then the tail with the counts. Only the counts and problems are kept.
/// `finishing` runs after the last tail is written and may add a problem (a report file that could not be
/// written).
func streamCheck(
  _ request: CheckRequest, configuration: RunConfiguration, reports: [StreamedReport],
  finishing: () -> InputProblem? = { nil }
) throws(ConfigFailure) -> CheckOutcome {
  let (found, inputProblems) = collectInputs(request.paths, stdinFilename: request.stdinFilename)
  let inputs = try configuration.plan(found, paths: request.paths)
  let outputs = reports.map { OrderedOutput(sink: $0.sink, separator: $0.reporter.separator()) }
  for (report, output) in zip(reports, outputs) { output.write(report.reporter.head()) }
  let quiet = request.reportOptions.quiet
  let files = parallelMap(inputs.count, jobs: request.jobs) { index in
    let (report, problems) = lintOne(inputs[index], language: request.language)
    var file = StreamedFile(problems: problems)
    guard let report else {
      for output in outputs { output.deliver(index, nil) }
      return file
    }
    file.warnings = report.findings.count { $0.severity == .warning }
    let shown = quiet ? errorsOnly([report])[0] : report
    file.shown.add(shown)
    file.failing = shown.findings.contains { $0.severity >= request.failOn }
    // While this file is the next to write, its report goes out as it is made rather than all at the end.
    for (streamed, output) in zip(reports, outputs) {
      output.deliver(index, streamed.reporter.piece(shown) { output.spill(index, $0) })
    }
    return file
  }
  var summary = Summary()
  var problems = inputProblems
  var warnings = 0
  var failing = false
  for file in files {
    summary.add(file.shown)
    problems += file.problems
    warnings += file.warnings
    failing = failing || file.failing
  }
  for (report, output) in zip(reports, outputs) { output.write(report.reporter.tail(summary)) }
  if let problem = finishing() { problems.append(problem) }
  return outcome(output: "", problems: problems, failing: failing, warnings: warnings, request: request)
}

/// `runCheck` with `--output` for a report written a file at a time: the report goes to a temporary file beside
/// the path as it is made, and takes the path's name when it is whole; standard output gets the text report,
/// also as it is made. If the file cannot be made or written, the text report still goes out, and the run ends
/// with the problem (exit code 2), leaving the path as it was.
func streamCheck(
  _ request: CheckRequest, configuration: RunConfiguration, reporter: any FileByFileReporter, outputPath: String,
  sink: @escaping OutputSink
) throws(ConfigFailure) -> CheckOutcome {
  let absolute = FileSystem.absolute(outputPath, from: FileSystem.currentFolder())
  let staged = StagedFile.create(for: absolute, prefix: ".plainlint-report")
  var reports = [StreamedReport(reporter: TextReporter(color: request.color), sink: sink)]
  if case .success(let file) = staged {
    reports.insert(StreamedReport(reporter: reporter, sink: { file.write($0) }), at: 0)
  }
  return try streamCheck(request, configuration: configuration, reports: reports) {
    let failure: FileError? =
      switch staged {
      case .success(let file): file.commit(replacing: true)
      case .failure(let failure): failure
      }
    return failure.map { reportFileProblem($0, path: outputPath) }
  }
}

/// Writes the files' pieces of a report in input order as they are finished on several threads: a piece waits
/// until every file before it has been written, and is dropped once written.
final class OrderedOutput: Sendable {
  /// The pieces waiting for an earlier file, the next file to write, and whether part of it is written.
  private struct State {
    var next = 0
    var waiting: [Int: [[UInt8]]?] = [:]
    var wroteFile = false
    var nextStarted = false
  }

  private let state = Mutex(State())
  private let sink: OutputSink
  private let separator: [UInt8]

  /// Creates an output that writes to `sink`, with `separator` between two files' pieces.
  init(sink: @escaping OutputSink, separator: [UInt8]) {
    self.sink = sink
    self.separator = separator
  }

  /// Writes bytes now.
  func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { sink($0) }
  }

  /// Hands over file `index`'s piece (nil when the file had none), and writes it and any waiting after it once
  /// every file before it has been handed over.
  func deliver(_ index: Int, _ piece: [[UInt8]]?) {
    state.withLock { state in
      state.waiting[index] = .some(piece)
      while let ready = state.waiting.removeValue(forKey: state.next) {
        if let parts = ready {
          startFile(&state)
          for part in parts { write(part) }
        }
        state.next += 1
        state.nextStarted = false
      }
    }
  }

  /// Writes the first part of file `index`'s piece now if every file before it has been written, and says
  /// whether it did; the rest comes with `deliver`.
  func spill(_ index: Int, _ part: [UInt8]) -> Bool {
    state.withLock { state in
      guard state.next == index else { return false }
      startFile(&state)
      write(part)
      return true
    }
  }

  /// Writes the separator before the next file's first part, unless part of it is written already.
  private func startFile(_ state: inout State) {
    guard !state.nextStarted else { return }
    if state.wroteFile && !separator.isEmpty { write(separator) }
    state.wroteFile = true
    state.nextStarted = true
  }
}
