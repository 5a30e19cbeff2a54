/// A glob pattern for paths, compiled once and matched against many paths with no regular expression.
///
/// Paths are relative to a configuration file's folder, with `/` between folders. The pattern language:
/// - `*` matches any characters within one folder or file name (never `/`);
/// - `**` as a whole part between slashes matches any number of folders, none included (`docs/**/*.md`
///   matches `docs/a.md` and `docs/x/y/a.md`); `**` inside a name is the same as `*`;
/// - `?` matches one character (not `/`);
/// - `[abc]`, `[a-z]` match one of the characters; `[!abc]` (or `[^abc]`) one that is not listed;
/// - `{a,b}` matches either alternative (alternatives may hold globs and further braces);
/// - `\` makes the next character literal (`\*`).
///
/// A pattern matches a file when it matches the file's whole path or one of the folders above it, so `drafts`
/// and `drafts/**` both match `drafts/a.md`. A pattern ending in `/` matches folders only. A leading `/` or
/// `./` is ignored: patterns are always relative to the configuration's folder.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
  /// The pattern as written.
  public let pattern: String
  /// The pattern after brace expansion: one list of path parts per alternative.
  private let alternatives: [[Part]]
  /// Whether the pattern ended in `/`, so it matches folders only.
  private let foldersOnly: Bool

  /// One part of a pattern between slashes.
  private enum Part: Hashable, Sendable {
    /// `**`: any number of folders.
    case anyFolders
    /// A name pattern: each element matches one character, or any run of characters for `.star`.
    case name([Piece])
  }

  /// One element of a name pattern.
  private enum Piece: Hashable, Sendable {
    case character(Unicode.Scalar)
    case anyCharacter
    case star
    /// A bracket expression: its ranges, and whether it is negated (`[!…]`).
    case set([ClosedRange<Unicode.Scalar>], negated: Bool)
  }

  /// The most alternatives brace expansion may make, so a pattern cannot blow up.
  static let maximumAlternatives = 256

  public var description: String { pattern }

  /// Compiles a pattern, or says what is wrong with it.
  public init(_ pattern: String) throws(GlobError) {
    self.pattern = pattern
    var text = Array(pattern.unicodeScalars)
    if text.isEmpty {
      throw GlobError("an empty glob matches nothing; write a path or a pattern such as \"drafts/**\"")
    }
    while text.count >= 2 && text[0] == "." && text[1] == "/" { text.removeFirst(2) }
    while text.first == "/" { text.removeFirst() }
    var foldersOnly = false
    while text.count > 1 && text.last == "/" && text[text.count - 2] != "\\" {
      text.removeLast()
      foldersOnly = true
    }
    if text.isEmpty || text == ["/"] {
      throw GlobError("the glob matches the configuration's whole folder; name files or folders inside it")
    }
    self.foldersOnly = foldersOnly
    var expanded: [[Unicode.Scalar]] = []
    try Glob.expandBraces(text, into: &expanded)
    alternatives = try expanded.map { alternative throws(GlobError) in try Glob.parts(of: alternative) }
  }

  /// Whether the pattern matches a path (relative to the configuration's folder, `/` between folders), or one of
  /// the folders above it.
  public func matches(_ path: String) -> Bool {
    matches(GlobPath(path))
  }

  /// Whether the pattern matches a path already split into its parts (split once, matched against many globs).
  public func matches(_ path: GlobPath) -> Bool {
    let segments = path.segments
    if segments.isEmpty { return false }
    let lengths = foldersOnly ? Array(1..<segments.count) : Array(1...segments.count)
    for alternative in alternatives {
      for length in lengths where Glob.match(alternative, segments[..<length]) { return true }
    }
    return false
  }

  // MARK: Compiling

  /// Expands `{a,b}` into alternatives, checking brackets and escapes on the way.
  private static func expandBraces(_ text: [Unicode.Scalar], into result: inout [[Unicode.Scalar]]) throws(GlobError) {
    // Find the first brace group outside brackets and escapes.
    var index = 0
    var open: Int? = nil
    var depth = 0
    var commas: [Int] = []
    var close: Int? = nil
    while index < text.count {
      let c = text[index]
      if c == "\\" {
        if index + 1 >= text.count { throw GlobError("the glob ends with a lone \\; write \\\\ for a backslash") }
        index += 2
        continue
      }
      if c == "[" {
        index = try endOfBracket(text, from: index) + 1
        continue
      }
      if c == "{" {
        if depth == 0 { open = index }
        depth += 1
      } else if c == "}" && depth > 0 {
        depth -= 1
        if depth == 0 {
          close = index
          break
        }
      } else if c == "," && depth == 1 {
        commas.append(index)
      }
      index += 1
    }
    guard let open else {
      result.append(text)
      return
    }
    guard let close else { throw GlobError("'{' is never closed with '}'") }
    let prefix = Array(text[..<open])
    let suffix = Array(text[(close + 1)...])
    var starts = [open + 1]
    var ends: [Int] = []
    for comma in commas {
      ends.append(comma)
      starts.append(comma + 1)
    }
    ends.append(close)
    for (start, end) in zip(starts, ends) {
      try expandBraces(prefix + Array(text[start..<end]) + suffix, into: &result)
      if result.count > maximumAlternatives {
        throw GlobError("the braces make more than \(maximumAlternatives) alternatives; use fewer or a wider glob")
      }
    }
  }

  /// The index of the `]` that closes the bracket expression starting at `start`.
  private static func endOfBracket(_ text: [Unicode.Scalar], from start: Int) throws(GlobError) -> Int {
    var index = start + 1
    if index < text.count && (text[index] == "!" || text[index] == "^") { index += 1 }
    // A `]` straight after the opening (or after `!`) is a member, not the end.
    if index < text.count && text[index] == "]" { index += 1 }
    while index < text.count {
      if text[index] == "\\" {
        index += 2
        continue
      }
      if text[index] == "]" { return index }
      index += 1
    }
    throw GlobError("'[' is never closed with ']'; write \\[ for a literal bracket")
  }

  /// Splits one alternative (with no braces left) into path parts.
  private static func parts(of text: [Unicode.Scalar]) throws(GlobError) -> [Part] {
    var parts: [Part] = []
    var pieces: [Piece] = []
    var raw: [Unicode.Scalar] = []
    func endPart() {
      if raw == ["*", "*"] {
        // Two `**` in a row match the same as one.
        if parts.last != .anyFolders { parts.append(.anyFolders) }
      } else if !raw.isEmpty {
        parts.append(.name(pieces))
      }
      pieces = []
      raw = []
    }
    var index = 0
    while index < text.count {
      let c = text[index]
      switch c {
      case "/":
        endPart()
        index += 1
      case "\\":
        pieces.append(.character(text[index + 1]))
        raw += [c, text[index + 1]]
        index += 2
      case "*":
        if pieces.last != .star { pieces.append(.star) }
        raw.append(c)
        index += 1
      case "?":
        pieces.append(.anyCharacter)
        raw.append(c)
        index += 1
      case "[":
        let end = try endOfBracket(text, from: index)
        pieces.append(try bracket(Array(text[(index + 1)..<end])))
        raw += text[index...end]
        index = end + 1
      default:
        pieces.append(.character(c))
        raw.append(c)
        index += 1
      }
    }
    endPart()
    return parts
  }

  /// Compiles the inside of a bracket expression.
  private static func bracket(_ inner: [Unicode.Scalar]) throws(GlobError) -> Piece {
    var index = 0
    var negated = false
    if index < inner.count && (inner[index] == "!" || inner[index] == "^") {
      negated = true
      index += 1
    }
    var members: [Unicode.Scalar] = []
    while index < inner.count {
      if inner[index] == "\\" && index + 1 < inner.count { index += 1 }
      members.append(inner[index])
      index += 1
    }
    var ranges: [ClosedRange<Unicode.Scalar>] = []
    var i = 0
    while i < members.count {
      if i + 2 < members.count && members[i + 1] == "-" {
        guard members[i] <= members[i + 2] else {
          throw GlobError(
            "the range '\(members[i])-\(members[i + 2])' runs backwards; write it as "
              + "'\(members[i + 2])-\(members[i])'")
        }
        ranges.append(members[i]...members[i + 2])
        i += 3
      } else {
        ranges.append(members[i]...members[i])
        i += 1
      }
    }
    if ranges.isEmpty { throw GlobError("'[]' matches no character; put characters between the brackets") }
    return .set(ranges, negated: negated)
  }

  // MARK: Matching

  /// Whether the parts match the path segments exactly, `**` matching any number of them.
  private static func match(_ parts: [Part], _ segments: ArraySlice<[Unicode.Scalar]>) -> Bool {
    // reachable[j]: the parts so far can match the first j segments. One pass per part: O(parts × segments).
    let count = segments.count
    var reachable = [Bool](repeating: false, count: count + 1)
    reachable[0] = true
    let base = segments.startIndex
    for part in parts {
      var next = [Bool](repeating: false, count: count + 1)
      switch part {
      case .anyFolders:
        var seen = false
        for j in 0...count {
          seen = seen || reachable[j]
          next[j] = seen
        }
      case .name(let pieces):
        for j in 0..<count where reachable[j] && matchName(pieces, segments[base + j]) { next[j + 1] = true }
      }
      reachable = next
    }
    return reachable[count]
  }

  /// Whether a name pattern matches one name: the classic wildcard walk, going back to the last `*` on a
  /// mismatch.
  private static func matchName(_ pieces: [Piece], _ name: [Unicode.Scalar]) -> Bool {
    var p = 0
    var n = 0
    var starP = -1
    var starN = 0
    while n < name.count {
      if p < pieces.count {
        switch pieces[p] {
        case .star:
          starP = p
          starN = n
          p += 1
          continue
        case .anyCharacter:
          p += 1
          n += 1
          continue
        case .character(let c) where c == name[n]:
          p += 1
          n += 1
          continue
        case .set(let ranges, let negated) where ranges.contains { $0.contains(name[n]) } != negated:
          p += 1
          n += 1
          continue
        default:
          break
        }
      }
      guard starP >= 0 else { return false }
      p = starP + 1
      starN += 1
      n = starN
    }
    while p < pieces.count && pieces[p] == .star { p += 1 }
    return p == pieces.count
  }
}

/// A relative path split into its folder and file names, ready to match against globs.
public struct GlobPath: Hashable, Sendable {
  /// The names, outermost folder first.
  let segments: [[Unicode.Scalar]]

  /// Splits a path with `/` between folders.
  public init(_ path: String) {
    segments = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
  }
}

/// What is wrong with a glob pattern, in one line.
public struct GlobError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The problem and what to do.
  public var message: String

  /// Creates a glob error.
  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
