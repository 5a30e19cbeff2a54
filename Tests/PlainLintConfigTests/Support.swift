import Foundation
import PlainLintCore

@testable import PlainLintConfig

/// Reads configuration text as if it were `/project/.plainlint.yml`, shown as `.plainlint.yml`.
func readConfiguration(_ text: String, folder: String = "/project") -> Result<Configuration, ConfigFailure> {
  var reader = ConfigReader(
    path: folder + "/.plainlint.yml", displayPath: ".plainlint.yml",
    dictionaries: DictionaryStore(currentFolder: folder))
  return reader.read(Array(text.utf8))
}

/// The problems with configuration text, one line each as printed.
func problems(_ text: String, folder: String = "/project") -> [String] {
  switch readConfiguration(text, folder: folder) {
  case .success: return []
  case .failure(let failure): return failure.problems.map(\.description)
  }
}

/// Configuration text that must be valid.
func configuration(_ text: String, folder: String = "/project") throws -> Configuration {
  try readConfiguration(text, folder: folder).get()
}

/// A fresh temporary folder with a `.git` folder in it (so discovery stops there), removed when `body` returns.
func withProject<T>(_ body: (String) throws -> T) throws -> T {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("plainlint-config-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url.appendingPathComponent(".git"), withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: url) }
  // The real path: the temporary folder may be reached through a link.
  return try body(url.resolvingSymlinksInPath().path)
}

/// Writes a file under `folder`, creating the folders it needs.
func write(_ text: String, to path: String, in folder: String) throws {
  let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
  try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
  try Data(text.utf8).write(to: url)
}
