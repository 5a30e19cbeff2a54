import Foundation
import PlainLintConfig
import PlainLintCore
import PlainLintDriver
import PlainLintRules

/// JSON-RPC and LSP error codes.
package enum ErrorCode {
  package static let parseError = -32700
  package static let invalidRequest = -32600
  package static let methodNotFound = -32601
  package static let invalidParams = -32602
  package static let internalError = -32603
  package static let serverNotInitialized = -32002
  package static let requestCancelled = -32800
}

/// A request that cannot be answered, with the JSON-RPC error to send back.
package struct ResponseError: Error {
  package var code: Int
  package var message: String

  package init(_ code: Int, _ message: String) {
    self.code = code
    self.message = message
  }
}

/// The language server: the state of a session and the handling of each message. It does no I/O of its own:
/// messages come in through `handle(_:)` and go out through `send`, so tests drive it directly.
///
/// One thread runs it. Messages that arrive together are handled in order, and the documents they changed are
/// then linted once each: a burst of keystrokes costs one lint, and the diagnostics carry the last version.
package final class LanguageServer {
  /// Where messages to the client go.
  let send: (JSON) -> Void
  /// Where log lines go besides `window/logMessage` (standard error when run as a program).
  let log: (String) -> Void

  enum State { case waiting, running, shutDown }
  var state = State.waiting
  /// The exit code, once `exit` has been received.
  package private(set) var exitCode: Int32?

  var encoding = PositionEncoding.utf16
  var pullDiagnostics = false
  var watchRegistration = false
  var configurationPull = false
  /// Whether hovers are Markdown (the client says it shows Markdown, or says nothing) or plain text.
  var hoverMarkdown = true
  /// The client's workspace folders, as paths.
  var workspaceFolders: [String] = []
  /// The settings from the editor, like the command line's.
  var settings = EditorSettings()
  /// The configuration files and linters; remade when a configuration file or the settings change.
  var configuration: RunConfiguration?
  /// The configuration files whose problems were published, so that fixing them clears the diagnostics.
  var configProblemURIs: Set<String> = []
  /// The last configuration problem shown in a message, so that one problem is shown once.
  var shownProblem: String?
  /// The open documents, by URI.
  var documents: [String: OpenDocument] = [:]
  /// Documents to lint (and push) once the current messages have been handled.
  var dirty: Set<String> = []
  /// The number of the next request to the client.
  var nextRequest = 1
  /// What each request sent to the client was for.
  var pendingRequests: [Int: String] = [:]
  /// Where rule explanations are written for the diagnostics' links.
  let ruleDocumentation: RuleDocumentation

  /// Creates a server that sends messages with `send`.
  package init(
    send: @escaping (JSON) -> Void, log: @escaping (String) -> Void = { _ in },
    ruleDocumentation: RuleDocumentation = RuleDocumentation()
  ) {
    self.send = send
    self.log = log
    self.ruleDocumentation = ruleDocumentation
  }

  // MARK: - Messages in

  /// Handles messages read together, then lints and publishes what they changed.
  package func handle(_ frames: [Frame]) {
    var cancelled: Set<JSON> = []
    var messages: [JSON] = []
    for frame in frames {
      switch frame {
      case .endOfInput:
        // The client is gone: stop as `exit` would.
        messages.append(["method": "exit"])
      case .malformed(let problem):
        logMessage("plainlint could not read a message: \(problem)", type: 1)
      case .body(let bytes):
        do {
          let message = try JSON.parse(bytes)
          if message["method"].string == "$/cancelRequest" { cancelled.insert(message["params"]["id"]) }
          messages.append(message)
        } catch {
          logMessage("plainlint received a message that is not JSON: \(error)", type: 1)
          respond(to: .null, error: ResponseError(ErrorCode.parseError, "the message is not valid JSON"))
        }
      }
    }
    for message in messages {
      if exitCode != nil { break }
      handle(message, cancelled: cancelled)
    }
    if exitCode == nil { lintDirty() }
  }

  /// Handles one message.
  func handle(_ message: JSON, cancelled: Set<JSON>) {
    guard case .object = message else {
      respond(to: .null, error: ResponseError(ErrorCode.invalidRequest, "a message must be a JSON object"))
      return
    }
    let id = message["id"]
    guard let method = message["method"].string else {
      // A response to one of the server's own requests.
      if let number = id.int, let purpose = pendingRequests.removeValue(forKey: number) {
        handleResponse(message, purpose: purpose)
      } else if id.isNull {
        respond(to: .null, error: ResponseError(ErrorCode.invalidRequest, "a message needs a method"))
      }
      return
    }
    let params = message["params"]
    let isRequest = message.object?["id"] != nil
    if isRequest {
      if cancelled.contains(id) {
        respond(to: id, error: ResponseError(ErrorCode.requestCancelled, "the request was cancelled"))
        return
      }
      do {
        let result = try request(method, params)
        send(["jsonrpc": "2.0", "id": id, "result": result])
      } catch let error as ResponseError {
        respond(to: id, error: error)
      } catch {
        respond(to: id, error: ResponseError(ErrorCode.internalError, "\(error)"))
      }
    } else {
      notification(method, params)
    }
  }

  /// Answers a request.
  func request(_ method: String, _ params: JSON) throws -> JSON {
    switch (state, method) {
    case (.waiting, "initialize"):
      return initialize(params)
    case (.waiting, _):
      throw ResponseError(ErrorCode.serverNotInitialized, "the server has not been initialised yet")
    case (.running, "initialize"):
      throw ResponseError(ErrorCode.invalidRequest, "the server is already initialised")
    case (.shutDown, _):
      throw ResponseError(ErrorCode.invalidRequest, "the server is shutting down; only exit is accepted now")
    case (.running, "shutdown"):
      state = .shutDown
      return .null
    case (.running, "textDocument/diagnostic"):
      return try pullDiagnostics(params)
    case (.running, "textDocument/hover"):
      return try hover(params)
    case (.running, "textDocument/codeAction"):
      return try codeActions(params)
    case (.running, "workspace/executeCommand"):
      return try executeCommand(params)
    default:
      throw ResponseError(ErrorCode.methodNotFound, "plainlint does not handle \(method)")
    }
  }

  /// Handles a notification. Notifications never get an answer, even when they are wrong: they are logged.
  func notification(_ method: String, _ params: JSON) {
    if method == "exit" {
      exitCode = state == .shutDown ? 0 : 1
      return
    }
    guard state == .running else {
      if state == .waiting && !method.hasPrefix("$/") { log("plainlint: \(method) before initialize, ignored") }
      return
    }
    switch method {
    case "initialized": initialized()
    case "textDocument/didOpen": didOpen(params)
    case "textDocument/didChange": didChange(params)
    case "textDocument/didClose": didClose(params)
    case "textDocument/didSave": didSave(params)
    case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
    case "workspace/didChangeConfiguration": didChangeConfiguration(params)
    case "workspace/didChangeWorkspaceFolders": didChangeWorkspaceFolders(params)
    default:
      if !method.hasPrefix("$/") { log("plainlint: notification \(method) ignored") }
    }
  }

  // MARK: - Lifecycle

  /// Answers `initialize`: the encoding, the client's features, the workspace folders and the settings.
  func initialize(_ params: JSON) -> JSON {
    state = .running
    let capabilities = params["capabilities"]
    let offered = capabilities["general"]["positionEncodings"].array?.compactMap(\.string) ?? []
    encoding = offered.lazy.compactMap(PositionEncoding.init(rawValue:)).first ?? .utf16
    pullDiagnostics = capabilities["textDocument"]["diagnostic"].object != nil
    watchRegistration = capabilities["workspace"]["didChangeWatchedFiles"]["dynamicRegistration"].bool == true
    configurationPull = capabilities["workspace"]["configuration"].bool == true
    if let formats = capabilities["textDocument"]["hover"]["contentFormat"].array?.compactMap(\.string) {
      hoverMarkdown = formats.isEmpty || formats.contains("markdown")
    }
    if let folders = params["workspaceFolders"].array {
      workspaceFolders = folders.compactMap { Self.path(fromURI: $0["uri"].string ?? "") }
    } else if let root = params["rootUri"].string.flatMap(Self.path(fromURI:)) {
      workspaceFolders = [root]
    } else if let root = params["rootPath"].string {
      workspaceFolders = [root]
    }
    applySettings(params["initializationOptions"])
    var serverCapabilities: [String: JSON] = [
      "positionEncoding": .string(encoding.rawValue),
      "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
      "hoverProvider": true,
      "codeActionProvider": ["codeActionKinds": ["quickfix"]],
      "executeCommandProvider": ["commands": [.string(Commands.accept)]],
      "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
    ]
    if pullDiagnostics {
      serverCapabilities["diagnosticProvider"] = [
        "identifier": "plainlint", "interFileDependencies": false, "workspaceDiagnostics": false,
      ]
    }
    return [
      "capabilities": .object(serverCapabilities),
      "serverInfo": ["name": "plainlint", "version": .string(plainlintVersion)],
    ]
  }

  /// After `initialized`: watch configuration files and dictionaries, and ask for the settings.
  func initialized() {
    if watchRegistration {
      sendRequest(
        "client/registerCapability",
        [
          "registrations": [
            [
              "id": "plainlint-configuration-files", "method": "workspace/didChangeWatchedFiles",
              "registerOptions": [
                "watchers": [["globPattern": .string("**/" + configurationFileName)], ["globPattern": "**/*.csv"]]
              ],
            ]
          ]
        ], purpose: "register")
    }
    requestSettings()
  }

  /// Asks the client for the `plainlint` settings, when it can answer.
  func requestSettings() {
    guard configurationPull else { return }
    sendRequest("workspace/configuration", ["items": [["section": "plainlint"]]], purpose: "configuration")
  }

  /// Handles the client's answer to one of the server's requests.
  func handleResponse(_ message: JSON, purpose: String) {
    if !message["error"].isNull {
      log("plainlint: the client refused \(purpose): \(message["error"]["message"].string ?? "")")
      return
    }
    if purpose == "configuration", let first = message["result"].array?.first, !first.isNull {
      if applySettings(first) { reloadEverything() }
    }
  }

  // MARK: - Documents

  func didOpen(_ params: JSON) {
    let item = params["textDocument"]
    guard let uri = item["uri"].string, let text = item["text"].string else {
      log("plainlint: didOpen without a uri and text, ignored")
      return
    }
    let path = documentPath(uri)
    let language = Self.language(id: item["languageId"].string ?? "", path: path)
    documents[uri] = OpenDocument(
      uri: uri, path: path, language: language, version: item["version"].int ?? 0, text: text)
    dirty.insert(uri)
  }

  func didChange(_ params: JSON) {
    guard let uri = params["textDocument"]["uri"].string, var document = documents[uri] else {
      log("plainlint: didChange for a document that is not open, ignored")
      return
    }
    for change in params["contentChanges"].array ?? [] {
      guard let text = change["text"].string else { continue }
      if change["range"].isNull {
        document.replaceAll(with: text)
      } else if let start = LSPPosition(change["range"]["start"]), let end = LSPPosition(change["range"]["end"]) {
        document.replace(from: start, to: end, with: text, encoding: encoding)
      } else {
        log("plainlint: a change with a malformed range, ignored")
      }
    }
    if let version = params["textDocument"]["version"].int { document.version = version }
    documents[uri] = document
    dirty.insert(uri)
  }

  func didClose(_ params: JSON) {
    guard let uri = params["textDocument"]["uri"].string else { return }
    documents[uri] = nil
    dirty.remove(uri)
    if !pullDiagnostics { publish(uri: uri, version: nil, diagnostics: []) }
  }

  func didSave(_ params: JSON) {
    guard let uri = params["textDocument"]["uri"].string else { return }
    // A configuration file or a dictionary saved in this editor: reload, as a file watcher would.
    if let path = Self.path(fromURI: uri), Self.isConfigurationFile(path) {
      reloadEverything()
    }
  }

  func didChangeWatchedFiles(_ params: JSON) {
    let paths = (params["changes"].array ?? []).compactMap { $0["uri"].string.flatMap(Self.path(fromURI:)) }
    if paths.isEmpty || paths.contains(where: Self.isConfigurationFile) { reloadEverything() }
  }

  func didChangeConfiguration(_ params: JSON) {
    let settings = params["settings"]
    if settings.isNull || settings.object?.isEmpty == true {
      // Clients that use pull configuration send an empty notification to say "ask again".
      requestSettings()
      return
    }
    if applySettings(settings) { reloadEverything() }
  }

  func didChangeWorkspaceFolders(_ params: JSON) {
    let removed = (params["event"]["removed"].array ?? []).compactMap { Self.path(fromURI: $0["uri"].string ?? "") }
    let added = (params["event"]["added"].array ?? []).compactMap { Self.path(fromURI: $0["uri"].string ?? "") }
    workspaceFolders.removeAll { removed.contains($0) }
    workspaceFolders.append(contentsOf: added)
    reloadEverything()
  }

  /// Forgets every configuration read and lints every open document again.
  func reloadEverything() {
    configuration = nil
    shownProblem = nil
    for uri in documents.keys { documents[uri]!.lintedVersion = nil }
    dirty.formUnion(documents.keys)
  }

  /// Whether a changed file can change what plainlint reports: a configuration file or a CSV word list.
  static func isConfigurationFile(_ path: String) -> Bool {
    path.hasSuffix("/" + configurationFileName) || path == configurationFileName || path.lowercased().hasSuffix(".csv")
  }

  // MARK: - Messages out

  func respond(to id: JSON, error: ResponseError) {
    send(["jsonrpc": "2.0", "id": id, "error": ["code": .int(error.code), "message": .string(error.message)]])
  }

  func sendNotification(_ method: String, _ params: JSON) {
    send(["jsonrpc": "2.0", "method": .string(method), "params": params])
  }

  func sendRequest(_ method: String, _ params: JSON, purpose: String) {
    let id = nextRequest
    nextRequest += 1
    pendingRequests[id] = purpose
    send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
  }

  /// Logs to standard error and to the client's log. `type`: 1 error, 2 warning, 3 info, 4 log.
  func logMessage(_ message: String, type: Int) {
    log(message)
    sendNotification("window/logMessage", ["type": .int(type), "message": .string(message)])
  }

  /// Shows a message to the user. `type`: 1 error, 2 warning, 3 info.
  func showMessage(_ message: String, type: Int) {
    log(message)
    sendNotification("window/showMessage", ["type": .int(type), "message": .string(message)])
  }

  // MARK: - Paths

  /// The path of a `file:` URI, with percent escapes decoded; nil for other schemes.
  static func path(fromURI uri: String) -> String? {
    guard uri.hasPrefix("file:"), let url = URL(string: uri), url.isFileURL else { return nil }
    let path = url.path
    return path.isEmpty ? nil : path
  }

  /// The `file:` URI of a path.
  static func uri(fromPath path: String) -> String {
    URL(fileURLWithPath: path).absoluteString
  }

  /// The path to find a document's configuration from: its own, or for an untitled document a name in the first
  /// workspace folder (or the current folder).
  func documentPath(_ uri: String) -> String {
    if let path = Self.path(fromURI: uri) { return path }
    let name = uri.split(separator: "/").last.map(String.init)?.split(separator: ":").last.map(String.init) ?? "untitled"
    let folder = workspaceFolders.first ?? FileSystem.currentFolder()
    return folder + "/" + (name.isEmpty ? "untitled" : name)
  }

  /// The format of a document: from its language identifier, or its file name, or nil when plainlint does not
  /// read documents of its kind (YAML, code…).
  static func language(id: String, path: String) -> InputLanguage? {
    switch id {
    case "markdown", "mdx": return .markdown
    case "html", "xhtml": return .html
    case "plaintext", "text": return .text
    default:
      // An editor sends text; a Word document is a ZIP archive, which no editor edits as text.
      guard let found = InputLanguage(path: path), found.isText else { return nil }
      return found
    }
  }
}

/// The commands the server runs for code actions.
package enum Commands {
  /// Adds a word to the project's accepted words.
  package static let accept = "plainlint.accept"
}
