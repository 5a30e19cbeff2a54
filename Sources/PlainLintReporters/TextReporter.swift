import PlainLintCore

/// The default output for people: `path:line:column: severity: message [rule]`, the source lines with the
/// span underlined, any suggestions, and a closing summary.
public struct TextReporter: FileByFileReporter {
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

  /// One file's findings, each with its source lines and suggestions. Written as bytes: appending to a String
  /// bit by bit costs several times more, and a large site's report runs to many megabytes.
  public func piece(_ report: FileReport) -> [[UInt8]] {
    piece(report, spill: nil)
  }

  /// One file's findings, offering the text to `spill` a megabyte at a time at the end of a finding, until it
  /// refuses once (see `FileByFileReporter.piece(_:spill:)`).
  public func piece(_ report: FileReport, spill: @escaping ([UInt8]) -> Bool) -> [[UInt8]] {
    piece(report, spill: .some(spill))
  }

  private func piece(_ report: FileReport, spill: (([UInt8]) -> Bool)?) -> [[UInt8]] {
    var out = TextBuffer(color: color)
    var spilling = spill != nil
    var converter = PositionConverter(report.document)
    for finding in report.findings {
      let start = converter.location(at: finding.range.lowerBound)
      let end = converter.location(at: finding.range.upperBound)
      out.styled("1") { o in
        o.append(report.document.path)
        o.append(":")
        o.append(start.line)
        o.append(":")
        o.append(start.column)
        o.append(":")
      }
      out.append(" ")
      out.styled(severityColor(finding.severity)) { o in
        o.append(finding.severity.rawValue)
        o.append(":")
      }
      out.append(" ")
      out.append(finding.message)
      out.append(" ")
      out.styled("2") { o in
        o.append("[")
        o.append(finding.rule)
        o.append("]")
      }
      out.append("\n")
      if let context = finding.context {
        out.append("      ")
        out.styled("1;34") { $0.append("= in") }
        out.append(" ")
        out.append(context.description)
        out.append("\n")
      }
      snippet(report.document, finding: finding, start: start, end: end, into: &out)
      for suggestion in finding.suggestions {
        out.append("      ")
        out.styled("1;32") { $0.append("= help:") }
        out.append(" ")
        out.append(suggestion.description)
        if !suggestion.replacement.isEmpty {
          out.append(" “")
          out.append(suggestion.replacement)
          out.append("”")
        }
        out.append("\n")
      }
      out.append("\n")
      if spilling && out.bytes.count >= reportPartSize {
        if spill?(out.bytes) == true { out.removeAll() } else { spilling = false }
      }
    }
    return [out.bytes]
  }

  public func head() -> [UInt8] { [] }

  public func separator() -> [UInt8] { [] }

  /// The closing summary line.
  public func tail(_ summary: Summary) -> [UInt8] {
    Array((summaryLine(summary) + "\n").utf8)
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

  /// Writes the source lines of a finding with its span underlined: `^` under the first column, `~` after.
  private func snippet(
    _ document: Document, finding: Finding, start: SourceLocation, end: SourceLocation, into out: inout TextBuffer
  ) {
    let lastLine = max(start.line, end.column == 1 && end.line > start.line ? end.line - 1 : end.line)
    let gutterWidth = decimalDigits(lastLine)
    func gutter(_ out: inout TextBuffer) {
      out.spaces(gutterWidth + 1)
      out.styled("2") { $0.append("|") }
      out.append(" ")
    }
    let shownLast = min(lastLine, start.line + maxLinesShown - 1)
    var marks: [UInt8] = []
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
      out.spaces(gutterWidth - decimalDigits(line))
      out.styled("2") { $0.append(line) }
      out.append(" ")
      out.styled("2") { $0.append("|") }
      out.append(" ")
      marks.removeAll(keepingCapacity: true)
      if windowStart > 0 {
        out.append("…")
        marks.append(0x20)
      }
      for index in windowStart..<windowEnd {
        let scalar = scalars[index]
        // Tabs show as four spaces and control characters as �, so the marks line up on any terminal.
        if scalar == "\t" {
          out.spaces(4)
        } else if scalar.value < 0x20 || scalar.value == 0x7F {
          out.append("�")
        } else {
          out.append(scalar)
        }
        let width = scalar == "\t" ? 4 : scalarWidth(scalar)
        guard width > 0 else { continue }
        if index >= markFrom && index < max(markTo, markFrom + 1) {
          let first = index == markFrom && line == start.line
          marks.append(first ? UInt8(ascii: "^") : UInt8(ascii: "~"))
          marks.append(contentsOf: repeatElement(UInt8(ascii: "~"), count: width - 1))
        } else {
          marks.append(contentsOf: repeatElement(0x20, count: width))
        }
      }
      if windowEnd < scalars.count { out.append("…") }
      if markFrom >= scalars.count && line == start.line { marks.append(UInt8(ascii: "^")) }  // at a line's end
      while marks.last == 0x20 { marks.removeLast() }
      out.append("\n")
      gutter(&out)
      out.styled(severityColor(finding.severity)) { $0.append(bytes: marks) }
      out.append("\n")
    }
    if shownLast < lastLine {
      let more = lastLine - shownLast
      gutter(&out)
      out.styled("2") { o in
        o.append("… ")
        o.append(more)
        o.append(more == 1 ? " more line" : " more lines")
      }
      out.append("\n")
    }
  }

  /// How many digits a positive number has in decimal.
  private func decimalDigits(_ number: Int) -> Int {
    var count = 1
    var rest = number / 10
    while rest > 0 {
      count += 1
      rest /= 10
    }
    return count
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

/// The text report as it is written: UTF-8 bytes, with ANSI styles only when colour is on.
struct TextBuffer {
  /// Whether `styled` writes ANSI escapes.
  let color: Bool
  /// The bytes so far.
  private(set) var bytes: [UInt8] = []

  /// An empty buffer.
  init(color: Bool) {
    self.color = color
  }

  /// Forgets the bytes written, keeping the room they took.
  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
  }

  /// Writes a string.
  mutating func append(_ string: String) {
    var string = string
    string.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Writes a number in decimal.
  mutating func append(_ number: Int) {
    bytes.appendDecimal(number)
  }

  /// Writes one character.
  mutating func append(_ scalar: Unicode.Scalar) {
    if scalar.isASCII {
      bytes.append(UInt8(scalar.value))
    } else {
      UTF8.encode(scalar) { bytes.append($0) }
    }
  }

  /// Writes bytes that are already UTF-8.
  mutating func append(bytes more: [UInt8]) {
    bytes.append(contentsOf: more)
  }

  /// Writes `count` spaces (none when `count` is not positive).
  mutating func spaces(_ count: Int) {
    if count > 0 { bytes.append(contentsOf: repeatElement(0x20, count: count)) }
  }

  /// Writes what `body` writes, in the ANSI style `codes` when colour is on.
  mutating func styled(_ codes: String, _ body: (inout TextBuffer) -> Void) {
    if color {
      append("\u{1B}[")
      append(codes)
      append("m")
    }
    body(&self)
    if color { append("\u{1B}[0m") }
  }
}
