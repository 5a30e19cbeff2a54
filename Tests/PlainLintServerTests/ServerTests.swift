import Foundation
import Testing

@testable import PlainLintServer

@Suite("The language server: lifecycle and protocol")
struct LifecycleTests {
  @Test("initialize answers serverInfo and capabilities; utf-16 unless the client offers another")
  func initialize() {
    let session = Session()
    let result = session.sent.first { $0["id"] == 1 }!["result"]
    #expect(result["serverInfo"]["name"] == "plainlint")
    #expect(result["capabilities"]["positionEncoding"] == "utf-16")
    #expect(result["capabilities"]["textDocumentSync"]["change"] == 2)
    #expect(result["capabilities"]["hoverProvider"] == true)
    #expect(result["capabilities"]["codeActionProvider"]["codeActionKinds"] == ["quickfix"])
    #expect(result["capabilities"]["diagnosticProvider"].isNull)
    for (offered, chosen) in [(["utf-8", "utf-16"], "utf-8"), (["utf-32"], "utf-32"), (["latin-1"], "utf-16")] {
      let other = Session(capabilities: ["general": ["positionEncodings": .array(offered.map { .string($0) })]])
      #expect(other.sent.first!["result"]["capabilities"]["positionEncoding"] == .string(chosen))
    }
  }

  @Test("requests before initialize get -32002, unknown methods -32601, a second initialize an error")
  func errors() {
    var sent: [JSON] = []
    let server = LanguageServer(send: { sent.append($0) }, ruleDocumentation: RuleDocumentation(folder: nil))
    server.handle([.body(Array(#"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{}}"#.utf8))])
    #expect(sent.last?["error"]["code"] == -32002)
    #expect(sent.last?["id"] == 7)
    let session = Session()
    #expect(session.request("plainlint/unknown", [:])["error"]["code"] == -32601)
    #expect(session.request("initialize", ["capabilities": [:]])["error"]["code"] == -32600)
  }

  @Test("malformed frames and JSON get an error or a log line and the server goes on")
  func malformed() {
    let session = Session()
    session.server.handle([.body(Array("{not json".utf8))])
    #expect(session.sent.last?["error"]["code"] == -32700)
    session.server.handle([.malformed("a message header without a valid Content-Length")])
    #expect(session.sent.last?["method"] == "window/logMessage")
    session.server.handle([.body(Array("[1, 2]".utf8))])
    #expect(session.sent.last?["error"]["code"] == -32600)
    #expect(session.request("shutdown", nil)["result"].isNull)
    #expect(session.request("textDocument/hover", [:])["error"]["code"] == -32600)
    session.notify("exit", nil)
    #expect(session.server.exitCode == 0)
  }

  @Test("exit without shutdown is exit code 1, and so is the end of input")
  func exitCodes() {
    let session = Session()
    session.notify("exit", nil)
    #expect(session.server.exitCode == 1)
    let other = Session()
    other.server.handle([.endOfInput])
    #expect(other.server.exitCode == 1)
  }

  @Test("a request cancelled before it is handled gets -32800")
  func cancel() {
    let session = Session()
    session.open("file:///nowhere/a.md", "Some text.")
    session.batch([
      ["jsonrpc": "2.0", "id": 40, "method": "textDocument/hover",
        "params": ["textDocument": ["uri": "file:///nowhere/a.md"], "position": position(0, 1)]],
      ["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 40]],
    ])
    #expect(session.sent.last { $0["id"] == 40 }?["error"]["code"] == -32800)
  }
}

@Suite("Frames")
struct FrameTests {
  func frames(_ chunks: [String]) -> [Frame] {
    var parser = FrameParser()
    var found: [Frame] = []
    for chunk in chunks {
      Array(chunk.utf8).withUnsafeBytes { parser.append($0) }
      while let frame = parser.next() { found.append(frame) }
    }
    return found
  }

  func bodies(_ frames: [Frame]) -> [String] {
    frames.compactMap { if case .body(let bytes) = $0 { String(decoding: bytes, as: UTF8.self) } else { nil } }
  }

  @Test("frames split anywhere are put together; other headers are allowed")
  func split() {
    let message = "Content-Length: 10\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"a\":\"é\"}"
    let whole = Array(message.utf8)
    for cut in 1..<whole.count {
      var parser = FrameParser()
      var found: [Frame] = []
      whole[..<cut].withUnsafeBytes { parser.append($0) }
      while let frame = parser.next() { found.append(frame) }
      whole[cut...].withUnsafeBytes { parser.append($0) }
      while let frame = parser.next() { found.append(frame) }
      #expect(bodies(found) == ["{\"a\":\"é\"}"], "cut at \(cut)")
    }
    #expect(bodies(frames([message + message])).count == 2)
  }

  @Test("a header without Content-Length is reported and skipped")
  func badHeader() {
    let found = frames(["Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}"])
    guard case .malformed(let text)? = found.first else {
      Issue.record("expected a malformed frame")
      return
    }
    #expect(text.contains("Content-Length"))
    #expect(bodies(found) == ["{}"])
  }

  @Test("JSON strings are escaped and read back")
  func json() throws {
    let value: JSON = ["text": "a \"quote\"\\ \n\t\u{1} é 😀", "n": 3, "list": [true, nil, 2.5]]
    #expect(try JSON.parse(value.serialized()) == value)
  }
}
