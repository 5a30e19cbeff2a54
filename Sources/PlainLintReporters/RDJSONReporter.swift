import PlainLintCore

/// `--format rdjson` and `--format rdjsonl`: reviewdog's Diagnostic Format. `rdjson` is one `DiagnosticResult`
/// object; `rdjsonl` is one `Diagnostic` object per line (JSON Lines), each complete in itself.
///
/// Lines and columns are 1-based and columns count UTF-8 bytes, as reviewdog's format says; range ends are
/// exclusive. Paths are as plainlint shows them (relative to the current folder, where reviewdog runs). Every
/// suggestion becomes a reviewdog suggestion over the flagged range (an empty text removes it).
public struct RDJSONReporter: Reporter {
  /// The version, written as the source's version is not part of the format: only the name is.
  public var context: CIContext
  /// Whether to write one diagnostic per line (`rdjsonl`) instead of one object (`rdjson`).
  public var lines: Bool

  /// Creates the reporter.
  public init(context: CIContext, lines: Bool) {
    self.context = context
    self.lines = lines
  }

  public func render(_ reports: [FileReport]) -> String {
    if lines {
      var out: [UInt8] = []
      forEachDiagnostic(reports) { diagnostic in
        var writer = JSONWriter(compact: true)
        writer.value(nil, diagnostic)
        out += writer.utf8
        out.append(0x0A)
      }
      return String(decoding: out, as: UTF8.self)
    }
    var writer = JSONWriter()
    writer.object { root in
      root.object("source") { source in source.string("name", "plainlint") }
      root.array("diagnostics") { diagnostics in
        forEachDiagnostic(reports) { diagnostics.value(nil, $0) }
      }
    }
    return writer.line()
  }

  /// Calls `body` with each finding of every file, in order, as a diagnostic.
  private func forEachDiagnostic(_ reports: [FileReport], _ body: (RDJSONDiagnostic) -> Void) {
    for report in reports {
      var converter = PositionConverter(report.document)
      for finding in report.findings {
        let start = converter.location(at: finding.range.lowerBound)
        let end = converter.location(at: finding.range.upperBound)
        body(
          RDJSONDiagnostic(
            path: report.document.path, finding: finding, start: start, end: end,
            suggests: report.takesTextEdits))
      }
    }
  }
}

/// One reviewdog `Diagnostic`.
struct RDJSONDiagnostic: JSONWritable {
  var path: String
  var finding: Finding
  var start: SourceLocation
  var end: SourceLocation
  /// Whether the suggestions are offered as edits of the file (not for a Word document).
  var suggests = true

  func write(to writer: inout JSONWriter, key: String?) {
    writer.object(key) { d in
      d.string("message", finding.messageWithContext)
      d.object("location") { location in
        location.string("path", path)
        writeRange(to: &location)
      }
      d.string("severity", finding.severity.rawValue.uppercased())
      d.object("source") { source in source.string("name", "plainlint") }
      d.object("code") { code in code.string("value", finding.rule) }
      if suggests && !finding.suggestions.isEmpty {
        d.array("suggestions") { suggestions in
          for suggestion in finding.suggestions {
            suggestions.object { s in
              writeRange(to: &s)
              s.string("text", suggestion.replacement)
            }
          }
        }
      }
    }
  }

  /// The flagged range, columns in UTF-8 bytes.
  private func writeRange(to object: inout JSONWriter) {
    object.object("range") { range in
      range.object("start") { p in
        p.integer("line", start.line)
        p.integer("column", start.byteColumn)
      }
      range.object("end") { p in
        p.integer("line", end.line)
        p.integer("column", end.byteColumn)
      }
    }
  }
}
