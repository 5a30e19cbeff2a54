import Foundation
import PlainLintConfig
import PlainLintCore
import PlainLintDriver
import PlainLintRules

/// The settings an editor can give: the command line's own (`--config`, `--english`, `--option`).
package struct EditorSettings: Equatable {
  /// A configuration file for every document, instead of each one's nearest.
  package var config: String?
  /// The English to check.
  package var dialect: Dialect?
  /// Rule options, `RULE.OPTION=VALUE`.
  package var options: [String] = []

  package init() {}
}

extension LanguageServer {
  /// Reads the editor's settings (`{"plainlint": {...}}` or the inner object). Bad values are shown to the
  /// user and left out. Returns whether anything changed.
  @discardableResult
  func applySettings(_ json: JSON) -> Bool {
    let object = json["plainlint"].object != nil ? json["plainlint"] : json
    guard let members = object.object else { return false }
    var new = EditorSettings()
    var problems: [String] = []
    for (key, value) in members.sorted(by: { $0.key < $1.key }) {
      switch key {
      case "config":
        if value.isNull { continue }
        guard let path = value.string, !path.isEmpty else {
          problems.append("“config” must be the path of a configuration file")
          continue
        }
        new.config = path.hasPrefix("/") ? path : (workspaceFolders.first ?? FileSystem.currentFolder()) + "/" + path
      case "english":
        if value.isNull { continue }
        switch value.string?.lowercased() {
        case "uk", "en-gb", "gb": new.dialect = .uk
        case "us", "en-us": new.dialect = .us
        default: problems.append("“english” must be \"uk\" or \"us\"")
        }
      case "options":
        if value.isNull { continue }
        guard let list = value.array?.compactMap(\.string), list.count == value.array?.count else {
          problems.append("“options” must be a list of \"RULE.OPTION=VALUE\" strings")
          continue
        }
        do {
          _ = try parseRuleOptions(list)
          new.options = list
        } catch {
          problems.append("“options”: \(error.description)")
        }
      default:
        problems.append("unknown setting “\(key)”; plainlint's settings are config, english and options")
      }
    }
    for problem in problems { showMessage("plainlint settings: \(problem)", type: 2) }
    guard new != settings else { return false }
    settings = new
    return true
  }

  /// The configuration for the current settings, made on first use. A bad option value is shown once, and the
  /// options are then left out.
  func currentConfiguration() -> RunConfiguration? {
    if let configuration { return configuration }
    do {
      configuration = try RunConfiguration(
        configPath: settings.config, ruleOptions: settings.options, dialect: settings.dialect, measures: true)
    } catch {
      showMessage("plainlint settings: \(error.description)", type: 1)
      settings.options = []
      configuration = try? RunConfiguration(
        configPath: settings.config, ruleOptions: [], dialect: settings.dialect, measures: true)
    }
    return configuration
  }

  /// Lints the documents changed since the last time and pushes their diagnostics (unless the client pulls).
  func lintDirty() {
    guard !dirty.isEmpty else { return }
    let uris = dirty.sorted()
    dirty.removeAll()
    for uri in uris where documents[uri] != nil {
      lint(uri)
      if !pullDiagnostics, let document = documents[uri] {
        publish(uri: uri, version: document.version, diagnostics: diagnostics(document))
      }
    }
    publishConfigurationProblems()
  }

  /// Lints a document if its text changed since it was last linted.
  func lint(_ uri: String) {
    // A changed text or a reload clears `lintedVersion`, so this is false only for text already linted.
    guard var document = documents[uri], document.lintedVersion != document.version else { return }
    defer { documents[uri] = document }
    document.findings = []
    document.metrics = nil
    document.lintedVersion = document.version
    guard let language = document.language, let configuration = currentConfiguration() else { return }
    let planned: [RunConfiguration.PlannedInput]
    do {
      planned = try configuration.plan(
        [InputFile(source: .standardInput, displayPath: document.path)], paths: [])
    } catch {
      // A broken configuration file: its problems are published on it, and shown once.
      return
    }
    guard let plan = planned.first else { return }  // The configuration's `ignore:` leaves it out.
    do {
      let report = try PlainLintDriver.lint(document.bytes, path: document.path, language: language, planned: plan)
      document.findings = report.findings
      document.metrics = report.metrics
      document.readingAgeTarget = plan.readingAgeTarget
    } catch {
      logMessage("plainlint could not read \(document.path): \(error.message)", type: 2)
    }
  }

  /// The current findings of a document, linting it first if it changed.
  func current(_ uri: String) throws -> OpenDocument {
    guard documents[uri] != nil else {
      throw ResponseError(ErrorCode.invalidParams, "the document \(uri) is not open")
    }
    lint(uri)
    return documents[uri]!
  }

  func publish(uri: String, version: Int?, diagnostics: [JSON]) {
    var params: [String: JSON] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
    if let version { params["version"] = .int(version) }
    sendNotification("textDocument/publishDiagnostics", .object(params))
  }

  /// The problems of broken configuration files as diagnostics, by the URI of each file.
  func configurationDiagnostics() -> [String: [JSON]] {
    var byURI: [String: [JSON]] = [:]
    for problem in configuration?.finder.problems ?? [] {
      let path = problem.path.hasPrefix("/") ? problem.path : FileSystem.currentFolder() + "/" + problem.path
      let line = max(0, (problem.line ?? 1) - 1)
      let character = max(0, (problem.column ?? 1) - 1)
      byURI[Self.uri(fromPath: path), default: []].append([
        "range": [
          "start": LSPPosition(line: line, character: character).json,
          "end": LSPPosition(line: line, character: character + 1).json,
        ],
        "severity": 1, "source": "plainlint", "message": .string(problem.message),
      ])
    }
    return byURI
  }

  /// Publishes the problems of broken configuration files on those files, and clears the ones now fixed. The
  /// first problem is also shown as a message, once.
  func publishConfigurationProblems() {
    let byURI = configurationDiagnostics()
    if !pullDiagnostics {
      for uri in configProblemURIs.subtracting(byURI.keys) { publish(uri: uri, version: nil, diagnostics: []) }
      for (uri, diagnostics) in byURI.sorted(by: { $0.key < $1.key }) {
        publish(uri: uri, version: nil, diagnostics: diagnostics)
      }
    }
    configProblemURIs = Set(byURI.keys)
    if let text = configuration?.finder.problems.first?.description, shownProblem != text {
      shownProblem = text
      showMessage(
        "plainlint is not checking files under a configuration with errors until it is fixed: \(text)", type: 2)
    }
  }

  /// Answers `textDocument/diagnostic` with every finding of the document.
  func pullDiagnostics(_ params: JSON) throws -> JSON {
    guard let uri = params["textDocument"]["uri"].string else {
      throw ResponseError(ErrorCode.invalidParams, "textDocument.uri is missing")
    }
    if documents[uri] == nil, let path = Self.path(fromURI: uri),
      configProblemURIs.contains(uri) || path.hasSuffix(configurationFileName)
    {
      _ = currentConfiguration()
      return ["kind": "full", "items": .array(configurationDiagnostics()[uri] ?? [])]
    }
    let document = try current(uri)
    return [
      "kind": "full", "resultId": .string("\(document.version)"), "items": .array(diagnostics(document)),
    ]
  }

  /// The diagnostics of a document's current findings, written straight into JSON text: a big document has
  /// thousands, sent on every keystroke. The part of a diagnostic after its range is made once per rule and
  /// severity.
  func diagnostics(_ document: OpenDocument) -> [JSON] {
    var converter = PositionConverter(document.document)
    var tails: [String: [UInt8]] = [:]
    return document.findings.map { finding in
      let start = lspPosition(converter.location(at: finding.range.lowerBound))
      let end = lspPosition(converter.location(at: finding.range.upperBound))
      var out: [UInt8] = []
      out.reserveCapacity(320)
      out.append(contentsOf: #"{"range":{"start":{"line":"#.utf8)
      Self.writeNumber(start.line, to: &out)
      out.append(contentsOf: #","character":"#.utf8)
      Self.writeNumber(start.character, to: &out)
      out.append(contentsOf: #"},"end":{"line":"#.utf8)
      Self.writeNumber(end.line, to: &out)
      out.append(contentsOf: #","character":"#.utf8)
      Self.writeNumber(end.character, to: &out)
      out.append(contentsOf: "}}".utf8)
      let key = finding.rule + " " + finding.severity.rawValue
      if let tail = tails[key] {
        out.append(contentsOf: tail)
      } else {
        var tail = Array(#","severity":"#.utf8)
        Self.writeNumber(Self.severity(finding.severity), to: &tail)
        tail.append(contentsOf: #","code":"#.utf8)
        JSON.writeString(finding.rule, to: &tail)
        if let link = ruleDocumentation.link(for: finding.rule) {
          tail.append(contentsOf: #","codeDescription":{"href":"#.utf8)
          JSON.writeString(link, to: &tail)
          tail.append(UInt8(ascii: "}"))
        }
        tail.append(contentsOf: #","source":"plainlint","message":"#.utf8)
        tails[key] = tail
        out.append(contentsOf: tail)
      }
      // Escaping a message again costs less than hashing it to find it in a cache.
      JSON.writeString(finding.message, to: &out)
      out.append(UInt8(ascii: "}"))
      return .raw(out)
    }
  }

  /// Appends a whole number's digits.
  static func writeNumber(_ number: Int, to out: inout [UInt8]) {
    if number < 0 {
      out.append(UInt8(ascii: "-"))
      writeNumber(-number, to: &out)
      return
    }
    if number >= 10 { writeNumber(number / 10, to: &out) }
    out.append(UInt8(ascii: "0") + UInt8(number % 10))
  }

  /// An LSP position of a location, in the session's encoding.
  func lspPosition(_ location: SourceLocation) -> LSPPosition {
    LSPPosition(location, encoding: encoding)
  }

  /// LSP's number for a severity.
  static func severity(_ severity: Severity) -> Int {
    switch severity {
    case .error: 1
    case .warning: 2
    case .info: 3
    }
  }
}
