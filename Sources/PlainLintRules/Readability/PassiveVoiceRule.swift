import PlainLintCore
import PlainLintLexicon

/// Flags the passive voice: a form of "be" or "get" followed by a past participle ("you will be seen").
public struct PassiveVoiceRule: Rule {
  public static let description = RuleDescription(
    identifier: "passive-voice",
    name: "Passive voice",
    summary: "A form of “be” or “get” followed by a past participle (“you will be contacted”).",
    rationale: """
      In the passive voice the reader cannot tell who does what: "you will be contacted" does not say who will \
      contact you. Naming who does the action ("the clinic will phone you") is shorter, clearer and friendlier. \
      The passive is sometimes right, so this rule only gives a note.
      """,
    defaultSeverity: .info,
    triggeringExamples: [
      RuleExample("Your results will «be sent» to your GP."),
      RuleExample("You «are not allowed» to eat before the test."),
      RuleExample("The leaflet «was written» by patients and «is being reviewed» by the team."),
      RuleExample("She «got bitten» by a dog."),
      RuleExample("Appointments «are usually offered» within 2 weeks."),
    ],
    nonTriggeringExamples: [
      RuleExample("I am tired and worried."),
      RuleExample("We used to see patients at home."),
      RuleExample("You are supposed to bring your letter."),
      RuleExample("They got married last year."),
      RuleExample("The clinic will send your results to your GP."),
      RuleExample("There is a need for more nurses."),
      RuleExample("The ward is red and the beds are new."),
    ]
  )

  /// The word lists, packed once for the rule: packing them for every document cost more than checking a
  /// page of text.
  private let lists = Lists()

  let words: ProjectWords?

  public init(options: RuleOptions) {
    words = options.words
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    Checker(lists, session: WordSession.of(document, words: words))
  }

  /// The packed word lists a checker reads.
  struct Lists: Sendable {
    let between = PackedWords(PassiveVoiceRule.between)
    let notAdverbs = PackedWords(PassiveVoiceRule.notAdverbs)
    let irregular = PackedWords(PassiveVoiceRule.irregular)
    let notParticiples = PackedWords(PassiveVoiceRule.notParticiples)
  }

  final class Checker: RuleChecker {
    /// The word lists, held here so the hot loop does not go through the lazily made statics.
    let lists: Lists
    /// The word units of the block, shared with the word rules: each word's number in the lexicon is known there.
    let session: WordSession
    /// The lexicon numbers of the forms of "be" and "get", as bits. A unit may be one of them if its number's
    /// bit is set (it is theirs, or shares their bit) or the lexicon does not have it. Most words are not, and
    /// this is one read from a small table; a unit that passes is looked at closely, so a shared bit only costs
    /// that look.
    private let auxiliaryBits: UnsafeMutablePointer<UInt64>
    private static let auxiliaryBitWords = 64

    init(_ lists: Lists, session: WordSession) {
      self.lists = lists
      self.session = session
      auxiliaryBits = .allocate(capacity: Checker.auxiliaryBitWords)
      auxiliaryBits.initialize(repeating: 0, count: Checker.auxiliaryBitWords)
      for form in PassiveVoiceRule.beForms + PassiveVoiceRule.getForms {
        let number = session.lexicon.wordNumber(normalizing: form)
        if number >= 0 { auxiliaryBits[Checker.bitWord(number)] |= Checker.bit(number) }
      }
    }

    deinit {
      auxiliaryBits.deallocate()
    }

    @inline(__always) private static func bitWord(_ number: Int32) -> Int {
      Int(truncatingIfNeeded: number >> 6) & (auxiliaryBitWords - 1)
    }

    @inline(__always) private static func bit(_ number: Int32) -> UInt64 { 1 &<< UInt64(number & 63) }

    var checksSentences: Bool { false }

    func check(block: BlockContext, report: inout FindingSink) {
      session.analyze(block)
      let units = session.units
      let s = session.sentenceUnits
      let bits = auxiliaryBits
      block.text.withUnsafeBufferPointer { p in
        block.tokens.withUnsafeBufferPointer { t in
          // The word units, not the tokens, are read: one per word, with its number already found. The block's
          // units are sentence after sentence, so one loop reads them all, and the sentence is found only for a
          // unit that may be a form of "be" or "get". No passive goes past its sentence's end, so `resume` (the
          // token after the last participle) is never past the start of the next sentence.
          var sentence = 0
          var resume = 0
          for u in 0..<units.count {
            let word = units[u].word
            guard word < 0 || bits[Checker.bitWord(word)] & Checker.bit(word) != 0 else { continue }
            let k = Int(units[u].token)
            guard k >= resume else { continue }
            while u >= s[sentence].upperBound { sentence += 1 }
            let tokens = block.allSentences[block.sentenceRange.lowerBound + sentence].tokens
            if let end = check(at: k, tokens, p, t, block, &report) { resume = end + 1 }
          }
        }
      }
    }

    /// Reports a passive starting at token `k` of a sentence (its tokens are `range`), if there is one, and
    /// returns the index of its participle.
    func check(
      at k: Int, _ range: Range<Int>, _ p: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
      _ block: BlockContext, _ report: inout FindingSink
    ) -> Int? {
      let token = tokens[k]
      guard token.kind == .word else { return nil }
      // Most words are not a form of be or get: a test of the first two letters before the look-up.
      guard PassiveVoiceRule.mayBeAuxiliary(p, token.range) else { return nil }
      let verb = PassiveVoiceRule.auxiliary(PackedWords.pack(p, token.range))
      guard verb != .none else { return nil }
      let isGet = verb == .get
      // Skip a few words that can come between: not, often, being (is being reviewed), and -ly adverbs.
      var j = k + 1
      var skipped = 0
      while j < range.upperBound, skipped < 3, tokens[j].kind == .word, canComeBetween(p, tokens[j].range) {
        j += 1
        skipped += 1
      }
      guard j < range.upperBound, tokens[j].kind == .word, isParticiple(p, tokens[j].range) else { return nil }
      let word = block.string(tokens[j].range).lowercased()
      guard !PassiveVoiceRule.adjectives.contains(word) else { return nil }
      if isGet && PassiveVoiceRule.getIdioms.contains(word) { return nil }
      // "used to", "supposed to": a habit or an expectation, not a passive.
      if PassiveVoiceRule.beforeTo.contains(word), j + 1 < range.upperBound,
        block.string(tokens[j + 1].range).lowercased() == "to"
      {
        return nil
      }
      let byFollows = j + 1 < range.upperBound && block.string(tokens[j + 1].range).lowercased() == "by"
      let text = block.string(token.start..<tokens[j].end)
      report.report(
        token.start..<tokens[j].end,
        message: "“\(text)” is in the passive voice; "
          + (byFollows
            ? "put who does it (after “by”) first: “the nurse checked it”, "
              + "not “it was checked by the nurse”."
            : "say who does it: “we will send it”, not “it will be sent”."))
      return j
    }

    /// Whether a word can stand between the verb and the participle: not, often, being, an -ly adverb.
    func canComeBetween(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
      let packed = PackedWords.pack(p, range)
      if lists.between.contains(packed) { return true }
      let n = range.count
      if n == 9 { return PackedWords.lowercased(p, range) == "sometimes" }
      return n > 4 && p[range.upperBound - 2] | 0x20 == UInt8(ascii: "l")
        && p[range.upperBound - 1] | 0x20 == UInt8(ascii: "y") && !lists.notAdverbs.contains(packed)
    }

    /// Whether a word is a past participle: a regular one ending in -ed (ASCII letters only), or an irregular one.
    func isParticiple(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
      let n = range.count
      if n > 8 { if PassiveVoiceRule.longIrregular.contains(PackedWords.lowercased(p, range)) { return true } }
      let packed = PackedWords.pack(p, range)
      if lists.irregular.contains(packed) { return true }
      guard n >= 5, p[range.upperBound - 2] | 0x20 == UInt8(ascii: "e"),
        p[range.upperBound - 1] | 0x20 == UInt8(ascii: "d")
      else { return false }
      for i in range where (p[i] | 0x20) &- UInt8(ascii: "a") >= 26 { return false }
      return !lists.notParticiples.contains(packed)
    }
  }

  /// Words of up to eight bytes, packed into numbers and sorted, so the rule compares words without strings.
  struct PackedWords: Sendable {
    let sorted: [UInt64]

    init(_ words: [String]) {
      sorted = words.filter { $0.utf8.count <= 8 }.map { word in
        Array(word.utf8).withUnsafeBufferPointer { PackedWords.pack($0, 0..<$0.count) }
      }.sorted()
    }

    /// The bytes of `range` in small letters, packed (0 for more than eight bytes, which no list packs).
    static func pack(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
      guard range.count <= 8 else { return 0 }
      var packed: UInt64 = 0
      for i in range {
        let byte = p[i]
        packed = packed << 8 | UInt64(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte)
      }
      return packed
    }

    /// The bytes of `range` in small letters, as a string.
    static func lowercased(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
      String(decoding: p[range], as: UTF8.self).lowercased()
    }

    /// Whether the list has the packed word.
    func contains(_ packed: UInt64) -> Bool {
      guard packed != 0 else { return false }
      var low = 0
      var high = sorted.count
      while low < high {
        let mid = (low + high) / 2
        if sorted[mid] < packed { low = mid + 1 } else { high = mid }
      }
      return low < sorted.count && sorted[low] == packed
    }
  }

  /// A verb that can make the passive.
  enum Auxiliary {
    case none, be, get
  }

  /// Whether a word may be a form of "be" or "get", by its length and first two letters: every form has two to
  /// eight bytes and starts am, ar, is, wa, we, be, ge or go, in small letters or capitals (a test checks the
  /// forms against it). Most words are not, and this costs less than packing them.
  @inline(__always)
  static func mayBeAuxiliary(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard range.count <= 8, range.count >= 2 else { return false }
    switch (p[range.lowerBound] | 0x20, p[range.lowerBound + 1] | 0x20) {
    case (UInt8(ascii: "a"), UInt8(ascii: "m")), (UInt8(ascii: "a"), UInt8(ascii: "r")),
      (UInt8(ascii: "i"), UInt8(ascii: "s")), (UInt8(ascii: "w"), UInt8(ascii: "a")),
      (UInt8(ascii: "w"), UInt8(ascii: "e")), (UInt8(ascii: "b"), UInt8(ascii: "e")),
      (UInt8(ascii: "g"), UInt8(ascii: "e")), (UInt8(ascii: "g"), UInt8(ascii: "o")):
      return true
    default:
      return false
    }
  }

  /// Whether a packed word (`PackedWords.pack`) is a form of "be" or "get". The constants are the words' bytes:
  /// am, is, are, was, were, be, been, being, isn't, aren't, wasn't, weren't, and isn’t, aren’t, wasn’t with a
  /// curly apostrophe; get, gets, got, gotten, getting (a test checks them against the words).
  static func auxiliary(_ packed: UInt64) -> Auxiliary {
    switch packed {
    case 0x616d, 0x6973, 0x617265, 0x776173, 0x77657265, 0x6265, 0x6265656e, 0x6265696e67, 0x69736e2774,
      0x6172656e2774, 0x7761736e2774, 0x776572656e2774, 0x69736ee2809974, 0x6172656ee2809974, 0x7761736ee2809974:
      return .be
    case 0x676574, 0x67657473, 0x676f74, 0x676f7474656e, 0x67657474696e67:
      return .get
    default:
      return .none
    }
  }

  /// The forms of "be" and "get", with straight and curly apostrophes, as `auxiliary` knows them.
  static let beForms = [
    "am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't", "isn’t",
    "aren’t", "wasn’t",
  ]
  static let getForms = ["get", "gets", "got", "gotten", "getting"]

  /// Words that can stand between the verb and the participle (and -ly adverbs, and "sometimes").
  static let between = [
    "not", "never", "also", "often", "always", "still", "already", "just", "then", "being", "all", "now", "soon",
    "rarely", "seldom", "even", "only",
  ]
  /// Words ending in -ly that are not adverbs, or not ones that stand there.
  static let notAdverbs = [
    "early", "family", "likely", "lonely", "friendly", "elderly", "poorly", "holy", "silly", "jolly", "curly",
    "daily", "weekly", "monthly", "yearly", "unlikely",
  ]

  /// Irregular past participles.
  static let irregular = [
    "arisen", "awoken", "beaten", "begun", "bent", "bitten", "bled", "blown", "born", "borne", "bought",
    "bound", "bred", "broken", "brought", "built", "burnt", "burst", "caught", "chosen", "clung", "cut", "dealt",
    "done", "drawn", "dreamt", "driven", "drunk", "dug", "eaten", "fallen", "fed", "felt", "fought", "found",
    "fled", "flown", "forbidden", "forgiven", "forgotten", "frozen", "given", "gone", "ground", "grown", "hung",
    "heard", "held", "hidden", "hit", "hurt", "kept", "knelt", "known", "laid", "led", "learnt", "left", "lent",
    "let", "lit", "lost", "made", "meant", "met", "mistaken", "misunderstood", "overcome", "overtaken", "paid",
    "proven", "put", "quit", "read", "rewritten", "ridden", "rung", "risen", "run", "said", "seen", "sought",
    "sold", "sent", "set", "sewn", "shaken", "shed", "shone", "shot", "shown", "shrunk", "shut", "slept",
    "slid", "spent", "spilt", "split", "spoken", "spread", "stolen", "stood", "struck", "stuck", "stung",
    "sworn", "swept", "swollen", "swum", "taken", "taught", "thought", "told", "thrown", "torn", "understood",
    "undertaken", "undone", "upheld", "upset", "woken", "won", "worn", "wound", "withdrawn", "withheld", "written",
  ]
  /// The irregular participles longer than eight letters.
  static let longIrregular = Set(irregular.filter { $0.utf8.count > 8 })

  /// Words ending in -ed that are not past participles.
  static let notParticiples = [
    "hundred", "sacred", "naked", "wicked", "ragged", "rugged", "crooked", "beloved", "kindred", "hatred", "bleed",
    "breed", "greed", "speed", "proceed", "succeed", "exceed", "embed", "indeed", "steed", "tweed", "seed",
    "shred",
  ]

  /// Participles a reader takes as adjectives after "be" or "get": "I am tired" is not a passive.
  static let adjectives: Set<String> = [
    "tired", "interested", "worried", "bored", "excited", "pleased", "surprised", "concerned", "married",
    "divorced", "scared", "frightened", "terrified", "confused", "embarrassed", "disappointed", "satisfied",
    "qualified", "experienced", "skilled", "entitled", "aged", "ashamed", "annoyed", "amazed", "relieved",
    "delighted", "thrilled", "exhausted", "overwhelmed", "stressed", "depressed", "determined", "committed",
    "dedicated", "devoted", "sophisticated", "complicated", "detailed", "advanced", "limited", "related",
    "engaged", "unemployed", "retired", "disabled", "gone", "done", "finished", "lost", "closed", "located",
    "situated", "based", "involved", "prepared",
  ]

  /// Participles that make an idiom, not a passive, after "get": get dressed, get started.
  static let getIdioms: Set<String> = [
    "dressed", "started", "changed", "lost", "used", "stuck",
  ]

  /// Participles that, followed by "to", are a habit or an expectation: used to, supposed to.
  static let beforeTo: Set<String> = ["used", "supposed", "meant", "expected"]
}
