import PlainLintCore
import PlainLintDictionaries
import PlainLintLexicon

/// The expansion written in, with the acronym in brackets: "patient advice and liaison service (PALS)".
func writtenOut(_ expansion: String, text: String, use: AcronymUse) -> String {
  var expansion = expansion
  // A plural acronym (KPIs) takes a plural expansion.
  if text.hasSuffix("s") && use.key.count < text.count && !expansion.hasSuffix("s") { expansion += "s" }
  if use.startsSentence { expansion = capitalizingFirst(expansion) }
  return "\(expansion) (\(text))"
}

/// Flags an acronym used before, or without, an explanation.
public struct AcronymUndefinedRule: Rule {
  public static let description = RuleDescription(
    identifier: "acronym-undefined",
    name: "Acronym not explained",
    summary:
      "Acronyms used before, or without, being written out in full (NHS, GP and other well-known ones are fine).",
    rationale: """
      Acronyms are the most common thing lay partners say shuts them out of health writing. Write the words out \
      in full the first time, with the acronym in brackets after them: "patient advice and liaison service \
      (PALS)". After that the acronym on its own is fine. Acronyms everyone knows, such as NHS, GP and A&E, \
      need no explanation. A glossary in the document also counts.
      """,
    defaultSeverity: .warning,
    triggeringExamples: [
      RuleExample("Contact «PALS» if you have a complaint."),
      RuleExample("The «ICB» decides. The integrated care board (ICB) meets monthly."),
      RuleExample("We track three «KPIs» each month."),
      RuleExample("«PPI» matters. So does PPI funding."),
    ],
    nonTriggeringExamples: [
      RuleExample("Contact the patient advice and liaison service (PALS). PALS can help."),
      RuleExample("Patient and Public Involvement (PPI) is part of every study. PPI costs are paid."),
      RuleExample("PPI (patient and public involvement) is part of every study."),
      RuleExample("PPI stands for patient and public involvement."),
      RuleExample("Key performance indicators (KPIs) are reported. Each KPI is explained."),
      RuleExample("Ask your GP or call NHS 111, or go to A&E."),
      RuleExample("This is stage IV of the plan, in Part II."),
      RuleExample("WHAT HAPPENS AT YOUR APPOINTMENT"),
      RuleExample("Write to PO Box 12, Leeds LS1 4AP, about the HOME-WALK study."),
      RuleExample("An electrocardiogram (ECG) records your heartbeat."),
      RuleExample("The National Institute for Health and Care Research (NIHR) pays for it. NIHR is public."),
    ]
  )

  let words: ProjectWords?

  public init(options: RuleOptions) {
    words = options.words
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    Checker(session: AcronymSession.of(document, words: words))
  }

  final class Checker: RuleChecker {
    let session: AcronymSession
    /// Where each acronym is first explained.
    var defined: [String: Int] = [:]
    /// The first use of each acronym not explained before it, in order, with its text.
    var pending: [(use: AcronymUse, text: String)] = []
    var pendingKeys: Set<String> = []

    init(session: AcronymSession) {
      self.session = session
    }

    var checksSentences: Bool { false }

    func check(block: BlockContext, report: inout FindingSink) {
      session.analyze(block)
      for use in session.uses {
        if use.isDefinition {
          if defined[use.key] == nil { defined[use.key] = use.range.lowerBound }
          continue
        }
        if let policy = use.policy, policy != .define { continue }
        if defined[use.key] != nil || pendingKeys.contains(use.key) { continue }
        if session.markupExplains(use) { continue }
        pending.append((use, block.string(use.range)))
        pendingKeys.insert(use.key)
      }
    }

    func finish(report: inout FindingSink) {
      for (use, text) in pending where !session.glossary.contains(use.key) {
        var message = "“\(text)” is "
        if defined[use.key] != nil {
          message += "used here before it is explained further on; explain it the first time it is used"
        } else {
          message += "not explained; write it out in full the first time, with the acronym in brackets after it"
        }
        var suggestions: [Suggestion] = []
        var term: GlossaryTerm? = nil
        if let entry = session.entry(use) {
          term = glossaryTerm(entry, alternatives: entry.expansions)
          let meanings = entry.expansions
          if meanings.count > 1 {
            message += ". It may stand for " + quotedList(meanings) + "."
          } else {
            message += ". " + sentence(entry.explanation)
          }
          // Writing in the only meaning is safe; a choice of meanings, or an explanation further on that would
          // then come twice, needs a person.
          let safe = meanings.count == 1 && defined[use.key] == nil
          suggestions = meanings.map {
            Suggestion(replacement: writtenOut($0, text: text, use: use), description: "Write", isSafe: safe)
          }
        } else {
          message += "."
        }
        report.report(use.range, message: message, suggestions: suggestions, term: term)
      }
    }
  }
}

/// An acronym-list entry as a glossary shows it: what it stands for and the list's explanation, with
/// `alternatives` as the plainer words to use.
func glossaryTerm(_ entry: AcronymEntry, alternatives: [String]) -> GlossaryTerm {
  let stands = entry.expansions.isEmpty ? "" : "Short for " + quotedList(entry.expansions, conjunction: "or") + ". "
  return GlossaryTerm(
    term: entry.acronym, meaning: stands + sentence(entry.explanation), alternatives: alternatives, isAcronym: true)
}

/// Flags acronyms for bodies and services that no longer exist.
public struct AcronymOutdatedRule: Rule {
  public static let description = RuleDescription(
    identifier: "acronym-outdated",
    name: "Outdated acronym",
    summary: "Acronyms for bodies, services and roles that have been replaced (CCG → ICB).",
    rationale: """
      The NHS renames and replaces its organisations often. An old name confuses readers who then look for a \
      service that no longer exists, and makes the whole text look out of date.
      """,
    defaultSeverity: .warning,
    triggeringExamples: [
      RuleExample("Your «CCG» pays for this service."),
      RuleExample("Clinical commissioning groups («CCGs») were replaced."),
    ],
    nonTriggeringExamples: [
      RuleExample("Your integrated care board (ICB) pays for this service.")
    ]
  )

  let words: ProjectWords?

  public init(options: RuleOptions) {
    words = options.words
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    PolicyChecker(session: AcronymSession.of(document, words: words), policy: .outdated) { text, entry in
      let meaning = entry.expansions.first.map { " (\($0))" } ?? ""
      return "“\(text)”\(meaning) is outdated; write “\(entry.replacement)” instead. "
        + sentence(entry.explanation)
    }
  }
}

/// Flags acronyms that should not be used at all.
public struct AcronymAvoidRule: Rule {
  public static let description = RuleDescription(
    identifier: "acronym-avoid",
    name: "Acronym to avoid",
    summary: "Acronyms that should not be used, with what to write instead (BAME → ethnic minorities).",
    rationale: """
      Some acronyms group people in ways they do not recognise or find hurtful. NHS guidance is to name the \
      groups you mean instead.
      """,
    defaultSeverity: .warning,
    triggeringExamples: [
      RuleExample("We want to hear from «BAME» communities.")
    ],
    nonTriggeringExamples: [
      RuleExample("We want to hear from people from ethnic minority groups.")
    ]
  )

  let words: ProjectWords?

  public init(options: RuleOptions) {
    words = options.words
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    PolicyChecker(session: AcronymSession.of(document, words: words), policy: .avoid) { text, entry in
      "Avoid “\(text)”; write “\(entry.replacement)” instead. " + sentence(entry.explanation)
    }
  }
}

/// Reports every use of an acronym with a given policy.
final class PolicyChecker: RuleChecker {
  let session: AcronymSession
  let policy: AcronymPolicy
  let message: (_ text: String, AcronymEntry) -> String

  init(session: AcronymSession, policy: AcronymPolicy, message: @escaping (_ text: String, AcronymEntry) -> String) {
    self.session = session
    self.policy = policy
    self.message = message
  }

  var checksSentences: Bool { false }

  func check(block: BlockContext, report: inout FindingSink) {
    session.analyze(block)
    for use in session.uses where use.policy == policy {
      guard let entry = session.entry(use) else { continue }
      let replacement = use.startsSentence ? capitalizingFirst(entry.replacement) : entry.replacement
      report.report(
        use.range, message: message(block.string(use.range), entry),
        suggestions: [Suggestion(replacement: replacement, description: "Write")],
        term: glossaryTerm(entry, alternatives: [entry.replacement]))
    }
  }
}

/// Flags paragraphs with many different acronyms.
public struct AcronymDensityRule: Rule {
  public static let description = RuleDescription(
    identifier: "acronym-density",
    name: "Many acronyms",
    summary: "Paragraphs with more than 3 different acronyms (well-known ones such as NHS and GP not counted).",
    rationale: """
      Even when each acronym is explained, a paragraph with many of them asks readers to remember what each \
      one means. Write some of them out, or split the paragraph.
      """,
    defaultSeverity: .info,
    options: [
      RuleOptionDescription(
        name: "max-acronyms", summary: "The most different acronyms a paragraph may have.", defaultValue: .integer(3),
        allowedRange: 1...50)
    ],
    triggeringExamples: [
      RuleExample(
        "«The ICB (integrated care board) and the PCN (primary care network) told the CQC (Care Quality "
          + "Commission) and PALS (patient advice and liaison service).»")
    ],
    nonTriggeringExamples: [
      RuleExample("The NHS, your GP, A&E and NHS 111 can all help."),
      RuleExample("The ICB and the PCN told the CQC."),
    ]
  )

  let limit: Int
  let words: ProjectWords?

  public init(options: RuleOptions) {
    limit = options.integer("max-acronyms")
    words = options.words
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    Checker(session: AcronymSession.of(document, words: words), limit: limit)
  }

  final class Checker: RuleChecker {
    let session: AcronymSession
    let limit: Int

    init(session: AcronymSession, limit: Int) {
      self.session = session
      self.limit = limit
    }

    var checksSentences: Bool { false }

    func check(block: BlockContext, report: inout FindingSink) {
      guard block.block.kind == .paragraph || block.block.kind == .listItem else { return }
      session.analyze(block)
      var keys: [String] = []
      for use in session.uses where !keys.contains(use.key) { keys.append(use.key) }
      guard keys.count > limit else { return }
      report.report(
        block.block.range,
        message: "This paragraph uses \(keys.count) different acronyms (" + keys.joined(separator: ", ")
          + "); readers have to remember what each one means. Write some of them out, or split the paragraph.")
    }
  }
}
