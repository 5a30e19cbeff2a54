import PlainLintDriver

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A table printed as Markdown, with columns padded so it also reads well in a terminal.
struct Table {
  /// The column titles.
  var headers: [String]
  /// The rows, each with one cell per column.
  var rows: [[String]] = []
  /// Which columns are numbers (right-aligned).
  var numeric: Set<Int> = []

  /// Creates a table with some columns; columns from `firstNumeric` on are right-aligned.
  init(_ headers: [String], firstNumeric: Int = 1) {
    self.headers = headers
    numeric = Set(firstNumeric..<headers.count)
  }

  /// Adds a row.
  mutating func add(_ cells: [String]) {
    precondition(cells.count == headers.count, "a row needs one cell per column")
    rows.append(cells)
  }

  /// The table as Markdown text, ending with a newline.
  func render() -> String {
    var widths = headers.map(\.unicodeScalars.count)
    for row in rows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.unicodeScalars.count) }
    }
    /// One row with its cells padded to the column widths.
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { column, cell in
        let fill = String(repeating: " ", count: widths[column] - cell.unicodeScalars.count)
        return numeric.contains(column) ? fill + cell : cell + fill
      }
      return "| " + padded.joined(separator: " | ") + " |\n"
    }
    let rule = widths.enumerated().map { column, width in
      numeric.contains(column) ? String(repeating: "-", count: width - 1) + ":" : String(repeating: "-", count: width)
    }
    return line(headers) + "| " + rule.joined(separator: " | ") + " |\n" + rows.map(line).joined()
  }
}

/// Number formatting without Foundation.
enum Format {
  /// `value` with `decimals` digits after the point, rounded half away from zero.
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "n/a" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((abs(value) * scale).rounded())
    let sign = value < 0 && scaled != 0 ? "-" : ""
    let whole = scaled / Int(scale)
    guard decimals > 0 else { return sign + String(whole) }
    let fraction = String(scaled % Int(scale))
    return sign + String(whole) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
  }

  /// A whole number with commas between thousands (12,345,678).
  static func grouped(_ value: Int) -> String {
    let digits = Array(String(abs(value)))
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return (value < 0 ? "-" : "") + out
  }

  /// Megabytes (10^6 bytes) per second.
  static func megabytesPerSecond(bytes: Int, seconds: Double) -> String {
    fixed(Double(bytes) / 1e6 / seconds, 1)
  }

  /// Milliseconds, with two decimals.
  static func milliseconds(_ seconds: Double) -> String {
    fixed(seconds * 1000, 2)
  }

  /// A 64-bit number in hexadecimal, 16 digits.
  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

/// What the report says about the machine: enough to tell whether two sets of numbers are comparable.
enum Machine {
  /// The date and time now, in UTC (2025-11-22 03:04 UTC).
  static func date() -> String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    var buffer = [CChar](repeating: 0, count: 64)
    let length = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M UTC", &parts)
    return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Lines describing the processor, core count, memory and load.
  static func summary() -> [String] {
    var lines: [String] = []
    let cpuinfo = System.readText("/proc/cpuinfo")
    if let model = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let colon = model.firstIndex(of: ":")
    {
      lines.append("cpu: " + model[model.index(after: colon)...].drop(while: { $0 == " " }))
    }
    lines.append("online cores: \(sysconf(Int32(_SC_NPROCESSORS_ONLN)))")
    let meminfo = System.readText("/proc/meminfo")
    if let total = meminfo.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }) {
      let kilobytes = Int(total.split(separator: " ").dropFirst().first ?? "") ?? 0
      lines.append("memory: \(Format.fixed(Double(kilobytes) / 1_048_576, 1)) GiB")
    }
    let load = System.readText("/proc/loadavg").split(separator: " ").prefix(3).joined(separator: " ")
    if !load.isEmpty { lines.append("load average (1, 5, 15 min) at start: \(load)") }
    return lines
  }
}

/// Writes a line to standard output at once, unbuffered, so it interleaves well with progress on standard error.
func say(_ text: String = "") {
  writeAll(text + "\n", to: 1)
}

/// Writes a progress line to standard error.
func progress(_ text: String) {
  writeAll("… " + text + "\n", to: 2)
}

