import PlainLintCore
import PlainLintLexicon
import PlainLintRules
internal import Yams

/// Reads a `.plainlint.yml` file into a `Configuration`, checking every setting against what plainlint knows.
///
/// The YAML is composed into Yams' node tree, not decoded, so that each value keeps its line and column and every
/// problem points at the exact place. Reading does not stop at the first problem: every problem in the file is
/// reported. Only a file with no problems gives a configuration.
public struct ConfigReader {
  /// The top-level settings, in the order the starter file and the schema list them.
  public static let topLevelKeys = ["dialect", "audience", "ignore", "rules", "dictionaries", "accept", "overrides"]
  /// The settings an entry of `overrides:` may have.
  public static let overrideKeys = ["files", "audience", "dialect", "rules", "dictionaries", "accept"]
  /// The keys of a rule's settings besides its options.
  public static let ruleKeys = ["enabled", "severity"]
  /// The keys of an `accept:` entry written as a mapping.
  public static let acceptKeys = ["term", "expansion"]
  /// The words that switch a rule on or off when written as text.
  static let switches = ["on": true, "off": false]

  /// The file's absolute path.
  let path: String
  /// The file's path in messages.
  let displayPath: String
  /// Where dictionaries are read and kept.
  let dictionaries: DictionaryStore
  /// The problems found so far.
  private(set) var problems: [ConfigProblem] = []

  /// Creates a reader for the file at `path` (absolute), shown as `displayPath`.
  public init(path: String, displayPath: String, dictionaries: DictionaryStore) {
    self.path = path
    self.displayPath = displayPath
    self.dictionaries = dictionaries
  }

  /// Reads and checks a configuration file from disk.
  public static func load(path: String, displayPath: String, dictionaries: DictionaryStore) -> Result<
    Configuration, ConfigFailure
  > {
    switch FileSystem.contents(of: path) {
    case .failure(let error):
      let reason = error.isMissing ? "no such file; check the path" : error.reason
      return .failure(
        ConfigFailure(problems: [
          ConfigProblem(path: displayPath, message: "cannot read the configuration file: \(reason)")
        ]))
    case .success(let bytes):
      var reader = ConfigReader(path: path, displayPath: displayPath, dictionaries: dictionaries)
      return reader.read(bytes)
    }
  }

  /// Reads and checks configuration text.
  public mutating func read(_ bytes: [UInt8]) -> Result<Configuration, ConfigFailure> {
    var configuration = Configuration(path: path, displayPath: displayPath)
    if let offset = UTF8Scalar.firstInvalidOffset(in: bytes) {
      let location = Document(path: displayPath, bytes: bytes).location(at: offset)
      let hex = String(bytes[offset], radix: 16, uppercase: true)
      problems.append(
        ConfigProblem(
          path: displayPath, line: location.position.line, column: location.position.column,
          message: "the file is not valid UTF-8 (byte 0x\(hex)); save it as UTF-8"))
      return .failure(ConfigFailure(problems: problems))
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      problems.append(problem(for: error, in: text))
      return .failure(ConfigFailure(problems: problems))
    } catch {
      problems.append(ConfigProblem(path: displayPath, line: 1, column: 1, message: "not valid YAML: \(error)"))
      return .failure(ConfigFailure(problems: problems))
    }
    if let root { readTopLevel(root, into: &configuration) }
    guard problems.isEmpty else {
      // The file's own problems by place, then those of the dictionaries it names, each in its own order.
      let own = problems.filter { $0.path == displayPath }.sorted {
        ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0)
      }
      problems = own + problems.filter { $0.path != displayPath }
      return .failure(ConfigFailure(problems: problems))
    }
    return .success(configuration)
  }

  // MARK: The top level

  /// Reads the top-level mapping.
  private mutating func readTopLevel(_ root: Node, into configuration: inout Configuration) {
    if isNull(root) { return }
    guard let mapping = root.mapping else {
      report(root, "the file must hold settings as `key: value` lines (dialect, rules, …), not \(kind(root))")
      return
    }
    for (keyNode, value) in mapping {
      guard let key = keyText(keyNode) else { continue }
      switch key {
      case "dialect":
        configuration.dialect = readDialect(value)
      case "audience":
        configuration.audience = readAudience(value)
      case "ignore":
        configuration.ignore = readGlobs(value, setting: "ignore")
      case "rules":
        configuration.rules = readRules(value)
      case "dictionaries":
        configuration.dictionaries = readDictionaries(value)
      case "accept":
        configuration.accept = readAccept(value)
      case "overrides":
        configuration.overrides = readOverrides(value)
      default:
        report(keyNode, "unknown setting '\(key)'" + nearest(key, in: Self.topLevelKeys, listing: "the settings are"))
      }
    }
  }

  /// Reads `dialect:`.
  private mutating func readDialect(_ node: Node) -> Dialect? {
    let names = Dialect.allCases.map(\.configurationName)
    guard let text = scalarText(node, setting: "dialect", expected: listing(names)) else { return nil }
    guard let dialect = Dialect(configurationName: text) else {
      report(node, "unknown dialect '\(text)'" + nearest(text, in: names))
      return nil
    }
    return dialect
  }

  /// Reads `audience:`.
  private mutating func readAudience(_ node: Node) -> Audience? {
    let names = Audience.allCases.map(\.rawValue)
    guard let text = scalarText(node, setting: "audience", expected: listing(names)) else { return nil }
    guard let audience = Audience(rawValue: text) else {
      report(node, "unknown audience '\(text)'" + nearest(text, in: names))
      return nil
    }
    return audience
  }

  /// Reads a glob or a list of globs.
  private mutating func readGlobs(_ node: Node, setting: String) -> [Glob] {
    var globs: [Glob] = []
    for item in textList(node, setting: setting, expected: "a glob or a list of globs") {
      do {
        globs.append(try Glob(item.text))
      } catch {
        report(item.node, "bad glob '\(item.text)': \(error.message)")
      }
    }
    return globs
  }

  // MARK: Rules

  /// Reads `rules:`: a mapping from rule identifier to its settings.
  private mutating func readRules(_ node: Node) -> RuleSettings {
    if isNull(node) { return RuleSettings() }
    guard let mapping = node.mapping else {
      report(node, "'rules' must be rule names with their settings (`long-sentence: off`), not \(kind(node))")
      return RuleSettings()
    }
    var settings = RuleSettings()
    for (keyNode, value) in mapping {
      guard let rule = keyText(keyNode) else { continue }
      if rule == Suppression.ruleIdentifier {
        report(
          keyNode,
          "'\(rule)' warnings (directives that cannot be read) cannot be switched off or changed; correct the "
            + "directive instead")
        continue
      }
      guard let type = BuiltInRules.rule(named: rule) else {
        report(
          keyNode,
          "unknown rule '\(rule)'"
            + (closestMatch(to: rule, in: BuiltInRules.identifiers).map { "; did you mean '\($0)'?" }
              ?? "; `plainlint rules` lists them"))
        continue
      }
      if let setting = readRule(value, type.description) { settings.byRule[rule] = setting }
    }
    return settings
  }

  /// Reads one rule's settings: on or off, a severity, or a mapping of `enabled`, `severity` and options.
  private mutating func readRule(_ node: Node, _ description: RuleDescription) -> RuleSetting? {
    let rule = description.identifier
    let severities = Severity.allCases.reversed().map(\.rawValue)
    let shorthand = severities + ["on", "off"]
    if isNull(node) { return RuleSetting() }
    if let scalar = node.scalar {
      if tagName(node) == .bool, let value = node.bool { return RuleSetting(enabled: value) }
      let text = scalar.string
      if tagName(node) == .str {
        if let value = Self.switches[text] { return RuleSetting(enabled: value) }
        // A severity switches the rule on: `uncommon-word: info` means "show it, as a note".
        if let severity = Severity(rawValue: text) { return RuleSetting(enabled: true, severity: severity) }
        report(node, "unknown severity '\(text)' for rule '\(rule)'" + nearest(text, in: shorthand))
        return nil
      }
      report(
        node, "rule '\(rule)' is set with on, off, a severity (\(listing(severities))) or its options, not '\(text)'")
      return nil
    }
    guard let mapping = node.mapping else {
      report(node, "rule '\(rule)' is set with on, off, a severity or its options, not \(kind(node))")
      return nil
    }
    var setting = RuleSetting()
    var valid = true
    for (keyNode, value) in mapping {
      guard let key = keyText(keyNode) else {
        valid = false
        continue
      }
      switch key {
      case "enabled":
        if tagName(value) == .bool, let enabled = value.bool {
          setting.enabled = enabled
        } else if tagName(value) == .str, let enabled = Self.switches[value.scalar?.string ?? ""] {
          setting.enabled = enabled
        } else {
          report(value, "'\(rule).enabled' must be true or false, not \(kind(value))")
          valid = false
        }
      case "severity":
        guard let text = scalarText(value, setting: "\(rule).severity", expected: listing(severities)) else {
          valid = false
          continue
        }
        guard let severity = Severity(rawValue: text) else {
          report(value, "unknown severity '\(text)' for rule '\(rule)'" + nearest(text, in: severities))
          valid = false
          continue
        }
        setting.severity = severity
        if setting.enabled == nil { setting.enabled = true }
      default:
        guard let option = description.options.first(where: { $0.name == key }) else {
          let names = Self.ruleKeys + description.options.map(\.name)
          let hint =
            closestMatch(to: key, in: names).map { "; did you mean '\($0)'?" }
            ?? (description.options.isEmpty
              ? "; it takes only enabled and severity"
              : "; its settings are \(listing(names, conjunction: "and"))")
          report(keyNode, "rule '\(rule)' has no option '\(key)'" + hint)
          valid = false
          continue
        }
        if let checked = readOption(value, option, rule: rule) {
          setting.options[key] = checked
        } else {
          valid = false
        }
      }
    }
    return valid ? setting : nil
  }

  /// Reads an option's value, checking its type and range.
  private mutating func readOption(_ node: Node, _ option: RuleOptionDescription, rule: String) -> RuleOptionValue? {
    let name = "\(rule).\(option.name)"
    let written = node.scalar.map { "'\($0.string)'" } ?? kind(node)
    let example = "; for example \(option.name): \(option.defaultValue)"
    switch option.defaultValue {
    case .integer:
      guard tagName(node) == .int, let value = node.int else {
        // A number with a fraction gets the nearest whole number as its suggestion.
        if tagName(node) == .float, let number = node.float, number.isFinite {
          let whole = Int(number.rounded())
          let nearest = option.allowedRange.map { min(max(whole, $0.lowerBound), $0.upperBound) } ?? whole
          report(node, "option '\(name)' must be a whole number, not \(written); did you mean \(nearest)?")
        } else {
          report(node, "option '\(name)' must be a whole number, not \(written)\(example)")
        }
        return nil
      }
      if let range = option.allowedRange, !range.contains(value) {
        let nearest = min(max(value, range.lowerBound), range.upperBound)
        report(
          node,
          "option '\(name)' must be from \(range.lowerBound) to \(range.upperBound), not \(value); "
            + "the nearest allowed value is \(nearest)")
        return nil
      }
      return .integer(value)
    case .number:
      if tagName(node) == .int, let value = node.int { return .number(Double(value)) }
      guard tagName(node) == .float, let value = node.float, value.isFinite else {
        report(node, "option '\(name)' must be a number, not \(written)\(example)")
        return nil
      }
      return .number(value)
    case .boolean:
      guard tagName(node) == .bool, let value = node.bool else {
        report(node, "option '\(name)' must be true or false, not \(written)\(example)")
        return nil
      }
      return .boolean(value)
    case .string:
      guard let scalar = node.scalar, !isNull(node) else {
        report(node, "option '\(name)' must be text, not \(written)\(example)")
        return nil
      }
      return .string(scalar.string)
    }
  }

  // MARK: Words

  /// Reads `dictionaries:`: paths relative to the configuration's folder. Each file is read and checked now, so a
  /// missing or broken dictionary stops the run before any file is linted.
  private mutating func readDictionaries(_ node: Node) -> [String] {
    var paths: [String] = []
    let folder = FileSystem.parent(of: path)
    for item in textList(node, setting: "dictionaries", expected: "a list of CSV files") {
      let absolute = FileSystem.absolute(item.text, from: folder)
      switch dictionaries.load(absolute) {
      case .failure(let error):
        let reason = error.isMissing ? "no such file" : error.reason
        report(
          item.node,
          "cannot read the dictionary '\(item.text)': \(reason); paths are relative to the folder of "
            + "\(configurationFileName)")
      case .success(let loaded):
        problems += loaded.problems
        if !paths.contains(absolute) { paths.append(absolute) }
      }
    }
    return paths
  }

  /// Reads `accept:`: words, phrases and acronyms, each as text or as `term:` with an optional `expansion:`.
  private mutating func readAccept(_ node: Node) -> [AcceptedWord] {
    if isNull(node) { return [] }
    let items: [Node]
    if let sequence = node.sequence {
      items = Array(sequence)
    } else if node.scalar != nil {
      items = [node]
    } else {
      report(node, "'accept' must be a list of words, phrases and acronyms, not \(kind(node))")
      return []
    }
    var words: [AcceptedWord] = []
    for item in items {
      if let word = readAcceptedWord(item) { words.append(word) }
    }
    return words
  }

  /// Reads one `accept:` entry.
  private mutating func readAcceptedWord(_ node: Node) -> AcceptedWord? {
    let shape = "an accept entry is a word, phrase or acronym, or `term:` with an optional `expansion:`"
    if let scalar = node.scalar, !isNull(node) {
      let term = trimmed(scalar.string)
      guard !term.isEmpty else {
        report(node, "an accept entry is empty; write the word, phrase or acronym, or remove the line")
        return nil
      }
      return AcceptedWord(term: term)
    }
    guard let mapping = node.mapping else {
      report(node, "\(shape), not \(kind(node))")
      return nil
    }
    var term: String? = nil
    var expansion: String? = nil
    var valid = true
    for (keyNode, value) in mapping {
      guard let key = keyText(keyNode) else {
        valid = false
        continue
      }
      switch key {
      case "term", "expansion":
        guard let scalar = value.scalar, !isNull(value), !trimmed(scalar.string).isEmpty else {
          report(value, "'\(key)' must be text, not \(isNull(value) ? "empty" : kind(value))")
          valid = false
          continue
        }
        if key == "term" { term = trimmed(scalar.string) } else { expansion = trimmed(scalar.string) }
      default:
        report(
          keyNode,
          "an accept entry has no setting '\(key)'" + nearest(key, in: Self.acceptKeys, listing: "its settings are"))
        valid = false
      }
    }
    guard valid else { return nil }
    guard let term else {
      report(node, "this accept entry has no 'term'; add `term:` with the word or acronym")
      return nil
    }
    return AcceptedWord(term: term, expansion: expansion)
  }

  // MARK: Overrides

  /// Reads `overrides:`: a list of settings for files that match globs.
  private mutating func readOverrides(_ node: Node) -> [Override] {
    if isNull(node) { return [] }
    guard let sequence = node.sequence else {
      report(node, "'overrides' must be a list of entries, each starting `- files:`, not \(kind(node))")
      return []
    }
    var overrides: [Override] = []
    for item in sequence {
      guard let mapping = item.mapping else {
        report(item, "an override must be settings with `files:` (the globs it applies to), not \(kind(item))")
        continue
      }
      var override = Override(files: [])
      var hasFiles = false
      for (keyNode, value) in mapping {
        guard let key = keyText(keyNode) else { continue }
        switch key {
        case "files":
          hasFiles = true
          let before = problems.count
          override.files = readGlobs(value, setting: "files")
          if override.files.isEmpty && problems.count == before {
            report(value, "'files' is empty; give the globs this override applies to (\"research/**\")")
          }
        case "audience": override.audience = readAudience(value)
        case "dialect": override.dialect = readDialect(value)
        case "rules": override.rules = readRules(value)
        case "dictionaries": override.dictionaries = readDictionaries(value)
        case "accept": override.accept = readAccept(value)
        default:
          report(
            keyNode,
            "an override has no setting '\(key)'" + nearest(key, in: Self.overrideKeys, listing: "it may set"))
        }
      }
      if !hasFiles {
        report(item, "this override has no 'files'; add `files:` with the globs it applies to (\"research/**\")")
      }
      overrides.append(override)
    }
    return overrides
  }

  // MARK: Nodes

  /// A problem at a node.
  private mutating func report(_ node: Node, _ message: String) {
    let mark = node.mark
    problems.append(
      ConfigProblem(path: displayPath, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
  }

  /// A mapping key's text; keys that are not text are reported.
  private mutating func keyText(_ node: Node) -> String? {
    guard let scalar = node.scalar, !isNull(node) else {
      report(node, "a setting's name must be text, not \(kind(node))")
      return nil
    }
    return scalar.string
  }

  /// The text of a scalar setting, or nil after reporting that it is not one.
  private mutating func scalarText(_ node: Node, setting: String, expected: String) -> String? {
    guard let scalar = node.scalar, !isNull(node) else {
      report(node, "'\(setting)' must be \(expected), not \(isNull(node) ? "empty" : kind(node))")
      return nil
    }
    return scalar.string
  }

  /// The items of a setting that takes one text value or a list of them, each with its node.
  private mutating func textList(_ node: Node, setting: String, expected: String) -> [(text: String, node: Node)] {
    if isNull(node) { return [] }
    if let scalar = node.scalar { return [(scalar.string, node)] }
    guard let sequence = node.sequence else {
      report(node, "'\(setting)' must be \(expected), not \(kind(node))")
      return []
    }
    var items: [(String, Node)] = []
    for item in sequence {
      guard let scalar = item.scalar, !isNull(item) else {
        report(item, "each entry of '\(setting)' must be text, not \(isNull(item) ? "empty" : kind(item))")
        continue
      }
      items.append((scalar.string, item))
    }
    return items
  }

  /// The name of a node's resolved tag (str, int, float, bool, null…).
  private func tagName(_ node: Node) -> Tag.Name {
    Tag.Name(rawValue: node.tag.rawValue)
  }

  /// Whether a node is YAML's null: nothing written, `~` or `null`.
  private func isNull(_ node: Node) -> Bool {
    node.scalar != nil && tagName(node) == .null
  }

  /// How a node is described in a message.
  private func kind(_ node: Node) -> String {
    switch node {
    case .mapping: return "a mapping (`key: value` lines)"
    case .sequence: return "a list"
    case .scalar(let scalar): return isNull(node) ? "empty" : "'\(scalar.string)'"
    case .alias: return "an alias"
    }
  }

  /// Text without white space at either end.
  private func trimmed(_ text: String) -> String {
    String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }

  // MARK: YAML errors

  /// A problem for an error from the YAML parser, at the place it gives.
  private func problem(for error: YamlError, in text: String) -> ConfigProblem {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = "not valid YAML: \(problem)"
      if let context { message += " (\(context.text) at line \(context.mark.line))" }
      message += hint(at: mark, in: text, problem: problem)
      return ConfigProblem(path: displayPath, line: mark.line, column: mark.column, message: message)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? ""
      let first = context.mark
      let repeated = repeatedKey(key, after: first, in: text)
      return ConfigProblem(
        path: displayPath, line: repeated?.line ?? first.line, column: repeated?.column ?? first.column,
        message: "'\(key)' is set twice in the same place (first at line \(first.line)); keep one")
    case .reader(let problem, let offset, _, _):
      let location = Document(path: displayPath, text: text).location(at: min(offset ?? 0, text.utf8.count))
      return ConfigProblem(
        path: displayPath, line: location.position.line, column: location.position.column,
        message: "not valid YAML: \(problem)")
    default:
      return ConfigProblem(path: displayPath, line: 1, column: 1, message: "not valid YAML: \(error)")
    }
  }

  /// A hint for common YAML mistakes: tabs, and text with `: ` that needs quotes.
  private func hint(at mark: Mark, in text: String, problem: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard mark.line >= 1, mark.line <= lines.count else { return "" }
    let line = Array(lines[mark.line - 1].unicodeScalars)
    let column = mark.column - 1
    if column < line.count && line[column] == "\t" || line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
      return "; indent with spaces, not tabs"
    }
    if problem.contains("mapping values are not allowed") {
      return "; put text that holds ': ' in quotes, and check the indentation"
    }
    if problem.contains("did not find expected") || problem.contains("could not find expected") {
      return "; check the indentation and that each setting is `key: value`"
    }
    return ""
  }

  /// Where a key is repeated after its first place: the next line that has it at the same column.
  private func repeatedKey(_ key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard first.line >= 1, first.line < lines.count else { return nil }
    let column = first.column - 1
    for index in first.line..<lines.count {
      let line = Array(lines[index].unicodeScalars)
      guard line.count > column, line[..<column].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
      var rest = String(String.UnicodeScalarView(line[column...]))
      for quote in ["\"", "'"] where rest.hasPrefix(quote + key + quote) {
        rest = key + rest.dropFirst(key.count + 2)
      }
      guard rest.hasPrefix(key) else { continue }
      if rest.dropFirst(key.count).drop(while: { $0 == " " }).first == ":" { return (index + 1, column + 1) }
    }
    return nil
  }
}
