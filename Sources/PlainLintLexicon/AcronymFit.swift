/// Whether words spell out an acronym: the test behind "Patient Advice and Liaison Service (PALS)".
///
/// Every word of the expansion must give the next letter of the acronym as its first letter, and may give the
/// letters after it from inside the word, in order (electrocardiogram gives E, C and G). Small words (and, of,
/// the, for...) and numbers may be skipped. Case does not matter. This follows Schwartz and Hearst's
/// algorithm for finding abbreviation definitions (2003), made stricter so that every word must count.
public enum AcronymFit {
  static let smallWords: Set<String> = [
    "a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with", "&",
  ]

  /// The letters of an acronym that its expansion must give, in small letters (A&E gives a, e).
  public static func letters(of acronym: String) -> [UInt8] {
    acronym.utf8.compactMap { byte in
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"): byte
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
      default: nil
      }
    }
  }

  /// Whether all of `words` spell out all of `letters`.
  public static func fits(_ letters: [UInt8], _ words: [String]) -> Bool {
    guard !letters.isEmpty, !words.isEmpty else { return false }
    let words = words.map { Array($0.lowercased().utf8) }
    return fit(letters, words, 0, 0)
  }

  /// How many of the last words spell out the acronym, fewest first, if any do (for text before "(PALS)").
  public static func fittingSuffix(_ letters: [UInt8], _ words: [String]) -> Int? {
    guard !letters.isEmpty else { return nil }
    let limit = min(words.count, letters.count * 2 + 3)
    guard limit > 0 else { return nil }
    for count in 1...limit {
      let suffix = Array(words.suffix(count))
      if smallWords.contains(suffix[0].lowercased()) { continue }
      if fits(letters, suffix) { return count }
    }
    return nil
  }

  /// How many of the first words spell out the acronym, fewest first, if any do (for "PPI means ...").
  public static func fittingPrefix(_ letters: [UInt8], _ words: [String]) -> Int? {
    guard !letters.isEmpty else { return nil }
    let limit = min(words.count, letters.count * 2 + 3)
    guard limit > 0 else { return nil }
    for count in 1...limit where fits(letters, Array(words.prefix(count))) { return count }
    return nil
  }

  private static func fit(_ letters: [UInt8], _ words: [[UInt8]], _ li: Int, _ wi: Int) -> Bool {
    if wi == words.count { return li == letters.count }
    let word = words[wi]
    let hasLetter = word.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    if !hasLetter || smallWords.contains(String(decoding: word, as: UTF8.self)) {
      if fit(letters, words, li, wi + 1) { return true }
    }
    guard li < letters.count, let first = word.first, first == letters[li] else { return false }
    // The first letter gives letters[li]; the rest of the word may give the next few, in order.
    var options = [0]
    var position = 1
    var more = 0
    while li + 1 + more < letters.count {
      guard let found = word[position...].firstIndex(of: letters[li + 1 + more]) else { break }
      more += 1
      options.append(more)
      position = found + 1
    }
    for extra in options.reversed() where fit(letters, words, li + 1 + extra, wi + 1) { return true }
    return false
  }
}
