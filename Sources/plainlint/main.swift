import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// Usage errors exit with 2 (not swift-argument-parser's 64), so scripts see one code for "plainlint was called
// wrongly or could not read a file".
do {
  var command = try PlainLintCommand.parseAsRoot()
  try command.run()
} catch let code as ExitCode {
  exit(code.rawValue)
} catch {
  let code = PlainLintCommand.exitCode(for: error)
  let message = PlainLintCommand.fullMessage(for: error)
  if code == .success {
    print(message)
    exit(0)
  }
  if !message.isEmpty {
    writeStandardError("plainlint: error: " + (message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message) + "\n")
  }
  exit(2)
}
