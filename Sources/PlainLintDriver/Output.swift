#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

import PlainLintConfig

/// Writes all of `text` to a file descriptor, carrying on after partial writes and interruptions. A closed pipe
/// (`plainlint check | head`) ends the writing quietly: nothing more can be written.
public func writeAll(_ text: String, to descriptor: Int32) {
  var text = text
  _ = text.withUTF8 { FileSystem.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
}

/// Writes bytes to standard output, where `plainlint check` streams its text and JSON reports. A closed pipe
/// ends the writing quietly, as for `writeAll`.
public let standardOutputSink: OutputSink = { bytes in
  _ = FileSystem.writeAll(bytes, to: STDOUT_FILENO)
}
