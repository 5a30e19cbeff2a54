/// Regular English endings, so a list names `utilise` once and finds `utilises`, `utilised` and `utilising`.
///
/// The forms made are the regular ones only; a form that is not a real word is harmless because text never
/// contains it. Short words (under four letters) get no endings: `re` would make `red`.
enum Inflections {
  static let vowels: Set<UInt8> = Set("aeiou".utf8)

  /// The spellings of a word: itself, and the -ize, -ization and -yze forms of -ise, -isation and -yse words.
  static func spellings(_ word: String) -> [String] {
    var result = [word]
    for (uk, us) in [("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("ising", "izing"), ("ised", "ized")]
    where word.hasSuffix(uk) && word.count > uk.count + 2 {
      result.append(String(word.dropLast(uk.count)) + us)
    }
    return result
  }

  /// The regular endings of a word used as a noun or verb, the word itself not included.
  static func endings(_ word: String) -> [String] {
    let bytes = Array(word.utf8)
    guard bytes.count >= 4, bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else {
      return []
    }
    var forms: [String] = []
    let last = bytes[bytes.count - 1]
    let beforeLast = bytes[bytes.count - 2]
    if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch")
      || word.hasSuffix("sh")
    {
      forms += [word + "es", word + "ed", word + "ing"]
    } else if last == UInt8(ascii: "y") && !vowels.contains(beforeLast) {
      let stem = String(word.dropLast())
      forms += [stem + "ies", stem + "ied", word + "ing"]
    } else if last == UInt8(ascii: "e") {
      forms += [word + "s", word + "d"]
      forms.append(beforeLast == UInt8(ascii: "e") ? word + "ing" : String(word.dropLast()) + "ing")
    } else {
      forms += [word + "s", word + "ed", word + "ing"]
      // A doubled last letter after a single vowel: refer, referred; travel, travelled.
      let third = bytes[bytes.count - 3]
      if !vowels.contains(last), !"wxy".utf8.contains(last), vowels.contains(beforeLast), !vowels.contains(third) {
        let doubled = word + String(UnicodeScalar(last))
        forms += [doubled + "ed", doubled + "ing"]
      }
    }
    return forms
  }

  /// Every form of a term (already split into normalized words) the matcher should find.
  static func forms(of words: [String], inflect: Bool) -> [[String]] {
    guard !words.isEmpty else { return [] }
    var result: [[String]] = []
    func add(_ form: [String]) {
      if !result.contains(form) { result.append(form) }
    }
    // Spelling variants of each word, one word at a time (a phrase rarely has two).
    var bases: [[String]] = [words]
    for index in words.indices {
      for spelling in spellings(words[index]).dropFirst() {
        var variant = words
        variant[index] = spelling
        bases.append(variant)
      }
    }
    for base in bases {
      add(base)
      guard inflect else { continue }
      if base.count == 1 {
        for form in endings(base[0]) { add([form]) }
      } else {
        for form in endings(base[0]) { add([form] + base.dropFirst()) }
        if let last = base.last, last.count >= 3, !last.hasSuffix("s") {
          add(base.dropLast() + [last + "s"])
        }
      }
    }
    return result
  }
}
