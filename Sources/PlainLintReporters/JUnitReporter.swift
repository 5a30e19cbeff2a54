import PlainLintCore

/// `--format junit`: JUnit XML, as GitLab (`artifacts:reports:junit`), Jenkins and most CI services read test
/// reports. Each linted file is a `<testsuite>`; each finding is a failing `<testcase>` named after its rule and
/// place, with the severity as the failure's `type`; a file without findings has one passing test case.
public struct JUnitReporter: Reporter {
  /// Creates the reporter.
  public init() {}

  public func render(_ reports: [FileReport]) -> String {
    let total = reports.reduce(0) { $0 + max($1.findings.count, 1) }
    let failures = reports.reduce(0) { $0 + $1.findings.count }
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"plainlint\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"0\">\n"
    for report in reports {
      let path = xmlEscaped(report.document.path)
      let tests = max(report.findings.count, 1)
      out += "  <testsuite name=\"\(path)\" tests=\"\(tests)\" failures=\"\(report.findings.count)\" errors=\"0\""
      out += " skipped=\"0\">\n"
      if report.findings.isEmpty {
        out += "    <testcase name=\"plain language\" classname=\"\(path)\" file=\"\(path)\"/>\n"
      }
      var converter = PositionConverter(report.document)
      for finding in report.findings {
        let start = converter.location(at: finding.range.lowerBound)
        let place = "\(start.line):\(start.column)"
        let rule = xmlEscaped(finding.rule)
        out += "    <testcase name=\"\(rule) at \(place)\" classname=\"\(path)\" file=\"\(path)\""
        out += " line=\"\(start.line)\">\n"
        out += "      <failure message=\"\(xmlEscaped(finding.messageWithContext))\""
        out += " type=\"\(finding.severity.rawValue)\">"
        let severity = finding.severity.rawValue
        var body = "\(report.document.path):\(place): \(severity): \(finding.messageWithContext) [\(finding.rule)]"
        if start.line == converter.location(at: finding.range.upperBound).line {
          body += "\n" + report.document.text(finding.range)
        }
        for suggestion in finding.suggestions {
          body += "\n" + suggestionLine(suggestion)
        }
        out += xmlEscaped(body, attribute: false) + "</failure>\n"
        out += "    </testcase>\n"
      }
      out += "  </testsuite>\n"
    }
    return out + "</testsuites>\n"
  }
}
