import Foundation
import PlainLintCore
import Testing

/// A Python virtual environment in the build folder with packages from PyPI, made once per test run.
enum PythonEnvironment {
  /// Held while an environment is made: suites running in parallel may ask for the same one.
  private static let making = NSLock()

  /// The folder of the environment named `name`, with `packages` installed (pinned versions).
  static func make(_ name: String, packages: [String]) throws -> URL {
    making.lock()
    defer { making.unlock() }
    let folder = plainlintBinary.deletingLastPathComponent().appendingPathComponent("python/\(name)")
    let python = folder.appendingPathComponent("bin/python")
    let marker = folder.appendingPathComponent("installed.txt")
    let wanted = packages.joined(separator: "\n")
    if (try? String(contentsOf: marker, encoding: .utf8)) == wanted { return python }
    try run("/usr/bin/env", ["python3", "-m", "venv", "--clear", folder.path])
    try run(python.path, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + packages)
    try wanted.write(to: marker, atomically: true, encoding: .utf8)
    return python
  }

  /// Runs a program and returns its standard output; throws with its standard error if it fails.
  @discardableResult
  static func run(_ program: String, _ arguments: [String]) throws -> Data {
    let result = try EndToEndTests.run(URL(fileURLWithPath: program), arguments)
    guard result.status == 0 else {
      throw PythonError(description: "\(program) \(arguments.joined(separator: " ")) failed: \(result.stderr)")
    }
    return Data(result.stdout.utf8)
  }

  struct PythonError: Error, CustomStringConvertible {
    var description: String
  }
}

/// The figures textstat gives for a text, and the ones plainlint gives (which has no `characters`).
struct Figures: Decodable {
  var words: Int
  var sentences: Int
  var syllables: Int
  var polysyllables: Int
  var letters: Int
  var characters: Int?
  var fleschReadingEase: Double
  var fleschKincaidGrade: Double
  var smogGrade: Double
  var colemanLiau: Double
  var automatedReadabilityIndex: Double
  var gunningFog: Double
}

/// The readability formulas checked against textstat, an independent implementation in Python installed from
/// PyPI, on the texts in `Fixtures/readability/`.
@Suite("Readability against textstat", .serialized)
struct ReadabilityCrossCheckTests {
  static let texts = ["easy-leaflet.txt", "story.txt", "appointment-letter.txt", "consent-form.txt",
    "research-summary.txt"]

  static let textstat: [String: Figures] = {
    do {
      let python = try PythonEnvironment.make("textstat", packages: ["textstat==0.7.3", "pyphen==0.18.1"])
      let script = packageRoot.appendingPathComponent("Tests/Python/textstat_figures.py")
      let paths = texts.map { fixtures.appendingPathComponent("readability/\($0)").path }
      let output = try PythonEnvironment.run(python.path, [script.path] + paths)
      return try JSONDecoder().decode([String: Figures].self, from: output)
    } catch {
      Issue.record("could not run textstat (installed from PyPI into the build folder): \(error)")
      return [:]
    }
  }()

  /// Given textstat's own counts, plainlint's formulas give textstat's figures. Differences in the formulas
  /// themselves: textstat's Coleman–Liau uses 0.058 where Coleman and Liau's paper has 0.0588; its ARI counts
  /// every character that is not a space (punctuation too), so the check gives plainlint those characters.
  @Test("The same counts give the same figures", arguments: texts)
  func formulas(_ name: String) throws {
    let theirs = try #require(Self.textstat[name])
    let counts = TextCounts(
      words: theirs.words, sentences: theirs.sentences, syllables: theirs.syllables,
      polysyllables: theirs.polysyllables, complexWords: 0, letters: theirs.letters, hardWords: 0)
    let scores = counts.scores
    #expect(abs(try #require(scores.fleschReadingEase) - theirs.fleschReadingEase) < 1e-9)
    #expect(abs(try #require(scores.fleschKincaidGrade) - theirs.fleschKincaidGrade) < 1e-9)
    if theirs.sentences >= 3 {  // textstat gives 0 below 3 sentences
      #expect(abs(try #require(scores.smogGrade) - theirs.smogGrade) < 0.001)  // its constant is 1.043
    }
    let lettersPer100 = 100 * Double(theirs.letters) / Double(theirs.words)
    #expect(abs(try #require(scores.colemanLiau) - 0.0008 * lettersPer100 - theirs.colemanLiau) < 1e-9)
    var withCharacters = counts
    withCharacters.letters = try #require(theirs.characters)
    #expect(
      abs(try #require(withCharacters.scores.automatedReadabilityIndex) - theirs.automatedReadabilityIndex) < 1e-9)
  }

  /// plainlint's own counts differ from textstat's in known ways (README, "How plainlint counts"), so the
  /// figures agree within limits: the same words; more sentences (a heading or a sign-off is a sentence to
  /// plainlint, and textstat drops sentences of one or two words); syllables from a pronouncing dictionary
  /// rather than hyphenation patterns.
  @Test("plainlint's figures are close to textstat's", arguments: texts)
  func wholeTexts(_ name: String) throws {
    let theirs = try #require(Self.textstat[name])
    let result = try plainlint(["stats", "--format", "json", "readability/\(name)"])
    #expect(result.status == 0, "\(result.stderr)")
    struct Output: Decodable {
      struct File: Decodable { var metrics: Figures }
      var files: [File]
    }
    let ours = try #require(try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8)).files.first).metrics
    #expect(abs(ours.words - theirs.words) <= 2, "words: \(ours.words) against \(theirs.words)")
    #expect(
      ours.sentences >= theirs.sentences && ours.sentences <= theirs.sentences + 5,
      "sentences: \(ours.sentences) against \(theirs.sentences)")
    let syllableRatio = Double(ours.syllables) / Double(theirs.syllables)
    #expect(syllableRatio > 0.93 && syllableRatio < 1.10, "syllables: \(ours.syllables) against \(theirs.syllables)")
    #expect(abs(ours.letters - theirs.letters) <= 3, "letters: \(ours.letters) against \(theirs.letters)")
    #expect(
      abs(ours.fleschKincaidGrade - theirs.fleschKincaidGrade) < 2,
      "Flesch–Kincaid: \(ours.fleschKincaidGrade) against \(theirs.fleschKincaidGrade)")
    #expect(
      abs(ours.fleschReadingEase - theirs.fleschReadingEase) < 12,
      "Flesch Reading Ease: \(ours.fleschReadingEase) against \(theirs.fleschReadingEase)")
    #expect(
      abs(ours.colemanLiau - theirs.colemanLiau) < 2,
      "Coleman–Liau: \(ours.colemanLiau) against \(theirs.colemanLiau)")
  }
}

/// The formulas against the worked examples and tables of their original papers.
@Suite("Readability formulas against their papers")
struct ReadabilityPaperTests {
  /// Flesch (1948), "A new readability yardstick": his table of typical averages for each band of the Reading
  /// Ease scale (words per sentence, syllables per 100 words, the band's scores).
  static let fleschTable: [(wordsPerSentence: Int, syllablesPer100: Int, band: ClosedRange<Double>)] = [
    (8, 123, 90...100), (11, 131, 80...90), (14, 139, 70...80), (17, 147, 60...70), (21, 155, 50...60),
    (25, 167, 30...50), (29, 192, 0...30),
  ]

  @Test("Flesch's table of typical texts falls in its bands", arguments: 0..<7)
  func fleschTable(_ row: Int) throws {
    let (wordsPerSentence, syllablesPer100, band) = Self.fleschTable[row]
    // 100 sentences of that length, with that many syllables per 100 words.
    let words = 100 * wordsPerSentence
    let counts = TextCounts(
      words: words, sentences: 100, syllables: syllablesPer100 * words / 100, polysyllables: 0, complexWords: 0,
      letters: 0, hardWords: 0)
    let ease = try #require(counts.scores.fleschReadingEase)
    #expect(band.lowerBound - 1 <= ease && ease <= band.upperBound + 1, "\(ease) is outside \(band)")
  }

  /// McLaughlin (1969), "SMOG grading": with 30 sentences, 95 polysyllables give grade 13 by his quick method
  /// (the square root of the nearest perfect square, 100, plus 3); his regression formula gives 13.3.
  @Test func smogExample() throws {
    let counts = TextCounts(
      words: 600, sentences: 30, syllables: 900, polysyllables: 95, complexWords: 0, letters: 0, hardWords: 0)
    let grade = try #require(counts.scores.smogGrade)
    #expect(abs(grade - (1.0430 * 95.0.squareRoot() + 3.1291)) < 1e-9)
    #expect(abs(grade - 13) < 0.5)
    #expect(counts.scores.smogHasFewSentences == false)
  }

  /// Reading age is the Flesch–Kincaid grade + 5, and never below 5.
  @Test func readingAge() throws {
    let counts = TextCounts(
      words: 150, sentences: 10, syllables: 210, polysyllables: 10, complexWords: 8, letters: 650, hardWords: 3)
    let scores = counts.scores
    let expectedGrade: Double = 0.39 * 15 + 11.8 * 1.4 - 15.59
    let grade = try #require(scores.fleschKincaidGrade)
    let age = try #require(scores.readingAge)
    let hard = try #require(scores.hardWordsPer100)
    #expect(abs(grade - expectedGrade) < 1e-9)
    #expect(abs(age - (grade + 5)) < 1e-9)
    #expect(abs(hard - 2) < 1e-9)
    let easy = TextCounts(words: 30, sentences: 10, syllables: 30, polysyllables: 0, complexWords: 0, letters: 90,
      hardWords: 0)
    #expect(easy.scores.readingAge == 5)
    #expect(TextCounts().scores.readingAge == nil)
  }
}
