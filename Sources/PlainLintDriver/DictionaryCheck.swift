import PlainLintCore
import PlainLintDictionaries
import PlainLintLexicon

/// What `plainlint dictionary check` found: one line per problem, a line per file, and the exit status.
public struct DictionaryCheckOutcome: Sendable {
  public var output: String
  public var exitCode: Int32
}

/// Checks dictionary files, or the built-in dictionaries when `paths` is empty. With `asProjectLists`, the files
/// are checked as a project's own lists, whose `source` may be any text.
///
/// Each problem is reported as `FILE:LINE:COLUMN: error|warning: message`; the run fails (exit code 1) when any
/// file has an error, and with 2 when a file cannot be read.
public func checkDictionaries(paths: [String], asProjectLists: Bool = false) -> DictionaryCheckOutcome {
  var files: [DictionaryFile] = []
  var output = ""
  var unreadable = false
  if paths.isEmpty {
    files = BuiltInDictionaries.dictionaryFiles.map { file in
      var file = file
      file.name = "Dictionaries/" + file.name
      return file
    }
  } else {
    for path in paths {
      do {
        let bytes = try readInput(InputFile(source: path == "-" ? .standardInput : .file(path), displayPath: path))
        files.append(DictionaryFile(name: path, bytes: bytes, isProjectList: asProjectLists))
      } catch {
        output += "\(path): error: \(error.message)\n"
        unreadable = true
      }
    }
  }
  var problems: [(file: String, problem: DictionaryProblem)] = []
  for file in files {
    problems += file.problems.map { (file.name, $0) }
  }
  problems += crossFileDuplicates(files)
  problems.sort { ($0.file, $0.problem.line, $0.problem.column) < ($1.file, $1.problem.line, $1.problem.column) }
  for (file, problem) in problems {
    output += "\(file):\(problem.line):\(problem.column): \(problem.level.rawValue): \(problem.message)\n"
  }
  for file in files {
    let count = file.words.count + file.acronyms.count
    let errors = problems.filter { $0.file == file.name && $0.problem.level == .error }.count
    let warnings = problems.filter { $0.file == file.name && $0.problem.level == .warning }.count
    var line = "\(file.name): \(count) \(count == 1 ? "entry" : "entries")"
    if errors + warnings == 0 {
      line += ", no problems"
    } else {
      line += ", \(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
    }
    output += line + "\n"
  }
  let failed = problems.contains { $0.problem.level == .error }
  return DictionaryCheckOutcome(output: output, exitCode: unreadable ? 2 : failed ? 1 : 0)
}

