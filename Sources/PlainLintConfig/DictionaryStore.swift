import PlainLintLexicon

/// Project dictionaries read from disk, each read and checked once however many configurations name it.
public final class DictionaryStore {
  /// A dictionary file read and checked, with its error-level problems as configuration problems.
  public struct Loaded: Sendable {
    /// The file, read and checked.
    public var file: DictionaryFile
    /// Its errors, at the dictionary's own path, line and column. Reported once, by the first reader.
    public var problems: [ConfigProblem]
  }

  /// Each file by absolute path: read, or why it could not be.
  private var files: [String: Result<DictionaryFile, FileError>] = [:]
  /// The current folder, for showing paths.
  let currentFolder: String

  /// Creates an empty store; paths in messages are shown relative to `currentFolder` when inside it.
  public init(currentFolder: String = FileSystem.currentFolder()) {
    self.currentFolder = currentFolder
  }

  /// Reads and checks a dictionary (an absolute path) the first time it is asked for. Its errors come with the
  /// first answer only, so a dictionary named by several configurations is reported once.
  public func load(_ path: String) -> Result<Loaded, FileError> {
    if let known = files[path] { return known.map { Loaded(file: $0, problems: []) } }
    let display = FileSystem.display(path, currentFolder: currentFolder)
    let result = FileSystem.contents(of: path).map { DictionaryFile(name: display, bytes: $0, isProjectList: true) }
    files[path] = result
    return result.map { file in
      Loaded(
        file: file,
        problems: file.problems.filter { $0.level == .error }.map {
          ConfigProblem(path: display, line: $0.line, column: $0.column, message: $0.message)
        })
    }
  }

  /// A dictionary already read without problems, by absolute path.
  public func file(_ path: String) -> DictionaryFile? {
    guard case .success(let file)? = files[path] else { return nil }
    return file
  }
}
