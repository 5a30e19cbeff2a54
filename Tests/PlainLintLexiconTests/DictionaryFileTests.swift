import Testing

@testable import PlainLintLexicon

let header = "term,variants,alternatives,category,explanation,source,region,auto_fix,exceptions\n"

func file(_ text: String, name: String = "test.csv") -> DictionaryFile {
  DictionaryFile(name: name, bytes: Array(text.utf8))
}

@Suite("CSV as RFC 4180 says")
struct CSVTests {
  @Test func quotedCellsKeepCommasQuotesAndLineBreaks() throws {
    let table = try CSVTable(parsing: Array("a,b,c\n\"x, y\",\"say \"\"yes\"\"\",\"two\nlines\"\r\nplain,,end".utf8))
    #expect(table.header == ["a", "b", "c"])
    #expect(table.records.map(\.fields) == [["x, y", "say \"yes\"", "two\nlines"], ["plain", "", "end"]])
    #expect(table.records.map(\.line) == [2, 4])
    #expect(table.records[1].columns == [1, 7, 8])
  }

  @Test func aByteOrderMarkAndBlankLinesAreSkipped() throws {
    let table = try CSVTable(parsing: [0xEF, 0xBB, 0xBF] + Array("a,b\n\n1,2\n\n".utf8))
    #expect(table.header == ["a", "b"])
    #expect(table.records.map(\.fields) == [["1", "2"]])
  }

  @Test func anUnclosedQuoteIsReportedWhereItOpens() {
    #expect(throws: DictionaryProblem.self) { try CSVTable(parsing: Array("a,b\n1,\"open\n2,3\n".utf8)) }
    let problems = file("term,variants\nx,\"open\n").problems
    #expect(problems.map(\.line) == [2])
    #expect(problems.map(\.column) == [3])
    #expect(problems.first?.message.contains("no closing quote") == true)
  }

  @Test func aStrayQuoteIsReportedAtItsColumn() {
    let problems = file(header + "ut\"ilise,,use,plain-english,A long word.,govuk,both,yes,\n").problems
    #expect(problems.map { "\($0.line):\($0.column)" } == ["2:3"])
  }
}

@Suite("Dictionary files are checked row by row")
struct DictionaryFileTests {
  @Test func aGoodRowBecomesAnEntry() throws {
    let read = file(
      header
        + "utilise,utilize;utilisation,use,plain-english,A long way of saying use.,govuk;18f,both,yes,\n"
        + "acute,,sudden;short-term,medical,Starts quickly.,nhs-a-z,UK,,acute myeloid leukaemia;acute kidney injury\n")
    #expect(read.problems.isEmpty)
    #expect(read.kind == .wordList)
    let entry = try #require(read.words.first)
    #expect(entry.term == "utilise")
    #expect(entry.variants == ["utilize", "utilisation"])
    #expect(entry.alternatives == ["use"])
    #expect(entry.category == .plainEnglish)
    #expect(entry.sources == ["govuk", "18f"])
    #expect(entry.autoFix)
    #expect(entry.line == 2)
    #expect(read.words[1].region == .uk)
    #expect(!read.words[1].autoFix)
    #expect(read.words[1].exceptions == ["acute myeloid leukaemia", "acute kidney injury"])
  }

  @Test func eachBadCellIsReportedWithItsLineAndColumn() {
    let read = file(
      header
        + "utilise,,use,plainish,A long way of saying use.,govuk,both,yes,\n"
        + ",,use,plain-english,,govuk,Wales,maybe,\n"
        + "commence,,start,plain-english,Start.,wikipedia,both,,\n")
    let described = read.problems.map { "\($0.line):\($0.column): \($0.message)" }
    #expect(described.contains { $0.hasPrefix("2:14: \"plainish\" is not a category") })
    #expect(described.contains { $0.hasPrefix("3:1: the \"term\" cell is empty") })
    #expect(described.contains { $0.hasPrefix("3:21: the \"explanation\" cell is empty") })
    #expect(described.contains { $0.hasPrefix("3:28: \"Wales\" is not a region") })
    #expect(described.contains { $0.hasPrefix("3:34: \"maybe\" is not yes or no") })
    #expect(described.contains { $0.hasPrefix("4:38: unknown source \"wikipedia\"") })
    #expect(read.words.isEmpty)
    #expect(read.hasErrors)
  }

  @Test func theHeaderMustNameTheColumns() {
    let unknown = file("term,variants,alternativs,category,explanation,source,region,auto_fix,exceptions\n")
    #expect(unknown.problems.first?.message.hasPrefix("unknown column \"alternativs\"; did you mean \"alternatives\"?") == true)
    let missing = file("term,category,explanation,source\n")
    #expect(missing.problems.map(\.message).contains("the header row has no \"region\" column; add it"))
    let neither = file("word,meaning\n")
    #expect(neither.problems.first?.message.hasPrefix("the first row must name the columns") == true)
  }

  @Test func rowsWithTheWrongNumberOfCellsAreReported() {
    let read = file(header + "in order to,,to,plain-english,Shorter, and the same.,govuk,both,yes,\n")
    #expect(read.problems.map(\.line) == [2])
    #expect(read.problems.first?.message.contains("put cells that contain a comma in double quotes") == true)
  }

  @Test func aFormInTwoRowsIsReported() {
    let read = file(
      header + "utilise,utilize,use,plain-english,Use.,govuk,both,yes,\n" + "utilize,,use,plain-english,Use.,18f,US,yes,\n")
    #expect(read.problems.map(\.message) == ["\"utilize\" is already in the entry on line 2; keep one"])
    #expect(read.problems.map(\.line) == [3])
  }

  @Test func adviceIsAWarningNotAnError() {
    let read = file(
      header + "ameliorate,,make something that is bad better in some way or other,plain-english,Improve.,cdc,both,,\n")
    #expect(read.problems.map(\.level) == [.warning])
    #expect(!read.hasErrors)
    #expect(read.words.count == 1)
  }

  @Test func textThatIsNotUTF8IsRefused() {
    let read = DictionaryFile(name: "x.csv", bytes: Array(header.utf8) + [0x63, 0x61, 0x66, 0xE9, 0x0A])
    #expect(read.problems.map { "\($0.line):\($0.column)" } == ["2:4"])
    #expect(read.problems.first?.message.contains("CSV UTF-8") == true)
  }

  @Test func acronymsNeedAReplacementWhenOutdatedOrAvoided() throws {
    let read = file(
      "acronym,expansion,policy,replacement,explanation,source,region\n"
        + "CCG,clinical commissioning group,outdated,,Replaced by ICBs.,nhs-a-z,UK\n"
        + "PALS,patient advice and liaison service,define,,Helps with complaints.,plainlint,UK\n"
        + "PPI,patient and public involvement;proton pump inhibitor,define,,Two meanings.,plainlint,both\n")
    #expect(read.kind == .acronyms)
    #expect(read.problems.map(\.message) == ["an acronym that is outdated needs a replacement to suggest"])
    #expect(read.acronyms.map(\.acronym) == ["PALS", "PPI"])
    #expect(read.acronyms[1].expansions == ["patient and public involvement", "proton pump inhibitor"])
  }
}
