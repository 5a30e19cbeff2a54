import PlainLintCore
import PlainLintDictionaries
import PlainLintLexicon
import Synchronization

/// A project's own words: extra word lists (the same CSV format as Dictionaries/) and accepted words and acronyms.
///
/// The word, acronym and readability rules read one lexicon. With project words it is the built-in lexicon
/// with the project's layered on top (`Lexicon(base:files:acceptedWords:acceptedAcronyms:)`), made the first
/// time a rule needs it and then shared by every file and rule that uses this object: make one `ProjectWords`
/// per set of settings, never one per file. With no lists and nothing accepted, it is the built-in lexicon.
/// Accepted terms cost nothing per word: they are paths in the lexicon like any term.
public final class ProjectWords: Sendable {
  /// The project's word lists and acronym lists, already read (rows with errors are left out).
  public let dictionaries: [DictionaryFile]
  /// The words, phrases and acronyms the project accepts.
  public let accepted: [AcceptedTerm]
  private let made = Mutex<Made?>(nil)

  /// The lexicon and the syllable counts by its word numbers.
  struct Made: Sendable {
    var lexicon: Lexicon
    /// The counts of a project lexicon's words (nil for the built-in lexicon): kept here so the memory
    /// `syllables` reads lives as long as this object.
    var counts: LexiconSyllables?
    var syllables: SyllableTable
  }

  /// Creates a project's words; the lexicon is made the first time a rule needs it.
  public init(dictionaries: [DictionaryFile], accepted: [AcceptedTerm]) {
    self.dictionaries = dictionaries
    self.accepted = accepted
  }

  /// The lexicon the rules read: the built-in one with the project's words on top.
  public var lexicon: Lexicon { resolved.lexicon }

  /// The syllable counts by the lexicon's word numbers.
  var syllables: SyllableTable { resolved.syllables }

  /// Whether the project adds nothing to the built-in lists.
  public var isEmpty: Bool {
    accepted.allSatisfy { $0.term.allSatisfy(\.isWhitespace) }
      && dictionaries.allSatisfy { $0.words.isEmpty && $0.acronyms.isEmpty }
  }

  private var resolved: Made {
    made.withLock { made in
      if let made { return made }
      let result = make()
      made = result
      return result
    }
  }

  private func make() -> Made {
    let base = BuiltInDictionaries.lexicon
    guard !isEmpty else { return Made(lexicon: base, counts: nil, syllables: BuiltInDictionaries.syllables) }
    var words: [String] = []
    var acronyms: [AcceptedAcronym] = []
    for term in accepted {
      let text = String(term.term.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
      guard !text.isEmpty else { continue }
      // Every accepted term is fine to the word rules; one written like an acronym is also an acronym.
      words.append(text)
      if AcceptedTerm.isAcronym(text) { acronyms.append(AcceptedAcronym(acronym: text, expansion: term.expansion)) }
    }
    let lexicon = Lexicon(base: base, files: dictionaries, acceptedWords: words, acceptedAcronyms: acronyms)
    let counts = LexiconSyllables(base: BuiltInDictionaries.syllables, lexicon: lexicon)
    return Made(lexicon: lexicon, counts: counts, syllables: counts.table)
  }

  /// The lexicon of `words`, or the built-in one.
  static func lexicon(_ words: ProjectWords?) -> Lexicon {
    words?.lexicon ?? BuiltInDictionaries.lexicon
  }
}

/// A word, phrase or acronym that is fine for a project (an entry of its glossary).
public struct AcceptedTerm: Hashable, Sendable {
  /// A word, phrase or acronym.
  public var term: String
  /// For an acronym: what it stands for.
  public var expansion: String?

  /// Creates an accepted term.
  public init(term: String, expansion: String? = nil) {
    self.term = term
    self.expansion = expansion
  }

  /// Whether a term is one acronym, written as the tokenizer reads acronyms: one word with two or more
  /// capitals and at most one small letter (PPIE, PROMs, A&E, COVID-19).
  static func isAcronym(_ text: String) -> Bool {
    let tokens = Tokenizer.tokenize(text)
    return tokens.count == 1 && tokens[0].kind == .acronym
  }
}

extension RuleOptions {
  /// The project's words these options carry, if any.
  var words: ProjectWords? { projectWords as? ProjectWords }
}
