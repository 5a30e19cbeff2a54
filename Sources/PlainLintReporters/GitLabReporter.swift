import PlainLintCore

/// `--format gitlab`: GitLab's Code Quality report (`artifacts:reports:codequality`), a JSON array with one issue
/// per finding: `description`, `check_name` (the rule), `fingerprint` (unique in the report and stable when
/// unrelated lines move), `severity` in GitLab's words (error → `major`, warning → `minor`, info → `info`), and
/// `location.path` (relative to the repository root) with `lines.begin`.
public struct GitLabReporter: Reporter {
  /// The repository, for paths.
  public var context: CIContext

  /// Creates the reporter.
  public init(context: CIContext) {
    self.context = context
  }

  public func render(_ reports: [FileReport]) -> String {
    var writer = JSONWriter()
    writer.array { issues in
      for report in reports {
        var converter = PositionConverter(report.document)
        var fingerprints = Fingerprints()
        let path = context.servicePath(report.document.path)
        for finding in report.findings {
          let start = converter.location(at: finding.range.lowerBound)
          let end = converter.location(at: finding.range.upperBound)
          let fingerprint = fingerprints.next(
            rule: finding.rule, text: report.document.text(finding.range),
            line: lineText(report.document, line: start.line), salt: path)
          issues.object { issue in
            issue.string("type", "issue")
            issue.string("description", finding.messageWithContext)
            issue.string("check_name", finding.rule)
            issue.string("fingerprint", fingerprint)
            issue.string("severity", Self.severity(finding.severity))
            issue.array("categories") { c in c.string(nil, "Style") }
            issue.object("location") { location in
              location.string("path", path)
              location.object("lines") { lines in
                lines.integer("begin", start.line)
                lines.integer("end", end.column == 1 && end.line > start.line ? end.line - 1 : end.line)
              }
            }
          }
        }
      }
    }
    return writer.line()
  }

  /// GitLab's word for a severity.
  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: "major"
    case .warning: "minor"
    case .info: "info"
    }
  }
}
