import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One frame read from the client: the body of a message, or what was wrong with the frame.
package enum Frame: Sendable {
  /// A message body (JSON text, not yet parsed).
  case body([UInt8])
  /// A frame whose header could not be read; the reader has skipped past it.
  case malformed(String)
  /// The client closed its end.
  case endOfInput
}

/// Splits the byte stream from the client into frames: `Content-Length: N` and other header lines, a blank line,
/// then N bytes of body.
package struct FrameParser {
  /// Bodies larger than this are refused (and skipped) rather than held in memory.
  package static let maximumBody = 1 << 30
  private var buffer: [UInt8] = []
  private var start = 0
  /// Bytes still to skip from a refused body.
  private var skipping = 0

  package init() {}

  /// Adds bytes read from the client.
  package mutating func append(_ bytes: UnsafeRawBufferPointer) {
    var bytes = bytes
    if skipping > 0 {
      let skipped = min(skipping, bytes.count)
      skipping -= skipped
      bytes = UnsafeRawBufferPointer(rebasing: bytes[skipped...])
    }
    if start > 0 && start == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      start = 0
    } else if start > 65_536 && start * 2 > buffer.count {
      buffer.removeSubrange(0..<start)
      start = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// The next complete frame in what has been read, or nil when more bytes are needed.
  package mutating func next() -> Frame? {
    guard skipping == 0 else { return nil }
    // Find the end of the header: \r\n\r\n (a bare \n\n is accepted too).
    var index = start
    var headerEnd = -1
    var bodyStart = -1
    while index < buffer.count {
      if buffer[index] == 0x0A {
        if index + 1 < buffer.count && buffer[index + 1] == 0x0A {
          headerEnd = index
          bodyStart = index + 2
          break
        }
        if index + 2 < buffer.count && buffer[index + 1] == 0x0D && buffer[index + 2] == 0x0A {
          headerEnd = index
          bodyStart = index + 3
          break
        }
      }
      index += 1
    }
    guard headerEnd >= 0 else {
      if buffer.count - start > 8192 {
        // No blank line in 8 KB: this is not a header. Drop it and say so.
        let text = String(decoding: buffer[start..<min(buffer.count, start + 80)], as: UTF8.self)
        start = buffer.count
        return .malformed("no message header in the input starting “\(text)…”; skipped")
      }
      return nil
    }
    let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
    var length: Int?
    for line in header.split(whereSeparator: \.isNewline) {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      if name == "content-length" {
        length = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
      }
    }
    guard let length, length >= 0 else {
      start = bodyStart
      let shown = header.count > 80 ? String(header.prefix(80)) + "…" : header
      return .malformed("a message header without a valid Content-Length (“\(shown)”); skipped")
    }
    if length > FrameParser.maximumBody {
      let available = buffer.count - bodyStart
      skipping = max(0, length - available)
      start = buffer.count
      return .malformed("a message of \(length) bytes is larger than plainlint accepts (1 GB); skipped")
    }
    guard buffer.count - bodyStart >= length else { return nil }
    let body = Array(buffer[bodyStart..<bodyStart + length])
    start = bodyStart + length
    return .body(body)
  }
}

/// Frames and writes messages to the client. Safe to call from any thread.
package final class MessageWriter: @unchecked Sendable {
  private let descriptor: Int32
  private let lock = NSLock()

  /// Writes to the file descriptor `descriptor` (the server's own copy of standard output).
  package init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// Writes one message with its `Content-Length` header.
  package func send(_ message: JSON) {
    let body = message.serialized()
    var frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
    frame.append(contentsOf: body)
    lock.lock()
    defer { lock.unlock() }
    frame.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return  // The client has gone; the reader sees the end of input and the server stops.
        }
        offset += written
      }
    }
  }
}

/// Messages read by the reader thread, waiting for the server's loop.
package final class MessageQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private var frames: [Frame] = []

  package init() {}

  /// Adds a frame and wakes the server.
  package func put(_ frame: Frame) {
    condition.lock()
    frames.append(frame)
    condition.signal()
    condition.unlock()
  }

  /// Every frame waiting, after waiting for at least one.
  package func takeAll() -> [Frame] {
    condition.lock()
    defer { condition.unlock() }
    while frames.isEmpty { condition.wait() }
    let taken = frames
    frames.removeAll(keepingCapacity: true)
    return taken
  }
}

/// Reads frames from a file descriptor on its own thread and puts them on a queue, so that messages that arrive
/// while the server is busy are read together (a burst of edits is linted once, a cancellation is seen in time).
package enum FrameReader {
  /// Starts the reader thread.
  package static func start(descriptor: Int32, queue: MessageQueue) {
    let thread = Thread {
      var parser = FrameParser()
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 {
          queue.put(.endOfInput)
          return
        }
        chunk.withUnsafeBytes { parser.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        while let frame = parser.next() { queue.put(frame) }
      }
    }
    thread.stackSize = 1 << 20
    thread.start()
  }
}
