import Foundation
import Testing

/// Every format `check --format` writes.
let checkFormats = ["text", "json", "sarif", "github", "rdjson", "rdjsonl", "checkstyle", "junit", "gitlab"]

@Suite("--jobs: linting files at once gives the same output")
struct JobsTests {
  @Test("check over the whole fixtures folder, in every format, with 1, 2 and 8 jobs", arguments: checkFormats)
  func checkOutputIsTheSame(_ format: String) throws {
    let one = try plainlint(["check", "--format", format, "--jobs", "1", "."])
    #expect(one.status == 2, "the fixtures include files that cannot be read as they are")
    #expect(one.stdout.count > 10_000)
    for jobs in ["2", "8"] {
      let many = try plainlint(["check", "--format", format, "--jobs", jobs, "."])
      #expect(many.stdout == one.stdout)
      #expect(many.stderr == one.stderr)
      #expect(many.status == one.status)
    }
  }

  @Test("the default (one job per processor) gives what one job gives")
  func theDefaultIsTheSame() throws {
    let one = try plainlint(["check", "--format", "json", "--jobs", "1", "markdown", "html", "text"])
    let byDefault = try plainlint(["check", "--format", "json", "markdown", "html", "text"])
    #expect(byDefault.stdout == one.stdout)
    #expect(byDefault.stderr == one.stderr)
  }

  @Test("stats over many files, with sections and paragraphs, is the same with 1 and 2 jobs")
  func statsOutputIsTheSame() throws {
    for format in ["text", "json"] {
      let arguments = ["stats", "--format", format, "--sections", "--paragraphs"]
      let one = try plainlint(arguments + ["--jobs", "1", "."])
      let two = try plainlint(arguments + ["--jobs", "2", "."])
      #expect(one.stdout.count > 10_000)
      #expect(two.stdout == one.stdout)
      #expect(two.stderr == one.stderr)
    }
  }

  @Test("--fix with 2 jobs fixes every file as 1 job does, and reports in the same order")
  func fixIsTheSame() throws {
    let names = ["leaflet.txt", "leaflet.md", "leaflet.html", "crlf.txt", "bom-latin1.txt"]
    var outputs: [String: RunResult] = [:]
    var fixed: [String: [[UInt8]]] = [:]
    for jobs in ["1", "2"] {
      try withFixCopy { folder in
        outputs[jobs] = try plainlint(["check", "--fix", "--jobs", jobs] + names, in: folder)
        fixed[jobs] = try names.map { try bytes($0, in: folder) }
      }
    }
    #expect(outputs["1"]?.stdout.contains("fixed:") == true)
    #expect(outputs["2"]?.stdout == outputs["1"]?.stdout)
    #expect(outputs["2"]?.stderr == outputs["1"]?.stderr)
    #expect(fixed["2"] == fixed["1"])
    try withFixCopy { folder in
      let original = try names.map { try bytes($0, in: folder) }
      #expect(fixed["1"] != original, "the fixes changed something")
      let diffOne = try plainlint(["check", "--fix", "--dry-run", "--jobs", "1"] + names, in: folder)
      let diffTwo = try plainlint(["check", "--fix", "--dry-run", "--jobs", "2"] + names, in: folder)
      #expect(diffTwo.stdout == diffOne.stdout)
      #expect(try names.map { try bytes($0, in: folder) } == original)
    }
  }

  @Test("--jobs needs a number of 1 or more")
  func badJobsAreUsageErrors() throws {
    for command in ["check", "stats"] {
      let zero = try plainlint([command, "--jobs", "0", "text/clean.txt"])
      #expect(zero.status == 2)
      #expect(zero.stderr.contains("--jobs needs a number of 1 or more"))
      let word = try plainlint([command, "--jobs", "many", "text/clean.txt"])
      #expect(word.status == 2)
    }
  }
}

@Suite("Reports written file by file as the files are linted")
struct StreamedReportTests {
  @Test("the streamed report on standard output is the report --output writes, with the same exit code")
  func streamedIsTheSameAsWritten() throws {
    for format in ["json", "text"] {
      for extra in [[], ["--quiet"], ["--max-warnings", "3"]] {
        try withTemporaryFolder { folder in
          let file = folder.appendingPathComponent("report.out").path
          let streamed = try plainlint(["check", "--format", format] + extra + ["markdown", "html", "text"])
          let written = try plainlint(
            ["check", "--format", format, "--output", file] + extra + ["markdown", "html", "text"])
          #expect(try String(contentsOfFile: file, encoding: .utf8) == streamed.stdout, "\(format) \(extra)")
          #expect(written.status == streamed.status)
          #expect(written.stderr == streamed.stderr)
        }
      }
    }
  }

  @Test("reports of many megabytes, written out while they are made, are the reports --output writes")
  func aLargeFilesReportWrittenAsItIsMade() throws {
    try withTemporaryFolder { folder in
      let leaflet = try String(contentsOf: fixtures.appendingPathComponent("samples/leaflet.txt"), encoding: .utf8)
      // About 1.5 MB, whose report goes out in several parts of 1 MB. Small files before and after it.
      let copies = max(1, 1_500_000 / leaflet.utf8.count)
      try write(String(repeating: leaflet + "\n", count: copies), to: "b.txt", in: folder)
      try write(leaflet, to: "a.txt", in: folder)
      try write(leaflet, to: "c.txt", in: folder)
      let files = ["a.txt", "b.txt", "c.txt"]
      for format in ["json", "text"] {
        let file = folder.appendingPathComponent("report.\(format)").path
        let written = try plainlint(["check", "--format", format, "--output", file] + files, in: folder)
        let expected = try String(contentsOfFile: file, encoding: .utf8)
        #expect(expected.utf8.count > 2_500_000, "several of the 1 MB parts the report goes out in")
        for jobs in ["1", "2"] {
          let streamed = try plainlint(["check", "--format", format, "--jobs", jobs] + files, in: folder)
          #expect(streamed.stdout == expected, "\(format), --jobs \(jobs)")
          #expect(streamed.status == written.status)
        }
      }
    }
  }
}
