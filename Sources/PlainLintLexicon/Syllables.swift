/// Estimates the syllables of a word from its spelling, for words the pronouncing dictionaries lack.
///
/// The counter works on a word as the word rules normalize it (`WordMatcher.units`): small ASCII letters,
/// straight apostrophes, and any other letter as its UTF-8 bytes. It counts groups of vowels, then corrects
/// for the spellings where a group is not one syllable: a silent `e` (make, hoped, homeless), a syllabic `-le`
/// or `-ism` (table, autism), vowels that are said apart (media, create, actual, radio) and `y` as a vowel
/// (rhythm, physiotherapy) or a consonant (yes, beyond). An accented `é` and a vowel with a diaeresis (naïve,
/// Chloë) are said on their own. How often it agrees with the dictionaries is measured in the tests on words
/// it was not tuned on (README: "Counting syllables").
public enum SyllableCounter {
  /// The letters of a word the counter reads: a word longer than this is counted by its vowel groups alone.
  static let capacity = 64

  /// The number of syllables in a normalized word: at least 1 if it has a letter.
  public static func estimate(_ word: UnsafeBufferPointer<UInt8>) -> Int {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity + 2) { buffer in
      let letters = buffer.baseAddress!
      guard let count = fold(word, into: letters) else { return vowelGroups(word) }
      guard count > 0 else { return 0 }
      return max(1, Word(letters, count).syllables())
    }
  }

  /// Copies the letters of `word` into `letters` as small ASCII letters, with a vowel that is said on its own
  /// (é, and a vowel with a diaeresis) as a capital; nil if there are more than `capacity`.
  static func fold(_ word: UnsafeBufferPointer<UInt8>, into letters: UnsafeMutablePointer<UInt8>) -> Int? {
    var n = 0
    var i = 0
    while i < word.count {
      let byte = word[i]
      var letter: UInt8 = 0
      if byte &- UInt8(ascii: "a") < 26 {
        letter = byte
      } else if byte &- UInt8(ascii: "A") < 26 {
        letter = byte | 0x20
      } else if byte == 0xC3, i + 1 < word.count {
        i += 1
        letter = latin1[Int(word[i] & 0x3F)]
      } else if byte >= 0xC0 {
        // A letter of another script: a consonant, as the counter cannot tell.
        letter = UInt8(ascii: "x")
      }
      i += 1
      guard letter != 0 else { continue }
      guard n < capacity else { return nil }
      letters[n] = letter
      n += 1
    }
    return n
  }

  /// The letter each character U+00C0 to U+00FF stands for, by its second UTF-8 byte's low six bits.
  static let latin1: [UInt8] = Array("aaaaAaeceEeEiiiIdnooooO ouuuUytsaaaaAaeceEeEiiiIdnooooO ouuuUyty".utf8).map {
    $0 == UInt8(ascii: " ") ? 0 : $0
  }

  /// A plain count of vowel groups, for a word too long to read letter by letter.
  static func vowelGroups(_ word: UnsafeBufferPointer<UInt8>) -> Int {
    var groups = 0
    var previous = false
    for byte in word {
      let vowel = isVowel(byte | 0x20)
      if vowel && !previous { groups += 1 }
      previous = vowel
    }
    return max(groups, 1)
  }

  /// Whether a small letter is a, e, i, o, u or y.
  @inline(__always)
  static func isVowel(_ letter: UInt8) -> Bool {
    switch letter {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
      UInt8(ascii: "y"):
      return true
    default: return false
    }
  }
}

/// A word's letters, being counted.
private struct Word {
  let p: UnsafeMutablePointer<UInt8>
  let n: Int

  init(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) {
    self.p = p
    self.n = n
  }

  /// The letter at `i`, or 0 outside the word.
  @inline(__always)
  subscript(_ i: Int) -> UInt8 { i >= 0 && i < n ? p[i] : 0 }

  /// Whether the letters from `i` are `text`.
  func has(_ text: StaticString, at i: Int) -> Bool {
    let count = text.utf8CodeUnitCount
    guard i >= 0, i + count <= n else { return false }
    let s = text.utf8Start
    for k in 0..<count where p[i + k] != s[k] { return false }
    return true
  }

  /// Whether the word ends with `suffix`.
  func ends(_ suffix: StaticString) -> Bool { has(suffix, at: n - suffix.utf8CodeUnitCount) }

  /// Whether the word starts with `prefix`.
  func starts(_ prefix: StaticString) -> Bool { has(prefix, at: 0) }

  /// Whether the letter at `i` is one of `letters`.
  func isAny(_ i: Int, _ letters: StaticString) -> Bool {
    let c = self[i]
    let s = letters.utf8Start
    for k in 0..<letters.utf8CodeUnitCount where s[k] == c { return true }
    return false
  }

  /// Whether the letter at `i` is a, e, i, o, u or y, or a vowel said on its own (a capital).
  func vowelLetter(_ i: Int) -> Bool { isAny(i, "aeiouy") || self[i] &- UInt8(ascii: "A") < 26 }

  /// Whether the letter at `i` is a vowel (a, e, i, o, u, a capital said on its own, or y said as a vowel).
  func vowel(_ i: Int) -> Bool {
    let c = self[i]
    switch c {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"):
      return true
    case UInt8(ascii: "u"):
      // After q, u is said as w (quick, quiet).
      return self[i - 1] != UInt8(ascii: "q")
    case UInt8(ascii: "y"):
      // A consonant before a vowel at the start (yes), between vowels (beyond, mayor), and after a consonant
      // that follows a vowel (canyon, lawyer, courtyard); a vowel otherwise (rhythm, dying, copying, embryo).
      guard vowelLetter(i + 1) else { return true }
      if has("i", at: i + 1) && i > 0 { return true }
      if i == 0 || vowelLetter(i - 1) || has("ard", at: i + 1) { return false }
      return !(vowelLetter(i - 2) || isAny(i - 1, "w"))
    default:
      return c &- UInt8(ascii: "A") < 26
    }
  }

  /// Whether the vowels at `i - 1` and `i` are said apart.
  func apart(_ i: Int) -> Bool {
    let a = self[i - 1]
    let b = self[i]
    if b &- UInt8(ascii: "A") < 26 { return true }
    if let split = prefixSplit(i) { return split }
    switch (a, b) {
    case (UInt8(ascii: "y"), _):
      // dying, embryo; but dye, dyes.
      return !(b == UInt8(ascii: "e") && (i == n - 1 || i == n - 2 && isAny(n - 1, "sd")))
    case (UInt8(ascii: "i"), UInt8(ascii: "a")):
      // media, trial, appreciate, dyslexia; but special, Christian, Asian, Italian, million, marriage.
      if isAny(i - 2, "cts") && (isAny(i + 1, "ln") || i + 1 == n) { return false }
      if has("sh", at: i - 3) || has("ll", at: i - 3) || has("ge", at: i + 1) { return false }
      return !(isAny(i - 2, "l") && has("n", at: i + 1) || i == 2 && isAny(0, "gc"))
    case (UInt8(ascii: "i"), UInt8(ascii: "o")):
      // radio, biology, ratio; but nation, precious, religion, fashion, million, senior.
      if (isAny(i - 2, "tcsxg") || has("sh", at: i - 3)) && isAny(i + 1, "nu") { return false }
      if isAny(i - 2, "l") && has("n", at: i + 1) || i == 2 && isAny(0, "gc") { return false }
      if has("r", at: i + 1) && (i + 2 == n || has("s", at: i + 2) || has("al", at: i + 2)) && !isAny(i - 2, "r") {
        return false
      }
      return true
    case (UInt8(ascii: "i"), UInt8(ascii: "u")), (UInt8(ascii: "a"), UInt8(ascii: "o")),
      (UInt8(ascii: "i"), UInt8(ascii: "i")):
      // medium, calcium; chaos, aorta.
      return true
    case (UInt8(ascii: "i"), UInt8(ascii: "e")):
      // diet, science, client, happiest, earlier; but piece, field, patient, ancient.
      if has("t", at: i + 1) || has("st", at: i + 1) && i + 3 == n { return true }
      if has("nt", at: i + 1) || has("nc", at: i + 1) { return !isAny(i - 2, "tc") || has("s", at: i - 3) }
      return has("r", at: i + 1) && i + 2 >= n - 1 && i >= 3
    case (UInt8(ascii: "e"), UInt8(ascii: "o")):
      // video, theory; but people, surgeon, gorgeous.
      return !(isAny(i - 2, "g") && i >= 3 || isAny(i - 2, "p") && i == 2)
    case (UInt8(ascii: "e"), UInt8(ascii: "a")):
      // create, area, idea, European; but bread, heated, ocean, clean, creature.
      if i + 1 == n && i >= 3 { return true }
      if has("n", at: i + 1) && i + 2 == n && !isAny(i - 2, "c") { return hasVowel(before: i - 1) }
      if has("te", at: i + 1) && i + 3 == n || has("tion", at: i + 1) || has("tive", at: i + 1) { return true }
      return has("creat", at: i - 3) && !has("tu", at: i + 1)
    case (UInt8(ascii: "u"), UInt8(ascii: "a")):
      // actual, usual; but language, guard.
      return !isAny(i - 2, "g")
    case (UInt8(ascii: "u"), UInt8(ascii: "o")):
      // duo, continuous, ambiguous.
      return !isAny(i - 2, "g") || has("us", at: i + 1)
    case (UInt8(ascii: "u"), UInt8(ascii: "e")):
      // cruel, fluent, influence, bluest, Bauer; but blue, tissue.
      return has("l", at: i + 1) || has("nt", at: i + 1) || has("nc", at: i + 1) || has("t", at: i + 1)
        || (has("r", at: i + 1) || has("st", at: i + 1)) && i + 2 >= n - 1
    case (UInt8(ascii: "u"), UInt8(ascii: "i")):
      // fluid, ruin, genuine, annuity; but fruit, build, guide.
      if has("t", at: i + 1) && isAny(i + 2, "yio") { return true }
      return has("d", at: i + 1) && isAny(i - 2, "l") || has("n", at: i + 1)
    case (UInt8(ascii: "o"), UInt8(ascii: "i")):
      // heroic, going, autoimmune; but coin, point, steroid.
      return has("c", at: i + 1) && i + 2 == n || has("ng", at: i + 1) || has("m", at: i + 1) && i >= 3
    case (UInt8(ascii: "a"), UInt8(ascii: "i")):
      // archaic, mosaic; but paid, rain.
      return has("c", at: i + 1) && i + 2 == n && i >= 3
    case (UInt8(ascii: "e"), UInt8(ascii: "i")):
      // being, atheist, deity; but receive, their.
      return has("ng", at: i + 1) || has("st", at: i + 1) || has("ty", at: i + 1) || has("sm", at: i + 1)
    case (UInt8(ascii: "o"), UInt8(ascii: "e")):
      // poem, coexist, gastroenteritis; but shoe, toes, Boehm, and the British oedema, diarrhoea, foetus, coeliac.
      if i == 1 || i + 1 == n || i + 2 == n && isAny(n - 1, "sd") { return false }
      if i == 2 { return has("m", at: i + 1) || has("t", at: i + 1) && !has("tz", at: i + 1) }
      if has("h", at: i + 1) || self[i + 1] == self[i + 2] || has("tz", at: i + 1) { return false }
      return
        !(has("a", at: i + 1) || has("li", at: i + 1) || has("b", at: i + 1) || has("de", at: i + 1)
        || isAny(i - 2, "f") && has("t", at: i + 1))
    case (UInt8(ascii: "e"), UInt8(ascii: "u")):
      // museum, nucleus; but neuro, feud.
      return (has("m", at: i + 1) || has("s", at: i + 1)) && i + 2 == n
    default:
      return false
    }
  }

  /// Whether a prefix ends between the vowels at `i - 1` and `i` (react, reopen, preoperative, cooperate,
  /// antiemetic), or nil if the rules for the two vowels decide.
  func prefixSplit(_ i: Int) -> Bool? {
    switch i {
    case 2 where starts("re"):
      switch self[2] {
      case UInt8(ascii: "a"):
        return isAny(3, "cdfprsw") && (self[3] == self[4] || has("ct", at: 3) || has("dj", at: 3) || has("wa", at: 3))
          || has("li", at: 3)
      case UInt8(ascii: "i"):
        return isAny(3, "nm") && !isAny(4, "aeiouyh") && n > 5 || has("ter", at: 3)
      case UInt8(ascii: "e"):
        return has("x", at: 3) || has("nt", at: 3) || has("na", at: 3) || has("st", at: 3) || has("va", at: 3)
          || has("le", at: 3) || has("me", at: 3)
      case UInt8(ascii: "u"):
        return (isAny(3, "ns") && vowelLetter(4)) || has("p", at: 3)
      default:
        return nil
      }
    case 3 where starts("pre"):
      return starts("prea") && !starts("preach") || starts("preo") || starts("preex") || starts("preem")
    case 2 where starts("co"):
      return starts("coag") || starts("coal") && vowelLetter(4) || starts("coau") || starts("coord")
        || starts("cooperat") || starts("coopt") || starts("coinc") || starts("coe") && !starts("coeli")
    case 2 where starts("de"):
      return starts("deac") || starts("deo") || starts("dees") || starts("dei") && isAny(3, "tfs")
    case 4 where starts("anti") || starts("semi") || starts("auto"):
      return true
    case 5 where starts("multi") || starts("intra") || starts("ultra"):
      return true
    default:
      return nil
    }
  }

  /// The syllables: vowel groups, then the corrections.
  func syllables() -> Int {
    var groups = 0
    var previous = false
    for i in 0..<n {
      let v = vowel(i)
      if v && (!previous || apart(i)) { groups += 1 }
      previous = v
    }
    return groups + ending() + compound()
  }

  /// The correction for the word's ending: a silent e, a syllabic -le, -ism or -ire.
  func ending() -> Int {
    var change = 0
    var end = n
    // A plural or a third person -s: count the word without it, unless -es is said (boxes, changes, roses).
    if ends("es") && n > 3 {
      if isAny(n - 3, "sxzcg") || has("ch", at: n - 4) || has("sh", at: n - 4) { return 0 }
      end = n - 1
    } else if ends("ed") && n > 3 {
      // -ed is said only after t or d (wanted, needed).
      if isAny(n - 3, "td") || vowel(n - 3) { return 0 }
      end = n - 1
    }
    let e = end - 1
    if self[e] == UInt8(ascii: "e") && !vowel(e - 1) && hasVowel(before: e - 1) {
      // A silent e after a consonant, unless the word has no other vowel (the, be), or it ends in a syllabic
      // -le or -re (table, centre), or in -nte, -ione or -phe (andante, apostrophe).
      let syllabic = isAny(e - 1, "lr") && !vowel(e - 2) && self[e - 2] != self[e - 1]
      let said = has("nt", at: e - 2) || has("ph", at: e - 2) || end == n && has("ion", at: e - 3)
      if !syllabic && !said { change -= 1 }
      // -ire is two syllables (fire, desire).
      if has("ir", at: e - 2) && !vowel(e - 3) && !has("sh", at: e - 4) { change += 1 }
    }
    switch self[n - 1] {
    case UInt8(ascii: "m"):
      // A syllabic m (autism, spasm, rhythm).
      if ends("ism") || ends("asm") || ends("thm") { change += 1 }
    case UInt8(ascii: "s"):
      if ends("isms") || ends("asms") { change += 1 }
      if ends("gues") && n > 5 { change -= 1 }
    case UInt8(ascii: "e"), UInt8(ascii: "d"):
      // A silent u after g (league, fatigued).
      if (ends("gue") || ends("gued")) && n > 5 { change -= 1 }
    case UInt8(ascii: "y"):
      // -ically is said -ickly (basically).
      if ends("ically") { change -= 1 }
    case UInt8(ascii: "g"):
      // A verb in -le with -ing (handling, bubbling).
      if ends("ling") && !vowel(n - 5) && !isAny(n - 5, "lr") && hasVowel(before: n - 5) { change += 1 }
    default:
      break
    }
    return change
  }

  /// The correction for a silent e inside the word: a silent-e word before a suffix (homeless, completely,
  /// statement) or another word (homework, forecast, eyelid), and names in Mc (McCarthy).
  func compound() -> Int {
    var change = 0
    if starts("mc") { change += 1 }
    if starts("eye") && n >= 5 && !(n == 4 && isAny(3, "sd")) { change -= 1 }
    if starts("busi") || starts("every") && n > 5 { change -= 1 }
    var silentE = -1
    let prefix = longest(silentEPrefixes(), ending: false)
    if prefix > 0 && n >= prefix + 3 && !vowelLetter(prefix) && !starts("forens") && !starts("forest") {
      change -= 1
      silentE = prefix - 1
    }
    let e = n - longest(silentESuffixes(), ending: true) - 1
    if e >= 2 && e < n - 1 && e != silentE && self[e] == UInt8(ascii: "e") && !vowel(e - 1) && hasVowel(before: e - 1)
      && !(isAny(e - 1, "lr") && !vowel(e - 2) && self[e - 2] != self[e - 1])
    {
      change -= 1
    }
    return change
  }

  /// Suffixes after which a silent e stays silent (homeless, completely, statement, causeway), by the word's
  /// last letter, separated by spaces, longest first where one ends another.
  func silentESuffixes() -> StaticString {
    switch self[n - 1] {
    case UInt8(ascii: "s"): return "lessness nesses fulness ments ness less ways"
    case UInt8(ascii: "y"): return "lessly fully ly way"
    case UInt8(ascii: "l"): return "ful"
    case UInt8(ascii: "t"): return "ment"
    case UInt8(ascii: "n"): return "mann man men"
    case UInt8(ascii: "d"): return "field land wood head"
    case UInt8(ascii: "e"): return "house stone ville where line time side"
    case UInt8(ascii: "k"): return "work"
    default: return ""
    }
  }

  /// Silent-e words that start compounds (homework, forecast, lifetime), by the word's first letter.
  func silentEPrefixes() -> StaticString {
    switch self[0] {
    case UInt8(ascii: "h"): return "house home"
    case UInt8(ascii: "f"): return "fore"
    case UInt8(ascii: "s"): return "space shame stone state some side safe"
    case UInt8(ascii: "c"): return "care"
    case UInt8(ascii: "b"): return "bride base"
    case UInt8(ascii: "l"): return "life"
    case UInt8(ascii: "t"): return "time"
    case UInt8(ascii: "w"): return "whole white wide wine"
    case UInt8(ascii: "n"): return "note name"
    case UInt8(ascii: "d"): return "dare"
    case UInt8(ascii: "g"): return "grave"
    default: return ""
    }
  }

  /// The length of the first of `list` (words separated by spaces) the word ends with (or starts with), or 0.
  func longest(_ list: StaticString, ending: Bool) -> Int {
    let s = list.utf8Start
    let count = list.utf8CodeUnitCount
    var start = 0
    while start < count {
      var end = start
      while end < count && s[end] != UInt8(ascii: " ") { end += 1 }
      let length = end - start
      if length < n {
        let from = ending ? n - length : 0
        var k = 0
        while k < length && p[from + k] == s[start + k] { k += 1 }
        if k == length { return length }
      }
      start = end + 1
    }
    return 0
  }

  /// Whether a vowel comes before `i`.
  func hasVowel(before i: Int) -> Bool {
    var k = i - 1
    while k >= 0 {
      if vowel(k) { return true }
      k -= 1
    }
    return false
  }
}
