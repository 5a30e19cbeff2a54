import PlainLintConfig
import PlainLintCore

extension LanguageServer {
  /// Adds `term` to the accepted words of the configuration file for `uri` (`ConfigEditor`: everything else in
  /// the file kept byte for byte, written atomically, refused rather than broken), then lints every open
  /// document again. A file that cannot be edited safely is left as it is, with a message saying why.
  func accept(_ term: String, for uri: String) throws {
    let path = configurationFile(for: uri)
    switch ConfigEditor.accept(term, inFileAt: path) {
    case .success(let edit):
      if case .alreadyAccepted(let written) = edit.outcome {
        showMessage("“\(term)” is already accepted in \(path) (as “\(written)”).", type: 3)
      }
      reloadEverything()
    case .failure(let problem):
      showMessage("plainlint could not add “\(term)” to the accepted words: \(problem.description)", type: 1)
      throw ResponseError(ErrorCode.internalError, problem.description)
    }
  }
}

/// Where to put a `plainlint-disable-line` comment for a finding in Markdown or HTML (see `DirectivePlacement`);
/// nil when there is no safe place on its line.
func directivePlacement(_ bytes: [UInt8], finding: Range<Int>, isHTML: Bool) -> Int? {
  DirectivePlacement.directivePlacement(in: bytes, format: isHTML ? "html" : "markdown", range: finding)
}
