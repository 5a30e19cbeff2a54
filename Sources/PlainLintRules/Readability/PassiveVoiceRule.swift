import PlainLintCore

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

  public init(options: RuleOptions) {}

  public func makeChecker(document: DocumentState) -> any RuleChecker { Checker() }

  final class Checker: RuleChecker {
    func check(sentence: Sentence, in block: BlockContext, report: inout FindingSink) {
      let tokens = block.tokens
      let range = sentence.tokens
      var k = range.lowerBound
      while k < range.upperBound {
        defer { k += 1 }
        let token = tokens[k]
        guard token.kind == .word else { continue }
        let verb = PassiveVoiceRule.auxiliary(block.text, token.range)
        guard verb != .none else { continue }
        // Skip a few words that can come between: not, often, being (is being reviewed), and -ly adverbs.
        var j = k + 1
        var skipped = 0
        while j < range.upperBound, skipped < 3, tokens[j].kind == .word,
          PassiveVoiceRule.canComeBetween(block.string(tokens[j].range).lowercased())
        {
          j += 1
          skipped += 1
        }
        guard j < range.upperBound, tokens[j].kind == .word else { continue }
        let word = block.string(tokens[j].range).lowercased()
        guard PassiveVoiceRule.isParticiple(word), !PassiveVoiceRule.adjectives.contains(word) else { continue }
        if verb == .get && PassiveVoiceRule.getIdioms.contains(word) { continue }
        // "used to", "supposed to": a habit or an expectation, not a passive.
        if PassiveVoiceRule.beforeTo.contains(word), j + 1 < range.upperBound,
          block.string(tokens[j + 1].range).lowercased() == "to"
        {
          continue
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
        k = j
      }
    }
  }

  /// A verb that can make the passive.
  enum Auxiliary {
    case none, be, get
  }

  /// Whether the bytes of `range` are a form of "be" or "get", in any capitals.
  static func auxiliary(_ text: [UInt8], _ range: Range<Int>) -> Auxiliary {
    // Most words start with another letter or are longer: a byte test first.
    let first = text[range.lowerBound] | 0x20
    guard range.count <= 8,
      first == UInt8(ascii: "a") || first == UInt8(ascii: "i") || first == UInt8(ascii: "w")
        || first == UInt8(ascii: "b") || first == UInt8(ascii: "g"),
      let packed = pack(text[range])
    else { return .none }
    if beForms.contains(packed) { return .be }
    if getForms.contains(packed) { return .get }
    return .none
  }

  /// Up to eight bytes in small letters, packed into a number: words are compared without making strings.
  static func pack<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64? {
    guard bytes.count <= 8 else { return nil }
    var packed: UInt64 = 0
    for byte in bytes { packed = packed << 8 | UInt64(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte) }
    return packed
  }

  /// The forms of "be" and "get", packed, with straight and curly apostrophes.
  static let beForms =
    ["am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't", "isn’t",
      "aren’t", "wasn’t"].compactMap { pack(Array($0.utf8)) }
  static let getForms = ["get", "gets", "got", "gotten", "getting"].compactMap { pack(Array($0.utf8)) }

  /// Words that can stand between the verb and the participle.
  static func canComeBetween(_ word: String) -> Bool {
    if ["not", "never", "also", "often", "always", "sometimes", "still", "already", "just", "then", "being", "all",
      "now", "soon", "rarely", "seldom", "even", "only"].contains(word)
    {
      return true
    }
    return word.count > 4 && word.hasSuffix("ly") && !["only", "early", "family", "likely", "lonely", "friendly",
      "elderly", "poorly", "ugly", "holy", "silly", "jolly", "curly", "daily", "weekly", "monthly", "yearly",
      "unlikely"].contains(word)
  }

  /// Whether a word is a past participle: a regular one ending in -ed, or an irregular one.
  static func isParticiple(_ word: String) -> Bool {
    if irregular.contains(word) { return true }
    return word.count >= 5 && word.hasSuffix("ed") && !notParticiples.contains(word)
      && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
  }

  /// Irregular past participles.
  static let irregular: Set<String> = [
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

  /// Words ending in -ed that are not past participles.
  static let notParticiples: Set<String> = [
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
