import PlainLintCore

/// `--format github`: GitHub Actions workflow commands, one line per finding, which GitHub shows as annotations on
/// the pull request:
///
///     ::warning file=docs/leaflet.md,line=3,col=5,endLine=3,endColumn=12,title=jargon::“utilise” is jargon…
///
/// Errors are `::error`, warnings `::warning`, infos `::notice`. Columns count Unicode scalar values and `endColumn`
/// is the last flagged column (inclusive). Paths are relative to the repository root. Values are escaped as
/// GitHub's runner reads them (`%`, CR and LF in the message; also `:` and `,` in the properties).
public struct GitHubReporter: Reporter {
  /// The repository, for paths.
  public var context: CIContext
  /// How many findings the step summary lists in full.
  public var summaryFindings = 20

  /// Creates the reporter.
  public init(context: CIContext) {
    self.context = context
  }

  public func render(_ reports: [FileReport]) -> String {
    var out = ""
    for report in reports {
      var converter = PositionConverter(report.document)
      let path = context.servicePath(report.document.path)
      for finding in report.findings {
        let start = converter.location(at: finding.range.lowerBound)
        let end = converter.location(at: finding.range.upperBound)
        // The last flagged character, inclusive: for a range that ends at a line's start, the end of the line before;
        // an empty range ends where it starts.
        var (endLine, endColumn) = (end.line, end.column - 1)
        if finding.range.isEmpty {
          (endLine, endColumn) = (start.line, start.column)
        } else if end.column == 1 {
          endLine = max(start.line, end.line - 1)
          endColumn = max(1, lineText(report.document, line: endLine).unicodeScalars.count)
        }
        let properties = [
          ("file", path), ("line", String(start.line)), ("col", String(start.column)),
          ("endLine", String(max(endLine, start.line))), ("endColumn", String(endColumn)),
          ("title", "plainlint \(finding.rule)"),
        ]
        var message = finding.messageWithContext
        for suggestion in finding.suggestions {
          message += "\n" + suggestionLine(suggestion)
        }
        out += "::" + Self.command(finding.severity) + " "
        out += properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        out += "::" + Self.escapeData(message) + "\n"
      }
    }
    return out
  }

  /// The workflow command for a severity.
  static func command(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .info: "notice"
    }
  }

  /// Escapes a command's message as the Actions runner expects.
  public static func escapeData(_ text: String) -> String {
    var out = ""
    for character in text.unicodeScalars {
      switch character {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      default: out.unicodeScalars.append(character)
      }
    }
    return out
  }

  /// Escapes a property value (`file`, `title`…): as a message, and `:` and `,` too.
  public static func escapeProperty(_ text: String) -> String {
    var out = ""
    for character in escapeData(text).unicodeScalars {
      switch character {
      case ":": out += "%3A"
      case ",": out += "%2C"
      default: out.unicodeScalars.append(character)
      }
    }
    return out
  }

  /// The Markdown summary for `GITHUB_STEP_SUMMARY`: counts by severity, by rule and by file, and the first findings
  /// with their places, with a note that GitHub shows only ten annotations of each kind per step.
  public func stepSummary(_ reports: [FileReport]) -> String {
    let summary = Summary(reports)
    var out = "## plainlint\n\n"
    let total = summary.errors + summary.warnings + summary.infos
    let files = "\(summary.files) file\(summary.files == 1 ? "" : "s")"
    if total == 0 {
      return out + "Checked \(files): no problems found.\n\n"
    }
    out += "Checked \(files): \(summary.errors) error\(summary.errors == 1 ? "" : "s"), "
    out += "\(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"), "
    out += "\(summary.infos) note\(summary.infos == 1 ? "" : "s").\n\n"
    if summary.errors > 10 || summary.warnings > 10 || summary.infos > 10 {
      out += "> GitHub shows only the first ten annotations of each kind (error, warning, notice) in a step; "
      out += "every finding is listed in the log and counted below.\n\n"
    }
    out += "| rule | findings |\n| --- | ---: |\n"
    for (rule, count) in findingsByRule(reports.flatMap(\.findings)) {
      out += "| `\(rule)` | \(count) |\n"
    }
    out += "\n| file | errors | warnings | notes |\n| --- | ---: | ---: | ---: |\n"
    for report in reports where !report.findings.isEmpty {
      let counts = Summary([report])
      out += "| \(markdownCell(context.servicePath(report.document.path))) | \(counts.errors) | \(counts.warnings) "
      out += "| \(counts.infos) |\n"
    }
    out += "\n"
    let shown = min(total, summaryFindings)
    out += total > shown ? "The first \(shown) of \(total) findings:\n\n" : "Findings:\n\n"
    out += "| place | severity | rule | message |\n| --- | --- | --- | --- |\n"
    var listed = 0
    outer: for report in reports {
      var converter = PositionConverter(report.document)
      for finding in report.findings {
        if listed == shown { break outer }
        listed += 1
        let start = converter.location(at: finding.range.lowerBound)
        let place = "\(context.servicePath(report.document.path)):\(start.line):\(start.column)"
        out += "| \(markdownCell(place)) | \(finding.severity.rawValue) | `\(finding.rule)` "
        out += "| \(markdownCell(finding.messageWithContext)) |\n"
      }
    }
    return out + "\n"
  }

  /// Text made safe for a Markdown table cell: `|` escaped, line breaks made spaces, and Markdown's
  /// punctuation escaped so a path or message shows as written.
  func markdownCell(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n", "\r": out += " "
      case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#": out += "\\" + String(scalar)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
