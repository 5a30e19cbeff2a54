import PlainLintCore
import Testing

@testable import PlainLintRules

/// Lints text with every built-in rule and measures it.
func measure(_ text: String, options: [String: [String: RuleOptionValue]] = [:]) throws
  -> (findings: [Finding], metrics: DocumentMetrics)
{
  let linter = Linter(rules: try BuiltInRules.configured(options: options), measurer: BuiltInRules.measurer())
  let (findings, metrics) = linter.run(PlainTextFrontEnd.prose(of: Document(path: "test.txt", text: text)))
  return (findings, try #require(metrics))
}

@Suite("Readability")
struct ReadabilityRuleTests {
  @Test func countsWordsSentencesAndLettersAsTheFormulasDefineThem() throws {
    // Numbers, web addresses and code are not words; a heading is a sentence; apostrophes are not letters.
    let text = "Call 0300 123 4567 or visit www.nhs.uk today.\n\nDon't worry.\n"
    let counts = try measure(text).metrics.document
    #expect(counts.words == 6)  // Call, or, visit, today, Don't, worry
    #expect(counts.sentences == 2)
    #expect(counts.letters == "Callorvisittoday".count + "Dontworry".count)
  }

  @Test func sectionsAndParagraphsAreMeasuredSeparately() throws {
    let text = """
      Come to the clinic on time. Bring your letter. Ask us if you need help.

      The evaluation demonstrated statistically significant improvements in medication adherence.
      """
    let metrics = try measure(text).metrics
    #expect(metrics.paragraphs.count == 2)
    #expect(metrics.sections.isEmpty)  // plain text has no headings
    let easy = try #require(metrics.paragraphs[0].counts.scores.readingAge)
    let hard = try #require(metrics.paragraphs[1].counts.scores.readingAge)
    #expect(easy < 9 && hard > 16)
    #expect(metrics.document.sentences == 4)
    #expect(metrics.document.words == metrics.paragraphs.map(\.counts.words).reduce(0, +))
  }

  @Test func hardWordsCountJargonUncommonWordsAndUnexplainedAcronymsOnly() throws {
    // haemorrhage (jargon), lassitude (uncommon), PALS (not explained); NHS is known; the elderly is about
    // respect, not difficulty; PPI is explained before it is used again.
    let text = """
      The elderly with haemorrhage or lassitude can call PALS or the NHS. \
      Patient and public involvement (PPI) helps. PPI matters.
      """
    let counts = try measure(text).metrics.document
    #expect(counts.hardWords == 3)
  }

  @Test func readingAgeNamesTheTargetAndWhatRaisesIt() throws {
    let text = """
      Individuals experiencing persistent gastrointestinal symptoms should arrange an appointment with their \
      general practitioner without unnecessary delay. Investigations, including endoscopic examination, may \
      subsequently be considered necessary. Treatment alternatives will be discussed following evaluation.
      """
    let finding = try #require(try measure(text).findings.first { $0.rule == "reading-age" })
    #expect(finding.message.hasPrefix("This paragraph has a reading age of "))
    #expect(finding.message.contains("the target is 11"))
    #expect(finding.message.contains("its longest sentence has 16 words (“Individuals experiencing persistent"))
    #expect(finding.message.contains("“gastrointestinal” (6 syllables)"))
    #expect(finding.range == 0..<text.utf8.count)
    // A paragraph of 3 sentences is not scored when 4 are needed.
    let relaxed = try measure(text, options: ["reading-age": ["min-sentences": .integer(4)]]).findings
    #expect(!relaxed.contains { $0.rule == "reading-age" })
  }

  @Test func aSectionIsReportedOnlyWhenItsParagraphsDoNotAlreadySayIt() throws {
    // Three hard one-sentence paragraphs: none is long enough to score alone, so the document is reported.
    let text = """
      Individuals experiencing persistent gastrointestinal symptoms should arrange consultations.

      Investigations, including endoscopic examination, may subsequently be considered necessary.

      Treatment alternatives will be discussed following diagnostic evaluation.
      """
    let findings = try measure(text).findings.filter { $0.rule == "reading-age" }
    #expect(findings.count == 1)
    #expect(findings.first?.message.hasPrefix("This document has a reading age of ") == true)
  }

  @Test func theReadingAgeAloneIsTheOneTheFiguresGive() {
    var rng = SplitMix64(seed: 7)
    for _ in 0..<10_000 {
      var counts = TextCounts()
      counts.words = Int(rng.next() % 400)
      counts.sentences = Int(rng.next() % 30)
      counts.syllables = counts.words + Int(rng.next() % UInt64(2 * counts.words + 1))
      #expect(counts.readingAge == counts.scores.readingAge, "\(counts)")
    }
  }

  @Test func longParagraphs() throws {
    let text = (1...6).map { _ in "Bring your letter." }.joined(separator: " ")
    let finding = try #require(try measure(text).findings.first { $0.rule == "long-paragraph" })
    #expect(finding.message.hasPrefix("This paragraph has 6 sentences and 18 words; the limit is 5 sentences"))
    #expect(finding.severity == .info)
  }

  @Test func hardSentencesAreShortSentencesFullOfHardWords() throws {
    let text = "Stakeholders co-produced the deliverables for the CQC. Come in on time."
    let finding = try #require(try measure(text).findings.first { $0.rule == "hard-sentence" })
    #expect(finding.message.hasPrefix("This sentence has 3 hard words in 7: “Stakeholders”, "))
    #expect(finding.range == 0..<54)
  }

  @Test func theFormsOfBeAndGetArePackedRight() {
    func packed(_ word: String) -> UInt64 {
      Array(word.utf8).withUnsafeBufferPointer { PassiveVoiceRule.PackedWords.pack($0, 0..<$0.count) }
    }
    for word in PassiveVoiceRule.beForms { #expect(PassiveVoiceRule.auxiliary(packed(word)) == .be, "\(word)") }
    for word in PassiveVoiceRule.getForms { #expect(PassiveVoiceRule.auxiliary(packed(word)) == .get, "\(word)") }
    #expect(PassiveVoiceRule.auxiliary(packed("Were")) == .be)
    #expect(PassiveVoiceRule.auxiliary(packed("bee")) == PassiveVoiceRule.Auxiliary.none)
  }

  @Test func theQuickTestLetsEveryFormOfBeAndGetThrough() {
    func mayBe(_ word: String) -> Bool {
      Array(word.utf8).withUnsafeBufferPointer { PassiveVoiceRule.mayBeAuxiliary($0, 0..<$0.count) }
    }
    for word in PassiveVoiceRule.beForms + PassiveVoiceRule.getForms {
      #expect(mayBe(word), "\(word)")
      #expect(mayBe(word.uppercased()), "\(word.uppercased())")
      #expect(mayBe(word.prefix(1).uppercased() + word.dropFirst()), "\(word)")
    }
    for word in ["a", "and", "it", "with", "by", "gym", "bee-keeping", "ambulance"] { #expect(!mayBe(word), "\(word)") }
  }

  @Test func lettersCountedInChunksAgreeWithLettersCountedOneByOne() {
    // The same rule byte by byte: ASCII letters, and the first byte of any other character except a curly
    // apostrophe.
    func expected(_ bytes: [UInt8]) -> Int {
      var letters = 0
      var i = 0
      while i < bytes.count {
        let byte = bytes[i]
        if (byte | 0x20) &- UInt8(ascii: "a") < 26 {
          letters += 1
        } else if byte >= 0xC0 {
          let apostrophe = byte == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] | 1 == 0x99
          if !apostrophe { letters += 1 }
        }
        i += 1
      }
      return letters
    }
    // Every byte next to the edges of the letter ranges, in words of 1 to 20 bytes, with room after the word
    // (chunks) and without (the word at the very end of the text, counted byte by byte).
    let edges: [UInt8] = Array("@AZ[`az{09'-. ".utf8) + [0x7F]
    var words: [[UInt8]] = ["Don’t", "café", "Chloë", "co-ordinator", "e.g.", "COVID-19", "naïve’s"].map {
      Array($0.utf8)
    }
    for length in 1...20 {
      for start in edges.indices {
        words.append((0..<length).map { edges[(start + $0 * 7) % edges.count] })
      }
    }
    for word in words {
      for padding in [0, 3, 16] {
        let text = [UInt8(ascii: " ")] + word + [UInt8](repeating: UInt8(ascii: "x"), count: padding)
        let counted = text.withUnsafeBufferPointer { ReadabilitySession.letters($0, 1..<1 + word.count) }
        #expect(counted == expected(word), "\(String(decoding: word, as: UTF8.self)) with \(padding) after")
      }
    }
  }

  @Test func theLongestWordsAreNamedOnceEachLongestFirst() throws {
    let text = """
      Medication helps you. Take your medication every day. Physiotherapy and MEDICATION work well together.
      """
    let finding = try #require(
      measure(text, options: ["reading-age": ["target": .integer(5)]]).findings.first { $0.rule == "reading-age" })
    #expect(finding.message.contains("long words such as “physiotherapy” ("), "\(finding.message)")
    #expect(finding.message.contains("), “medication” (4), “together” (3)."), "\(finding.message)")
  }

  @Test func everyFormOfBeAndGetIsFoundFromTheWordUnits() throws {
    // The rule looks only at words whose lexicon number is that of a form (or that the lexicon lacks): every
    // form, with a capital, with either apostrophe, must still be found, and a word that merely starts like one
    // must not.
    let forms = PassiveVoiceRule.beForms + PassiveVoiceRule.getForms
    let written = forms + forms.map { $0.replacingOccurrences(of: "’", with: "'") }
      + forms.map { $0.prefix(1).uppercased() + $0.dropFirst() }
    for form in Set(written) {
      let text = "The letter \(form) sent. Then \(form)-sent notes arrived."
      let found = try findings(of: PassiveVoiceRule.self, in: text, options: [:])
      #expect(summary(found, text) == ["passive-voice: \(form) sent"], "\(form)")
    }
  }

  @Test func passiveVoice() throws {
    let cases: [(String, [String])] = [
      ("Your blood will be taken by a nurse.", ["be taken"]),
      ("You are being referred.", ["are being referred"]),
      ("The forms weren't signed.", ["weren't signed"]),
      ("I got used to it.", []),
      ("We are interested in your views.", []),
      ("Results are often delayed.", ["are often delayed"]),
      ("It is based on your answers.", []),
    ]
    for (text, expected) in cases {
      let found = try measure(text).findings.filter { $0.rule == "passive-voice" }
      #expect(summary(found, text).map { String($0.dropFirst("passive-voice: ".count)) } == expected, "\(text)")
    }
  }
}

@Suite("Message bytes")
struct MessageBytesTests {
  @Test func piecesThatAreUTF8MakeTheSameStringAsDecoding() {
    let message = MessageBytes()
    message.append("long words such as “")
    Array("anaesthetic café".utf8).withUnsafeBufferPointer { message.appendLowercased($0) }
    message.append("” (")
    message.append(4)
    message.append(")")
    #expect(message.isValidUTF8)
    #expect(message.string == "long words such as “anaesthetic café” (4)")
    message.removeAll()
    message.append(Array("Ünïcode 👩‍⚕️ text".utf8))
    #expect(message.isValidUTF8)
    #expect(message.string == "Ünïcode 👩‍⚕️ text")
  }

  @Test func aPieceThatIsNotUTF8IsDecodedWithReplacementCharacters() {
    let message = MessageBytes()
    message.append("“")
    // A stray continuation byte, a cut-off three-byte sequence and an overlong form.
    message.append([0x61, 0x80, 0x62, 0xE2, 0x80, 0x20, 0xC0, 0xAF])
    message.append("”")
    #expect(!message.isValidUTF8)
    #expect(message.string == "“a\u{FFFD}b\u{FFFD} \u{FFFD}\u{FFFD}”")
    #expect(message.string == String(decoding: message.bytes, as: UTF8.self))
    // A new message starts valid again.
    message.removeAll()
    message.append("plain")
    #expect(message.isValidUTF8)
    #expect(message.string == "plain")
  }

  @Test func aReadingAgeMessageQuotingInvalidBytesShowsReplacementCharacters() throws {
    // A paragraph hard enough to be flagged, whose long words and longest sentence hold a byte that is not UTF-8.
    var bytes: [UInt8] = []
    let sentence = "The consultant anaesthetist will \u{01}discuss the considerable complications of the "
      + "proposed procedure with every individual participant before the operation tomorrow. "
    for _ in 0..<3 { bytes += Array(sentence.utf8) }
    bytes = bytes.map { $0 == 0x01 ? 0xFF : $0 }
    let linter = Linter(rules: try BuiltInRules.configured(options: [:]), measurer: BuiltInRules.measurer())
    let findings = linter.lint(PlainTextFrontEnd.prose(of: Document(path: "bad.txt", bytes: bytes)))
    let message = try #require(findings.first { $0.rule == "reading-age" }?.message)
    #expect(message.contains("\u{FFFD}discuss"))
    #expect(message.unicodeScalars.allSatisfy { $0.value != 0xFF })
  }
}

extension MessageBytesTests {
  @Test(arguments: [0, 7, 9, 10, 42, 99, 100, 101, 2_024, -1, -99, Int.max, Int.min])
  func numbersAreWrittenAsInterpolationWritesThem(_ number: Int) {
    let message = MessageBytes(capacity: 1)
    message.append("n=")
    message.append(number)
    #expect(message.string == "n=\(number)")
  }
}
