/// What the readability formulas count in a stretch of text: a sentence, a paragraph, a section or a document.
///
/// Words are the word and acronym tokens a reader reads as words. Numbers, web and email addresses, and code are
/// never counted, and a sentence with no words in it (a heading that is only a date, say) is not a sentence.
public struct TextCounts: Hashable, Sendable {
  /// Words.
  public var words = 0
  /// Sentences with at least one word. A heading, a list item or a table cell ends a sentence.
  public var sentences = 0
  /// Syllables of all the words.
  public var syllables = 0
  /// Words of three or more syllables (SMOG's "polysyllables").
  public var polysyllables = 0
  /// Gunning's "complex words": three or more syllables, not counting an `-ed`, `-es` or `-ing` ending, and
  /// not a name (a capital letter inside a sentence) or a hyphenated word.
  public var complexWords = 0
  /// Letters of all the words (apostrophes and hyphens are not letters).
  public var letters = 0
  /// Hard words: words outside everyday English, jargon and wordy terms from the word lists, and acronyms the
  /// reader has not had explained.
  public var hardWords = 0

  /// Creates empty counts.
  public init() {}

  /// Creates counts with the given values.
  public init(
    words: Int, sentences: Int, syllables: Int, polysyllables: Int, complexWords: Int, letters: Int, hardWords: Int
  ) {
    self.words = words
    self.sentences = sentences
    self.syllables = syllables
    self.polysyllables = polysyllables
    self.complexWords = complexWords
    self.letters = letters
    self.hardWords = hardWords
  }

  /// Adds the counts of another stretch of text.
  public static func += (a: inout TextCounts, b: TextCounts) {
    a.words += b.words
    a.sentences += b.sentences
    a.syllables += b.syllables
    a.polysyllables += b.polysyllables
    a.complexWords += b.complexWords
    a.letters += b.letters
    a.hardWords += b.hardWords
  }

  /// The readability figures of these counts.
  public var scores: ReadabilityScores { ReadabilityScores(self) }

  /// The reading age alone, as `scores.readingAge` works it out (the same sums, so the same number), without
  /// the other formulas: the rules ask it of every part and many sentences.
  public var readingAge: Double? {
    guard words > 0, sentences > 0 else { return nil }
    let words = Double(words)
    let perSentence = words / Double(sentences)
    let syllablesPerWord = Double(syllables) / words
    let grade = ReadabilityScores.fleschKincaidGrade(wordsPerSentence: perSentence, syllablesPerWord: syllablesPerWord)
    return ReadabilityScores.readingAge(grade: grade)
  }
}

/// The published readability formulas, applied to some counts. Each is nil when the text has no words or no
/// sentences, where the formulas mean nothing.
public struct ReadabilityScores: Hashable, Sendable {
  /// Average words per sentence.
  public var wordsPerSentence: Double?
  /// Average syllables per word.
  public var syllablesPerWord: Double?
  /// Flesch Reading Ease (Flesch 1948): 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
  /// Higher is easier; 60 to 70 is plain English.
  public var fleschReadingEase: Double?
  /// Flesch–Kincaid Grade Level (Kincaid and others 1975): 0.39 × words per sentence + 11.8 × syllables per
  /// word − 15.59, a US school grade.
  public var fleschKincaidGrade: Double?
  /// SMOG grade (McLaughlin 1969): 1.0430 × √(polysyllables × 30 / sentences) + 3.1291. McLaughlin counted
  /// the polysyllables of 30 sentences; with fewer, the count is scaled up to 30 and the grade is rougher.
  public var smogGrade: Double?
  /// Gunning Fog index (Gunning 1952): 0.4 × (words per sentence + 100 × complex words / words).
  public var gunningFog: Double?
  /// Coleman–Liau index (Coleman and Liau 1975): 0.0588 × letters per 100 words − 0.296 × sentences per 100
  /// words − 15.8.
  public var colemanLiau: Double?
  /// Automated Readability Index (Senter and Smith 1967): 4.71 × letters per word + 0.5 × words per sentence −
  /// 21.43. The formula counts characters; plainlint counts letters, as numbers and symbols are not counted.
  public var automatedReadabilityIndex: Double?
  /// The UK reading age in years: the Flesch–Kincaid grade + 5 (a US grade is the school year a child of
  /// about that age + 5 is in), never below 5.
  public var readingAge: Double?
  /// Hard words per 100 words: the familiar-words measure the classic formulas lack.
  public var hardWordsPer100: Double?
  /// Whether the text has fewer than the 30 sentences the SMOG formula was made for.
  public var smogHasFewSentences: Bool

  /// The sentences the SMOG formula was made for.
  public static let smogSampleSentences = 30

  /// Applies the formulas to `counts`.
  public init(_ counts: TextCounts) {
    smogHasFewSentences = counts.sentences < ReadabilityScores.smogSampleSentences
    guard counts.words > 0, counts.sentences > 0 else { return }
    let words = Double(counts.words)
    let sentences = Double(counts.sentences)
    let perSentence = words / sentences
    let syllablesPerWord = Double(counts.syllables) / words
    let lettersPerWord = Double(counts.letters) / words
    wordsPerSentence = perSentence
    self.syllablesPerWord = syllablesPerWord
    fleschReadingEase = 206.835 - 1.015 * perSentence - 84.6 * syllablesPerWord
    let grade = ReadabilityScores.fleschKincaidGrade(
      wordsPerSentence: perSentence, syllablesPerWord: syllablesPerWord)
    fleschKincaidGrade = grade
    smogGrade = 1.0430 * (Double(counts.polysyllables) * 30 / sentences).squareRoot() + 3.1291
    gunningFog = 0.4 * (perSentence + 100 * Double(counts.complexWords) / words)
    colemanLiau = 0.0588 * (100 * lettersPerWord) - 0.296 * (100 * sentences / words) - 15.8
    automatedReadabilityIndex = 4.71 * lettersPerWord + 0.5 * perSentence - 21.43
    readingAge = ReadabilityScores.readingAge(grade: grade)
    hardWordsPer100 = 100 * Double(counts.hardWords) / words
  }

  /// The Flesch–Kincaid grade of average sentence and word lengths (the formula behind `fleschKincaidGrade`).
  @inlinable
  public static func fleschKincaidGrade(wordsPerSentence: Double, syllablesPerWord: Double) -> Double {
    0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
  }

  /// The UK reading age of a US grade: grade + 5, never below 5.
  public static func readingAge(grade: Double) -> Double { max(5, grade + 5) }
}

/// The readability of one part of a document: a section (a heading and what follows it, up to the next
/// heading) or a paragraph.
///
/// A part keeps its offsets and counts in 32 bits (a document is at most 4 GiB, so no part's count is larger): 56
/// bytes instead of 88. A large plain text has hundreds of thousands of paragraphs, kept until it is reported.
public struct PartMetrics: Hashable, Sendable {
  private var storedStart: UInt32
  private var storedEnd: UInt32
  /// For a section: its heading as written (empty for the text before the first heading).
  public var title: String
  private var storedCounts: CompactCounts

  /// The part's byte range in the source file.
  public var range: Range<Int> {
    get { Int(storedStart)..<Int(storedEnd) }
    set {
      storedStart = UInt32(truncatingIfNeeded: newValue.lowerBound)
      storedEnd = UInt32(truncatingIfNeeded: newValue.upperBound)
    }
  }

  /// The part's counts.
  public var counts: TextCounts {
    get { storedCounts.counts }
    set { storedCounts = CompactCounts(newValue) }
  }

  /// Creates the metrics of a part.
  public init(range: Range<Int>, title: String, counts: TextCounts) {
    storedStart = UInt32(truncatingIfNeeded: range.lowerBound)
    storedEnd = UInt32(truncatingIfNeeded: range.upperBound)
    self.title = title
    storedCounts = CompactCounts(counts)
  }

  /// `TextCounts` in 32 bits each.
  private struct CompactCounts: Hashable, Sendable {
    var words, sentences, syllables, polysyllables, complexWords, letters, hardWords: UInt32

    init(_ counts: TextCounts) {
      words = UInt32(truncatingIfNeeded: counts.words)
      sentences = UInt32(truncatingIfNeeded: counts.sentences)
      syllables = UInt32(truncatingIfNeeded: counts.syllables)
      polysyllables = UInt32(truncatingIfNeeded: counts.polysyllables)
      complexWords = UInt32(truncatingIfNeeded: counts.complexWords)
      letters = UInt32(truncatingIfNeeded: counts.letters)
      hardWords = UInt32(truncatingIfNeeded: counts.hardWords)
    }

    var counts: TextCounts {
      var counts = TextCounts()
      counts.words = Int(words)
      counts.sentences = Int(sentences)
      counts.syllables = Int(syllables)
      counts.polysyllables = Int(polysyllables)
      counts.complexWords = Int(complexWords)
      counts.letters = Int(letters)
      counts.hardWords = Int(hardWords)
      return counts
    }
  }
}

/// The readability of a document as a whole, of each section and of each paragraph.
public struct DocumentMetrics: Hashable, Sendable {
  /// The whole document (page titles, image descriptions and other metadata are not counted).
  public var document = TextCounts()
  /// Each section, in order. A document with no headings has none.
  public var sections: [PartMetrics] = []
  /// Each paragraph, in order (not headings, list items or table cells).
  public var paragraphs: [PartMetrics] = []
  /// Each sentence of the running text (not headings or page titles), in order, when the measurer was asked for
  /// them (`plainlint report`); empty otherwise.
  public var sentences: [PartMetrics] = []

  /// Creates empty metrics.
  public init() {}

  /// Maps the ranges of the parts from prose offsets to source offsets.
  public mutating func mapRanges(_ map: SourceMap) {
    guard !map.isIdentity else { return }
    for index in sections.indices { sections[index].range = map.sourceRange(ofProse: sections[index].range) }
    for index in paragraphs.indices { paragraphs[index].range = map.sourceRange(ofProse: paragraphs[index].range) }
    for index in sentences.indices { sentences[index].range = map.sourceRange(ofProse: sentences[index].range) }
  }
}

/// Makes a document's metrics while the linter reads it: a checker whose metrics are read at the end.
public protocol MetricsChecker: RuleChecker {
  /// The metrics of the document, once the linter has finished with it (ranges in prose offsets).
  var metrics: DocumentMetrics { get }
  /// The metrics, handed over: the checker keeps no copy, so the caller can change them in place without
  /// copying arrays the checker still shares (a large document has a part for every paragraph). Read once, at
  /// the end; `metrics` is empty after. By default the same as `metrics`.
  func takeMetrics() -> DocumentMetrics
}

extension MetricsChecker {
  public func takeMetrics() -> DocumentMetrics { metrics }
}

/// Measures documents: makes a `MetricsChecker` for each one.
public protocol DocumentMeasurer: Sendable {
  /// Makes the measuring checker of one document.
  func makeChecker(document: DocumentState) -> any MetricsChecker
}
