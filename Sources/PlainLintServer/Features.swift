import Foundation
import PlainLintConfig
import PlainLintCore
import PlainLintDriver
import PlainLintRules

/// Pages that explain each rule (the text of `plainlint explain RULE`), written once per plainlint version to a
/// cache folder, for the links of the diagnostics' codes.
package final class RuleDocumentation {
  /// The folder the pages go in; nil for no links.
  let folder: String?
  /// The link of each rule, once its page is written (nil when it could not be).
  private var links: [String: String?] = [:]

  /// Pages in `folder`: by default `$XDG_CACHE_HOME/plainlint/VERSION/rules`, or `~/.cache/plainlint/…`.
  package init(folder: String? = RuleDocumentation.defaultFolder()) {
    self.folder = folder
  }

  /// The default folder, or nil when there is no home folder to put it in.
  package static func defaultFolder() -> String? {
    let environment = ProcessInfo.processInfo.environment
    let cache: String
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      cache = xdg
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      cache = home + "/.cache"
    } else {
      return nil
    }
    return cache + "/plainlint/" + plainlintVersion + "/rules"
  }

  /// The `file:` link of a rule's page, writing the page the first time.
  package func link(for rule: String) -> String? {
    if let known = links[rule] { return known }
    var link: String? = nil
    if let folder, let text = try? explainRule(rule) {
      let path = folder + "/" + rule + ".md"
      if FileSystem.exists(path) {
        link = LanguageServer.uri(fromPath: path)
      } else {
        let page = "# plainlint: \(rule)\n\n```text\n\(text.hasSuffix("\n") ? text : text + "\n")```\n"
        do {
          try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
          if case .success = FileSystem.writeThroughTemporary(
            Array(page.utf8), to: path, prefix: ".plainlint-rule", replacing: true)
          {
            link = LanguageServer.uri(fromPath: path)
          }
        } catch {}
      }
    }
    links[rule] = link
    return link
  }
}

/// The rules whose findings are about a word, phrase or acronym that a project can accept.
let acceptableRules: Set<String> = [
  "jargon", "complex-word", "latin-abbreviation", "inclusive-language", "uncommon-word", "acronym-undefined",
  "acronym-outdated", "acronym-avoid",
]

extension LanguageServer {
  /// The open document and byte offset of a `{textDocument, position}` request.
  func documentAndOffset(_ params: JSON) throws -> (OpenDocument, Int) {
    guard let uri = params["textDocument"]["uri"].string, let position = LSPPosition(params["position"]) else {
      throw ResponseError(ErrorCode.invalidParams, "textDocument.uri and position are needed")
    }
    let document = try current(uri)
    return (document, document.offset(of: position, encoding: encoding))
  }

  // MARK: - Hover

  /// Answers `textDocument/hover`: on a flagged word, what is wrong, the plain alternatives and the rule; and
  /// the reading age of the paragraph under the pointer.
  func hover(_ params: JSON) throws -> JSON {
    let (document, offset) = try documentAndOffset(params)
    // Narrowest first: the word before the sentence it is in.
    let hits = document.findings.filter { $0.range.contains(offset) }
      .sorted { $0.range.count < $1.range.count }
    let markdown = hoverMarkdown
    func escaped(_ text: String) -> String { markdown ? Self.escaped(text) : text }
    func strong(_ text: String) -> String { markdown ? "**\(text)**" : text }
    var sections: [String] = []
    for finding in hits {
      var lines: [String] = []
      let name = BuiltInRules.rule(named: finding.rule)?.description.name ?? finding.rule
      lines.append(
        markdown
          ? "**\(Self.escaped(name))** · `\(finding.rule)` (\(finding.severity.rawValue))"
          : "\(name) · \(finding.rule) (\(finding.severity.rawValue))")
      lines.append("")
      lines.append(escaped(finding.message))
      let alternatives = finding.suggestions.map(\.replacement).filter { !$0.isEmpty }
      if !alternatives.isEmpty {
        lines.append("")
        lines.append("Plain alternatives: " + alternatives.map { "“\(escaped($0))”" }.joined(separator: ", "))
      }
      if let summary = BuiltInRules.rule(named: finding.rule)?.description.summary {
        lines.append("")
        lines.append(markdown ? "*\(Self.escaped(summary))*" : summary)
      }
      sections.append(lines.joined(separator: "\n"))
    }
    if let paragraph = document.metrics?.paragraphs.first(where: {
      $0.range.contains(offset) || $0.range.upperBound == offset
    }), let age = paragraph.counts.scores.readingAge {
      let counts = paragraph.counts
      let verdict = Int(age.rounded()) > document.readingAgeTarget ? "above" : "within"
      sections.append(
        "Reading age of this paragraph: \(strong(String(Int(age.rounded())))) (\(verdict) the target of "
          + "\(document.readingAgeTarget)); \(counts.words) words in \(counts.sentences) "
          + (counts.sentences == 1 ? "sentence." : "sentences."))
    }
    guard !sections.isEmpty else { return .null }
    var result: [String: JSON] = [
      "contents": [
        "kind": markdown ? "markdown" : "plaintext",
        "value": .string(sections.joined(separator: markdown ? "\n\n---\n\n" : "\n\n")),
      ]
    ]
    if let first = hits.first { result["range"] = document.range(first.range, encoding: encoding) }
    return .object(result)
  }

  /// Text with Markdown's special characters escaped, to show as it is.
  static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
      if "\\`*_{}[]<>()#+-!|~".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  // MARK: - Code actions

  /// Answers `textDocument/codeAction` with quick fixes for the findings in the range, worked out from the
  /// server's own findings in the current text (not from the diagnostics the client echoes back).
  func codeActions(_ params: JSON) throws -> JSON {
    guard let uri = params["textDocument"]["uri"].string, let start = LSPPosition(params["range"]["start"]),
      let end = LSPPosition(params["range"]["end"])
    else {
      throw ResponseError(ErrorCode.invalidParams, "textDocument.uri and range are needed")
    }
    if let only = params["context"]["only"].array?.compactMap(\.string),
      !only.contains(where: { $0 == "quickfix" || "quickfix".hasPrefix($0 + ".") || $0 == "" })
    {
      return []
    }
    let document = try current(uri)
    let lower = document.offset(of: start, encoding: encoding)
    let upper = max(lower, document.offset(of: end, encoding: encoding))
    var actions: [JSON] = []
    let diagnostics = self.diagnostics(document)
    for (index, finding) in document.findings.enumerated()
    where finding.range.lowerBound <= upper && lower <= finding.range.upperBound {
      let diagnostic = diagnostics[index]
      let flagged = document.document.text(finding.range)
      for (number, suggestion) in finding.suggestions.enumerated() {
        let title: String
        if suggestion.replacement.isEmpty {
          title = "Leave out “\(flagged)”"
        } else if finding.rule.hasPrefix("acronym") {
          title = "Write “\(suggestion.replacement)”"
        } else {
          title = "Replace with “\(suggestion.replacement)”"
        }
        var action: [String: JSON] = [
          "title": .string(title), "kind": "quickfix", "diagnostics": [diagnostic],
          "edit": edit(uri, [textEdit(document, finding.range, suggestion.replacement)]),
        ]
        if number == 0 { action["isPreferred"] = true }
        actions.append(.object(action))
      }
      if acceptableRules.contains(finding.rule) {
        let term = flagged.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        actions.append([
          "title": .string("Accept “\(term)” for this project (\(configurationFileName))"), "kind": "quickfix",
          "diagnostics": [diagnostic],
          "command": [
            "title": .string("Accept “\(term)”"), "command": .string(Commands.accept),
            "arguments": [["uri": .string(uri), "term": .string(term)]],
          ],
        ])
      }
      if let (title, edits) = disableEdits(document, finding) {
        actions.append([
          "title": .string(title), "kind": "quickfix", "diagnostics": [diagnostic], "edit": edit(uri, edits),
        ])
      }
    }
    return .array(actions)
  }

  /// A workspace edit of one document.
  func edit(_ uri: String, _ edits: [JSON]) -> JSON {
    ["changes": .object([uri: .array(edits)])]
  }

  /// A text edit replacing a byte range.
  func textEdit(_ document: OpenDocument, _ range: Range<Int>, _ text: String) -> JSON {
    ["range": document.range(range, encoding: encoding), "newText": .string(text)]
  }

  /// The edits that switch a finding's rule off where it is, with the action's title.
  func disableEdits(_ document: OpenDocument, _ finding: Finding) -> (String, [JSON])? {
    let source = document.document
    let bytes = source.bytes
    let line = source.lineIndex(containing: finding.range.lowerBound)
    let rule = finding.rule
    guard rule != Suppression.ruleIdentifier else { return nil }  // Directive mistakes cannot be switched off.
    switch document.language {
    case .markdown?, .html?:
      guard let offset = directivePlacement(bytes, finding: finding.range, isHTML: document.language == .html)
      else { return nil }
      return (
        "Switch off \(rule) on this line",
        [textEdit(document, offset..<offset, " <!-- plainlint-disable-line \(rule) -->")]
      )
    case .docx?:
      return nil  // The server never opens a Word document (see `Server.language`); it has no directives.
    case .text?, nil:
      let lineBreak = Self.lineBreak(in: bytes)
      func isBlank(_ index: Int) -> Bool {
        bytes[source.lineRange(index)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
      }
      func indentation(_ index: Int) -> String {
        String(decoding: bytes[source.lineRange(index)].prefix { $0 == 0x20 || $0 == 0x09 }, as: UTF8.self)
      }
      let lineStart = source.lineStarts[line]
      if line == 0 || isBlank(line - 1) {
        let directive = indentation(line) + "plainlint-disable-next-line \(rule)" + lineBreak
        return ("Switch off \(rule) on this line", [textEdit(document, lineStart..<lineStart, directive)])
      }
      // A directive line inside a paragraph would end it: wrap the whole paragraph instead.
      var first = line
      while first > 0 && !isBlank(first - 1) { first -= 1 }
      var last = line
      while last + 1 < source.lineCount && !isBlank(last + 1) { last += 1 }
      let start = source.lineStarts[first]
      let enable: JSON
      if last + 1 < source.lineCount {
        let after = source.lineStarts[last + 1]
        enable = textEdit(document, after..<after, indentation(first) + "plainlint-enable \(rule)" + lineBreak)
      } else {
        enable = textEdit(
          document, bytes.count..<bytes.count, lineBreak + indentation(first) + "plainlint-enable \(rule)" + lineBreak)
      }
      return (
        "Switch off \(rule) in this paragraph",
        [textEdit(document, start..<start, indentation(first) + "plainlint-disable \(rule)" + lineBreak), enable]
      )
    }
  }

  /// The line break a text uses (its first), or `\n`.
  static func lineBreak(in bytes: [UInt8]) -> String {
    guard let index = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
    if bytes[index] == 0x0D { return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? "\r\n" : "\r" }
    return "\n"
  }

  // MARK: - Commands

  /// Runs `workspace/executeCommand`.
  func executeCommand(_ params: JSON) throws -> JSON {
    guard params["command"].string == Commands.accept else {
      throw ResponseError(ErrorCode.invalidParams, "plainlint has no command \(params["command"].string ?? "")")
    }
    let argument = params["arguments"].array?.first ?? .null
    guard let uri = argument["uri"].string, let term = argument["term"].string,
      !term.trimmingCharacters(in: .whitespaces).isEmpty
    else {
      throw ResponseError(ErrorCode.invalidParams, "\(Commands.accept) needs [{uri, term}]")
    }
    try accept(term, for: uri)
    return .null
  }

  /// The configuration file a document's accepted words go in: the one in force, or a new one in its
  /// workspace folder (or its own folder).
  func configurationFile(for uri: String) -> String {
    if let config = settings.config { return config }
    let path = documents[uri]?.path ?? documentPath(uri)
    if let configuration = currentConfiguration(), let found = configuration.finder.resolve(file: path).configuration {
      return FileSystem.absolute(found.path, from: FileSystem.currentFolder())
    }
    let folder = workspaceFolders.filter { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
      .max { $0.count < $1.count } ?? FileSystem.parent(of: path)
    return (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/" + configurationFileName
  }
}
