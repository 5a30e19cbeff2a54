import PlainLintCore

/// The result of linting one file: the document (for positions and source lines), its format and its findings.
public struct FileReport: Sendable {
  /// The document that was linted.
  public var document: Document
  /// The format it was read as ("text", "markdown", "html").
  public var format: String
  /// Its findings, sorted by position.
  public var findings: [Finding]
  /// Its readability figures, when it was measured.
  public var metrics: DocumentMetrics?
  /// The reading age the file aims at under the configuration in force for it, for `plainlint stats`; nil for
  /// the reporter's own.
  public var readingAgeTarget: Int?

  /// Creates a file report.
  public init(document: Document, format: String, findings: [Finding], metrics: DocumentMetrics? = nil) {
    self.document = document
    self.format = format
    self.findings = findings
    self.metrics = metrics
  }
}

/// Counts of findings by severity over a whole run.
public struct Summary: Hashable, Sendable {
  /// Files linted.
  public var files = 0
  /// Findings at each severity.
  public var errors = 0
  public var warnings = 0
  public var infos = 0

  /// Counts the findings of some file reports.
  public init(_ reports: [FileReport]) {
    files = reports.count
    for report in reports {
      for finding in report.findings {
        switch finding.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: infos += 1
        }
      }
    }
  }
}

/// A reporter turns file reports into text: a pure function, checked against golden files.
public protocol Reporter {
  /// The whole output for a run.
  func render(_ reports: [FileReport]) -> String
}
