import Foundation
import PlainLintReporters

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A JSON-RPC message as Foundation's `JSONSerialization` reads and writes it.
typealias JSONObject = [String: Any]

/// Splits the bytes a language server writes into messages framed by LSP's base protocol: header lines
/// (`Content-Length: N`, sometimes `Content-Type`), a blank line, then exactly N bytes of JSON.
///
/// Bytes can arrive in any pieces: a header split across two reads, several messages in one read.
struct LSPFrameReader {
  /// Bytes read and not yet handed out; the unread part starts at `start`.
  private var buffer: [UInt8] = []
  /// Where the unread bytes start in `buffer`.
  private var start = 0

  /// Creates an empty reader.
  init() {}

  /// The number of bytes waiting to be read as messages.
  var pendingBytes: Int { buffer.count - start }

  /// Adds bytes read from the server.
  mutating func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
    // Drop what has been handed out once it is most of the buffer, so a long session does not grow it.
    if start > 65_536 && start * 2 > buffer.count {
      buffer.removeSubrange(0..<start)
      start = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// The body of the next complete message, or nil when more bytes are needed.
  mutating func next() throws(BenchError) -> [UInt8]? {
    guard let headerEnd = LSPFrameReader.find([13, 10, 13, 10], in: buffer, from: start) else {
      if buffer.count - start > 8_192 {
        throw BenchError("the language server wrote 8 KB with no end of header (\\r\\n\\r\\n); is it framing messages?")
      }
      return nil
    }
    let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
    var length: Int? = nil
    for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
      guard let colon = line.firstIndex(of: ":") else {
        throw BenchError("the language server wrote a header line without a colon: '\(line)'")
      }
      let name = line[..<colon].lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if name == "content-length" {
        guard let number = Int(value), number >= 0 else {
          throw BenchError("the language server wrote a bad Content-Length: '\(value)'")
        }
        length = number
      }
    }
    guard let length else { throw BenchError("the language server wrote a header without Content-Length: '\(header)'") }
    let bodyStart = headerEnd + 4
    guard buffer.count - bodyStart >= length else { return nil }
    let body = Array(buffer[bodyStart..<(bodyStart + length)])
    start = bodyStart + length
    if start == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      start = 0
    }
    return body
  }

  /// Frames a JSON body for sending.
  static func frame(_ body: [UInt8]) -> [UInt8] {
    Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }

  /// Where `needle` first occurs in `haystack` at or after `from`.
  static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
    guard haystack.count - from >= needle.count else { return nil }
    var index = from
    let last = haystack.count - needle.count
    while index <= last {
      if haystack[index] == needle[0] {
        var matched = true
        for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
          matched = false
          break
        }
        if matched { return index }
      }
      index += 1
    }
    return nil
  }
}

/// JSON text for messages, through Foundation.
enum JSONText {
  /// `object` as compact JSON bytes.
  static func encode(_ object: JSONObject) throws(BenchError) -> [UInt8] {
    do {
      return [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes]))
    } catch {
      throw BenchError("cannot write a message as JSON: \(error)")
    }
  }

  /// The JSON object in `bytes`.
  static func decode(_ bytes: [UInt8]) throws(BenchError) -> JSONObject {
    let parsed: Any
    do {
      parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
    } catch {
      throw BenchError("the language server wrote a message that is not JSON: \(preview(bytes))")
    }
    guard let object = parsed as? JSONObject else {
      throw BenchError("the language server wrote JSON that is not an object: \(preview(bytes))")
    }
    return object
  }

  /// The start of a message, for error messages.
  static func preview(_ bytes: [UInt8]) -> String {
    let text = String(decoding: bytes.prefix(200), as: UTF8.self)
    return bytes.count > 200 ? text + "…" : text
  }

  /// A `file://` URI for an absolute path, each byte other than letters, digits and `-._~/` percent-encoded.
  static func fileURI(_ path: String) -> String {
    "file://" + uriEncoded(path)
  }
}

/// A message from the server with the moment its last byte was read (monotonic nanoseconds).
struct ReceivedMessage {
  /// The parsed message.
  var object: JSONObject
  /// When the read that completed it returned.
  var arrivedAt: UInt64
  /// The size of its body in bytes.
  var bytes: Int
}

/// A language server running as a child process, spoken to over pipes.
///
/// Both pipe ends are non-blocking: a write that would block waits in `poll` while draining what the server
/// writes, so a large message (a 1 MB `didOpen`) can never deadlock against a server that is writing too. Every
/// read is timestamped as soon as it returns, before any parsing, so the client's JSON work is never counted as
/// the server's latency. Requests from the server (`client/registerCapability`, `workspace/configuration`) are
/// answered at once; notifications other than the ones waited for are counted and dropped.
final class LanguageServerProcess {
  /// The server's process id.
  let pid: pid_t
  /// Our end of the server's standard input (-1 once closed).
  private var input: Int32
  /// Our end of the server's standard output.
  private let output: Int32
  /// Bytes read and not yet split into messages.
  private var reader = LSPFrameReader()
  /// Message bodies split out, each with when it arrived, not yet parsed.
  private var queue: [(body: [UInt8], arrivedAt: UInt64)] = []
  /// Where the next message of `queue` is.
  private var queueStart = 0
  /// The next request id.
  private var nextID = 1
  /// The exit status, once reaped.
  private(set) var exitStatus: Int32? = nil
  /// How long to wait for any one answer before giving up, in milliseconds.
  let timeoutMilliseconds: Int32
  /// Notifications and requests from the server that were not waited for, by method.
  private(set) var otherMessages: [String: Int] = [:]

  /// Starts `arguments` (the first is the program's path) with its standard error appended to `logPath`.
  init(_ arguments: [String], environment: [String], logPath: String, timeoutSeconds: Int = 120)
    throws(BenchError)
  {
    timeoutMilliseconds = Int32(timeoutSeconds * 1000)
    // A server that dies would otherwise kill the bench with SIGPIPE on the next write.
    signal(SIGPIPE, SIG_IGN)
    var toServer: [Int32] = [0, 0]
    var fromServer: [Int32] = [0, 0]
    guard pipe(&toServer) == 0, pipe(&fromServer) == 0 else {
      throw BenchError("cannot make pipes: \(String(cString: strerror(errno)))")
    }
    // Close-on-exec, so the child keeps only the ends dup2 gives it (the bench has one thread: no race here).
    for descriptor in toServer + fromServer { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toServer[0], 0)
    posix_spawn_file_actions_adddup2(&actions, fromServer[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var child = pid_t()
    let spawned = posix_spawn(&child, argv[0]!, &actions, nil, argv, envp)
    close(toServer[0])
    close(fromServer[1])
    guard spawned == 0 else {
      close(toServer[1])
      close(fromServer[0])
      throw BenchError("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    pid = child
    input = toServer[1]
    output = fromServer[0]
    _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
    _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
  }

  /// Kills and reaps the server if it is still running (after an error), and closes the pipes.
  deinit {
    if input >= 0 { close(input) }
    close(output)
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
  }

  /// Sends a notification; returns the monotonic time just before its first byte was written.
  @discardableResult
  func notify(_ method: String, _ params: JSONObject) throws(BenchError) -> UInt64 {
    try send(["jsonrpc": "2.0", "method": method, "params": params])
  }

  /// Sends a request and waits for its response; returns the result, or throws with the server's error.
  func request(_ method: String, _ params: JSONObject) throws(BenchError) -> Any {
    let id = nextID
    nextID += 1
    try send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
    let response = try waitFor("the response to \(method)") { message in
      message["method"] == nil && (message["id"] as? Int) == id
    }
    if let error = response.object["error"] as? JSONObject {
      throw BenchError("the language server answered \(method) with an error: \(error)")
    }
    return response.object["result"] ?? NSNull()
  }

  /// Sends one message; returns the monotonic time just before its first byte was written.
  @discardableResult
  func send(_ message: JSONObject) throws(BenchError) -> UInt64 {
    let bytes = LSPFrameReader.frame(try JSONText.encode(message))
    guard input >= 0 else { throw BenchError("the language server's input is already closed") }
    let start = monotonicNanoseconds()
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { write(input, $0.baseAddress! + offset, $0.count - offset) }
      if written > 0 {
        offset += written
        continue
      }
      if written < 0 && errno == EINTR { continue }
      guard written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) else {
        throw BenchError("cannot write to the language server: \(String(cString: strerror(errno)))\(exitNote())")
      }
      // The pipe is full: wait until it drains, reading what the server writes meanwhile.
      var fds = [
        pollfd(fd: input, events: Int16(POLLOUT), revents: 0), pollfd(fd: output, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, 2, timeoutMilliseconds)
      if ready < 0 && errno == EINTR { continue }
      guard ready > 0 else { throw BenchError("the language server stopped reading its input\(exitNote())") }
      if fds[1].revents != 0 { _ = try readAvailable() }
    }
    return start
  }

  /// The next message from the server that `matches`, answering server requests and dropping other messages on
  /// the way; throws after the timeout or when the server closes its output.
  func waitFor(_ what: String, _ matches: (JSONObject) throws(BenchError) -> Bool) throws(BenchError)
    -> ReceivedMessage
  {
    let deadline = monotonicNanoseconds() + UInt64(timeoutMilliseconds) * 1_000_000
    while true {
      while queueStart < queue.count {
        let (body, arrivedAt) = queue[queueStart]
        queue[queueStart].body = []
        queueStart += 1
        if queueStart == queue.count {
          queue.removeAll(keepingCapacity: true)
          queueStart = 0
        }
        let object = try JSONText.decode(body)
        if try matches(object) { return ReceivedMessage(object: object, arrivedAt: arrivedAt, bytes: body.count) }
        try handleOther(object)
      }
      let now = monotonicNanoseconds()
      guard now < deadline else {
        throw BenchError("no \(what) from the language server within \(timeoutMilliseconds / 1000) s\(exitNote())")
      }
      var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
      let ready = poll(&fds, 1, Int32(min(Int(timeoutMilliseconds), Int((deadline - now) / 1_000_000) + 1)))
      if ready < 0 && errno != EINTR {
        throw BenchError("poll failed: \(String(cString: strerror(errno)))")
      }
      if ready > 0 {
        guard try readAvailable() else {
          throw BenchError("the language server closed its output while the bench waited for \(what)\(exitNote())")
        }
      }
    }
  }

  /// Reads everything the server has written so far, timestamps it and splits it into messages; false at the end
  /// of its output.
  private func readAvailable() throws(BenchError) -> Bool {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var gotAny = false
    while true {
      let got = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress!, $0.count) }
      if got > 0 {
        gotAny = true
        reader.append(chunk[0..<got])
        let arrivedAt = monotonicNanoseconds()
        while let body = try reader.next() { queue.append((body, arrivedAt)) }
        continue
      }
      if got < 0 && errno == EINTR { continue }
      if got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return true }
      if got < 0 { throw BenchError("cannot read from the language server: \(String(cString: strerror(errno)))") }
      return gotAny  // end of output: true once more when this call still read something
    }
  }

  /// Answers a request from the server (so it is never left waiting) and counts a notification not waited for.
  private func handleOther(_ message: JSONObject) throws(BenchError) {
    let method = message["method"] as? String ?? "(response)"
    otherMessages[method, default: 0] += 1
    guard let id = message["id"], message["method"] != nil else { return }
    var result: Any = NSNull()
    if method == "workspace/configuration",
      let items = (message["params"] as? JSONObject)?["items"] as? [Any]
    {
      result = [Any](repeating: NSNull(), count: items.count)
    }
    try send(["jsonrpc": "2.0", "id": id, "result": result])
  }

  /// `shutdown`, then `exit`, then waits for the process; returns its exit status (-signal when killed).
  func shutdown(waitSeconds: Int = 30) throws(BenchError) -> Int32 {
    _ = try request("shutdown", [:])
    try send(["jsonrpc": "2.0", "method": "exit"])
    close(input)
    input = -1
    let deadline = monotonicNanoseconds() + UInt64(waitSeconds) * 1_000_000_000
    while true {
      var status: Int32 = 0
      let reaped = waitpid(pid, &status, WNOHANG)
      if reaped == pid {
        // WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out.
        exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : -(status & 0x7F)
        return exitStatus!
      }
      if reaped < 0 && errno != EINTR { throw BenchError("waitpid failed: \(String(cString: strerror(errno)))") }
      guard monotonicNanoseconds() < deadline else {
        throw BenchError("the language server did not exit within \(waitSeconds) s of `exit`")
      }
      // Keep draining its output so it cannot block writing a last message.
      _ = try? readAvailable()
      usleep(2_000)
    }
  }

  /// The server's resident memory now and at its peak, in KiB, from /proc/PID/status.
  func memory() throws(BenchError) -> (residentKiB: Int, peakKiB: Int) {
    let status = System.readText("/proc/\(pid)/status")
    /// The number of kB on the line that starts with `key`.
    func field(_ key: String) -> Int? {
      guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return nil }
      return line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
    }
    guard let resident = field("VmRSS:"), let peak = field("VmHWM:") else {
      throw BenchError("cannot read VmRSS and VmHWM from /proc/\(pid)/status")
    }
    return (resident, peak)
  }

  /// ", and it has exited with N" when the server is gone, for error messages.
  private func exitNote() -> String {
    var status: Int32 = 0
    guard exitStatus == nil, waitpid(pid, &status, WNOHANG) == pid else { return "" }
    exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : -(status & 0x7F)
    return exitStatus! < 0 ? " (it was killed by signal \(-exitStatus!))" : " (it has exited with \(exitStatus!))"
  }
}
