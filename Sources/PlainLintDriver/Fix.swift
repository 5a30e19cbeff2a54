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

/// What `plainlint check --fix` produced: bytes for standard output, text for standard error, and the exit code.
public struct FixOutcome: Sendable {
  /// For standard output: the report (files), the diff (`--dry-run`) or the fixed text (standard input).
  public var output: [UInt8]
  /// For standard error: what was fixed, when standard output holds something else.
  public var messages: String
  /// Problems with inputs, one line each, for standard error.
  public var problems: [InputProblem]
  /// As for `check`, on the findings left after fixing; 2 when an input could not be linted or fixed.
  public var exitCode: Int32
}

/// One linted input: its document, report, and the file's status when it was read.
private struct LintedInput {
  var input: InputFile
  var planned: RunConfiguration.PlannedInput
  var language: InputLanguage
  var report: FileReport
  var status: stat?
}

/// Runs `plainlint check --fix`: lints each input, makes the safe fixes, and reports what it changed and the
/// findings left for a person. With `dryRun`, prints a unified diff instead and changes nothing.
///
/// A file is rewritten only when it still holds the bytes that were read, through a temporary file beside it
/// that is renamed over it. Standard input's fixed text goes to standard output, and the report to standard
/// error; standard input must then be the only input.
public func runFix(_ request: CheckRequest, dryRun: Bool) throws(UsageError) -> FixOutcome {
  let configuration = try RunConfiguration(
    configPath: request.configPath, ruleOptions: request.ruleOptions, dialect: request.dialect,
    measures: request.format == .json)
  try checkStandardInput(request.paths, stdinFilename: request.stdinFilename, language: request.language)
  let fromStandardInput = request.paths.contains("-")
  if fromStandardInput && !dryRun && request.paths.count > 1 {
    throw UsageError(
      "--fix writes standard input's fixed text to standard output, so - must be the only path; fix the files "
        + "in a separate run")
  }
  let (found, inputProblems) = collectInputs(request.paths, stdinFilename: request.stdinFilename)
  let inputs: [RunConfiguration.PlannedInput]
  do {
    inputs = try configuration.plan(found, paths: request.paths)
  } catch {
    let stopped = stopped(by: error)
    return FixOutcome(output: [], messages: "", problems: stopped.problems, exitCode: 2)
  }
  let wordDocuments = inputs.filter { isWordDocument($0.input, language: request.language) }
  if !wordDocuments.isEmpty {
    throw UsageError(fixRefusedForWordMessage(wordDocuments.map(\.input.displayPath)))
  }
  var problems = inputProblems
  var changes: [String] = []
  var remaining: [FileReport] = []
  var diff: [UInt8] = []
  var fixedText: [UInt8] = []
  var fixedFiles = 0
  // Files are fixed up to --jobs at a time (each file is written by one job only); what each produced is put
  // together in the order of the inputs.
  let results = parallelMap(inputs.count, jobs: request.jobs) { index in
    fix(inputs[index], language: request.language, dryRun: dryRun)
  }
  for result in results {
    problems += result.problems
    if let report = result.remaining { remaining.append(report) }
    diff += result.diff
    if let text = result.fixedText { fixedText = text }
    changes += result.changes
    if result.fixedFile { fixedFiles += 1 }
  }
  // The findings left are reported as `check` reports findings: any format, --output, --quiet, --max-warnings.
  let finished = finish(remaining, problems: problems, request: request)
  let report = finished.output
  let exitCode = finished.exitCode
  problems = finished.problems
  let extra = finished.messages.map { $0 + "\n" }.joined()
  let fixCount = changes.count
  let left = remaining.contains { !$0.findings.isEmpty } ? "; the findings above need a person.\n" : ".\n"
  let places = "Fixed \(fixCount) \(fixCount == 1 ? "place" : "places")"
  let summary = places + " in \(fixedFiles) \(fixedFiles == 1 ? "file" : "files")" + left
  let changeList = changes.map { $0 + "\n" }.joined()
  if dryRun {
    return FixOutcome(output: diff, messages: extra, problems: problems, exitCode: exitCode)
  }
  if fromStandardInput {
    let messages =
      changeList + (changeList.isEmpty ? "" : "\n") + report + (fixCount > 0 ? places + left : "") + extra
    return FixOutcome(output: fixedText, messages: messages, problems: problems, exitCode: exitCode)
  }
  if request.format == .text || request.reportOptions.outputPath != nil {
    let text = changeList + (changeList.isEmpty ? "" : "\n") + report + (fixCount > 0 ? summary : "")
    return FixOutcome(output: Array(text.utf8), messages: extra, problems: problems, exitCode: exitCode)
  }
  return FixOutcome(output: Array(report.utf8), messages: changeList + extra, problems: problems, exitCode: exitCode)
}

/// Whether an input is read as a Word document: by `--language docx` or a `.docx` ending.
private func isWordDocument(_ input: InputFile, language: InputLanguage?) -> Bool {
  (language ?? InputLanguage(path: input.displayPath)) == .docx
}

/// Why `--fix` refuses a run with Word documents in it, naming them (the first few).
func fixRefusedForWordMessage(_ paths: [String]) -> String {
  let shown = paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
  return "--fix cannot change Word documents (\(shown)): plainlint reads .docx files but never writes them, so "
    + "nothing was changed. Fix them in Word, and run --fix on the other files alone (name them, or add "
    + "**/*.docx to ignore: in .plainlint.yml)"
}

/// What fixing one input produced.
private struct FileFix {
  /// Problems reading, linting or writing it, and warnings about its bytes.
  var problems: [InputProblem] = []
  /// Its findings after fixing (before fixing, when the fixed text could not be written); nil when it could not
  /// be linted.
  var remaining: FileReport? = nil
  /// With `--dry-run`: the fixes as a unified diff.
  var diff: [UInt8] = []
  /// For standard input: the fixed text.
  var fixedText: [UInt8]? = nil
  /// One line per fix made.
  var changes: [String] = []
  /// Whether the file on disk was replaced by its fixed text.
  var fixedFile = false
}

/// Lints one input, makes its safe fixes (writing the file, unless `dryRun`), and lints the fixed text again.
private func fix(_ planned: RunConfiguration.PlannedInput, language: InputLanguage?, dryRun: Bool) -> FileFix {
  let input = planned.input
  var result = FileFix()
  do throws(InputProblem) {
    var status: stat? = nil
    if case .file(let path) = input.source {
      var found = stat()
      if stat(path, &found) == 0 { status = found }
    }
    let bytes = try readInput(input)
    let language = InputLanguage.of(bytes, path: input.displayPath, asked: language)
    // A Word document is refused before any file is fixed; one that is not named so (a .doc, a .docx saved with
    // a password) is refused here by the Word front end with what to do about it.
    if language.isText { try checkIsText(bytes, path: input.displayPath) }
    let report = try lint(bytes, path: input.displayPath, language: language, planned: planned)
    if let warning = utf8Warning(for: report.document) { result.problems.append(warning) }
    let fixes = FixPlanner.plan(report.findings, bytes: bytes, format: report.format)
    let fixed = FixPlanner.apply(fixes, to: bytes)
    if case .standardInput = input.source { result.fixedText = fixed }
    guard !fixes.isEmpty else {
      result.remaining = report
      return result
    }
    let after = try lint(fixed, path: input.displayPath, language: language, planned: planned)
    if dryRun {
      result.diff = UnifiedDiff().render(path: input.displayPath, old: bytes, fixes: fixes)
      result.remaining = after
      return result
    }
    if case .file(let path) = input.source, let status {
      do throws(InputProblem) {
        try replaceFile(at: path, displayPath: input.displayPath, read: bytes, status: status, with: fixed)
      } catch {
        result.problems.append(error)
        result.remaining = report
        return result
      }
      result.fixedFile = true
    }
    result.changes = describe(fixes, in: report.document)
    result.remaining = after
  } catch {
    result.problems.append(error)
  }
  return result
}

/// One line per fix: `path:line:column: fixed: “utilise” → “use” [rule]`, at its place before fixing.
private func describe(_ fixes: [Fix], in document: Document) -> [String] {
  var converter = PositionConverter(document)
  return fixes.map { fix in
    let position = converter.location(at: fix.range.lowerBound).position
    let old = String(decoding: document.bytes[fix.range], as: UTF8.self)
    return "\(document.path):\(position.line):\(position.column): fixed: “\(old)” → “\(fix.replacement)” "
      + "[\(fix.finding.rule)]"
  }
}

/// Called just before a fixed file's bytes are compared with what was read: tests set it (through the
/// environment variable `PLAINLINT_TEST_EDIT_BEFORE_REPLACE`, whose text is appended to the file) to prove that
/// a file changed meanwhile is left alone. Nothing else uses it.
private func testEditBeforeReplace(_ path: String) {
  guard let text = getenv("PLAINLINT_TEST_EDIT_BEFORE_REPLACE") else { return }
  let descriptor = open(path, O_WRONLY | O_APPEND)
  guard descriptor >= 0 else { return }
  writeAll(String(cString: text), to: descriptor)
  close(descriptor)
}

/// Replaces a file's bytes with `fixed`, atomically, keeping its permissions and (when allowed) its owner: the
/// new bytes go to a temporary file in the same folder, are flushed to disk, and the temporary file is renamed
/// over the original only if the original still holds the bytes that were read (`read`) and is the same file.
/// Throws, leaving the file as it was, when it is read-only, its folder cannot be written, or it changed.
func replaceFile(at path: String, displayPath: String, read: [UInt8], status: stat, with fixed: [UInt8])
  throws(InputProblem)
{
  func problem(_ message: String) -> InputProblem {
    InputProblem(path: displayPath, message: message + "; the file was not changed")
  }
  // Write beside the file a link points to, so the link stays a link.
  guard let resolved = realpath(path, nil) else { throw problem("cannot find the file to write it") }
  let target = String(cString: resolved)
  free(resolved)
  if status.st_mode & 0o222 == 0 {
    throw problem("the file is read-only; make it writable (chmod u+w) to fix it")
  }
  let slash = target.lastIndex(of: "/")!
  let folder = slash == target.startIndex ? "/" : String(target[..<slash])
  let name = String(target[target.index(after: slash)...])
  var folderStatus = stat()
  if stat(folder, &folderStatus) == 0 && folderStatus.st_mode & 0o222 == 0 {
    throw problem("its folder is read-only, so no file can be written beside it; make the folder writable")
  }
  var template = Array("\(folder == "/" ? "" : folder)/.\(name).plainlint-XXXXXX".utf8CString)
  let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
  guard descriptor >= 0 else {
    throw problem("cannot write a temporary file beside it (\(String(cString: strerror(errno))))")
  }
  let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  var renamed = false
  defer { if !renamed { unlink(temporary) } }
  var offset = 0
  while offset < fixed.count {
    let written = fixed.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, fixed.count - offset) }
    if written < 0 {
      if errno == EINTR { continue }
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw problem("cannot write the fixed text (\(reason))")
    }
    offset += written
  }
  _ = fchmod(descriptor, status.st_mode & 0o7777)
  _ = fchown(descriptor, status.st_uid, status.st_gid)  // Only allowed for some users; the mode is kept anyway.
  guard fsync(descriptor) == 0, close(descriptor) == 0 else {
    throw problem("cannot write the fixed text (\(String(cString: strerror(errno))))")
  }
  testEditBeforeReplace(target)
  var now = stat()
  let same =
    stat(target, &now) == 0 && now.st_dev == status.st_dev && now.st_ino == status.st_ino
    && now.st_size == status.st_size
    && (try? readInput(InputFile(source: .file(target), displayPath: displayPath))) == read
  guard same else {
    throw problem("it changed while plainlint was fixing it; run plainlint check --fix again")
  }
  guard rename(temporary, target) == 0 else {
    throw problem("cannot replace it (\(String(cString: strerror(errno))))")
  }
  renamed = true
  let folderDescriptor = open(folder, O_RDONLY)
  if folderDescriptor >= 0 {
    _ = fsync(folderDescriptor)
    close(folderDescriptor)
  }
}

/// Writes all of `bytes` to a file descriptor, carrying on after partial writes and interruptions.
public func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
  _ = bytes.withUnsafeBytes { FileSystem.writeAll($0, to: descriptor) }
}
