import PlainLintCore
import PlainLintDictionaries
import PlainLintLexicon

/// A rule that reports the terms of some word-list categories: `jargon`, `complex-word`,
/// `inclusive-language` and `latin-abbreviation` are this checker with different categories and wording.
final class WordListChecker: RuleChecker {
  let session: WordSession
  let dialect: Dialect
  /// The message and suggestions of each entry as written in the text, made once: a document repeats its words.
  private var made: [Written: (message: String, suggestions: [Suggestion], term: GlossaryTerm)] = [:]

  /// An entry and how the text writes it (capitals decide the suggestions' capitals).
  private struct Written: Hashable {
    var entry: Int
    var text: String
  }

  /// The categories reported, as bits (see `WordCategory.bit`): every match of every block is tested, and a
  /// set's look-up hashes.
  let categoryBits: UInt8

  init(document: DocumentState, categories: Set<WordCategory>, dialect: Dialect, words: ProjectWords?) {
    session = WordSession.of(document, words: words)
    categoryBits = categories.reduce(0) { $0 | $1.bit }
    self.dialect = dialect
  }

  /// “utilise” is wordy; try “use”. A long way of saying use.
  func message(_ text: String, _ entry: WordEntry, _ alternatives: [String]) -> String {
    // Jargon has alternatives to try; for a person or a Latin word, the alternative is what to write.
    let verb = entry.category == .inclusive || entry.category == .latin ? "write" : "try"
    return "“\(text)” is \(entry.category.phrase)" + alternativesSentence(entry, alternatives, verb: verb) + ". "
      + sentence(entry.explanation)
  }

  var checksSentences: Bool { false }

  func check(block: BlockContext, report: inout FindingSink) {
    session.analyze(block)
    let lexicon = session.lexicon
    for match in session.matches {
      guard let index = match.entry else { continue }
      let facts = lexicon.entryFacts[index]
      guard categoryBits & facts.category.bit != 0, facts.region.applies(to: dialect) else { continue }
      let written = Written(entry: index, text: block.string(match.range))
      let finding: (message: String, suggestions: [Suggestion], term: GlossaryTerm)
      if let known = made[written] {
        finding = known
      } else {
        let entry = lexicon.entry(index)
        let made = self.finding(entry, written: written.text)
        finding = (made.message, made.suggestions, glossaryTerm(entry))
        self.made[written] = finding
      }
      report.report(match.range, message: finding.message, suggestions: finding.suggestions, term: finding.term)
    }
  }

  /// The message and suggestions for `entry` written as `text`.
  func finding(_ entry: WordEntry, written text: String) -> (message: String, suggestions: [Suggestion]) {
    // A fix is safe only for the forms the list writes: for a generated ending (utilising), the alternative
    // would need the same ending, which a person must check (using; but obtained is not "getted").
    let written = normalizedWords(text)
    let exact = ([entry.term] + entry.variants).contains { normalizedWords($0) == written }
    let alternatives = entry.alternatives.filter { $0 != "(omit)" }.map { matchCapitals($0, to: text) }
    var suggestions: [Suggestion] = []
    for (position, alternative) in entry.alternatives.enumerated() {
      if alternative == "(omit)" {
        suggestions.append(Suggestion(replacement: "", description: "Leave it out", isSafe: false))
      } else {
        suggestions.append(
          Suggestion(
            replacement: matchCapitals(alternative, to: text), description: "Write",
            isSafe: position == 0 && entry.autoFix && exact))
      }
    }
    return (message(text, entry, alternatives), suggestions)
  }
}

/// A word-list entry as a glossary shows it: its headword, its explanation and its alternatives ("leave it out"
/// for an entry whose alternative is to leave the words out).
func glossaryTerm(_ entry: WordEntry) -> GlossaryTerm {
  let alternatives = entry.alternatives.map { $0 == "(omit)" ? leaveItOut : $0 }
  return GlossaryTerm(
    term: entry.term, meaning: sentence(entry.explanation), alternatives: alternatives, isAcronym: false)
}

/// The alternative "(omit)" in words.
let leaveItOut = "leave it out"

/// The end of a word-rule message: the alternatives, or leaving the word out, and the explanation.
func alternativesSentence(_ entry: WordEntry, _ alternatives: [String], verb: String = "try") -> String {
  var parts: [String] = []
  if !alternatives.isEmpty { parts.append("\(verb) " + quotedList(alternatives)) }
  if entry.alternatives.contains("(omit)") { parts.append(leaveItOut) }
  return parts.isEmpty ? "" : "; " + parts.joined(separator: ", or ")
}

/// Puts a full stop after the explanation unless it has its own.
func sentence(_ text: String) -> String {
  guard let last = text.last else { return "" }
  return ".?!".contains(last) ? text : text + "."
}

/// Flags medical, health-service, research and office jargon, with plain alternatives.
public struct JargonRule: Rule {
  public static let description = RuleDescription(
    identifier: "jargon",
    name: "Jargon",
    summary: "Medical, health-service, research and office words that have plainer alternatives.",
    rationale: """
      Jargon is the first thing lay readers and partners say shuts them out. Words such as haemorrhage, \
      outpatient, stakeholder or deliverables are everyday words to the people who write them, but not to the \
      people who read them, and readers often blame themselves for not understanding. Each finding names the \
      kind of jargon and gives plain words to use instead.
      """,
    defaultSeverity: .warning,
    options: [
      RuleOptionDescription(
        name: "medical", summary: "Flag medical words (professional readers know them).",
        defaultValue: .boolean(true))
    ],
    triggeringExamples: [
      RuleExample("You may have some «oedema» in your legs."),
      RuleExample("We will ask the «stakeholders» what they think «going forward»."),
      RuleExample("You will be seen as an «outpatient»."),
      RuleExample("The «deep dive» into «deliverables» was on Monday."),
      RuleExample("We will «touch\nbase» next week."),
      RuleExample("Patients with «oedema» will be seen as an «outpatient».", options: ["medical": .boolean(true)]),
      RuleExample("Patients with oedema will be seen as an «outpatient».", options: ["medical": .boolean(false)]),
    ],
    nonTriggeringExamples: [
      RuleExample("You may have some swelling in your legs."),
      RuleExample("You can use the car park by the main entrance."),
      RuleExample("She was told she has acute myeloid leukaemia."),
      RuleExample("Ask your GP or call NHS 111."),
      RuleExample("Check the wound for erythema and oedema.", options: ["medical": .boolean(false)]),
    ]
  )

  let dialect: Dialect
  /// The word-list categories reported: medical words only when the `medical` option is on.
  let categories: Set<WordCategory>
  let words: ProjectWords?

  public init(options: RuleOptions) {
    dialect = options.dialect
    words = options.words
    let medical = if case .boolean(false)? = options.values["medical"] { false } else { true }
    let others: Set<WordCategory> = [.healthService, .research, .bureaucratic]
    categories = medical ? others.union([.medical]) : others
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    WordListChecker(document: document, categories: categories, dialect: dialect, words: words)
  }
}

/// Flags long or formal words that have a short everyday alternative.
public struct ComplexWordRule: Rule {
  public static let description = RuleDescription(
    identifier: "complex-word",
    name: "Complex word",
    summary: "Long or formal words with a shorter everyday word to use instead (utilise → use).",
    rationale: """
      Short, common words are read faster and understood by more people, including people reading in a second \
      language or with a learning disability. Writing "use" for "utilise" or "to" for "in order to" loses \
      nothing and makes the text easier for everyone.
      """,
    defaultSeverity: .warning,
    triggeringExamples: [
      RuleExample("Please «utilise» the side entrance."),
      RuleExample("«Utilising» the lift is fine."),
      RuleExample("Arrive early «in order to» find a space."),
      RuleExample("We will «remunerate» you for your time."),
      RuleExample("Call us about anything «pertaining to» your visit."),
    ],
    nonTriggeringExamples: [
      RuleExample("Please use the side entrance."),
      RuleExample("Arrive early to find a space."),
      RuleExample("We will pay you for your time."),
    ]
  )

  let dialect: Dialect
  let words: ProjectWords?

  public init(options: RuleOptions) {
    dialect = options.dialect
    words = options.words
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    WordListChecker(document: document, categories: [.plainEnglish], dialect: dialect, words: words)
  }
}

/// Flags language that is not person-centred.
public struct InclusiveLanguageRule: Rule {
  public static let description = RuleDescription(
    identifier: "inclusive-language",
    name: "Person-centred language",
    summary: "Words that define people by a condition, age or situation (suffers from → has).",
    rationale: """
      How we name people matters to them. "Suffers from" assumes how someone feels about their condition, \
      "the elderly" lumps people together, and "diabetic" makes a person their condition. NHS guidance is to \
      put the person first: "has diabetes", "older people", "wheelchair user".
      """,
    defaultSeverity: .warning,
    triggeringExamples: [
      RuleExample("My father «suffers from» arthritis."),
      RuleExample("Services for «the elderly» are changing."),
      RuleExample("He has been «confined to a wheelchair» since 2019."),
      RuleExample("We want to hear from groups that are «hard to reach»."),
    ],
    nonTriggeringExamples: [
      RuleExample("My father has arthritis."),
      RuleExample("Services for older people are changing."),
      RuleExample("He has been a wheelchair user since 2019."),
      RuleExample("Disabled people told us what they need."),
    ]
  )

  let dialect: Dialect
  let words: ProjectWords?

  public init(options: RuleOptions) {
    dialect = options.dialect
    words = options.words
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    WordListChecker(document: document, categories: [.inclusive], dialect: dialect, words: words)
  }
}

/// Flags Latin abbreviations and phrases.
public struct LatinAbbreviationRule: Rule {
  public static let description = RuleDescription(
    identifier: "latin-abbreviation",
    name: "Latin abbreviation",
    summary: "Latin abbreviations and phrases (e.g., i.e., etc., via, per) with English to use instead.",
    rationale: """
      Many readers do not know what e.g., i.e. or etc. stand for, and screen readers may read them out letter \
      by letter. The English words are just as short in practice and clear to everyone.
      """,
    defaultSeverity: .warning,
    triggeringExamples: [
      RuleExample("Bring your medicines, «e.g.» inhalers and tablets."),
      RuleExample("Take one tablet twice «per» day."),
      RuleExample("Fasting, «i.e.» not eating, starts at midnight."),
      RuleExample("Book «via» the website."),
    ],
    nonTriggeringExamples: [
      RuleExample("Bring your medicines, for example inhalers and tablets."),
      RuleExample("Take one tablet twice a day."),
    ]
  )

  let dialect: Dialect
  let words: ProjectWords?

  public init(options: RuleOptions) {
    dialect = options.dialect
    words = options.words
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    WordListChecker(document: document, categories: [.latin], dialect: dialect, words: words)
  }
}

extension WordCategory {
  /// A bit of its own, for sets of categories kept in a byte.
  var bit: UInt8 {
    switch self {
    case .medical: 1 << 0
    case .healthService: 1 << 1
    case .research: 1 << 2
    case .bureaucratic: 1 << 3
    case .plainEnglish: 1 << 4
    case .inclusive: 1 << 5
    case .latin: 1 << 6
    }
  }
}
