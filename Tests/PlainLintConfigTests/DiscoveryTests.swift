import Foundation
import PlainLintCore
import PlainLintRules
import Testing

@testable import PlainLintConfig

@Suite("Finding the configuration", .serialized)
struct DiscoveryTests {
  @Test func theNearestConfigurationWinsAndNoneAreMerged() throws {
    try withProject { root in
      try write("rules:\n  passive-voice: off\n", to: ".plainlint.yml", in: root)
      try write("rules:\n  jargon: error\n", to: "docs/.plainlint.yml", in: root)
      let finder = ConfigFinder(currentFolder: root)
      let top = finder.resolve(file: "a.md")
      #expect(top.configuration?.displayPath == ".plainlint.yml")
      #expect(!top.settings.isEnabled("passive-voice"))
      let nested = finder.resolve(file: "docs/deep/er/b.md")
      #expect(nested.configuration?.displayPath == "docs/.plainlint.yml")
      #expect(nested.settings.severity(of: JargonRule.self) == .error)
      // No merging: the nearer file's settings alone apply.
      #expect(nested.settings.isEnabled("passive-voice"))
      #expect(finder.problems.isEmpty)
    }
  }

  @Test func discoveryStopsAtTheRepositoryRoot() throws {
    try withProject { outer in
      try write("rules:\n  jargon: off\n", to: ".plainlint.yml", in: outer)
      // An inner repository (a `.git` file, as in a worktree or submodule) has no configuration of its own.
      try write("gitdir: elsewhere\n", to: "inner/.git", in: outer)
      let finder = ConfigFinder(currentFolder: outer)
      #expect(finder.resolve(file: "inner/docs/a.md").configuration == nil)
      #expect(finder.resolve(file: "inner/docs/a.md").settings == .defaults)
      #expect(finder.resolve(file: "other/a.md").configuration != nil)
      // The root's own configuration counts.
      try write("rules:\n  jargon: error\n", to: "inner/.plainlint.yml", in: outer)
      let again = ConfigFinder(currentFolder: outer)
      #expect(again.resolve(file: "inner/docs/a.md").settings.severity(of: JargonRule.self) == .error)
    }
  }

  @Test func eachFolderIsSearchedOnceAndEachFileReadOnce() throws {
    try withProject { root in
      try write("ignore: \"**/skip-*.md\"\n", to: ".plainlint.yml", in: root)
      let finder = ConfigFinder(currentFolder: root)
      var ignored = 0
      for folder in 0..<20 {
        for file in 0..<500 {
          let path = "docs/part-\(folder)/\(file % 7 == 0 ? "skip" : "page")-\(file).md"
          if finder.resolve(file: path).isIgnored { ignored += 1 }
        }
      }
      #expect(ignored == 20 * 72)
      #expect(finder.filesRead == 1)
      // The 20 folders, docs and the root: each looked in once for 10,000 files.
      #expect(finder.foldersSearched == 22)
    }
  }

  @Test func anExplicitConfigurationAppliesToEveryInput() throws {
    try withProject { root in
      try write("rules:\n  jargon: off\n", to: "docs/.plainlint.yml", in: root)
      try write("ignore: docs/drafts\nrules:\n  jargon: error\n", to: "ci/strict.yml", in: root)
      let finder = ConfigFinder(configPath: "ci/strict.yml", currentFolder: root)
      let resolution = finder.resolve(file: "docs/a.md")
      #expect(resolution.configuration?.displayPath == "ci/strict.yml")
      #expect(resolution.settings.severity(of: JargonRule.self) == .error)
      // Its globs are relative to its own folder: docs/drafts is ci/docs/drafts, and docs/ is outside it.
      #expect(!finder.resolve(file: "docs/drafts/a.md").isIgnored)
      #expect(finder.resolve(file: "ci/docs/drafts/a.md").isIgnored)
      #expect(finder.resolveStandardInput().configuration?.displayPath == "ci/strict.yml")
      let missing = ConfigFinder(configPath: "nowhere.yml", currentFolder: root)
      #expect(
        missing.problems.map(\.description) == [
          "nowhere.yml: error: cannot read the configuration file: no such file; check the path"
        ])
    }
  }

  @Test func standardInputIsFoundFromTheCurrentFolder() throws {
    try withProject { root in
      try write("audience: professional\n", to: "docs/.plainlint.yml", in: root)
      #expect(ConfigFinder(currentFolder: root + "/docs").resolveStandardInput().settings.audience == .professional)
      #expect(ConfigFinder(currentFolder: root).resolveStandardInput().configuration == nil)
    }
  }

  @Test func aBrokenConfigurationIsReportedOnce() throws {
    try withProject { root in
      try write("rules:\n  jargn: off\n", to: ".plainlint.yml", in: root)
      let finder = ConfigFinder(currentFolder: root)
      for name in ["a.md", "b.md", "c/d.md"] { _ = finder.resolve(file: name) }
      #expect(
        finder.problems.map(\.description) == [
          ".plainlint.yml:2:3: error: unknown rule 'jargn'; did you mean 'jargon'?"
        ])
      #expect(finder.filesRead == 1)
    }
  }

  @Test func projectDictionariesAreReadAndChecked() throws {
    try withProject { root in
      let header = "term,variants,alternatives,category,explanation,source,region,auto_fix,exceptions\n"
      try write(
        header + "cohort,cohorts,group,research,A research word for a group.,ours,both,no,\n", to: "words/ours.csv",
        in: root)
      try write(header + "widget,,thing,colour,Not a category.,ours,both,no,\n", to: "words/bad.csv", in: root)
      try write(
        "dictionaries:\n  - words/ours.csv\noverrides:\n  - files: x/**\n"
          + "    dictionaries: [words/ours.csv, words/other.csv]\n", to: ".plainlint.yml", in: root)
      let finder = ConfigFinder(currentFolder: root)
      _ = finder.resolve(file: "a.md")
      #expect(
        finder.problems.map(\.description) == [
          ".plainlint.yml:5:36: error: cannot read the dictionary 'words/other.csv': no such file; paths are "
            + "relative to the folder of .plainlint.yml"
        ])
      try write("dictionaries: [ours.csv]\n", to: "words/.plainlint.yml", in: root)
      let words = ConfigFinder(currentFolder: root)
      let resolution = words.resolve(file: "words/a.md")
      #expect(words.problems.isEmpty)
      #expect(resolution.settings.dictionaries == [root + "/words/ours.csv"])
      #expect(words.dictionaries.file(root + "/words/ours.csv")?.words.map(\.term) == ["cohort"])
      // A dictionary with errors: each error at the dictionary's own line and column.
      try write("dictionaries:\n  - bad.csv\n", to: "words/.plainlint.yml", in: root)
      let bad = ConfigFinder(currentFolder: root)
      _ = bad.resolve(file: "words/a.md")
      #expect(
        bad.problems.map(\.description) == [
          "words/bad.csv:2:15: error: \"colour\" is not a category; use one of: medical, health-service, research, "
            + "bureaucratic, plain-english, inclusive, latin"
        ])
    }
  }

  @Test func newFilesAreWrittenAtomicallyAndNeverReplaceOne() throws {
    try withProject { root in
      let path = root + "/.plainlint.yml"
      #expect(throws: Never.self) { try FileSystem.createNew(path, bytes: Array("a: 1\n".utf8)).get() }
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "a: 1\n")
      let again = FileSystem.createNew(path, bytes: Array("b: 2\n".utf8))
      guard case .failure(let error) = again else {
        Issue.record("an existing file was replaced")
        return
      }
      #expect(error.isAlreadyThere)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "a: 1\n")
      // No temporary file is left behind, and the new file can be read by others as usual.
      let names = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
      #expect(names == [".git", ".plainlint.yml"])
      let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
      #expect(permissions.map { $0 & 0o044 } == 0o044)
    }
  }
}

@Suite("Paths")
struct PathTests {
  @Test func absolutePathsAreWorkedOutFromTheirText() {
    #expect(FileSystem.absolute("docs/a.md", from: "/work") == "/work/docs/a.md")
    #expect(FileSystem.absolute("./docs//a.md", from: "/work/") == "/work/docs/a.md")
    #expect(FileSystem.absolute("../x/./y/../a.md", from: "/work/p") == "/work/x/a.md")
    #expect(FileSystem.absolute("/etc/../../a.md", from: "/work") == "/a.md")
    #expect(FileSystem.absolute(".", from: "/work") == "/work")
    #expect(FileSystem.absolute("..", from: "/") == "/")
    #expect(FileSystem.absolute("café/ünï.md", from: "/wörk") == "/wörk/café/ünï.md")
  }

  @Test func parentsAndRelativePaths() {
    #expect(FileSystem.parent(of: "/work/docs/a.md") == "/work/docs")
    #expect(FileSystem.parent(of: "/a.md") == "/")
    #expect(FileSystem.parent(of: "/") == "/")
    #expect(FileSystem.relative("/work/docs/a.md", to: "/work") == "docs/a.md")
    #expect(FileSystem.relative("/work", to: "/work") == "")
    #expect(FileSystem.relative("/workshop/a.md", to: "/work") == nil)
    #expect(FileSystem.relative("/a/b", to: "/") == "a/b")
    #expect(FileSystem.display("/work/docs/a.md", currentFolder: "/work") == "docs/a.md")
    #expect(FileSystem.display("/elsewhere/a.md", currentFolder: "/work") == "/elsewhere/a.md")
  }
}
