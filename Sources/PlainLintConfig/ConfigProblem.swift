import PlainLintCore

/// A problem with a configuration file, or with a dictionary it names: where it is and what to do.
public struct ConfigProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file's path, as shown to the user.
  public var path: String
  /// The line (1-based), when the problem is at a place in the file.
  public var line: Int?
  /// The column (1-based, in Unicode scalars), when the problem is at a place in the file.
  public var column: Int?
  /// What is wrong, with the bad value and the nearest valid one.
  public var message: String

  /// Creates a problem.
  public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  /// `PATH:LINE:COLUMN: error: MESSAGE`, or `PATH: error: MESSAGE` for a problem with the whole file.
  public var description: String {
    guard let line, let column else { return "\(path): error: \(message)" }
    return "\(path):\(line):\(column): error: \(message)"
  }
}

/// The configuration could not be used: every problem found, in file and line order. Nothing is linted.
public struct ConfigFailure: Error, Sendable {
  /// The problems, one line each.
  public var problems: [ConfigProblem]

  /// Creates a failure.
  public init(problems: [ConfigProblem]) {
    self.problems = problems
  }
}

/// How a bad value is followed in a message: the nearest valid value if one is close ("did you mean"), else the
/// valid values.
func nearest(_ value: String, in valid: [String], listing label: String? = nil) -> String {
  if let prefixed = valid.first(where: { !value.isEmpty && $0.lowercased().hasPrefix(value.lowercased()) }),
    prefixed != value
  {
    return "; did you mean '\(prefixed)'?"
  }
  if let close = closestMatch(to: value, in: valid) { return "; did you mean '\(close)'?" }
  return "; " + (label ?? "use") + " " + listing(valid)
}

/// `a, b or c`.
func listing(_ values: [String], conjunction: String = "or") -> String {
  switch values.count {
  case 0: return ""
  case 1: return values[0]
  default: return values.dropLast().joined(separator: ", ") + " \(conjunction) " + values.last!
  }
}
