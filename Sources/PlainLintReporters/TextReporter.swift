import PlainLintCore

/// The default output for people: `path:line:column: severity: message [rule]`, the source lines with the
/// span underlined, any suggestions, and a closing summary.
public struct TextReporter: Reporter {
  /// Whether to colour the output with ANSI escapes (only on a terminal, and never with `NO_COLOR`).
  public var color: Bool
  /// How many lines of a multi-line finding to show before eliding the rest.
  public var maxLinesShown = 3
  /// The widest a shown source line may be, in columns, before it is cut around the finding.
  public var maxLineWidth = 120

  /// Creates a text reporter.
  public init(color: Bool) {
    self.color = color
  }

  private func style(_ text: String, _ codes: String) -> String {
    color ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
  }

  private func severityColor(_ severity: Severity) -> String {
    switch severity {
    case .error: "1;31"
    case .warning: "1;33"
    case .info: "1;36"
    }
  }

  public func render(_ reports: [FileReport]) -> String {
    var out = ""
    for report in reports {
      var converter = PositionConverter(report.document)
      for finding in report.findings {
        let start = converter.location(at: finding.range.lowerBound)
        let end = converter.location(at: finding.range.upperBound)
        out += style("\(report.document.path):\(start.line):\(start.column):", "1") + " "
        out += style("\(finding.severity.rawValue):", severityColor(finding.severity)) + " "
        out += finding.message + " " + style("[\(finding.rule)]", "2") + "\n"
        out += snippet(report.document, finding: finding, start: start, end: end)
        for suggestion in finding.suggestions {
          let change = suggestion.replacement.isEmpty ? "" : " “\(suggestion.replacement)”"
          out += "      " + style("= help:", "1;32") + " \(suggestion.description)\(change)\n"
        }
        out += "\n"
      }
    }
    out += summaryLine(Summary(reports)) + "\n"
    return out
  }

  /// The closing summary: "Checked 3 files: 1 error, 2 warnings." or "Checked 1 file: no problems found."
  public func summaryLine(_ summary: Summary) -> String {
    func count(_ n: Int, _ singular: String, _ plural: String) -> String { "\(n) \(n == 1 ? singular : plural)" }
    if summary.files == 0 { return "No files were checked." }
    let files = "Checked " + count(summary.files, "file", "files")
    var parts: [String] = []
    if summary.errors > 0 { parts.append(style(count(summary.errors, "error", "errors"), severityColor(.error))) }
    if summary.warnings > 0 {
      parts.append(style(count(summary.warnings, "warning", "warnings"), severityColor(.warning)))
    }
    if summary.infos > 0 { parts.append(style(count(summary.infos, "note", "notes"), severityColor(.info))) }
    if parts.isEmpty { return files + ": no problems found." }
    return files + ": " + parts.joined(separator: ", ") + "."
  }

  /// The source lines of a finding with its span underlined: `^` under the first column, `~` after.
  func snippet(_ document: Document, finding: Finding, start: SourceLocation, end: SourceLocation) -> String {
    let lastLine = max(start.line, end.column == 1 && end.line > start.line ? end.line - 1 : end.line)
    let gutterWidth = String(lastLine).count
    let gutter = String(repeating: " ", count: gutterWidth + 1) + style("|", "2") + " "
    var out = ""
    let shownLast = min(lastLine, start.line + maxLinesShown - 1)
    for line in start.line...shownLast {
      let range = document.lineRange(line - 1)
      let scalars = Array(document.text(range).unicodeScalars)
      let markFrom = line == start.line ? start.column - 1 : 0
      let markTo = line == end.line ? end.column - 1 : scalars.count
      // Cut very long lines to a window around the start of the mark.
      var windowStart = 0
      var windowEnd = scalars.count
      if displayWidth(scalars[...]) > maxLineWidth {
        windowStart = max(0, min(markFrom - 20, scalars.count - maxLineWidth))
        windowEnd = min(scalars.count, windowStart + maxLineWidth)
      }
      var shown = ""
      var marks = ""
      if windowStart > 0 {
        shown += "…"
        marks += " "
      }
      for index in windowStart..<windowEnd {
        let scalar = scalars[index]
        // Tabs show as four spaces and control characters as �, so the marks line up on any terminal.
        let printable = scalar == "\t" ? "    " : (scalar.value < 0x20 || scalar.value == 0x7F ? "�" : String(scalar))
        let width = scalar == "\t" ? 4 : scalarWidth(scalar)
        shown += printable
        guard width > 0 else { continue }
        if index >= markFrom && index < max(markTo, markFrom + 1) {
          let first = index == markFrom && line == start.line
          marks += (first ? "^" : "~") + String(repeating: "~", count: width - 1)
        } else {
          marks += String(repeating: " ", count: width)
        }
      }
      if windowEnd < scalars.count { shown += "…" }
      if markFrom >= scalars.count && line == start.line { marks += "^" }  // a finding at the end of a line
      while marks.last == " " { marks.removeLast() }
      let number = String(line)
      out += String(repeating: " ", count: gutterWidth - number.count) + style(number, "2") + " " + style("|", "2")
        + " " + shown + "\n"
      out += gutter + style(marks, severityColor(finding.severity)) + "\n"
    }
    if shownLast < lastLine {
      let more = lastLine - shownLast
      out += gutter + style("… \(more) more line\(more == 1 ? "" : "s")", "2") + "\n"
    }
    return out
  }

  private func displayWidth(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
    scalars.reduce(0) { $0 + max(scalarWidth($1), 0) }
  }

  /// Terminal columns a scalar takes: 0 for combining marks and joiners, 2 for wide East Asian text and emoji.
  func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x300 { return 1 }  // ASCII and Latin letters: the common case, no property look-up
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0xFE0F || v == 0xFE0E { return 0 }
    if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
    {
      return 2
    }
    return 1
  }
}
