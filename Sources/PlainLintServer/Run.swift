#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the language server on standard input and output until the client says `exit` or closes its end, and
/// returns the exit code: 0 after `shutdown`, 1 otherwise.
///
/// Standard output carries only protocol messages: the server writes to its own copy of it, and standard output
/// itself is pointed at standard error, so a stray print from anywhere cannot corrupt the stream.
public func runLanguageServer() -> Int32 {
  let output = dup(1)
  guard output >= 0 else { return 1 }
  dup2(2, 1)
  signal(SIGPIPE, SIG_IGN)
  let writer = MessageWriter(descriptor: output)
  let queue = MessageQueue()
  let server = LanguageServer(
    send: { writer.send($0) },
    log: { line in
      let text = line.hasSuffix("\n") ? line : line + "\n"
      _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress!, $0.count - 1) }
    })
  FrameReader.start(descriptor: 0, queue: queue)
  while true {
    server.handle(queue.takeAll())
    if let code = server.exitCode { return code }
  }
}
