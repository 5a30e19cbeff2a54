import PlainLintCore

/// `--format checkstyle`: Checkstyle's XML report, as Jenkins' Warnings plugin, reviewdog (`-f=checkstyle`) and
/// other tools read it: a `<file>` per linted file, an `<error>` per finding with its line, column (Unicode scalar
/// values), severity (`error`, `warning` or `info`), message and source (`plainlint.RULE`).
public struct CheckstyleReporter: Reporter {
  /// Creates the reporter.
  public init() {}

  public func render(_ reports: [FileReport]) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
    for report in reports {
      let name = xmlEscaped(report.document.path)
      if report.findings.isEmpty {
        out += "  <file name=\"\(name)\"/>\n"
        continue
      }
      out += "  <file name=\"\(name)\">\n"
      var converter = PositionConverter(report.document)
      for finding in report.findings {
        let start = converter.location(at: finding.range.lowerBound)
        out += "    <error line=\"\(start.line)\" column=\"\(start.column)\" severity=\"\(finding.severity.rawValue)\""
        out += " message=\"\(xmlEscaped(finding.messageWithContext))\""
        out += " source=\"plainlint.\(xmlEscaped(finding.rule))\"/>\n"
      }
      out += "  </file>\n"
    }
    return out + "</checkstyle>\n"
  }
}
