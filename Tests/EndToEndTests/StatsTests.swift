import Foundation
import Testing

@Suite("plainlint stats, end to end")
struct StatsTests {
  @Test func textTableOfALeafletWithSections() throws {
    let result = try plainlint(["stats", "--sections", "markdown/leaflet.md"])
    try expectMatchesGolden(result.stdout, "stats/leaflet.md.sections.out")
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
  }

  @Test func jsonOfSeveralFiles() throws {
    let result = try plainlint(["stats", "--format", "json", "coproduction/lay-summary.txt", "html/page.html"])
    try expectMatchesGolden(result.stdout, "stats/two-files.json")
    #expect(result.status == 0)
  }

  /// `check --format json` carries the same figures in each file's `metrics`.
  @Test func checkJSONHasTheSameMetricsAsStats() throws {
    func metrics(_ arguments: [String]) throws -> NSDictionary {
      let output = try plainlint(arguments).stdout
      let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
      let files = try #require(json["files"] as? [[String: Any]])
      return try #require(files.first?["metrics"] as? NSDictionary)
    }
    let fromCheck = try metrics(["check", "--format", "json", "markdown/leaflet.md"])
    let fromStats = try metrics(["stats", "--format", "json", "markdown/leaflet.md"])
    #expect(fromCheck == fromStats)
    #expect((fromCheck["sections"] as? [Any])?.count == 4)
    #expect((fromCheck["paragraphs"] as? [Any])?.isEmpty == false)
  }

  @Test func paragraphsAreListedWithTheirReadingAge() throws {
    let result = try plainlint(["stats", "--paragraphs", "coproduction/lay-summary.txt"])
    try expectMatchesGolden(result.stdout, "stats/lay-summary.txt.paragraphs.out")
    #expect(result.stdout.contains("Paragraph  Sentences  Words  Reading age  Hard words"))
    #expect(result.stdout.contains("above the target of 11"))
  }

  @Test func theTargetFollowsTheReadingAgeOption() throws {
    let result = try plainlint(["stats", "--option", "reading-age.target=9", "readability/easy-leaflet.txt"])
    #expect(result.stdout.contains("within the target of 9"))
  }

  @Test func anEmptyFileHasNoFiguresButNoError() throws {
    let result = try plainlint(["stats", "text/empty.txt"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("no sentences to measure"))
  }

  @Test func aMissingFileIsReportedAndTheOthersMeasured() throws {
    let result = try plainlint(["stats", "no-such-file.txt", "readability/story.txt"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no-such-file.txt"))
    #expect(result.stdout.contains("readability/story.txt"))
  }

  @Test func aBadOptionIsAUsageError() throws {
    let result = try plainlint(["stats", "--option", "reading-age.targt=9", "readability/story.txt"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("did you mean 'target'?"))
  }
}
