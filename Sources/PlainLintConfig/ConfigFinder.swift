/// Finds the configuration in force for each file, reading each configuration file once.
///
/// For a file, the configuration is the nearest `.plainlint.yml` in its folder or a folder above, stopping at
/// the repository root (the first folder that holds `.git`, a file or a folder) or at the filesystem root. One
/// file applies; parent configurations are not merged. With `--config FILE`, that file applies to every input.
///
/// Answers are kept per folder, so a tree of 10,000 files looks in each folder once and reads each configuration
/// once; the settings for each combination of configuration and matching overrides are worked out once.
public final class ConfigFinder {
  /// What applies to one file.
  public struct Resolution: Sendable {
    /// The configuration in force, if any.
    public var configuration: Configuration?
    /// Whether the configuration's `ignore:` leaves the file out.
    public var isIgnored: Bool
    /// The overrides that apply, by index, in order.
    public var overrides: [Int]
    /// The settings in force (before the command line's).
    public var settings: Settings
    /// A number for the settings: equal for files with the same configuration and overrides (0 for none), so a
    /// caller can keep what it builds from them without hashing them for every file.
    public var settingsNumber: Int
  }

  /// The current folder: relative paths are read from it.
  public let currentFolder: String
  /// Where project dictionaries are read and kept.
  public let dictionaries: DictionaryStore
  /// The project words of each combination of dictionaries and accepted words.
  public let projectWords: ProjectWordsStore
  /// The configuration given with `--config`, by index, if any.
  private var explicit: Int?
  /// Whether `--config` was given (even if it could not be read).
  private let hasExplicit: Bool
  /// Every configuration read, by index.
  private var configurations: [Configuration] = []
  /// Configuration files by absolute path: the index of the configuration, or nil when it had problems.
  private var byPath: [String: Int?] = [:]
  /// Folders already looked at: the index of the configuration in force there, or nil for none.
  private var byFolder: [String: Int?] = [:]
  /// Settings by configuration and matching overrides, with their numbers.
  private var settingsCache: [SettingsKey: (settings: Settings, number: Int)] = [:]
  /// Every problem found in the configurations read so far.
  public private(set) var problems: [ConfigProblem] = []
  /// How many configuration files were read, and how many folders were looked in (for tests of the caches).
  public private(set) var filesRead = 0
  public private(set) var foldersSearched = 0

  /// A configuration and the overrides that apply.
  private struct SettingsKey: Hashable {
    var configuration: Int
    var overrides: [Int]
  }

  /// Creates a finder. `configPath` is the `--config` file, read now; its problems are in `problems`.
  public init(configPath: String? = nil, currentFolder: String = FileSystem.currentFolder()) {
    self.currentFolder = currentFolder
    dictionaries = DictionaryStore(currentFolder: currentFolder)
    projectWords = ProjectWordsStore(dictionaries: dictionaries)
    hasExplicit = configPath != nil
    if let configPath {
      explicit = load(FileSystem.absolute(configPath, from: currentFolder), displayPath: configPath)
    }
  }

  /// The configurations read so far without problems.
  public var loaded: [Configuration] { configurations }

  /// What applies to a file, named as on the command line (relative to the current folder, or absolute).
  public func resolve(file path: String) -> Resolution {
    let absolute = FileSystem.absolute(path, from: currentFolder)
    return resolve(absolute: absolute, folder: FileSystem.parent(of: absolute))
  }

  /// What applies to a folder itself (`plainlint rules FOLDER`): discovery starts in the folder, and globs are
  /// matched against the folder's own path.
  public func resolve(folder path: String) -> Resolution {
    let absolute = FileSystem.absolute(path, from: currentFolder)
    return resolve(absolute: absolute, folder: absolute)
  }

  /// What applies to standard input: found from the current folder, with no path for globs.
  public func resolveStandardInput() -> Resolution {
    let index = hasExplicit ? explicit : configuration(inFolder: currentFolder)
    guard let index else { return Self.noConfiguration }
    let (settings, number) = settings(configuration: index, overrides: [])
    return Resolution(
      configuration: configurations[index], isIgnored: false, overrides: [], settings: settings,
      settingsNumber: number)
  }

  /// What applies to an absolute path, looking for a configuration from `folder` up.
  private func resolve(absolute: String, folder: String) -> Resolution {
    let index = hasExplicit ? explicit : configuration(inFolder: folder)
    guard let index else { return Self.noConfiguration }
    let configuration = configurations[index]
    let globPath = configuration.globPath(of: absolute)
    let ignored = globPath.map(configuration.isIgnored) ?? false
    let overrides = configuration.matchingOverrides(globPath)
    let (settings, number) = settings(configuration: index, overrides: overrides)
    return Resolution(
      configuration: configuration, isIgnored: ignored, overrides: overrides, settings: settings,
      settingsNumber: number)
  }

  /// What applies when no configuration does.
  private static let noConfiguration = Resolution(
    configuration: nil, isIgnored: false, overrides: [], settings: .defaults, settingsNumber: 0)

  /// The settings for a configuration and its matching overrides, worked out once, and their number.
  private func settings(configuration index: Int, overrides: [Int]) -> (settings: Settings, number: Int) {
    let key = SettingsKey(configuration: index, overrides: overrides)
    if let known = settingsCache[key] { return known }
    let made = (configurations[index].settings(overrides: overrides), settingsCache.count + 1)
    settingsCache[key] = made
    return made
  }

  /// The configuration in force in a folder (absolute): its own `.plainlint.yml`, or the nearest above it up to
  /// the repository root.
  private func configuration(inFolder folder: String) -> Int? {
    if let known = byFolder[folder] { return known }
    var visited: [String] = []
    var current = folder
    var found: Int? = nil
    while true {
      if let known = byFolder[current] {
        found = known
        break
      }
      visited.append(current)
      foldersSearched += 1
      let candidate = current == "/" ? "/" + configurationFileName : current + "/" + configurationFileName
      if let kind = FileSystem.kind(of: candidate), kind != .folder {
        found = load(candidate, displayPath: FileSystem.display(candidate, currentFolder: currentFolder))
        break
      }
      let git = current == "/" ? "/.git" : current + "/.git"
      if current == "/" || FileSystem.exists(git) { break }
      current = FileSystem.parent(of: current)
    }
    for folder in visited { byFolder[folder] = found }
    return found
  }

  /// Reads a configuration file once; its problems go to `problems`.
  private func load(_ path: String, displayPath: String) -> Int? {
    if let known = byPath[path] { return known }
    let index: Int?
    filesRead += 1
    switch ConfigReader.load(path: path, displayPath: displayPath, dictionaries: dictionaries) {
    case .success(let configuration):
      configurations.append(configuration)
      index = configurations.count - 1
    case .failure(let failure):
      problems += failure.problems
      index = nil
    }
    byPath[path] = index
    return index
  }
}
