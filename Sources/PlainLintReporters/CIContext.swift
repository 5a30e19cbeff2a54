import PlainLintCore

/// What the formats for CI services need beyond the findings: the rules, plainlint's version, and where each
/// file sits in the repository.
public struct CIContext: Sendable {
  /// plainlint's version, written where the format has a place for it.
  public var version: String
  /// Every rule that can report, in the order they are listed (the built-in rules and the `directive` warnings).
  public var rules: [RuleDescription]
  /// The repository root as an absolute path (the nearest folder with `.git` above the current folder, or the
  /// current folder when there is none).
  public var repositoryRoot: String
  /// The current folder as an absolute path, which relative display paths start from.
  public var currentFolder: String

  /// Creates a context.
  public init(version: String, rules: [RuleDescription], repositoryRoot: String, currentFolder: String) {
    self.version = version
    self.rules = rules
    self.repositoryRoot = repositoryRoot
    self.currentFolder = currentFolder
  }

  /// A file's path relative to the repository root with `/` between names, or nil when the file is outside the
  /// repository (or is standard input without a name).
  public func repositoryPath(_ displayPath: String) -> String? {
    if displayPath == "<stdin>" { return nil }
    let absolute = normalized(displayPath.hasPrefix("/") ? displayPath : currentFolder + "/" + displayPath)
    let root = normalized(repositoryRoot)
    if root == "/" { return String(absolute.dropFirst()) }
    guard absolute.hasPrefix(root + "/") else { return nil }
    return String(absolute.dropFirst(root.count + 1))
  }

  /// The path to show a CI service: relative to the repository root when inside it, else as plainlint shows it.
  public func servicePath(_ displayPath: String) -> String {
    repositoryPath(displayPath) ?? displayPath
  }
}

/// An absolute path without `.`, `..` or repeated slashes.
func normalized(_ path: String) -> String {
  var parts: [Substring] = []
  for part in path.split(separator: "/", omittingEmptySubsequences: true) {
    if part == "." { continue }
    if part == ".." {
      if !parts.isEmpty { parts.removeLast() }
      continue
    }
    parts.append(part)
  }
  return "/" + parts.joined(separator: "/")
}

/// Identifies a finding across edits that do not touch it: a hash of its rule, its flagged text and the text of
/// its first line (both without leading and trailing white space and with runs of spaces, tabs and line breaks
/// made one space, case kept), followed by how many earlier
/// findings of the same file had the same hash. Line numbers are never part of it, so lines inserted or removed
/// elsewhere leave it unchanged.
struct Fingerprints {
  private var seen: [UInt64: Int] = [:]

  /// The fingerprint of the next finding of a file, as 16 hex digits, a colon and the occurrence (from 1).
  mutating func next(rule: String, text: String, line: String, salt: String = "") -> String {
    var hash = FNV1a()
    hash.add(salt)
    hash.add(rule)
    hash.addCollapsingWhiteSpace(text)
    hash.addCollapsingWhiteSpace(line)
    let value = hash.value
    let occurrence = (seen[value] ?? 0) + 1
    seen[value] = occurrence
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex + ":" + String(occurrence)
  }
}

/// The 64-bit FNV-1a hash: simple, stable across runs and machines (Swift's `Hasher` is seeded per process).
struct FNV1a {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Adds a string's UTF-8 bytes and a separating zero byte.
  mutating func add(_ text: String) {
    for byte in text.utf8 { mix(byte) }
    mix(0)
  }

  /// Adds a string's UTF-8 bytes as `add` does, but without leading and trailing spaces, tabs and line breaks
  /// and with each run of them inside counted as one space. Works on bytes: no string is made.
  mutating func addCollapsingWhiteSpace(_ text: String) {
    var pendingSpace = false
    var started = false
    for byte in text.utf8 {
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        pendingSpace = started
        continue
      }
      if pendingSpace { mix(0x20) }
      pendingSpace = false
      started = true
      mix(byte)
    }
    mix(0)
  }

  private mutating func mix(_ byte: UInt8) {
    value ^= UInt64(byte)
    value = value &* 0x100_0000_01b3
  }
}

/// The text of a finding's first line, without its line break.
func lineText(_ document: Document, line: Int) -> String {
  document.text(document.lineRange(line - 1))
}

/// A path as a URI reference: each name percent-encoded as UTF-8 except unreserved characters, `/` kept.
public func uriEncoded(_ path: String) -> String {
  var out = ""
  for byte in path.utf8 {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
      UInt8(ascii: "~"), UInt8(ascii: "/"):
      out.unicodeScalars.append(Unicode.Scalar(byte))
    default:
      let hex = String(byte, radix: 16, uppercase: true)
      out += "%" + (hex.count == 1 ? "0" : "") + hex
    }
  }
  return out
}

/// Escapes text for XML 1.0 attribute values (or, with `attribute` false, character data): the five special
/// characters as entities; in attributes tab and line feed as character references, so a reader keeps them; carriage
/// return always as one; and the control characters XML 1.0 cannot hold at all as U+FFFD.
public func xmlEscaped(_ text: String, attribute: Bool = true) -> String {
  let special: Set<UInt8> = [0x26, 0x3C, 0x3E, 0x22, 0x27, 0xEF]  // & < > " ' and the lead byte of U+FFFx
  if !text.utf8.contains(where: { $0 < 0x20 || special.contains($0) }) { return text }
  var out = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&apos;"
    case "\t": out += attribute ? "&#9;" : "\t"
    case "\n": out += attribute ? "&#10;" : "\n"
    case "\r": out += "&#13;"
    default:
      if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
        out += "\u{FFFD}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }
  return out
}

/// A suggestion in one line for people: its description, and the replacement when there is one.
func suggestionLine(_ suggestion: Suggestion) -> String {
  suggestion.description + (suggestion.replacement.isEmpty ? "" : ": “\(suggestion.replacement)”")
}
