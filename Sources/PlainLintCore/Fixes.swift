/// One change that `plainlint check --fix` makes: a range of source bytes and the text to write there.
public struct Fix: Hashable, Sendable {
  /// The UTF-8 byte range in the source file that is replaced.
  public var range: Range<Int>
  /// The text written in its place.
  public var replacement: String
  /// The finding the fix comes from.
  public var finding: Finding

  /// Creates a fix.
  public init(range: Range<Int>, replacement: String, finding: Finding) {
    self.range = range
    self.replacement = replacement
    self.finding = finding
  }
}

/// Chooses the safe fixes for a file's findings and applies them to its bytes: pure functions, no files.
///
/// A finding is fixed only when it has exactly one safe suggestion. Fixes never overlap: taken in order of where
/// they start, a fix that overlaps one already chosen is left out (its finding stays for a person). In Markdown
/// and HTML a fix is made only where the source text is the prose byte for byte (no character reference,
/// backslash escape, emphasis marker, tag or line break inside it) and the replacement needs no escaping, so
/// the markup around it stays as it was.
public enum FixPlanner {
  /// The bytes that may mean markup in Markdown or HTML source: a fix whose source range holds one is not made.
  static let markupBytes: Set<UInt8> = Set("&\\*_`<>[]~|\"\n\r".utf8)

  /// The fix a finding's one safe suggestion makes, or nil when it has none, or more than one.
  public static func safeFix(for finding: Finding) -> Fix? {
    let safe = finding.suggestions.filter(\.isSafe)
    guard safe.count == 1, !finding.range.isEmpty else { return nil }
    return Fix(range: finding.range, replacement: safe[0].replacement, finding: finding)
  }

  /// Whether a fix keeps the markup of a document in `format` ("text", "markdown", "html") as it was.
  public static func keepsMarkup(_ fix: Fix, in bytes: [UInt8], format: String) -> Bool {
    guard format != "text" else { return true }
    guard fix.range.upperBound <= bytes.count else { return false }
    if bytes[fix.range].contains(where: markupBytes.contains) { return false }
    return !fix.replacement.utf8.contains(where: markupBytes.contains)
  }

  /// The fixes to make for `findings` in a file with these bytes, in source order, none overlapping.
  public static func plan(_ findings: [Finding], bytes: [UInt8], format: String) -> [Fix] {
    let candidates = findings.enumerated().compactMap { index, finding in
      safeFix(for: finding).map { (index, $0) }
    }
    .filter { keepsMarkup($0.1, in: bytes, format: format) }
    .sorted { ($0.1.range.lowerBound, $0.0) < ($1.1.range.lowerBound, $1.0) }
    var chosen: [Fix] = []
    for (_, fix) in candidates {
      if let last = chosen.last, fix.range.lowerBound < last.range.upperBound { continue }
      if bytes[fix.range].elementsEqual(fix.replacement.utf8) { continue }
      chosen.append(fix)
    }
    return chosen
  }

  /// The bytes with the fixes made; `fixes` must be in source order and not overlap. Every byte outside the
  /// fixed ranges is copied as it was.
  public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + fixes.reduce(0) { $0 + $1.replacement.utf8.count })
    var copied = 0
    for fix in fixes {
      result.append(contentsOf: bytes[copied..<fix.range.lowerBound])
      result.append(contentsOf: fix.replacement.utf8)
      copied = fix.range.upperBound
    }
    result.append(contentsOf: bytes[copied...])
    return result
  }
}
