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
  /// The prose the front end read, kept only for the reports that show the text (`plainlint report`).
  public var prose: ProseText?

  /// Whether fixes can be written into the file as text edits: not for a Word document, whose lines are
  /// paragraphs of a text plainlint wrote from it, so no suggestion is offered as an edit to the file.
  public var takesTextEdits: Bool { format != "docx" }

  /// What a line of the document is to its reader, for the text reports that name one: "paragraph" for a Word
  /// document (whose lines are its paragraphs), else "line".
  public var placeName: String { takesTextEdits ? "line" : "paragraph" }

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

  /// No files and no findings: the start of a count made file by file.
  public init() {}

  /// Counts the findings of some file reports.
  public init(_ reports: [FileReport]) {
    for report in reports { add(report) }
  }

  /// Adds the counts of another part of the run.
  public mutating func add(_ other: Summary) {
    files += other.files
    errors += other.errors
    warnings += other.warnings
    infos += other.infos
  }

  /// Adds one file and its findings to the counts.
  public mutating func add(_ report: FileReport) {
    files += 1
    for finding in report.findings {
      switch finding.severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .info: infos += 1
      }
    }
  }
}

/// A reporter turns file reports into text: a pure function, checked against golden files.
public protocol Reporter {
  /// The whole output for a run.
  func render(_ reports: [FileReport]) -> String
}

/// A reporter whose output is a head, a piece per file (each independent of the others) and a tail that needs only
/// the counts: the pieces can be written on several threads at once (`--jobs`) and written out as soon as each
/// file and those before it are done, and the output is the same as `render`'s.
public protocol FileByFileReporter: Reporter, Sendable {
  /// What comes before the first file.
  func head() -> [UInt8]
  /// One file's piece of the output, as UTF-8 in one or more parts.
  func piece(_ report: FileReport) -> [[UInt8]]
  /// One file's piece, offering its first parts to `spill` as they are made (see `JSONWriter.init(depth:spill:)`):
  /// the parts `spill` takes are written out already and are not in the result, which is the rest.
  func piece(_ report: FileReport, spill: @escaping ([UInt8]) -> Bool) -> [[UInt8]]
  /// What goes between two files' pieces.
  func separator() -> [UInt8]
  /// What comes after the last file, given the counts of the whole run.
  func tail(_ summary: Summary) -> [UInt8]
}

extension FileByFileReporter {
  /// The piece, all of it kept: for reporters whose pieces are small.
  public func piece(_ report: FileReport, spill: @escaping ([UInt8]) -> Bool) -> [[UInt8]] {
    piece(report)
  }

  /// The whole output for a run, the pieces written one after the other.
  public func render(_ reports: [FileReport]) -> String {
    assemble(reports.map(piece), summary: Summary(reports))
  }

  /// The whole output, from every file's piece, in order, and the counts of the run.
  public func assemble(_ pieces: [[[UInt8]]], summary: Summary) -> String {
    var parts = [head()]
    let between = separator()
    for (index, piece) in pieces.enumerated() {
      if index > 0 && !between.isEmpty { parts.append(between) }
      parts += piece
    }
    parts.append(tail(summary))
    return joinedText(parts)
  }
}

/// The size of the parts a report is kept in and written out in (1 MiB): large enough that writing a part costs
/// little, small enough that a large report is never held whole.
let reportPartSize = 1 << 20

/// Text made of UTF-8 parts, copied once into a string, with `tail` after them.
func joinedText(_ parts: [[UInt8]], tail: String = "") -> String {
  var tail = tail
  return tail.withUTF8 { tailBytes in
    let count = parts.reduce(tailBytes.count) { $0 + $1.count }
    return String(unsafeUninitializedCapacity: count) { buffer in
      var offset = 0
      for part in parts {
        _ = UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: part)
        offset += part.count
      }
      _ = UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: tailBytes)
      return count
    }
  }
}
