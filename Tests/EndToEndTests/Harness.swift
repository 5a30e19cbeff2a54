import Foundation
import Testing

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The fixtures folder.
let fixtures = packageRoot.appendingPathComponent("Fixtures")

/// The `plainlint` binary that `swift test` built beside the test bundle.
let plainlintBinary: URL = {
  let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  for folder in [beside, beside.deletingLastPathComponent()] {
    let candidate = folder.appendingPathComponent("plainlint")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
  }
  return packageRoot.appendingPathComponent(".build/debug/plainlint")
}()

/// What a run of the binary produced.
struct RunResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs `plainlint` with arguments in a folder, with `NO_COLOR` set and optional standard input.
func plainlint(_ arguments: [String], in folder: URL = fixtures, stdin: Data? = nil, environment: [String: String] = [:])
  throws -> RunResult
{
  var env = environment
  env["NO_COLOR"] = "1"
  return try run(plainlintBinary, arguments, in: folder, stdin: stdin, environment: env)
}

/// Runs a program with arguments in a folder, with extra environment variables and optional standard input.
func run(
  _ program: URL, _ arguments: [String], in folder: URL = fixtures, stdin: Data? = nil,
  environment: [String: String] = [:]
) throws -> RunResult {
  let process = Process()
  process.executableURL = program
  process.arguments = arguments
  process.currentDirectoryURL = folder
  var env = ProcessInfo.processInfo.environment
  for (key, value) in environment { env[key] = value }
  process.environment = env
  // Standard error goes to a file, so neither stream can fill a pipe and block the process while we read
  // the other.
  let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("plainlint-stderr-\(UUID().uuidString)")
  _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
  defer { try? FileManager.default.removeItem(at: errURL) }
  let err = try FileHandle(forWritingTo: errURL)
  let out = Pipe()
  let input = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = input
  try process.run()
  try err.close()
  if let stdin { input.fileHandleForWriting.write(stdin) }
  try input.fileHandleForWriting.close()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let errData = try Data(contentsOf: errURL)
  return RunResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

/// Compares output with an expected file in `Fixtures/expected/`. With `PLAINLINT_UPDATE_FIXTURES=1` the file
/// is written instead (then read the diff before committing it).
func expectMatchesGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let url = fixtures.appendingPathComponent("expected").appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["PLAINLINT_UPDATE_FIXTURES"] == "1" {
    try actual.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  let expected = try String(contentsOf: url, encoding: .utf8)
  #expect(actual == expected, "output differs from Fixtures/expected/\(name)", sourceLocation: sourceLocation)
}

/// A fresh temporary folder, removed when `body` returns.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plainlint-e2e-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  return try body(folder)
}

/// Writes a file, creating its folders.
func write(_ text: String, to path: String, in folder: URL) throws {
  let url = folder.appendingPathComponent(path)
  try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
  try Data(text.utf8).write(to: url)
}
