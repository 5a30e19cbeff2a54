/// A plainlint directive written in a document: a comment (`<!-- plainlint-disable jargon -->`) in Markdown or
/// HTML, or a line of its own (`plainlint-disable jargon`) in plain text.
public struct Directive: Hashable, Sendable {
  /// What a directive does.
  public enum Kind: String, CaseIterable, Sendable {
    /// Switches rules off from its line until a `plainlint-enable` (or the end of the file).
    case disable = "plainlint-disable"
    /// Switches rules back on, up to and including its line.
    case enable = "plainlint-enable"
    /// Switches rules off on the next line that has anything but blanks and directives on it.
    case disableNextLine = "plainlint-disable-next-line"
    /// Switches rules off on its own line only (every line it spans, if it runs over several). Markdown and HTML
    /// only: in plain text a directive is a line of its own, so there it switches nothing off and is a warning.
    case disableLine = "plainlint-disable-line"
    /// Switches rules off for the whole file, wherever it is written.
    case disableFile = "plainlint-disable-file"
  }

  /// What it does.
  public var kind: Kind
  /// The known rules it names, in the order written; nil when it names none, which means every rule.
  public var rules: [String]?
  /// The whole comment or line it was read from, in source bytes.
  public var range: Range<Int>

  /// Creates a directive.
  public init(kind: Kind, rules: [String]?, range: Range<Int>) {
    self.kind = kind
    self.rules = rules
    self.range = range
  }
}

/// Reads plainlint directives from a document's comments and removes the findings they switch off.
///
/// - A finding is switched off by where it starts: a long sentence that starts inside a disabled stretch is
///   switched off even if it ends after it.
/// - Stretches are whole lines: `plainlint-disable` covers from the start of its own line, and
///   `plainlint-enable` ends the stretch at the end of its own line (that line is still covered). A
///   `plainlint-disable` with no `plainlint-enable` after it runs to the end of the file; a `plainlint-enable`
///   with nothing to switch back on does nothing.
/// - `plainlint-disable-next-line` covers the next line that has anything on it other than blanks and
///   directives, so a blank line or another directive may stand between them.
/// - `plainlint-disable-line` covers its own line: in Markdown and HTML a comment at the end of the line with
///   the finding (`Text. <!-- plainlint-disable-line jargon -->`). In plain text a directive is a line of its
///   own, so it would cover nothing: it is a `directive` warning that points to `plainlint-disable-next-line`.
/// - A rule list is separated by spaces or commas; `--` ends it, and what follows is a note for people.
/// - A rule name that is not a built-in rule, and a comment or line that starts like a directive but is not one
///   (`plainlint-disabel`), are reported as `directive` warnings at the exact place of the bad word, with the
///   nearest valid word. Those warnings can never be switched off.
///
/// A document without comments costs nothing: `apply` returns the findings as they are.
public enum Suppression {
  /// The rule identifier of the warnings about directives themselves.
  public static let ruleIdentifier = "directive"
  /// What the `directive` warnings are about, in one line (for `plainlint rules`).
  public static let summary =
    "A plainlint directive in the document that cannot be read: an unknown rule name or a misspelt keyword "
    + "(never switched off)"

  /// The messages of the `directive` warnings.
  enum Message {
    /// A rule name that is not a built-in rule.
    static func unknownRule(_ name: String, suggestion: String?) -> String {
      "“\(name)” is not a plainlint rule, so this directive does not switch it off; "
        + (suggestion.map { "did you mean “\($0)”?" } ?? "`plainlint rules` lists the rules.")
    }

    /// A word that starts like a directive but is none.
    static func unknownKeyword(_ word: String, suggestion: String?) -> String {
      "“\(word)” is not a plainlint directive, so nothing is switched off; "
        + (suggestion.map { "did you mean “\($0)”?" }
          ?? "the directives are plainlint-disable, plainlint-enable, plainlint-disable-line, "
          + "plainlint-disable-next-line and plainlint-disable-file.")
    }

    /// `plainlint-disable-line` in plain text, where a directive is a line of its own.
    static let disableLineInPlainText =
      "plainlint-disable-line switches off only its own line, and in plain text a directive is a line of its "
      + "own, so nothing is switched off; write plainlint-disable-next-line on the line above the text instead."

    /// The `directive` warnings named in a directive.
    static let directiveRule =
      "Warnings about directives cannot be switched off; correct the directive they point at instead."
  }

  /// The directives in a document's comments, and a `directive` warning for each bad word in them. Comments
  /// that do not start with `plainlint` are not directives and are skipped.
  public static func directives(
    in document: Document, comments: [SourceComment], knownRules: Set<String>
  ) -> (directives: [Directive], problems: [Finding]) {
    var directives: [Directive] = []
    var problems: [Finding] = []
    for comment in comments {
      if let directive = parse(comment, in: document.bytes, knownRules: knownRules, problems: &problems) {
        directives.append(directive)
      }
    }
    return (directives, problems)
  }

  /// Reads one comment: its directive, if it is one, with a warning added to `problems` for each bad word.
  public static func parse(
    _ comment: SourceComment, in bytes: [UInt8], knownRules: Set<String>, problems: inout [Finding]
  ) -> Directive? {
    let words = Self.words(in: bytes, range: comment.text)
    guard let first = words.first else { return nil }
    let keyword = text(bytes, first)
    guard keyword.utf8.count >= 9, keyword.prefix(9).lowercased() == "plainlint" else { return nil }
    guard let kind = Directive.Kind(rawValue: keyword) else {
      // `plainlint disable` written with a space is read as the two words it was meant to be.
      var range = first
      var meant = keyword
      if keyword.lowercased() == "plainlint", words.count > 1 {
        range = first.lowerBound..<words[1].upperBound
        meant = keyword + "-" + text(bytes, words[1])
      }
      // Compared without the `plainlint` every keyword starts with, which would make any two look alike.
      var rest = meant.dropFirst(9)
      if let separator = rest.first, "-_:".contains(separator) { rest = rest.dropFirst() }
      let suggestion = closestMatch(
        to: String(rest), in: Directive.Kind.allCases.map { String($0.rawValue.dropFirst(10)) }
      ).map { "plainlint-" + $0 }
      problems.append(
        warning(
          Message.unknownKeyword(text(bytes, range), suggestion: suggestion), range: range,
          suggestion: suggestion.map { Suggestion(replacement: $0, description: "Write") }))
      return nil
    }
    if kind == .disableLine && isLineOfItsOwn(comment) {
      problems.append(
        warning(
          Message.disableLineInPlainText, range: first,
          suggestion: Suggestion(replacement: Directive.Kind.disableNextLine.rawValue, description: "Write")))
    }
    var rules: [String] = []
    var named = false
    for word in words.dropFirst() {
      let name = text(bytes, word)
      if name.hasPrefix("--") { break }  // the rest is a note for people
      if name.allSatisfy({ $0 == ">" }) { continue }  // block-quote markers of a Markdown comment over several lines
      named = true
      if knownRules.contains(name) {
        if !rules.contains(name) { rules.append(name) }
      } else if name == ruleIdentifier {
        problems.append(warning(Message.directiveRule, range: word, suggestion: nil))
      } else {
        let suggestion = closestMatch(to: name, in: knownRules.sorted())
        problems.append(
          warning(
            Message.unknownRule(name, suggestion: suggestion), range: word,
            suggestion: suggestion.map { Suggestion(replacement: $0, description: "Write") }))
      }
    }
    return Directive(kind: kind, rules: named ? rules : nil, range: comment.range)
  }

  /// The findings that the document's directives leave on, with the `directive` warnings added, sorted as the
  /// linter sorts them. `knownRules` are the identifiers a directive may name (every built-in rule, whether it is
  /// switched on or not); they are read only when the prose has comments. Returns `findings` unchanged when it
  /// has none.
  public static func apply(
    _ findings: [Finding], document: Document, prose: ProseText, knownRules: @autoclosure () -> [String]
  ) -> [Finding] {
    guard !prose.comments.isEmpty else { return findings }
    let knownRules = knownRules()
    let (directives, problems) = self.directives(
      in: document, comments: prose.comments, knownRules: Set(knownRules))
    let regions = SuppressedLines(directives: directives, document: document, knownRules: knownRules)
    var kept = regions.isEmpty ? findings : findings.filter { !regions.suppresses($0) }
    guard !problems.isEmpty else { return kept }
    kept.append(contentsOf: problems)
    kept.sort {
      ($0.range.lowerBound, $0.range.upperBound, $0.rule) < ($1.range.lowerBound, $1.range.upperBound, $1.rule)
    }
    return kept
  }

  /// Whether a comment is a plain-text directive line: such a comment has no markers, so its text is the whole of
  /// it (see `SourceComment.text`), while a Markdown or HTML comment's text is inside its `<!--` and `-->`.
  static func isLineOfItsOwn(_ comment: SourceComment) -> Bool {
    comment.range == comment.text
  }

  /// A `directive` warning.
  static func warning(_ message: String, range: Range<Int>, suggestion: Suggestion?) -> Finding {
    Finding(
      rule: ruleIdentifier, severity: .warning, message: message, range: range,
      suggestions: suggestion.map { [$0] } ?? [])
  }

  /// The words of a directive's text: runs of bytes that are not blanks or commas.
  static func words(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
    var words: [Range<Int>] = []
    var start: Int? = nil
    for i in range {
      let b = bytes[i]
      let separates = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == UInt8(ascii: ",")
      if separates {
        if let wordStart = start { words.append(wordStart..<i) }
        start = nil
      } else if start == nil {
        start = i
      }
    }
    if let wordStart = start { words.append(wordStart..<range.upperBound) }
    return words
  }

  static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }
}

/// The lines on which each rule is switched off, as closed ranges of 0-based line numbers.
struct SuppressedLines {
  /// The stretches of lines for each rule.
  private var lines: [String: [ClosedRange<Int>]] = [:]
  /// The document (for the line of a finding).
  private let document: Document

  /// Works out the stretches from directives in document order.
  init(directives: [Directive], document: Document, knownRules: [String]) {
    self.document = document
    guard !directives.isEmpty else { return }
    let last = Int.max
    /// Where each rule's open `plainlint-disable` stretch started.
    var openSince: [String: Int] = [:]
    var covered: [Range<Int>] = []
    for directive in directives { covered.append(directive.range) }
    for directive in directives {
      let rules = directive.rules ?? knownRules
      let firstLine = line(of: directive.range.lowerBound)
      let lastLine = line(of: max(directive.range.lowerBound, directive.range.upperBound - 1))
      switch directive.kind {
      case .disable:
        for rule in rules where openSince[rule] == nil { openSince[rule] = firstLine }
      case .enable:
        for rule in rules {
          if let since = openSince.removeValue(forKey: rule) { lines[rule, default: []].append(since...lastLine) }
        }
      case .disableFile:
        for rule in rules { lines[rule, default: []].append(0...last) }
      case .disableLine:
        for rule in rules { lines[rule, default: []].append(firstLine...lastLine) }
      case .disableNextLine:
        if let target = nextLineWithText(after: lastLine, document: document, directives: covered) {
          for rule in rules { lines[rule, default: []].append(target...target) }
        }
      }
    }
    for (rule, since) in openSince { lines[rule, default: []].append(since...last) }
  }

  /// Whether nothing is switched off.
  var isEmpty: Bool { lines.isEmpty }

  /// Whether a finding starts on a line where its rule is switched off.
  func suppresses(_ finding: Finding) -> Bool {
    guard finding.rule != Suppression.ruleIdentifier, let stretches = lines[finding.rule] else { return false }
    let line = line(of: finding.range.lowerBound)
    return stretches.contains { $0.contains(line) }
  }

  /// The 0-based line holding a byte offset.
  private func line(of offset: Int) -> Int {
    document.lineIndex(containing: offset)
  }

  /// The range among `ranges` (sorted, not overlapping) that holds `offset`, found by binary search.
  private func directive(containing offset: Int, in ranges: [Range<Int>]) -> Range<Int>? {
    var low = 0
    var high = ranges.count
    while low < high {
      let mid = (low + high) / 2
      if ranges[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
    }
    return low > 0 && ranges[low - 1].contains(offset) ? ranges[low - 1] : nil
  }

  /// The first line after `line` with something on it other than blanks and directives (`directives` are their
  /// source ranges, in document order), or nil.
  private func nextLineWithText(after line: Int, document: Document, directives: [Range<Int>]) -> Int? {
    let bytes = document.bytes
    var index = line + 1
    while index < document.lineCount {
      let range = document.lineRange(index)
      var i = range.lowerBound
      while i < range.upperBound {
        let b = bytes[i]
        if b == 0x20 || b == 0x09 || b == 0x0C {
          i += 1
        } else if let directive = directive(containing: i, in: directives) {
          i = directive.upperBound
        } else {
          return index
        }
      }
      index += 1
    }
    return nil
  }
}
