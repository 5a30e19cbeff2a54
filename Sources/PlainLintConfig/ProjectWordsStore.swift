import PlainLintLexicon
import PlainLintRules

/// One `ProjectWords` for each distinct combination of project dictionaries and accepted words, made once:
/// making its lexicon costs tens of milliseconds, so it is never made per file.
public final class ProjectWordsStore {
  /// What makes two settings' project words the same.
  private struct Key: Hashable {
    var dictionaries: [String]
    var accepted: [AcceptedWord]
  }

  /// Where the dictionaries were read.
  private let dictionaries: DictionaryStore
  /// The words made so far.
  private var made: [Key: ProjectWords] = [:]

  /// Creates a store that takes the dictionary files from `dictionaries` (already read and checked).
  public init(dictionaries: DictionaryStore) {
    self.dictionaries = dictionaries
  }

  /// How many `ProjectWords` were made (for tests of the cache).
  public var count: Int { made.count }

  /// The project words for some settings, or nil when they name none.
  public func words(for settings: Settings) -> ProjectWords? {
    guard settings.hasProjectWords else { return nil }
    let key = Key(dictionaries: settings.dictionaries, accepted: settings.accepted)
    if let known = made[key] { return known }
    // The files were read and checked when the configuration was: a missing one has already stopped the run.
    let files = settings.dictionaries.compactMap { dictionaries.file($0) }
    let words = ProjectWords(
      dictionaries: files, accepted: settings.accepted.map { AcceptedTerm(term: $0.term, expansion: $0.expansion) })
    made[key] = words
    return words
  }
}
