import PlainLintConfig
import PlainLintCore
import PlainLintRules

/// The configuration of one run: the configuration files in force for each input and the command line's own
/// settings, with a linter per distinct set of settings.
///
/// A tree with one configuration builds its rules once, however many files it has; files an override matches
/// get a linter of their own, built once too.
package final class RunConfiguration {
  /// Finds and reads the configuration files.
  package let finder: ConfigFinder
  /// `--option` values, checked and converted to their options' types.
  let commandLineOptions: [String: [String: RuleOptionValue]]
  /// `--english`, when given.
  let dialect: Dialect?
  /// Whether linters measure readability too (`stats`, `check --format json`, `report`).
  let measures: Bool
  /// Whether the measure keeps each sentence's counts too (`report`).
  let measuresSentences: Bool
  /// A linter for each distinct set of settings.
  private var linters: [Settings: Linter] = [:]
  /// The settings (the command line's included) and linter for each of the finder's settings numbers.
  private var byNumber: [Int: (settings: Settings, linter: Linter, target: Int)] = [:]

  /// One input to lint, with what to lint it with.
  package struct PlannedInput {
    package var input: InputFile
    package var linter: Linter
    package var settings: Settings
    /// The reading age the file aims at, for `plainlint stats`.
    package var readingAgeTarget: Int
  }

  /// Reads the command line's settings (a bad `--option` is a usage error) and the `--config` file, if given.
  /// With `measuresSentences`, the linters measure each sentence as well as each paragraph and section.
  package init(
    configPath: String?, ruleOptions: [String], dialect: Dialect?, measures: Bool, measuresSentences: Bool = false
  ) throws(UsageError) {
    do {
      commandLineOptions = try Settings.checkCommandLine(parseRuleOptions(ruleOptions))
    } catch {
      throw UsageError(error.description)
    }
    finder = ConfigFinder(configPath: configPath)
    self.dialect = dialect
    self.measures = measures || measuresSentences
    self.measuresSentences = measuresSentences
  }

  /// What applies to an input: found from its path, or from the current folder for unnamed standard input.
  func resolve(_ input: InputFile) -> ConfigFinder.Resolution {
    switch input.source {
    case .file(let path): return finder.resolve(file: path)
    case .standardInput:
      return input.displayPath == "<stdin>" ? finder.resolveStandardInput() : finder.resolve(file: input.displayPath)
    }
  }

  /// The inputs to lint with their linters, leaving out the ignored ones; or every problem with the
  /// configuration files, when there is one (then nothing may be linted). The configuration of each folder on
  /// the command line is checked too, even when it holds nothing to lint.
  package func plan(_ inputs: [InputFile], paths: [String]) throws(ConfigFailure) -> [PlannedInput] {
    for path in paths where path != "-" && FileSystem.kind(of: path) == .folder { _ = finder.resolve(folder: path) }
    var resolved: [(InputFile, ConfigFinder.Resolution)] = []
    for input in inputs {
      let resolution = resolve(input)
      if !resolution.isIgnored { resolved.append((input, resolution)) }
    }
    if !finder.problems.isEmpty { throw ConfigFailure(problems: finder.problems) }
    var planned: [PlannedInput] = []
    for (input, resolution) in resolved {
      // Files with the same configuration and overrides share settings and a linter, found by number.
      let known: (settings: Settings, linter: Linter, target: Int)
      if let found = byNumber[resolution.settingsNumber] {
        known = found
      } else {
        let settings = resolution.settings.applying(commandLine: commandLineOptions, dialect: dialect)
        known = (settings, try linter(for: settings), settings.readingAgeTarget)
        byNumber[resolution.settingsNumber] = known
      }
      planned.append(
        PlannedInput(
          input: input, linter: known.linter, settings: known.settings, readingAgeTarget: known.target))
    }
    return planned
  }

  /// The linter for some settings, built the first time they are seen.
  func linter(for settings: Settings) throws(ConfigFailure) -> Linter {
    if let known = linters[settings] { return known }
    let rules: [ConfiguredRule]
    let words = finder.projectWords.words(for: settings)
    do {
      rules = try settings.configuredRules(words: words)
    } catch {
      // The files' settings were checked when they were read, and the command line's before: this is a bug.
      throw ConfigFailure(problems: [ConfigProblem(path: "plainlint", message: error.description)])
    }
    let measurer =
      measuresSentences
      ? BuiltInRules.sentenceMeasurer(dialect: settings.dialect, words: words)
      : measures ? BuiltInRules.measurer(dialect: settings.dialect, words: words) : nil
    let linter = Linter(rules: rules, measurer: measurer)
    linters[settings] = linter
    return linter
  }
}

extension InputProblem {
  /// A problem with a configuration file, to print with the other problems.
  init(_ problem: ConfigProblem) {
    self.init(
      path: problem.path, message: problem.message,
      position: problem.line.map { SourcePosition(line: $0, column: problem.column ?? 1) })
  }
}
