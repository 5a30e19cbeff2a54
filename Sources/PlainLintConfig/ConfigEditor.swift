import PlainLintCore
internal import Yams

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Adds a term to the top-level `accept:` list of a `.plainlint.yml`, changing nothing else in the file.
///
/// The edit is made in the text, not by writing the YAML out again, so comments, order, quoting, blank lines and
/// line endings (CRLF too) stay byte for byte. Before the new text is returned it is read back as YAML and
/// compared with the old: every other setting must be the same and `accept:` must hold what it held plus the
/// term. Anything else (a shape the editor cannot change safely, such as an alias, or a result that does not
/// read back as expected) is a `ConfigProblem` naming the line, and no text, so a broken file is never written.
public enum ConfigEditor {
  /// The new text and what happened.
  public struct AcceptEdit: Hashable, Sendable {
    /// What the edit did.
    public enum Outcome: Hashable, Sendable {
      /// The term was added.
      case added
      /// The term was already accepted (compared without regard to case), as written here: nothing changed.
      case alreadyAccepted(as: String)
    }

    /// The file's new text (the old text, unchanged, when the term was already accepted).
    public var text: String
    /// What the edit did.
    public var outcome: Outcome
  }

  /// The first line of a file the editor makes when there is none.
  public static let newFileComment = "# plainlint settings. plainlint made this file to hold the words you accepted."

  /// The text of `file` (nil when there is no file yet) with `term` added to its top-level `accept:` list.
  ///
  /// - No file: a new one, with a comment line and the list.
  /// - No `accept:`: the key and the list are added at the end of the file.
  /// - A block list: a new item after the last one, with the same indentation; an empty `accept:` (or `~`)
  ///   gets a block list; a flow list (`[a, b]`, `[]`) gets the term before its `]`; a single term written on
  ///   the key's line (`accept: oedema`) becomes a flow list.
  /// - The term already accepted (ignoring case, as the word rules do; an acronym only by an entry written as
  ///   an acronym): the text unchanged, with `.alreadyAccepted`.
  ///
  /// The term is trimmed, and written in double quotes when YAML needs them. `path` is the file's name in
  /// messages.
  public static func accepting(_ term: String, in file: String?, path: String = configurationFileName)
    throws(ConfigProblem) -> AcceptEdit
  {
    let term = trimmed(term)
    try check(term, path: path)
    let scalar = yamlScalar(term)
    guard let file else {
      let text = newFileComment + "\naccept:\n  - " + scalar + "\n"
      try verify(text, old: nil, term: term, path: path, line: nil)
      return AcceptEdit(text: text, outcome: .added)
    }
    var editor = TextEdit(file)
    let root: Node?
    do { root = try Yams.compose(yaml: file) } catch {
      // The reader says what is wrong and where, as it would when plainlint reads the file.
      var reader = ConfigReader(path: path, displayPath: path, dictionaries: DictionaryStore(currentFolder: "/"))
      let found = reader.read(Array(file.utf8)).failure?.problems.first
      throw ConfigProblem(
        path: path, line: found?.line, column: found?.column,
        message: "plainlint cannot add “\(term)” to a file that is not valid YAML; correct it first: "
          + (found?.message ?? "\(error)"))
    }
    let pairs: [(key: Node, value: Node)]
    switch root {
    case nil: pairs = []
    case .some(.mapping(let mapping)):
      pairs = Array(mapping)
      if editor.firstSignificant() == UInt8(ascii: "{") {
        throw ConfigProblem(
          path: path, line: pairs.first?.key.mark?.line,
          message: "the settings are written as one `{ … }` mapping, so plainlint cannot add “\(term)” safely; "
            + "add it to `accept:` by hand")
      }
    case .some(let node) where node.scalar != nil && node.tag.rawValue == Tag.Name.null.rawValue: pairs = []
    case .some(let node):
      throw ConfigProblem(
        path: path, line: node.mark?.line ?? 1,
        message: "the file must hold settings as `key: value` lines, so plainlint cannot add “\(term)” to it")
    }
    guard let index = pairs.firstIndex(where: { $0.key.scalar?.string == "accept" }) else {
      // No `accept:` yet: add it after everything else, at the indentation of the other keys.
      let indent = pairs.first.flatMap { editor.offset(of: $0.key.mark) }.map { editor.column(of: $0) } ?? 0
      let spaces = String(repeating: " ", count: indent)
      let last = editor.bytes.last
      let before = editor.bytes.isEmpty || last == 0x0A || last == 0x0D ? "" : editor.lineEnding
      editor.insert(
        before + spaces + "accept:" + editor.lineEnding + spaces + "  - " + scalar + editor.lineEnding,
        at: editor.bytes.count)
      return try finish(editor, old: root, term: term, path: path, line: nil)
    }
    let (key, value) = pairs[index]
    let keyLine = key.mark?.line ?? 1
    if let existing = acceptedTerms(value).first(where: { sameTerm($0, term) }) {
      return AcceptEdit(text: file, outcome: .alreadyAccepted(as: existing))
    }
    guard let keyStart = editor.offset(of: key.mark), let colon = editor.colon(afterKeyAt: keyStart) else {
      throw cannotEdit(term, line: keyLine, path: path, because: "plainlint cannot find its `accept:` key")
    }
    var at = colon + 1
    while at < editor.bytes.count && (editor.bytes[at] == 0x20 || editor.bytes[at] == 0x09) { at += 1 }
    let next = at < editor.bytes.count ? editor.bytes[at] : 0x0A
    let keyIndent = editor.column(of: keyStart)
    switch next {
    case 0x0A, 0x0D, UInt8(ascii: "#"):
      if value.sequence != nil {
        let nextKey = index + 1 < pairs.count ? pairs[index + 1].key : nil
        guard appendToBlockList(value, &editor, scalar: scalar, nextKey: nextKey) else {
          throw cannotEdit(term, line: keyLine, path: path, because: "plainlint cannot find the first `-` of its list")
        }
      } else if isNull(value) {
        // `accept:` with nothing after it: start a block list on the next line.
        let spaces = String(repeating: " ", count: keyIndent + 2)
        editor.insert(editor.lineEnding + spaces + "- " + scalar, at: editor.lineEnd(from: at))
      } else {
        throw cannotEdit(term, line: keyLine, path: path, because: "its value is not a list")
      }
    case UInt8(ascii: "["):
      guard let insertion = flowListInsertion(editor.bytes, openingAt: at) else {
        throw cannotEdit(term, line: keyLine, path: path, because: "plainlint cannot find the end of its `[…]` list")
      }
      editor.insert(insertion.separator + scalar, at: insertion.offset)
    case UInt8(ascii: "*"):
      throw cannotEdit(term, line: keyLine, path: path, because: "it is an alias (`*…`) of a list kept elsewhere")
    case UInt8(ascii: "&"):
      throw cannotEdit(term, line: keyLine, path: path, because: "it has an anchor (`&…`) others may use")
    case UInt8(ascii: "|"), UInt8(ascii: ">"):
      throw cannotEdit(term, line: keyLine, path: path, because: "it is a block of text (`|` or `>`), not a list")
    case UInt8(ascii: "{"): throw cannotEdit(term, line: keyLine, path: path, because: "its value is not a list")
    case UInt8(ascii: "!"): throw cannotEdit(term, line: keyLine, path: path, because: "it has a YAML tag (`!…`)")
    default:
      if isNull(value), let end = editor.nullToken(at: at) {
        // `accept: ~` or `accept: null`: the token goes, and a block list starts on the next line.
        let spaces = String(repeating: " ", count: keyIndent + 2)
        editor.insert(editor.lineEnding + spaces + "- " + scalar, at: editor.lineEnd(from: end))
        editor.remove(colon + 1..<end)
      } else if value.scalar != nil, !isNull(value), let end = editor.scalarEnd(from: at) {
        // One term on the key's line: it becomes a flow list.
        editor.insert("[", at: at)
        editor.insert(", " + scalar + "]", at: end)
      } else {
        throw cannotEdit(term, line: keyLine, path: path, because: "its value is not a list")
      }
    }
    return try finish(editor, old: root, term: term, path: path, line: keyLine)
  }

  /// Writes a configuration file's new text atomically, but only if the file is still as it was read: `original`
  /// is the bytes the text was made from, or nil when there was no file (then the file must still not exist).
  /// A link is followed, so the file it points to is the one replaced. On any problem nothing is written.
  public static func write(_ text: String, to path: String, original: [UInt8]?) -> Result<Void, ConfigProblem> {
    let target = resolvedLink(path)
    let display = path
    guard let original else {
      switch FileSystem.writeThroughTemporary(
        Array(text.utf8), to: target, prefix: ".plainlint-accept", replacing: false)
      {
      case .success: return .success(())
      case .failure(let error) where error.isAlreadyThere:
        return .failure(
          ConfigProblem(
            path: display, message: "the file appeared while plainlint was adding to it; nothing was written, try again"
          ))
      case .failure(let error):
        return .failure(ConfigProblem(path: display, message: "cannot write the configuration file: \(error)"))
      }
    }
    switch FileSystem.contents(of: target) {
    case .failure(let error):
      return .failure(ConfigProblem(path: display, message: "cannot read the configuration file again: \(error)"))
    case .success(let current) where current != original:
      return .failure(
        ConfigProblem(
          path: display, message: "the file changed after plainlint read it; nothing was written, try again"))
    case .success: break
    }
    switch FileSystem.writeThroughTemporary(Array(text.utf8), to: target, prefix: ".plainlint-accept", replacing: true)
    {
    case .success: return .success(())
    case .failure(let error):
      return .failure(ConfigProblem(path: display, message: "cannot write the configuration file: \(error)"))
    }
  }

  /// Reads the configuration file at `path` (none there is fine: one is made), adds `term` to its `accept:`
  /// list and writes it back atomically, unless the term was already accepted or the file changed meanwhile.
  public static func accept(_ term: String, inFileAt path: String) -> Result<AcceptEdit, ConfigProblem> {
    let original: [UInt8]?
    switch FileSystem.contents(of: resolvedLink(path)) {
    case .success(let bytes): original = bytes
    case .failure(let error) where error.isMissing: original = nil
    case .failure(let error):
      return .failure(ConfigProblem(path: path, message: "cannot read the configuration file: \(error)"))
    }
    if let original, let offset = UTF8Scalar.firstInvalidOffset(in: original) {
      let position = Document(path: path, bytes: original).location(at: offset).position
      return .failure(
        ConfigProblem(
          path: path, line: position.line, column: position.column,
          message: "the file is not valid UTF-8; save it as UTF-8 first"))
    }
    let edit: AcceptEdit
    do { edit = try accepting(term, in: original.map { String(decoding: $0, as: UTF8.self) }, path: path) } catch {
      return .failure(error)
    }
    guard edit.outcome == .added else { return .success(edit) }
    return write(edit.text, to: path, original: original).map { edit }
  }

  // MARK: Terms

  /// Refuses a term that cannot be one line of YAML text.
  private static func check(_ term: String, path: String) throws(ConfigProblem) {
    guard !term.isEmpty else { throw ConfigProblem(path: path, message: "there is no term to accept: it is empty") }
    for scalar in term.unicodeScalars where !isPrintable(scalar) {
      let code = String(scalar.value, radix: 16, uppercase: true)
      throw ConfigProblem(
        path: path,
        message: "the term “\(term)” holds a character that cannot be accepted (U+\(code)); a term is one line of "
          + "text without tabs or control characters")
    }
  }

  /// Whether a character may stand in a term: not a control character, line break or BOM.
  private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return false
    default: return true
    }
  }

  /// The words YAML reads as something other than text when written plainly.
  private static let specialWords: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]

  /// A term as a YAML scalar: plain when it is letters, digits, blanks and a few harmless marks starting with a
  /// letter; otherwise in double quotes, with `"` and `\` escaped.
  static func yamlScalar(_ term: String) -> String {
    let harmless: Set<Unicode.Scalar> = ["-", "’", "'", ".", "&", "/", "(", ")", " "]
    let scalars = term.unicodeScalars
    let plain =
      scalars.first.map(\.properties.isAlphabetic) == true
      && scalars.allSatisfy {
        $0.properties.isAlphabetic || $0.properties.numericType != nil || harmless.contains($0)
          || [.nonspacingMark, .spacingMark, .enclosingMark].contains($0.properties.generalCategory)
      } && !specialWords.contains(term.lowercased()) && !term.contains("  ")
    if plain { return term }
    var quoted = "\""
    for scalar in scalars {
      if scalar == "\"" || scalar == "\\" { quoted += "\\" }
      quoted.unicodeScalars.append(scalar)
    }
    return quoted + "\""
  }

  /// The terms an `accept:` value holds: text entries and the `term:` of mapping entries.
  private static func acceptedTerms(_ value: Node) -> [String] {
    let items: [Node] = value.sequence.map(Array.init) ?? (value.scalar != nil && !isNull(value) ? [value] : [])
    return items.compactMap { item in
      if let scalar = item.scalar, !isNull(item) { return trimmed(scalar.string) }
      return item.mapping?["term"]?.scalar.map { trimmed($0.string) }
    }
  }

  /// Whether an accepted entry already covers a term: the same letters in any case, as the word rules compare;
  /// an acronym (PALS) is accepted as an acronym only by an entry written as one.
  private static func sameTerm(_ existing: String, _ term: String) -> Bool {
    guard existing.lowercased() == term.lowercased() else { return false }
    return !isAcronym(term) || isAcronym(existing)
  }

  /// Whether a term is one acronym as the tokenizer reads acronyms (as `AcceptedTerm` decides).
  private static func isAcronym(_ text: String) -> Bool {
    let tokens = Tokenizer.tokenize(text)
    return tokens.count == 1 && tokens[0].kind == .acronym
  }

  /// Text without white space at either end, as the reader trims terms.
  private static func trimmed(_ text: String) -> String {
    String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }

  // MARK: Structure

  /// Adds an item after the last item of a block list: after the last line, before `nextKey`, that has more than
  /// blanks and a comment, with the dash at the list's own indentation. False when the list's first dash is not
  /// where YAML says.
  private static func appendToBlockList(_ list: Node, _ editor: inout TextEdit, scalar: String, nextKey: Node?) -> Bool
  {
    guard let dash = editor.offset(of: list.mark), dash < editor.bytes.count, editor.bytes[dash] == UInt8(ascii: "-"),
      let lastItem = list.sequence?.last, let lastLine = lastItem.mark?.line
    else { return false }
    // The spacing after the first dash, when its item starts on the same line.
    var gap = 1
    if let first = list.sequence?.first, let start = editor.offset(of: first.mark), start > dash,
      editor.bytes[(dash + 1)..<start].allSatisfy({ $0 == 0x20 })
    {
      gap = start - dash - 1
    }
    let stop = nextKey?.mark?.line ?? Int.max
    var line = lastLine - 1  // 0-based
    var last = line
    while line < editor.lineStarts.count && line + 1 < stop {
      if editor.hasContent(line: line) { last = line }
      line += 1
    }
    let item = String(repeating: " ", count: editor.column(of: dash)) + "-" + String(repeating: " ", count: gap)
    editor.insert(editor.lineEnding + item + scalar, at: editor.lineEnd(from: editor.lineStarts[last]))
    return true
  }

  /// Where to add an item to the flow list whose `[` is at `open`: after its last item (with `, `), after a
  /// trailing comma (with a space), or straight after the `[` of an empty list. Quotes, comments and nested
  /// brackets are skipped; nil when the list is not closed.
  static func flowListInsertion(_ bytes: [UInt8], openingAt open: Int) -> (offset: Int, separator: String)? {
    var depth = 0
    var lastSignificant = open  // the last byte of content seen at any depth
    var i = open
    while i < bytes.count {
      let b = bytes[i]
      switch b {
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if i != open { lastSignificant = i }
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth -= 1
        if depth == 0 {
          if lastSignificant == open { return (open + 1, "") }
          if bytes[lastSignificant] == UInt8(ascii: ",") { return (lastSignificant + 1, " ") }
          return (lastSignificant + 1, ", ")
        }
        lastSignificant = i
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        var j = i + 1
        while j < bytes.count {
          if b == UInt8(ascii: "\"") && bytes[j] == UInt8(ascii: "\\") {
            j += 2
            continue
          }
          if bytes[j] == b {
            if b == UInt8(ascii: "'") && j + 1 < bytes.count && bytes[j + 1] == b {
              j += 2
              continue
            }
            break
          }
          j += 1
        }
        guard j < bytes.count else { return nil }
        i = j
        lastSignificant = j
      case UInt8(ascii: "#") where i > 0 && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i - 1]):
        while i + 1 < bytes.count && bytes[i + 1] != 0x0A && bytes[i + 1] != 0x0D { i += 1 }
      case 0x20, 0x09, 0x0A, 0x0D: break
      default: lastSignificant = i
      }
      i += 1
    }
    return nil
  }

  // MARK: Checking the result

  /// Reads the edited text back and returns it if it holds what it should.
  private static func finish(_ editor: TextEdit, old: Node?, term: String, path: String, line: Int?)
    throws(ConfigProblem) -> AcceptEdit
  {
    let text = editor.text
    try verify(text, old: old, term: term, path: path, line: line)
    return AcceptEdit(text: text, outcome: .added)
  }

  /// Checks that `text` reads as `old` with `term` added at the end of its top-level `accept:` list and nothing
  /// else changed.
  private static func verify(_ text: String, old: Node?, term: String, path: String, line: Int?) throws(ConfigProblem) {
    let failure = cannotEdit(term, line: line, path: path, because: "the result did not read back as expected")
    guard let new = try? Yams.compose(yaml: text), let newPairs = new.mapping.map(Array.init) else { throw failure }
    let oldPairs = old?.mapping.map(Array.init) ?? []
    var oldAccept: [Node] = []
    var oldOthers: [(Node, Node)] = []
    for (key, value) in oldPairs {
      if key.scalar?.string == "accept" {
        oldAccept = value.sequence.map(Array.init) ?? (value.scalar != nil && !isNull(value) ? [value] : [])
      } else {
        oldOthers.append((key, value))
      }
    }
    var newAccept: [Node]? = nil
    var newOthers: [(Node, Node)] = []
    for (key, value) in newPairs {
      if key.scalar?.string == "accept" {
        newAccept = value.sequence.map(Array.init)
      } else {
        newOthers.append((key, value))
      }
    }
    guard let newAccept, newOthers.count == oldOthers.count,
      zip(newOthers, oldOthers).allSatisfy({ $0.0 == $1.0 && $0.1 == $1.1 }), newAccept.count == oldAccept.count + 1,
      Array(newAccept.dropLast()) == oldAccept, let added = newAccept.last, let scalar = added.scalar, !isNull(added),
      scalar.string == term
    else { throw failure }
  }

  /// A problem for a shape the editor does not change.
  private static func cannotEdit(_ term: String, line: Int?, path: String, because reason: String) -> ConfigProblem {
    ConfigProblem(
      path: path, line: line, column: line.map { _ in 1 },
      message: "plainlint cannot add “\(term)” to this `accept:` safely: \(reason); add it by hand")
  }

  /// Whether a node is YAML's null.
  private static func isNull(_ node: Node) -> Bool { node.scalar != nil && node.tag.rawValue == Tag.Name.null.rawValue }

  /// The file a link points to (the path itself when it is not a link or cannot be followed).
  private static func resolvedLink(_ path: String) -> String {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, let real = realpath(path, nil) else {
      return path
    }
    defer { free(real) }
    return String(cString: real)
  }
}

/// The text of a configuration file as bytes, with its line starts, and the insertions and removals made to it.
private struct TextEdit {
  /// The original bytes.
  let bytes: [UInt8]
  /// Where each line starts.
  let lineStarts: [Int]
  /// `\r\n` when the file's first line ends so, else `\n`.
  let lineEnding: String
  /// The changes, by offset in the original bytes: removals first at an offset, then insertions in order.
  private var changes: [(range: Range<Int>, text: String)] = []

  init(_ text: String) {
    bytes = Array(text.utf8)
    var starts = [0]
    var ending = "\n"
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x0D || bytes[i] == 0x0A {
        if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A {
          if starts.count == 1 { ending = "\r\n" }
          i += 1
        }
        starts.append(i + 1)
      }
      i += 1
    }
    lineStarts = starts
    lineEnding = ending
  }

  /// Inserts text at an offset of the original bytes (after anything already inserted there).
  mutating func insert(_ text: String, at offset: Int) { changes.append((offset..<offset, text)) }

  /// Removes a range of the original bytes.
  mutating func remove(_ range: Range<Int>) { changes.append((range, "")) }

  /// The text with the changes made.
  var text: String {
    var result: [UInt8] = []
    var at = 0
    let ordered = changes.enumerated().sorted {
      ($0.element.range.lowerBound, $0.element.range.isEmpty ? 1 : 0, $0.offset) < (
        $1.element.range.lowerBound, $1.element.range.isEmpty ? 1 : 0, $1.offset
      )
    }
    for (_, change) in ordered {
      result += bytes[at..<max(at, change.range.lowerBound)]
      result += change.text.utf8
      at = max(at, change.range.upperBound)
    }
    result += bytes[at...]
    return String(decoding: result, as: UTF8.self)
  }

  /// The byte offset of a YAML mark (line from 1, column from 1 in Unicode scalars; a BOM is not counted).
  func offset(of mark: Mark?) -> Int? {
    guard let mark, mark.line >= 1, mark.line <= lineStarts.count else { return nil }
    var i = lineStarts[mark.line - 1]
    if i == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    for _ in 1..<max(1, mark.column) {
      guard i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D else { return nil }
      let b = bytes[i]
      i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }
    return i <= bytes.count ? i : nil
  }

  /// The column (from 0, in bytes) of an offset on its line; indentation is spaces, so bytes are columns.
  func column(of offset: Int) -> Int {
    var start = offset
    while start > 0 && bytes[start - 1] != 0x0A && bytes[start - 1] != 0x0D { start -= 1 }
    return offset - start
  }

  /// The end of the line holding `offset`, before its line break.
  func lineEnd(from offset: Int) -> Int {
    var i = offset
    while i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
    return i
  }

  /// Whether a line (from 0) has anything but blanks and a comment.
  func hasContent(line: Int) -> Bool {
    var i = lineStarts[line]
    while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
    return i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D && bytes[i] != UInt8(ascii: "#")
  }

  /// The first byte that is not a blank, line break, BOM or comment.
  func firstSignificant() -> UInt8? {
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0A, 0x0D: i += 1
      case UInt8(ascii: "#"): i = lineEnd(from: i)
      default: return bytes[i]
      }
    }
    return nil
  }

  /// The offset of the `:` after a key that starts at `start` (plain or quoted), on the same line.
  func colon(afterKeyAt start: Int) -> Int? {
    var i = start
    if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
      let quote = bytes[i]
      i += 1
      while i < bytes.count && bytes[i] != quote && bytes[i] != 0x0A { i += 1 }
      i += 1
    } else {
      while i < bytes.count && bytes[i] != UInt8(ascii: ":") && bytes[i] != 0x0A { i += 1 }
    }
    while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
    return i < bytes.count && bytes[i] == UInt8(ascii: ":") ? i : nil
  }

  /// The end of a null written as `~` or `null` at `start`, when only blanks or a comment follow on its line.
  func nullToken(at start: Int) -> Int? {
    for token in ["~", "null", "Null", "NULL"] {
      let end = start + token.utf8.count
      guard end <= bytes.count, bytes[start..<end].elementsEqual(token.utf8) else { continue }
      if restIsBlank(from: end) { return end }
    }
    return nil
  }

  /// The end of a scalar written on one line from `start` (plain, or in single or double quotes), when only
  /// blanks or a comment follow it.
  func scalarEnd(from start: Int) -> Int? {
    let lineEnd = lineEnd(from: start)
    var end: Int
    let quote = bytes[start]
    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
      var i = start + 1
      while i < lineEnd {
        if quote == UInt8(ascii: "\"") && bytes[i] == UInt8(ascii: "\\") {
          i += 2
          continue
        }
        if bytes[i] == quote {
          if quote == UInt8(ascii: "'") && i + 1 < lineEnd && bytes[i + 1] == quote {
            i += 2
            continue
          }
          break
        }
        i += 1
      }
      guard i < lineEnd else { return nil }
      end = i + 1
    } else {
      end = start
      var i = start
      while i < lineEnd {
        if bytes[i] == UInt8(ascii: "#") && (bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09) { break }
        if bytes[i] != 0x20 && bytes[i] != 0x09 { end = i + 1 }
        i += 1
      }
    }
    return restIsBlank(from: end) ? end : nil
  }

  /// Whether only blanks, and perhaps a comment after a blank, follow `offset` on its line.
  private func restIsBlank(from offset: Int) -> Bool {
    var i = offset
    while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
    guard i < bytes.count else { return true }
    if bytes[i] == 0x0A || bytes[i] == 0x0D { return true }
    return bytes[i] == UInt8(ascii: "#") && i > offset
  }
}

extension Result {
  /// The error, if this is a failure.
  fileprivate var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
