import Foundation
import struct PlainLintCore.SplitMix64
import Testing

@testable import PlainLintConfig

/// Adds a term and checks the result the way it will be used: it must read without problems, and its `accept:`
/// list must end with the term. Returns the new text.
@discardableResult
func accepted(_ term: String, in text: String?, sourceLocation: SourceLocation = #_sourceLocation)
  throws -> String
{
  let edit = try ConfigEditor.accepting(term, in: text)
  #expect(edit.outcome == .added, sourceLocation: sourceLocation)
  let read = try configuration(edit.text)
  let trimmed = term.trimmingCharacters(in: .whitespaces)
  #expect(read.accept.last?.term == trimmed, sourceLocation: sourceLocation)
  if let text {
    // Nothing was taken away: every line of the old text is still there, in order, but the `accept:` line.
    var remaining = edit.text[...]
    for line in text.split(separator: "\n") where !line.contains("accept:") {
      guard let found = remaining.range(of: line) else {
        Issue.record("lost the line “\(line)”", sourceLocation: sourceLocation)
        break
      }
      remaining = remaining[found.upperBound...]
    }
  }
  return edit.text
}

/// The problem the editor reports for a text it must not change.
func refusal(_ term: String, in text: String?) -> ConfigProblem? {
  do {
    _ = try ConfigEditor.accepting(term, in: text)
    return nil
  } catch { return error }
}

@Suite("Adding a term to accept:")
struct ConfigEditorTests {
  @Test func noFileMakesOne() throws {
    let text = try accepted("oedema", in: nil)
    #expect(text == ConfigEditor.newFileComment + "\naccept:\n  - oedema\n")
    #expect(text.hasPrefix("# "))
  }

  @Test func noAcceptKeyAddsOneAtTheEnd() throws {
    #expect(try accepted("oedema", in: "dialect: en-GB\n") == "dialect: en-GB\naccept:\n  - oedema\n")
    #expect(try accepted("oedema", in: "dialect: en-GB") == "dialect: en-GB\naccept:\n  - oedema\n")
    #expect(
      try accepted("oedema", in: "# Our settings\ndialect: en-GB # UK\n\n# end\n")
        == "# Our settings\ndialect: en-GB # UK\n\n# end\naccept:\n  - oedema\n")
    #expect(try accepted("oedema", in: "") == "accept:\n  - oedema\n")
    #expect(try accepted("oedema", in: "# nothing yet\n") == "# nothing yet\naccept:\n  - oedema\n")
    #expect(
      try accepted("oedema", in: "rules:\n  jargon: error\n  long-sentence:\n    max-words: 30\n")
        == "rules:\n  jargon: error\n  long-sentence:\n    max-words: 30\naccept:\n  - oedema\n")
  }

  @Test func aBlockListGetsAnItemAfterItsLastOne() throws {
    let text = """
      # Words we use
      accept:
        - PALS   # the advice service
        - term: GP
          expansion: general practitioner
        # - not this one

      rules:
        jargon: warning
      """
    #expect(
      try accepted("oedema", in: text) == """
        # Words we use
        accept:
          - PALS   # the advice service
          - term: GP
            expansion: general practitioner
          - oedema
          # - not this one

        rules:
          jargon: warning
        """)
  }

  @Test func aBlockListAtTheKeysIndentationAndAtTheEnd() throws {
    #expect(try accepted("oedema", in: "accept:\n- PALS\n- GP") == "accept:\n- PALS\n- GP\n- oedema")
    #expect(try accepted("oedema", in: "accept:\n    -   PALS\n") == "accept:\n    -   PALS\n    -   oedema\n")
    #expect(
      try accepted("oedema", in: "dialect: en-GB\naccept:\n  - PALS\noverrides:\n  - files: a/**\n    accept: [x]\n")
        == "dialect: en-GB\naccept:\n  - PALS\n  - oedema\noverrides:\n  - files: a/**\n    accept: [x]\n")
  }

  @Test func anEmptyAccept() throws {
    #expect(try accepted("oedema", in: "accept:\ndialect: en-GB\n") == "accept:\n  - oedema\ndialect: en-GB\n")
    #expect(try accepted("oedema", in: "accept: # none yet\n") == "accept: # none yet\n  - oedema\n")
    #expect(try accepted("oedema", in: "accept: ~\n") == "accept:\n  - oedema\n")
    #expect(try accepted("oedema", in: "accept: null  # none\n") == "accept:  # none\n  - oedema\n")
    #expect(try accepted("oedema", in: "accept: []\n") == "accept: [oedema]\n")
    #expect(try accepted("oedema", in: "accept: [ ]\n") == "accept: [oedema ]\n")
  }

  @Test func aFlowListGetsTheTermBeforeItsBracket() throws {
    #expect(try accepted("oedema", in: "accept: [PALS, GP]\n") == "accept: [PALS, GP, oedema]\n")
    #expect(try accepted("oedema", in: "accept: [PALS, GP,]\n") == "accept: [PALS, GP, oedema]\n")
    #expect(
      try accepted("oedema", in: "accept: [\"a, ]b\", 'c''d' ]  # comment ]\n")
        == "accept: [\"a, ]b\", 'c''d', oedema ]  # comment ]\n")
    #expect(
      try accepted("oedema", in: "accept: [\n  PALS, # the service\n  {term: GP, expansion: general practitioner}\n]\n")
        == "accept: [\n  PALS, # the service\n  {term: GP, expansion: general practitioner}, oedema\n]\n")
  }

  @Test func oneTermOnTheKeysLineBecomesAFlowList() throws {
    #expect(try accepted("oedema", in: "accept: PALS\n") == "accept: [PALS, oedema]\n")
    #expect(try accepted("oedema", in: "accept: 'PALS'  # one\n") == "accept: ['PALS', oedema]  # one\n")
  }

  @Test func windowsLineEndingsAreKept() throws {
    #expect(
      try accepted("oedema", in: "dialect: en-GB\r\naccept:\r\n  - PALS\r\nrules: {}\r\n")
        == "dialect: en-GB\r\naccept:\r\n  - PALS\r\n  - oedema\r\nrules: {}\r\n")
    #expect(try accepted("oedema", in: "dialect: en-GB\r\n") == "dialect: en-GB\r\naccept:\r\n  - oedema\r\n")
    #expect(try accepted("oedema", in: "accept:\r\n") == "accept:\r\n  - oedema\r\n")
  }

  @Test func aByteOrderMarkAndTextThatIsNotASCII() throws {
    let text = "\u{FEFF}# Café “words” 😀\naccept:\n  - “quoted” café\n"
    #expect(try accepted("naïve", in: text) == text + "  - naïve\n")
    #expect(try accepted("oedema", in: "accept: [café 😀]\n") == "accept: [café 😀, oedema]\n")
  }

  @Test func anAlreadyAcceptedTermLeavesTheTextAsItIs() throws {
    let text = "accept:\n  - Oedema\n  - term: PALS\n    expansion: Patient Advice and Liaison Service\n"
    #expect(
      try ConfigEditor.accepting("oedema", in: text) == .init(text: text, outcome: .alreadyAccepted(as: "Oedema")))
    #expect(try ConfigEditor.accepting(" oedema ", in: text).outcome == .alreadyAccepted(as: "Oedema"))
    #expect(try ConfigEditor.accepting("PALS", in: text).outcome == .alreadyAccepted(as: "PALS"))
    #expect(try ConfigEditor.accepting("pals", in: "accept: [PALS]").outcome == .alreadyAccepted(as: "PALS"))
    // An acronym is accepted as one only by an entry written as an acronym.
    #expect(try accepted("PALS", in: "accept: [pals]\n") == "accept: [pals, PALS]\n")
  }

  @Test func termsAreQuotedWhenYAMLNeedsIt() throws {
    #expect(ConfigEditor.yamlScalar("oedema") == "oedema")
    #expect(ConfigEditor.yamlScalar("A&E") == "A&E")
    #expect(ConfigEditor.yamlScalar("don’t") == "don’t")
    #expect(ConfigEditor.yamlScalar("Crohn's disease") == "Crohn's disease")
    for term in [
      "key: value", "C# notes", "#hash", "-leading", "[a]", "{b}", "a, b", "\"quoted\"", "'single'", "back\\slash",
      "yes", "No", "null", "~", "*star", "&amp", "!bang", "%pc", "@at", "`tick`", "|pipe", ">fold", "123", "1.5",
      "0x1F", ".inf", "?q", "a  b", "😀 smile", "COVID-19",
    ] {
      #expect(ConfigEditor.yamlScalar(term).hasPrefix("\"") || term == "COVID-19", "\(term)")
      try accepted(term, in: "accept:\n  - PALS\n")
      try accepted(term, in: "accept: [PALS]\n")
      try accepted(term, in: nil)
      try accepted(term, in: "dialect: en-GB\n")
    }
  }

  @Test func randomTermsAlwaysReadBack() throws {
    var generator = SplitMix64(seed: 0x5EED)
    let pieces: [String] = [
      "a", "Z", "é", "ß", "ŵ", "😀", "👩‍⚕️", " ", "-", ":", ": ", "#", " #", "[", "]", "{", "}", ",", "\"", "'",
      "\\", "’", "“", "”", "&", "*", "!", "|", ">", "%", "@", "`", "?", "~", "1", "0x", ".", "/",
      "e\u{301}", "null", "yes",
    ]
    let shapes: [String?] = [
      nil, "", "dialect: en-GB", "accept:\n  - PALS\n", "accept: [PALS, GP]\n", "accept:\n", "accept: []\r\n",
      "accept:\n- x\nrules:\n  jargon: error\n",
    ]
    for _ in 0..<300 {
      let count = Int.random(in: 1...6, using: &generator)
      let term = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let trimmed = term.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { continue }
      for shape in shapes {
        let edit = try ConfigEditor.accepting(term, in: shape)
        let read = try configuration(edit.text)
        if edit.outcome == .added {
          #expect(read.accept.last?.term == trimmed, "\(term) in \(shape ?? "no file")")
        } else {
          #expect(read.accept.contains { $0.term.lowercased() == trimmed.lowercased() })
        }
      }
    }
  }

  @Test func shapesThatCannotBeEditedSafelyAreRefusedWithTheLine() throws {
    let cases: [(String, Int?, String)] = [
      ("words: &w [a, b]\naccept: *w\n", 2, "alias"),
      ("accept: &w\n  - a\noverrides:\n  - files: x/**\n    accept: *w\n", 1, "anchor"),
      ("dialect: en-GB\naccept: !!seq [a]\n", 2, "tag"), ("accept:\n  term: a\n", 1, "not a list"),
      ("accept: a, b\n", 1, "did not read back"), ("{dialect: en-GB}\n", 1, "`{ … }`"),
      ("- a\n- b\n", 1, "`key: value` lines"), ("accept: |\n  a\n", 1, "a block of text"),
      ("accept: [a\n", 2, "not valid YAML"), ("dialect: en-GB\ndialect: en-US\n", 2, "not valid YAML"),
      ("accept:\n\t- a\n", 2, "not valid YAML"),
    ]
    for (text, line, words) in cases {
      let problem = refusal("oedema", in: text)
      #expect(problem?.line == line, "\(text)")
      #expect(problem?.message.contains(words) == true, "\(text): \(problem?.message ?? "accepted")")
      #expect(problem?.message.contains("“oedema”") == true)
    }
    #expect(refusal("  ", in: nil)?.message == "there is no term to accept: it is empty")
    #expect(refusal("two\nlines", in: nil)?.message.contains("U+A") == true)
    #expect(refusal("tab\there", in: nil) != nil)
    #expect(refusal("oedema", in: "accept: [a]\n", ) == nil)
  }

  @Test func theProblemNamesTheFileAndLine() {
    let problem = refusal("oedema", in: "words: &w [a]\naccept: *w\n")
    #expect(
      problem?.description
        == ".plainlint.yml:2:1: error: plainlint cannot add “oedema” to this `accept:` safely: it is an alias "
        + "(`*…`) of a list kept elsewhere; add it by hand")
  }
}

@Suite("Writing the accepted term to the file")
struct ConfigEditorWriteTests {
  @Test func acceptMakesTheFileThenAddsToIt() throws {
    try withProject { folder in
      let path = folder + "/.plainlint.yml"
      let made = try ConfigEditor.accept("oedema", inFileAt: path).get()
      #expect(made.outcome == .added)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == made.text)
      let added = try ConfigEditor.accept("PALS", inFileAt: path).get()
      #expect(try String(contentsOfFile: path, encoding: .utf8) == made.text + "  - PALS\n")
      #expect(added.outcome == .added)
      #expect(try ConfigEditor.accept("Oedema", inFileAt: path).get().outcome == .alreadyAccepted(as: "oedema"))
      // Nothing but the file is left in the folder: the temporary files are gone.
      let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
      #expect(names == [".git", ".plainlint.yml"])
      let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
      #expect(mode.map { $0 & 0o044 } == 0o044, "readable by others, like a file made by an editor")
    }
  }

  @Test func aFileThatChangedSinceItWasReadIsNotReplaced() throws {
    try withProject { folder in
      let path = folder + "/.plainlint.yml"
      try write("accept: [a]\n", to: ".plainlint.yml", in: folder)
      let original = Array("accept: [a]\n".utf8)
      let edit = try ConfigEditor.accepting("oedema", in: "accept: [a]\n")
      try write("accept: [a, b]\n", to: ".plainlint.yml", in: folder)
      let result = ConfigEditor.write(edit.text, to: path, original: original)
      guard case .failure(let problem) = result else {
        Issue.record("wrote over a changed file")
        return
      }
      #expect(problem.message.contains("changed after plainlint read it"))
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "accept: [a, b]\n")
      #expect(try ConfigEditor.write(edit.text, to: path, original: Array("accept: [a, b]\n".utf8)).get() == ())
      #expect(try String(contentsOfFile: path, encoding: .utf8) == edit.text)
      // A file that appeared when none was expected is not replaced either.
      let appeared = ConfigEditor.write("accept: [x]\n", to: path, original: nil)
      #expect((try? appeared.get()) == nil)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == edit.text)
    }
  }

  @Test func aLinkIsFollowedAndKept() throws {
    try withProject { folder in
      try write("accept:\n  - a\n", to: "shared/settings.yml", in: folder)
      try FileManager.default.createSymbolicLink(
        atPath: folder + "/.plainlint.yml", withDestinationPath: "shared/settings.yml")
      _ = try ConfigEditor.accept("oedema", inFileAt: folder + "/.plainlint.yml").get()
      #expect(
        try String(contentsOfFile: folder + "/shared/settings.yml", encoding: .utf8) == "accept:\n  - a\n  - oedema\n")
      let kind =
        try FileManager.default.attributesOfItem(atPath: folder + "/.plainlint.yml")[.type] as? FileAttributeType
      #expect(kind == .typeSymbolicLink)
    }
  }

  @Test func aBrokenFileIsLeftAlone() throws {
    try withProject { folder in
      let path = folder + "/.plainlint.yml"
      try write("accept: [a\n", to: ".plainlint.yml", in: folder)
      let result = ConfigEditor.accept("oedema", inFileAt: path)
      #expect((try? result.get()) == nil)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "accept: [a\n")
      try Data([0x61, 0x63, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
      guard case .failure(let problem) = ConfigEditor.accept("oedema", inFileAt: path) else {
        Issue.record("edited a file that is not UTF-8")
        return
      }
      #expect(problem.description.hasPrefix(path + ":1:3: error: the file is not valid UTF-8"))
    }
  }
}
