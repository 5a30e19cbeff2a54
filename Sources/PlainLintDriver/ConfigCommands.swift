import PlainLintConfig
import PlainLintCore
import PlainLintRules

/// Runs `plainlint rules [--config FILE] [PATH]`: each rule's severity (or "off") and options under the
/// configuration in force for PATH, marking what differs from the built-in defaults.
public func runRules(path: String?, configPath: String?) -> CheckOutcome {
  let finder = ConfigFinder(configPath: configPath)
  let target = path ?? "."
  // A path that is not there yet is read as a file: what would apply to a new page.
  let isFolder = FileSystem.kind(of: target) == .folder || target.hasSuffix("/")
  let resolution = isFolder ? finder.resolve(folder: target) : finder.resolve(file: target)
  if !finder.problems.isEmpty { return stopped(by: ConfigFailure(problems: finder.problems)) }
  return CheckOutcome(output: rulesListing(resolution, for: target), problems: [], exitCode: 0)
}

/// The listing of `plainlint rules`.
func rulesListing(_ resolution: ConfigFinder.Resolution, for path: String) -> String {
  let settings = resolution.settings
  var out = ""
  if let configuration = resolution.configuration {
    out += "Configuration: \(configuration.displayPath)"
    if !resolution.overrides.isEmpty {
      let numbers = resolution.overrides.map { String($0 + 1) }
      out += " (overrides \(numbers.joined(separator: ", ")) apply to \(path))"
    }
    out += "\n"
    if resolution.isIgnored { out += "\(path) is ignored by this configuration: it is not linted.\n" }
  } else {
    out += "Configuration: none for \(path); the built-in defaults apply.\n"
  }
  out += "Audience: \(settings.audience.rawValue); English: \(settings.dialect.configurationName)\n\n"
  for rule in BuiltInRules.all {
    let description = rule.description
    let severity = settings.severity(of: rule)
    var state = settings.isEnabled(description.identifier) ? severity.rawValue : "off"
    if state != description.defaultSeverity.rawValue { state += "; default \(description.defaultSeverity.rawValue)" }
    out += "\(description.identifier) (\(state)): \(description.summary)\n"
    for option in description.options {
      let value = settings.option(option.name, of: rule) ?? option.defaultValue
      let changed = value != option.defaultValue ? " (default \(option.defaultValue))" : ""
      out += "    \(option.name) = \(value)\(changed): \(option.summary)\n"
    }
  }
  // Problems with suppression directives are reported as findings of their own, whatever the configuration.
  out += "\(Suppression.ruleIdentifier) (warning): \(Suppression.summary)\n"
  return out
}

/// Runs `plainlint explain RULE`; an unknown rule is a usage error, with the nearest rule's name.
public func runExplain(_ identifier: String) throws(UsageError) -> CheckOutcome {
  CheckOutcome(output: try explainRule(identifier), problems: [], exitCode: 0)
}

/// The text of `plainlint explain RULE`: what the rule checks, why it matters to readers, its options and its examples,
/// each flagged span marked « » with the message the rule gives there.
public func explainRule(_ identifier: String) throws(UsageError) -> String {
  if identifier == Suppression.ruleIdentifier {
    return """
      \(identifier): Directive that cannot be read

      \(wrapped(Suppression.summary + ".", indent: ""))
      Default severity: warning

      Why it matters
      \(wrapped(
        "A misspelt directive or rule name would otherwise switch nothing off, or the wrong thing, without a "
          + "word. These warnings cannot be switched off, in .plainlint.yml or by a directive. See \"Switching "
          + "findings off in a document\" in the README.", indent: "  "))
      """
  }
  guard let rule = BuiltInRules.rule(named: identifier) else {
    throw UsageError(
      RuleOptionError.unknownRule(identifier, suggestion: closestMatch(to: identifier, in: BuiltInRules.identifiers))
        .description)
  }
  let description = rule.description
  var out = "\(description.identifier): \(description.name)\n\n"
  out += wrapped(description.summary, indent: "") + "\n"
  out += "Default severity: \(description.defaultSeverity.rawValue)\n\n"
  out += "Why it matters\n" + wrapped(description.rationale, indent: "  ") + "\n"
  out += "Options\n"
  if description.options.isEmpty {
    out += "  none; set `severity` or switch it off in .plainlint.yml\n"
  }
  for option in description.options {
    var facts = option.defaultValue.typeName
    if let range = option.allowedRange { facts += ", \(range.lowerBound) to \(range.upperBound)" }
    facts += ", default \(option.defaultValue)"
    out += wrapped("\(option.name) (\(facts)): \(option.summary)", indent: "  ", continuation: "    ")
  }
  out += "\nExamples it flags (the flagged text is between « and »)\n"
  for example in description.triggeringExamples {
    out += exampleText(example)
    for message in messages(of: rule, on: example) {
      out += wrapped("→ " + message, indent: "    ", continuation: "      ")
    }
  }
  out += "\nExamples it leaves alone\n"
  for example in description.nonTriggeringExamples {
    out += exampleText(example)
  }
  return out
}

/// An example as shown by `explain`: its options, then its text (marks included), indented.
func exampleText(_ example: RuleExample) -> String {
  var out = ""
  if !example.options.isEmpty {
    let options = example.options.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    out += "  with \(options.joined(separator: ", ")):\n"
  }
  let lines = example.markedText.split(separator: "\n", omittingEmptySubsequences: false)
  out += lines.map { "  " + $0 }.joined(separator: "\n") + "\n"
  return out
}

/// The messages a rule gives on one of its examples, in order.
func messages(of rule: any Rule.Type, on example: RuleExample) -> [String] {
  guard let options = try? rule.description.resolveOptions(example.options) else { return [] }
  let linter = Linter(rules: [
    ConfiguredRule(rule: rule.init(options: options), severity: rule.description.defaultSeverity)
  ])
  return linter.lint(PlainTextFrontEnd.prose(of: Document(path: "example.txt", text: example.text))).map(\.message)
}

/// Text wrapped at 100 columns, each line indented, ending with a line break.
func wrapped(_ text: String, indent: String, continuation: String? = nil) -> String {
  let next = continuation ?? indent
  var lines: [String] = []
  var line = indent
  var lineIsEmpty = true
  for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
    if !lineIsEmpty && line.count + 1 + word.count > 100 {
      lines.append(line)
      line = next
      lineIsEmpty = true
    }
    line += (lineIsEmpty ? "" : " ") + word
    lineIsEmpty = false
  }
  lines.append(line)
  return lines.joined(separator: "\n") + "\n"
}

/// Runs `plainlint init [--path FOLDER]`: writes the commented starter `.plainlint.yml`, never over an existing
/// file.
public func runInit(folder: String?) -> CheckOutcome {
  let display = folder.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + configurationFileName } ?? configurationFileName
  let path = FileSystem.absolute(display, from: FileSystem.currentFolder())
  func failure(_ message: String) -> CheckOutcome {
    CheckOutcome(output: "", problems: [InputProblem(path: display, message: message)], exitCode: 2)
  }
  if let folder, FileSystem.kind(of: folder) != .folder {
    return failure("cannot write here: \(folder) is not a folder")
  }
  let exists = "already exists; plainlint init never replaces a file. Edit it, or move it away and run init again"
  if FileSystem.exists(path) { return failure(exists) }
  switch FileSystem.createNew(path, bytes: Array(StarterFile.text.utf8)) {
  case .success:
    let output = """
      Wrote \(display): every rule is listed with its default, commented out. Remove the # in front of a \
      setting to change it; `plainlint rules` shows the settings in force.

      """
    return CheckOutcome(output: output, problems: [], exitCode: 0)
  case .failure(let error):
    return failure(error.isAlreadyThere ? exists : "cannot write the file: \(error.reason)")
  }
}

/// The JSON Schema of `.plainlint.yml` (`plainlint config schema`).
public func configurationSchema() -> String {
  ConfigSchema.json(version: plainlintVersion)
}
