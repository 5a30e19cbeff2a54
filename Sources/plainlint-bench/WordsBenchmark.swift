import PlainLintCore
import PlainLintDictionaries
import PlainLintLexicon
import PlainLintRules

/// The measurements of project words (`plainlint-bench words`): how long a project's lexicon takes to make, and
/// how fast the rules run with it.
enum WordsBenchmark {
  /// A project of some size: its own word list and acronym list, and accepted terms.
  struct Project {
    /// What the table calls it.
    var label: String
    var files: [DictionaryFile]
    var accepted: [AcceptedTerm]
  }

  /// A small project (a few rows and accepted terms) and a large one (a team's whole glossary): some rows new,
  /// some replacing built-in rows, accepted words, phrases and acronyms, some in the built-in lists.
  static func projects() -> [Project] {
    [
      project(label: "small", newRows: 5, replacedRows: 2, acronyms: 2, accepted: 5),
      project(label: "large", newRows: 500, replacedRows: 100, acronyms: 100, accepted: 200),
    ]
  }

  /// A project with the given numbers of rows and accepted terms, made from the built-in lists so it is the same
  /// on every run.
  static func project(label: String, newRows: Int, replacedRows: Int, acronyms: Int, accepted: Int) -> Project {
    let header = "term,variants,alternatives,category,explanation,source,region,auto_fix,exceptions\n"
    let builtIn = BuiltInDictionaries.dictionaryFiles
    let builtInWords = builtIn.flatMap(\.words)
    let builtInAcronyms = builtIn.flatMap(\.acronyms)
    var words = header
    for index in 0..<newRows {
      words += "projectterm\(index),projectterms\(index),plain word \(index),bureaucratic,Our jargon.,team,both,no,\n"
    }
    // Rows for built-in terms, spread over the lists: the project's wording replaces the built-in rows.
    let step = max(1, builtInWords.count / max(1, replacedRows))
    for entry in stride(from: 0, to: builtInWords.count, by: step).prefix(replacedRows).map({ builtInWords[$0] }) {
      words += "\"\(entry.term)\",,our plain word,\(entry.category.rawValue),Our wording.,team,both,no,\n"
    }
    var acronymList = "acronym,expansion,policy,replacement,explanation,source,region\n"
    for index in 0..<acronyms {
      acronymList += "PQ\(index)X,project quango \(index),define,,Our body.,team,UK\n"
    }
    var terms: [AcceptedTerm] = []
    for index in 0..<accepted {
      switch index % 4 {
      case 0: terms.append(AcceptedTerm(term: "acceptedword\(index)"))
      case 1: terms.append(AcceptedTerm(term: "accepted phrase \(index)"))
      case 2: terms.append(AcceptedTerm(term: builtInWords[(index * 7) % builtInWords.count].term))
      default:
        terms.append(AcceptedTerm(term: builtInAcronyms[(index * 5) % builtInAcronyms.count].acronym, expansion: "x"))
      }
    }
    let files = [
      DictionaryFile(name: "words.csv", bytes: Array(words.utf8), isProjectList: true),
      DictionaryFile(name: "acronyms.csv", bytes: Array(acronymList.utf8), isProjectList: true),
    ]
    precondition(files.allSatisfy { !$0.hasErrors }, "the benchmark's project lists have errors")
    return Project(label: label, files: files, accepted: terms)
  }

  /// Seconds to make the lexicon (and syllable counts) of a new `ProjectWords` for `project`, `runs` times after
  /// one untimed run; the built-in lexicon is loaded before, as it is when plainlint lints.
  static func makeSeconds(_ project: Project, runs: Int) -> Samples {
    _ = BuiltInDictionaries.lexicon
    let (_, samples) = timedRuns(runs, label: "project words \(project.label)") { () -> Int in
      let words = ProjectWords(dictionaries: project.files, accepted: project.accepted)
      return words.lexicon.entryCount
    }
    return samples
  }

  /// A linter with every built-in rule and the readability figures, with `words` (nil for the built-in lists).
  static func linter(words: ProjectWords?) -> Linter {
    do {
      return Linter(rules: try BuiltInRules.configured(words: words), measurer: BuiltInRules.measurer(words: words))
    } catch {
      fatalError("the built-in rules do not configure: \(error)")
    }
  }
}
