import Foundation
import Testing

@testable import PlainLintServer

/// A server driven in-process, with every message it sends kept.
final class Session {
  var sent: [JSON] = []
  var server: LanguageServer!
  var nextID = 1

  init(
    capabilities: JSON = [:], folder: String? = nil, initializationOptions: JSON = nil,
    documentation: String? = nil
  ) {
    server = LanguageServer(
      send: { [unowned self] in self.sent.append(try! JSON.parse($0.serialized())) }, ruleDocumentation: RuleDocumentation(folder: documentation))
    var params: [String: JSON] = ["capabilities": capabilities, "initializationOptions": initializationOptions]
    if let folder { params["workspaceFolders"] = [["uri": .string(uri(folder)), "name": "w"]] }
    _ = request("initialize", .object(params))
    notify("initialized", [:])
  }

  /// Sends several messages at once (as if read together).
  func batch(_ messages: [JSON]) {
    server.handle(messages.map { .body($0.serialized()) })
  }

  /// Sends a request and returns its response.
  @discardableResult
  func request(_ method: String, _ params: JSON) -> JSON {
    let id = nextID
    nextID += 1
    batch([["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]])
    return sent.last { $0["id"] == .int(id) } ?? .null
  }

  func notify(_ method: String, _ params: JSON) {
    batch([["jsonrpc": "2.0", "method": .string(method), "params": params]])
  }

  func open(_ uri: String, _ text: String, language: String = "markdown", version: Int = 1) {
    notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": .string(uri), "languageId": .string(language), "version": .int(version),
        "text": .string(text)]])
  }

  func change(_ uri: String, version: Int, _ changes: [JSON]) {
    notify(
      "textDocument/didChange",
      ["textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": .array(changes)])
  }

  /// The notifications sent with a method, in order.
  func notifications(_ method: String) -> [JSON] {
    sent.filter { $0["method"].string == method && $0["id"].isNull }
  }

  /// The last diagnostics published for a URI.
  func diagnostics(_ uri: String) -> [JSON] {
    notifications("textDocument/publishDiagnostics").last { $0["params"]["uri"].string == uri }?["params"][
      "diagnostics"
    ].array ?? []
  }

  /// The rules of the last diagnostics published for a URI.
  func rules(_ uri: String) -> [String] {
    diagnostics(uri).compactMap { $0["code"].string }
  }
}

func uri(_ path: String) -> String { URL(fileURLWithPath: path).absoluteString }

func position(_ line: Int, _ character: Int) -> JSON { ["line": .int(line), "character": .int(character)] }

func range(_ a: (Int, Int), _ b: (Int, Int)) -> JSON { ["start": position(a.0, a.1), "end": position(b.0, b.1)] }

/// Applies text edits (in `encoding`) to a text, the way an editor does: from the last to the first.
func apply(_ edits: [JSON], to text: String, encoding: PositionEncoding = .utf16) -> String {
  var document = OpenDocument(uri: "x", path: "/x", language: .text, version: 0, text: text)
  let sorted = edits.sorted {
    let a = LSPPosition($0["range"]["start"])!
    let b = LSPPosition($1["range"]["start"])!
    return (a.line, a.character) > (b.line, b.character)
  }
  for edit in sorted {
    document.replace(
      from: LSPPosition(edit["range"]["start"])!, to: LSPPosition(edit["range"]["end"])!,
      with: edit["newText"].string!, encoding: encoding)
  }
  return String(decoding: document.bytes, as: UTF8.self)
}

/// A temporary folder, removed afterwards.
func withFolder<T>(_ body: (String) throws -> T) throws -> T {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plainlint-lsp-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  return try body(folder.resolvingSymlinksInPath().path)
}
