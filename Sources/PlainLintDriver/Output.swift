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
