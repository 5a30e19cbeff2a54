import PlainLintLexicon

/// The dictionaries compiled into plainlint from `Dictionaries/` by the EmbedDictionaries build plugin.
///
/// The plugin checks the files and compiles them when plainlint is built; starting up only decodes the
/// compiled tables. The CSV files themselves are kept too: an entry's alternatives and explanation are read
/// from its row the first time a finding needs them, and `plainlint dictionary check` reads them whole.
public enum BuiltInDictionaries {
  /// Each built-in CSV file's name (as in `Dictionaries/`) and bytes.
  public static let files: [EmbeddedCSV] = embeddedDictionaries.map { file in
    EmbeddedCSV(name: file.name, bytes: file.text.withUTF8Buffer { Array($0) })
  }

  /// The built-in word lists and acronym list, read and checked.
  public static var dictionaryFiles: [DictionaryFile] {
    files.map { DictionaryFile(name: $0.name, bytes: $0.bytes) }
  }

  /// The built-in lexicon, made the first time it is used and shared by every rule and file. Its tables are
  /// decoded into one block of memory and read there; its words are read where they lie in the program.
  public static let lexicon: Lexicon = {
    let literal = embeddedLexiconWords
    let words = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    let read = embeddedLexicon.withUTF8Buffer { Lexicon(compiledBase64: $0, wordsInPlace: words, files: { files }) }
    guard let lexicon = read else {
      preconditionFailure("the compiled dictionaries do not match this version of plainlint; rebuild it")
    }
    return lexicon
  }()

  /// The syllables of words, from the pronouncing dictionaries in `Dictionaries/syllables.tsv` and the
  /// estimate for other words. It is read in place from the program, so making it costs nothing.
  public static let syllables: SyllableTable = {
    guard let table = SyllableTable(table: embeddedSyllables, wordCounts: embeddedWordSyllables) else {
      preconditionFailure("the compiled syllable table does not match this version of plainlint; rebuild it")
    }
    return table
  }()
}
