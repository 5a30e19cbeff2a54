import Foundation
import Testing

@Suite("Dictionaries, end to end")
struct DictionaryEndToEndTests {
  @Test func theBuiltInDictionariesCheckClean() throws {
    let result = try plainlint(["dictionary", "check"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    for name in ["acronyms", "medical", "health-service", "research", "bureaucratic", "plain-english", "inclusive", "latin"] {
      #expect(result.stdout.contains("Dictionaries/\(name).csv: "), "no line for \(name).csv")
    }
  }

  @Test func aBrokenFileIsReportedByLineAndColumn() throws {
    try withTemporaryFolder { folder in
      let csv = """
        term,variants,alternatives,category,explanation,source,region,auto_fix,exceptions
        utilise,,use,plain-english,A long way of saying use.,govuk,both,yes,
        commence,,start,plainish,Start.,govuk,both,,
        "open,,x,medical,X.,cdc,both,,

        """
      try csv.write(to: folder.appendingPathComponent("mine.csv"), atomically: true, encoding: .utf8)
      let result = try plainlint(["dictionary", "check", "mine.csv"], in: folder)
      #expect(result.status == 1)
      #expect(result.stdout.isEmpty)
      #expect(result.stderr.hasPrefix("mine.csv:4:1: error: this quoted cell has no closing quote"))
      try (csv.replacingOccurrences(of: "\"open", with: "open")).write(
        to: folder.appendingPathComponent("mine.csv"), atomically: true, encoding: .utf8)
      let fixed = try plainlint(["dictionary", "check", "mine.csv"], in: folder)
      #expect(fixed.status == 1)
      #expect(
        fixed.stderr
          == "mine.csv:3:17: error: \"plainish\" is not a category; use one of: medical, health-service, research, "
          + "bureaucratic, plain-english, inclusive, latin\nmine.csv: 2 entries, 1 error, 0 warnings\n")
    }
  }

  @Test func aProjectListMayNameItsOwnSource() throws {
    try withTemporaryFolder { folder in
      let csv = """
        term,variants,alternatives,category,explanation,source,region,auto_fix,exceptions
        widget board,,team meeting,research,Our name for the weekly meeting.,our style guide,both,yes,

        """
      try csv.write(to: folder.appendingPathComponent("ours.csv"), atomically: true, encoding: .utf8)
      let strict = try plainlint(["dictionary", "check", "ours.csv"], in: folder)
      #expect(strict.status == 1)
      #expect(strict.stderr.contains("ours.csv:2:"))
      #expect(strict.stderr.contains("unknown source \"our style guide\""))
      let project = try plainlint(["dictionary", "check", "--project", "ours.csv"], in: folder)
      #expect(project.status == 0)
      #expect(project.stdout == "ours.csv: 1 entry, no problems\n")
      let noFiles = try plainlint(["dictionary", "check", "--project"], in: folder)
      #expect(noFiles.status == 64 || noFiles.status == 2)
      #expect(noFiles.stderr.contains("--project needs the files to check"))
    }
  }

  @Test func anUnknownColumnSaysWhichColumnsThereAre() throws {
    try withTemporaryFolder { folder in
      let csv = """
        term,variants,alternatives,category,explanation,source,region,safe_fix,exceptions
        widget board,,team meeting,research,Our name.,plainlint,both,yes,

        """
      try csv.write(to: folder.appendingPathComponent("ours.csv"), atomically: true, encoding: .utf8)
      let result = try plainlint(["dictionary", "check", "ours.csv"], in: folder)
      #expect(result.status == 1)
      #expect(
        result.stderr.contains(
          "ours.csv:1:8: error: unknown column \"safe_fix\"; the columns are: term, variants, alternatives, "))
    }
  }

  @Test func aMissingFileIsAUsageProblem() throws {
    let result = try plainlint(["dictionary", "check", "no-such.csv"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("no-such.csv: error: cannot read the file"))
  }

  @Test func theProgramCarriesItsDictionaries() throws {
    // Copied alone to another folder and run from a third, plainlint still knows its word lists.
    try withTemporaryFolder { folder in
      let bin = folder.appendingPathComponent("bin")
      let work = folder.appendingPathComponent("work")
      try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
      let copy = bin.appendingPathComponent("plainlint")
      try FileManager.default.copyItem(at: plainlintBinary, to: copy)
      try "Please utilise the PALS office.\n".write(
        to: work.appendingPathComponent("note.txt"), atomically: true, encoding: .utf8)
      let process = Process()
      process.executableURL = copy
      process.arguments = ["check", "--format", "json", "note.txt"]
      process.currentDirectoryURL = work
      let out = Pipe()
      process.standardOutput = out
      try process.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      let output = String(decoding: data, as: UTF8.self)
      #expect(process.terminationStatus == 1)
      #expect(output.contains("\"rule\": \"complex-word\""))
      #expect(output.contains("\"rule\": \"acronym-undefined\""))
      #expect(output.contains("patient advice and liaison service (PALS)"))
    }
  }

  @Test func usEnglishIsAnOption() throws {
    let text = Data("Take acetaminophen at the emergency room.\n".utf8)
    let uk = try plainlint(["check", "--language", "text", "-"], stdin: text)
    let us = try plainlint(["check", "--language", "text", "--english", "us", "-"], stdin: text)
    #expect(uk.stdout.contains("acetaminophen"))
    #expect(!us.stdout.contains("acetaminophen"))
    let wrong = try plainlint(["check", "--english", "french", "-"], stdin: text)
    #expect(wrong.status == 2)
  }
}
