import PlainLintCore

/// The `--format json` output: one object with the tool, every file and its diagnostics, and a summary.
///
/// The shape is a promise to users: later formats and rules add to it, never change it.
public struct JSONReporter: FileByFileReporter {
  /// The version written in `tool.version`.
  public var version: String

  /// Creates a JSON reporter.
  public init(version: String) {
    self.version = version
  }

  /// `{`, the `tool` member, and the start of `files`, as `JSONWriter` writes them.
  public func head() -> [UInt8] {
    var tool = JSONWriter(depth: 1)
    writeTool(version, to: &tool)
    return Array("{".utf8) + tool.utf8 + Array(",\n  \"files\": [".utf8)
  }

  /// One element of `files`, at the depth it has there.
  public func piece(_ report: FileReport) -> [[UInt8]] {
    var writer = JSONWriter(depth: 2)
    writer.value(nil, JSONFile(report: report))
    return writer.parts
  }

  /// One element of `files`, offering it to `spill` a megabyte at a time: a large file's report is about nine
  /// times its size.
  public func piece(_ report: FileReport, spill: @escaping ([UInt8]) -> Bool) -> [[UInt8]] {
    var writer = JSONWriter(depth: 2, spill: spill)
    writer.value(nil, JSONFile(report: report))
    return writer.parts
  }

  public func separator() -> [UInt8] { [UInt8(ascii: ",")] }

  /// The end of `files` (on a line of its own when it has any), the `summary` member, and `}`.
  public func tail(_ summary: Summary) -> [UInt8] {
    var member = JSONWriter(depth: 1)
    member.value("summary", summary)
    return Array((summary.files > 0 ? "\n  ]," : "],").utf8) + member.utf8 + Array("\n}\n".utf8)
  }
}

/// The `tool` member every JSON output starts with: plainlint's name and version.
func writeTool(_ version: String, to root: inout JSONWriter) {
  root.object("tool") { tool in
    tool.string("name", "plainlint")
    tool.string("version", version)
  }
}

/// One file in the JSON output.
struct JSONFile: JSONWritable {
  var report: FileReport

  func write(to writer: inout JSONWriter, key: String?) {
    writer.object(key) { file in
      file.string("path", report.document.path)
      file.string("format", report.format)
      file.array("diagnostics") { diagnostics in
        var converter = PositionConverter(report.document)
        for finding in report.findings {
          let start = converter.location(at: finding.range.lowerBound)
          let end = converter.location(at: finding.range.upperBound)
          diagnostics.value(
            nil,
            JSONDiagnostic(finding: finding, text: report.document.text(finding.range), start: start, end: end))
        }
      }
      if let metrics = report.metrics {
        file.value("metrics", JSONMetrics(report: report, metrics: metrics))
      }
    }
  }
}

/// Where a finding is in a Word document, as members of the object being written: `paragraph`, `heading` (null
/// before the first heading) and `quote` (the sentence).
func writeContext(_ context: FindingContext, to object: inout JSONWriter) {
  object.integer("paragraph", context.paragraph)
  if let heading = context.heading { object.string("heading", heading) } else { object.null("heading") }
  object.string("quote", context.quote)
}

/// One finding in the JSON output.
struct JSONDiagnostic: JSONWritable {
  var finding: Finding
  var text: String
  var start: SourceLocation
  var end: SourceLocation

  func write(to writer: inout JSONWriter, key: String?) {
    writer.object(key) { d in
      d.string("rule", finding.rule)
      d.string("severity", finding.severity.rawValue)
      d.string("message", finding.message)
      d.string("text", text)
      if let context = finding.context { writeContext(context, to: &d) }
      d.object("range") { range in
        range.object("start") { p in
          p.integer("line", start.line)
          p.integer("column", start.column)
        }
        range.object("end") { p in
          p.integer("line", end.line)
          p.integer("column", end.column)
        }
      }
      d.integer("offset", finding.range.lowerBound)
      d.integer("length", finding.range.count)
      d.array("suggestions") { suggestions in
        for suggestion in finding.suggestions {
          suggestions.object { s in
            s.string("replacement", suggestion.replacement)
            s.string("description", suggestion.description)
            s.boolean("safe", suggestion.isSafe)
          }
        }
      }
    }
  }
}

extension Summary: JSONWritable {
  public func write(to writer: inout JSONWriter, key: String?) {
    writer.object(key) { s in
      s.integer("files", files)
      s.integer("errors", errors)
      s.integer("warnings", warnings)
      s.integer("infos", infos)
    }
  }
}
