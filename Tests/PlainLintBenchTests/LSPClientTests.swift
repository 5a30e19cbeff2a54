import Foundation
import Testing

@testable import plainlint_bench

/// Frames `json` as the server would.
func framed(_ json: String, extraHeader: String = "") -> [UInt8] {
  Array("Content-Length: \(json.utf8.count)\r\n\(extraHeader)\r\n\(json)".utf8)
}

@Suite("LSP framing")
struct LSPFramingTests {
  @Test func messagesSplitAtEveryByteComeOutWhole() throws {
    let first = #"{"jsonrpc":"2.0","id":1,"result":{"ok":"café ✓ 👩‍⚕️"}}"#
    let second = #"{"jsonrpc":"2.0","method":"window/logMessage","params":{"type":3,"message":"hi"}}"#
    let contentType = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
    let stream = framed(first) + framed(second, extraHeader: contentType)
    for cut in 0...stream.count {
      var reader = LSPFrameReader()
      var bodies: [[UInt8]] = []
      reader.append(stream[0..<cut])
      while let body = try reader.next() { bodies.append(body) }
      reader.append(stream[cut...])
      while let body = try reader.next() { bodies.append(body) }
      #expect(bodies == [Array(first.utf8), Array(second.utf8)], "cut at \(cut)")
      #expect(reader.pendingBytes == 0)
    }
  }

  @Test func byteAtATimeAcrossManyMessagesKeepsNothingBehind() throws {
    var reader = LSPFrameReader()
    var count = 0
    for index in 0..<2_000 {
      for byte in framed(#"{"n":\#(index)}"#) {
        reader.append([byte])
        while let body = try reader.next() {
          #expect(try JSONText.decode(body)["n"] as? Int == count)
          count += 1
        }
      }
    }
    #expect(count == 2_000)
    #expect(reader.pendingBytes == 0)
  }

  @Test func headerNamesAreNotCaseSensitive() throws {
    var reader = LSPFrameReader()
    reader.append(Array("content-length:  2\r\n\r\n{}".utf8))
    #expect(try reader.next() == Array("{}".utf8))
  }

  @Test func aHeaderWithoutContentLengthIsAnError() {
    var reader = LSPFrameReader()
    reader.append(Array("Content-Type: x\r\n\r\n{}".utf8))
    #expect(throws: BenchError.self) { try reader.next() }
  }

  @Test func aBadContentLengthIsAnError() {
    var reader = LSPFrameReader()
    reader.append(Array("Content-Length: twelve\r\n\r\n{}".utf8))
    #expect(throws: BenchError.self) { try reader.next() }
  }

  @Test func outputThatIsNotFramedIsAnErrorNotAHang() {
    var reader = LSPFrameReader()
    reader.append([UInt8](repeating: UInt8(ascii: "x"), count: 9_000))
    #expect(throws: BenchError.self) { try reader.next() }
  }

  @Test func aFramedMessageReadsBack() throws {
    let body = try JSONText.encode(["jsonrpc": "2.0", "method": "initialized", "params": [:] as JSONObject])
    var reader = LSPFrameReader()
    reader.append(LSPFrameReader.frame(body))
    let back = try #require(try reader.next())
    #expect(try JSONText.decode(back)["method"] as? String == "initialized")
  }

  @Test func fileURIsEncodeWhatIsNotSafe() {
    #expect(JSONText.fileURI("/tmp/a b/ü.md") == "file:///tmp/a%20b/%C3%BC.md")
    #expect(JSONText.fileURI("/tmp/plainlint-bench.Ab12_x/lsp-1.md") == "file:///tmp/plainlint-bench.Ab12_x/lsp-1.md")
  }
}

@Suite("LSP benchmark: the server's answers")
struct LSPAnswerTests {
  /// An `initialize` result with `capabilities`.
  func result(_ capabilities: JSONObject) -> Any {
    ["capabilities": capabilities, "serverInfo": ["name": "plainlint", "version": "1.2.3"] as JSONObject] as JSONObject
  }

  @Test func aPushingIncrementalUTF16ServerIsAccepted() throws {
    let info = try LSPBenchmark.checkCapabilities(
      result(["positionEncoding": "utf-16", "textDocumentSync": ["openClose": true, "change": 2] as JSONObject]))
    #expect(info == "plainlint 1.2.3")
    // LSP's default encoding is UTF-16, and textDocumentSync may be the bare kind.
    _ = try LSPBenchmark.checkCapabilities(result(["textDocumentSync": 2]))
  }

  @Test(arguments: [
    #"{"positionEncoding": "utf-8", "textDocumentSync": 2}"#,
    #"{"textDocumentSync": {"change": 1}}"#,
    #"{"textDocumentSync": 2, "diagnosticProvider": {"identifier": "plainlint"}}"#,
    "{}",
  ])
  func aServerTheBenchCannotTimeIsRefused(capabilities: String) throws {
    let object = try JSONText.decode(Array(capabilities.utf8))
    #expect(throws: BenchError.self) { try LSPBenchmark.checkCapabilities(result(object)) }
  }

  @Test func publishedAndCommandLineDiagnosticsCompareByRuleLineAndMessage() throws {
    let published: [JSONObject] = [
      [
        "range": ["start": ["line": 4, "character": 2], "end": ["line": 4, "character": 8]] as JSONObject,
        "severity": 2, "code": "jargon", "source": "plainlint", "message": "Say “swelling”.",
      ]
    ]
    let check = #"""
      {"tool": {"name": "plainlint"}, "files": [{"path": "a.md", "format": "markdown", "diagnostics": [
        {"rule": "jargon", "severity": "warning", "message": "Say “swelling”.", "text": "oedema",
         "range": {"start": {"line": 5, "column": 3}, "end": {"line": 5, "column": 9}}, "offset": 40, "length": 6}
      ]}], "summary": {"files": 1}}
      """#
    let a = try LSPBenchmark.publishedKeys(published)
    let b = try LSPBenchmark.checkDiagnostics(Array(check.utf8))
    #expect(a == b)
    #expect(LSPBenchmark.unmatchedCount(a, b) == 0)
    #expect(LSPBenchmark.unmatchedCount(a + a, b) == 1)
    #expect(LSPBenchmark.unmatchedCount(["x"], ["y"]) == 2)
  }

  @Test func aCheckReportWithoutOneFileIsAnError() {
    #expect(throws: BenchError.self) { try LSPBenchmark.checkDiagnostics(Array(#"{"files": []}"#.utf8)) }
  }
}
