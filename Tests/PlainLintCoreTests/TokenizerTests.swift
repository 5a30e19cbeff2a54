import Testing

@testable import PlainLintCore

/// A tokenizer case: text and the tokens a reader sees in it.
struct TokenCase: CustomTestStringConvertible, Sendable {
  let text: String
  let tokens: [Tok]

  init(_ text: String, _ tokens: [Tok]) {
    self.text = text
    self.tokens = tokens
  }

  var testDescription: String { text }
}

@Suite("Tokenizer")
struct TokenizerTests {
  @Test("words with apostrophes and hyphens", arguments: [
    TokenCase("don't", [.word("don't")]),
    TokenCase("don’t", [.word("don’t")]),
    TokenCase("It’s o'clock", [.word("It’s"), .word("o'clock")]),
    TokenCase("the readers’ panel", [.word("the"), .word("readers’"), .word("panel")]),
    TokenCase("patients' notes", [.word("patients'"), .word("notes")]),
    TokenCase("co-production", [.word("co-production")]),
    TokenCase("a follow-up appointment", [.word("a"), .word("follow-up"), .word("appointment")]),
    TokenCase("self‑care", [.word("self‑care")]),  // non-breaking hyphen
    TokenCase("‘quoted’ words", [.punct("‘"), .word("quoted"), .punct("’"), .word("words")]),
    TokenCase("'quoted'", [.punct("'"), .word("quoted"), .punct("'")]),
    TokenCase("well- and ill-being", [.word("well"), .punct("-"), .word("and"), .word("ill-being")]),
    TokenCase("wait - here", [.word("wait"), .punct("-"), .word("here")]),
    TokenCase("rock'n'roll", [.word("rock'n'roll")]),
  ])
  func words(_ example: TokenCase) {
    #expect(toks(example.text) == example.tokens)
  }

  @Test("numbers", arguments: [
    TokenCase("2.5", [.number("2.5")]),
    TokenCase("1,000 people", [.number("1,000"), .word("people")]),
    TokenCase("100,000,000", [.number("100,000,000")]),
    TokenCase("1,2,3", [.number("1"), .punct(","), .number("2"), .punct(","), .number("3")]),
    TokenCase("at 3pm", [.word("at"), .number("3pm")]),
    TokenCase("10:30am", [.number("10:30am")]),
    TokenCase("3.30pm.", [.number("3.30pm"), .punct(".")]),
    TokenCase("12/03/2024", [.number("12/03/2024")]),
    TokenCase("24/7", [.number("24/7")]),
    TokenCase("10–15 minutes", [.number("10–15"), .word("minutes")]),
    TokenCase("3-4 times", [.number("3-4"), .word("times")]),
    TokenCase("2 - 3", [.number("2"), .punct("-"), .number("3")]),
    TokenCase("a 10-year-old", [.word("a"), .number("10-year-old")]),
    TokenCase("0300 123 4567", [.number("0300 123 4567")]),
    TokenCase("07700 900123", [.number("07700 900123")]),
    TokenCase("+44 20 7946 0958", [.number("+44 20 7946 0958")]),
    TokenCase("(0300 123 4567)", [.punct("("), .number("0300 123 4567"), .punct(")")]),
    TokenCase("tel:+44 20 7946 0958", [.word("tel"), .punct(":"), .number("+44 20 7946 0958")]),
    TokenCase("Call 0300 123 4567 or 111.", [
      .word("Call"), .number("0300 123 4567"), .word("or"), .number("111"), .punct("."),
    ]),
    TokenCase("0300 123 4567 365 days", [.number("0300 123 4567"), .number("365"), .word("days")]),
    TokenCase("0300 123 4567 24 hours", [.number("0300 123 4567"), .number("24"), .word("hours")]),
    TokenCase("+44 20 7946 0958 365 days", [.number("+44 20 7946 0958"), .number("365"), .word("days")]),
    TokenCase("2 + 2", [.number("2"), .symbol("+"), .number("2")]),
    TokenCase("in 2024 100 people", [.word("in"), .number("2024"), .number("100"), .word("people")]),
    TokenCase("5mg 50ml 2nd 1990s", [.number("5mg"), .number("50ml"), .number("2nd"), .number("1990s")]),
    TokenCase("5mg/ml", [.number("5mg/ml")]),
    TokenCase("the 1990's", [.word("the"), .number("1990's")]),
    TokenCase("over 65’s", [.word("over"), .number("65’s")]),
    TokenCase("£9.90 5%", [.symbol("£"), .number("9.90"), .number("5"), .symbol("%")]),
    TokenCase("v2.0", [.word("v2.0")]),
    TokenCase("B12.", [.word("B12"), .punct(".")]),
  ])
  func numbers(_ example: TokenCase) {
    #expect(toks(example.text) == example.tokens)
  }

  @Test("acronyms", arguments: [
    TokenCase("PPI", [.acronym("PPI")]),
    TokenCase("A&E", [.acronym("A&E")]),
    TokenCase("A&E.", [.acronym("A&E"), .punct(".")]),
    TokenCase("KPIs", [.acronym("KPIs")]),
    TokenCase("COVID-19", [.acronym("COVID-19")]),
    TokenCase("SARS-CoV-2", [.acronym("SARS-CoV-2")]),
    TokenCase("NHSE", [.acronym("NHSE")]),
    TokenCase("GP's", [.acronym("GP's")]),
    TokenCase("GP’s", [.acronym("GP’s")]),
    TokenCase("mRNA", [.acronym("mRNA")]),
    TokenCase("eGFR", [.acronym("eGFR")]),
    TokenCase("Q&As", [.acronym("Q&As")]),
    TokenCase("Dr", [.word("Dr")]),
    TokenCase("I", [.word("I")]),
    TokenCase("Hello", [.word("Hello")]),
    TokenCase("Covid-19", [.word("Covid-19")]),
    TokenCase("HbA1c", [.word("HbA1c")]),
    TokenCase("& c", [.symbol("&"), .word("c")]),
  ])
  func acronyms(_ example: TokenCase) {
    #expect(toks(example.text) == example.tokens)
  }

  @Test("web and email addresses are one token", arguments: [
    TokenCase("https://www.nhs.uk/conditions/flu/", [.url("https://www.nhs.uk/conditions/flu/")]),
    TokenCase("www.nhs.uk", [.url("www.nhs.uk")]),
    TokenCase("nhs.uk", [.url("nhs.uk")]),
    TokenCase("111.nhs.uk", [.url("111.nhs.uk")]),
    TokenCase("gov.uk/guidance", [.url("gov.uk/guidance")]),
    TokenCase("WWW.NHS.UK", [.url("WWW.NHS.UK")]),
    TokenCase("(see https://example.org/a_(b))", [
      .punct("("), .word("see"), .url("https://example.org/a_(b)"), .punct(")"),
    ]),
    TokenCase("Visit nhs.uk.", [.word("Visit"), .url("nhs.uk"), .punct(".")]),
    TokenCase("Go to https://www.nhs.uk/conditions/flu/, then", [
      .word("Go"), .word("to"), .url("https://www.nhs.uk/conditions/flu/"), .punct(","), .word("then"),
    ]),
    TokenCase("http://x.co/a?b=c&d=e#f).", [.url("http://x.co/a?b=c&d=e#f"), .punct(")"), .punct(".")]),
    TokenCase("“www.nhs.uk”", [.punct("“"), .url("www.nhs.uk"), .punct("”")]),
    TokenCase("first.last@nhs.net", [.email("first.last@nhs.net")]),
    TokenCase("Email first.last@nhs.net.", [.word("Email"), .email("first.last@nhs.net"), .punct(".")]),
    TokenCase("a_b+c@nhs.scot", [.email("a_b+c@nhs.scot")]),
    TokenCase("mailto:team@example.org", [.url("mailto:team@example.org")]),
    TokenCase("leaflet.pdf", [.word("leaflet"), .punct("."), .word("pdf")]),
    TokenCase("food.It helps", [.word("food"), .punct("."), .word("It"), .word("helps")]),
    TokenCase("results.In", [.word("results"), .punct("."), .word("In")]),
    TokenCase("NHS.UK", [.url("NHS.UK")]),
    TokenCase("www. and nhs.", [.word("www"), .punct("."), .word("and"), .word("nhs"), .punct(".")]),
  ])
  func addresses(_ example: TokenCase) {
    #expect(toks(example.text) == example.tokens)
  }

  @Test("letters of any language", arguments: [
    TokenCase("café", [.word("café")]),
    TokenCase("Straße", [.word("Straße")]),
    TokenCase("Gŵyl Dewi", [.word("Gŵyl"), .word("Dewi")]),
    TokenCase("cafe\u{301} menu", [.word("cafe\u{301}"), .word("menu")]),
    TokenCase("naïve Côté", [.word("naïve"), .word("Côté")]),
    TokenCase("Ŵ", [.word("Ŵ")]),
    TokenCase("中文", [.word("中文")]),
    TokenCase("immuni\u{AD}sation", [.word("immuni\u{AD}sation")]),  // soft hyphen
  ])
  func unicodeLetters(_ example: TokenCase) {
    #expect(toks(example.text) == example.tokens)
  }

  @Test("punctuation, dotted abbreviations and ellipses", arguments: [
    TokenCase("e.g. i.e. a.m.", [.word("e.g."), .word("i.e."), .word("a.m.")]),
    TokenCase("in the U.K.", [.word("in"), .word("the"), .acronym("U.K.")]),
    TokenCase("e.g., this", [.word("e.g."), .punct(","), .word("this")]),
    TokenCase("(i.e. that)", [.punct("("), .word("i.e."), .word("that"), .punct(")")]),
    TokenCase("J. Smith", [.word("J"), .punct("."), .word("Smith")]),
    TokenCase("wait...", [.word("wait"), .punct("...")]),
    TokenCase("wait… so", [.word("wait"), .punct("…"), .word("so")]),
    TokenCase("wait.... so", [.word("wait"), .punct("...."), .word("so")]),
    TokenCase("end..", [.word("end"), .punct("."), .punct(".")]),
    TokenCase("Why?!", [.word("Why"), .punct("?"), .punct("!")]),
    TokenCase("Note: yes; no", [.word("Note"), .punct(":"), .word("yes"), .punct(";"), .word("no")]),
    TokenCase("“Yes,” she said.", [
      .punct("“"), .word("Yes"), .punct(","), .punct("”"), .word("she"), .word("said"), .punct("."),
    ]),
    TokenCase("a — b", [.word("a"), .punct("—"), .word("b")]),
  ])
  func punctuation(_ example: TokenCase) {
    #expect(toks(example.text) == example.tokens)
  }

  @Test("emoji and symbols", arguments: [
    TokenCase("Run \u{FFFC} now", [.word("Run"), .opaque("\u{FFFC}"), .word("now")]),
    TokenCase("👩‍⚕️", [.symbol("👩‍⚕️")]),
    TokenCase("Ask 👩‍⚕️ now", [.word("Ask"), .symbol("👩‍⚕️"), .word("now")]),
    TokenCase("😀😀", [.symbol("😀"), .symbol("😀")]),
    TokenCase("👍🏽", [.symbol("👍🏽")]),
    TokenCase("❤️", [.symbol("❤️")]),
    TokenCase("👨‍👩‍👧", [.symbol("👨‍👩‍👧")]),
    TokenCase("🇬🇧 🇨🇦", [.symbol("🇬🇧"), .symbol("🇨🇦")]),
    TokenCase("🏴󠁧󠁢󠁷󠁬󠁳󠁿", [.symbol("🏴󠁧󠁢󠁷󠁬󠁳󠁿")]),  // the flag of Wales: a tag sequence
    TokenCase("1️⃣ Book", [.symbol("1️⃣"), .word("Book")]),
    TokenCase("#️⃣", [.symbol("#️⃣")]),
    TokenCase("\u{301}", [.symbol("\u{301}")]),
    TokenCase("© 2024", [.symbol("©"), .number("2024")]),
  ])
  func emoji(_ example: TokenCase) {
    #expect(toks(example.text) == example.tokens)
  }

  @Test func exactByteRanges() {
    // d o n ’ t: the curly apostrophe is three bytes.
    #expect(ranges("don’t stop") == [0..<7, 8..<12])
    #expect(ranges("café 😀 ok") == [0..<5, 6..<10, 11..<13])
    #expect(ranges("  Visit nhs.uk.\n") == [2..<7, 8..<14, 14..<15])
    #expect(ranges("👩‍⚕️ ŵ") == [0..<13, 14..<16])
    #expect(ranges("e\u{301}…") == [0..<3, 3..<6])
    #expect(ranges("Call 0300 123 4567.") == [0..<4, 5..<18, 18..<19])
  }

  @Test func flags() {
    let tokens = Tokenizer.tokenize("Dr e.g. U.K. J smith ŵ Ŵyn 3pm")
    #expect(tokens.map(\.flags) == [
      [.capitalized], [.lowercase, .dotted, .mayEndSentence], [.capitalized, .dotted, .mayEndSentence],
      [.capitalized, .singleLetter], [.lowercase], [.lowercase, .singleLetter], [.capitalized], [],
    ])
    // Only what can end a sentence is marked for the sentence splitter.
    let marks = Tokenizer.tokenize("Yes. No? Stop! Wait… and... so, ‽ (see) ‘x’ – y").map {
      $0.flags.contains(.mayEndSentence)
    }
    #expect(marks == [false, true, false, true, false, true, false, true, false, true, false, false, true, false,
      false, false, false, false, false, false, false])
  }

  @Test func invalidBytesAreSymbolsAndDoNotJoinWords() {
    let bytes: [UInt8] = Array("word".utf8) + [0xFF] + Array("word ".utf8) + [0xE2, 0x80] + Array("x".utf8)
    var tokens: [Token] = []
    Tokenizer.tokenize(bytes, range: 0..<bytes.count, into: &tokens)
    #expect(tokens.map(\.range) == [0..<4, 4..<5, 5..<9, 10..<11, 11..<12, 12..<13])
    #expect(tokens.map(\.kind) == [.word, .symbol, .word, .symbol, .symbol, .word])
  }

  @Test func tokenizingARangeGivesOffsetsIntoTheWholeText() {
    let bytes = Array("Skip this. Visit nhs.uk today".utf8)
    var tokens: [Token] = []
    Tokenizer.tokenize(bytes, range: 11..<23, into: &tokens)
    #expect(tokens.map(\.range) == [11..<16, 17..<23])
    #expect(tokens.map(\.kind) == [.word, .url])
    // A range that ends inside an address stops there.
    tokens.removeAll()
    Tokenizer.tokenize(bytes, range: 11..<21, into: &tokens)
    #expect(tokens.allSatisfy { $0.end <= 21 })
  }

  @Test func countsAsWord() {
    let kinds: [TokenKind] = [.word, .acronym, .number, .url, .email, .punctuation, .symbol]
    #expect(kinds.map(\.countsAsWord) == [true, true, true, true, true, false, false])
  }

  /// Random text: tokens come in order, do not overlap, stay inside the range, and cover every byte that is
  /// not white space or an invisible joiner.
  @Test(arguments: 0..<30)
  func tokensCoverEveryVisibleByte(seed: Int) {
    var generator = SplitMix64(seed: UInt64(seed) &+ 99)
    let pieces: [String] = [
      "Take", " ", "one", "-", "’", "'", ".", "...", "…", "e.g.", "nhs.uk", "@", "2.5", "0300 123 4567", "+44",
      "😀", "👩‍⚕️", "\u{200D}", "\u{FE0F}", "\u{301}", "é", "A&E", "&", "https://", "www.", "(", ")", "\n",
      "\r\n", ",", "1,000", "U.K.", "/", ":", "🇬", "1", "#", "\u{20E3}", "s",
    ]
    for _ in 0..<50 {
      var text = ""
      for _ in 0..<Int.random(in: 0...25, using: &generator) { text += pieces.randomElement(using: &generator)! }
      let bytes = Array(text.utf8)
      let lower = Int.random(in: 0...bytes.count, using: &generator)
      let upper = Int.random(in: lower...bytes.count, using: &generator)
      var tokens: [Token] = []
      Tokenizer.tokenize(bytes, range: lower..<upper, into: &tokens)
      var covered = Array(repeating: false, count: bytes.count)
      var previousEnd = lower
      for token in tokens {
        #expect(token.start >= previousEnd && token.end > token.start && token.end <= upper, "\(text)")
        previousEnd = token.end
        for i in token.range where i < bytes.count { covered[i] = true }
      }
      // Every uncovered byte in the range is white space or part of a joiner, variation selector or the like.
      var i = lower
      while i < upper {
        if covered[i] {
          i += 1
          continue
        }
        let (scalar, length) = decode(bytes, at: i)
        let invisible: Set<UInt32> = [0x20, 0x09, 0x0A, 0x0D, 0x200D, 0xFE0F]
        #expect(invisible.contains(scalar), "byte \(i) of \(text.debugDescription) (range \(lower)..<\(upper))")
        i += length
      }
    }
  }
}

@Suite("Tokenizer: words of letters, where the scanner's fast path ends")
struct TokenizerFastPathTests {
  /// The first token of `text`: its text, kind and flags.
  func first(_ text: String) -> (String, TokenKind, Token.Flags) {
    let bytes = Array(text.utf8)
    let token = Tokenizer.tokenize(text)[0]
    return (String(decoding: bytes[token.range], as: UTF8.self), token.kind, token.flags)
  }

  @Test func shapeFlagsOfWordsEndedByWhiteSpacePunctuationOrTheEnd() {
    for (text, word, flags) in [
      ("care plan", "care", Token.Flags.lowercase), ("Care plan", "Care", .capitalized),
      ("a nurse", "a", [.lowercase, .singleLetter]), ("I think", "I", [.capitalized, .singleLetter]),
      ("patients,", "patients", .lowercase), ("patients.", "patients", .lowercase),
      ("Hospital)", "Hospital", .capitalized), ("appointmentsareimportant\n", "appointmentsareimportant", .lowercase),
      ("x", "x", [.lowercase, .singleLetter]), ("Twelvelettersx", "Twelvelettersx", .capitalized),
    ] as [(String, String, Token.Flags)] {
      let (found, kind, foundFlags) = first(text)
      #expect(found == word && kind == .word && foundFlags == flags, "\(text)")
    }
  }

  @Test func whatFollowsCanMakeTheWordSomethingElse() {
    #expect(first("e.g. this").0 == "e.g.")
    #expect(first("J. Smith").0 == "J")
    #expect(first("nhs.uk today").1 == .url)
    #expect(first("care.Then").0 == "care")
    #expect(first("carers' views").0 == "carers'")
    #expect(first("follow-up care").0 == "follow-up")
    #expect(first("A&E today").1 == .acronym)
    #expect(first("KPIs matter").1 == .acronym)
    #expect(first("covid19 jab").0 == "covid19")
    #expect(first("café open").0 == "café")
    #expect(first("www.nhs.uk").1 == .url)
    #expect(first("help@nhs.net").1 == .email)
  }

  /// Words joined by hyphens and apostrophes, and words before a colon, are read in the main loop when they are
  /// small letters after the first; they must come out as `scanWord` reads them, and anything else still goes
  /// to it (a colon before anything but white space may start a web address).
  @Test func joinedWordsAndColonsGiveWhatTheFullReadingGives() {
    for (text, word, kind, flags) in [
      ("follow-up care", "follow-up", TokenKind.word, Token.Flags.lowercase),
      ("Don’t worry", "Don’t", .word, .capitalized), ("you've missed", "you've", .word, .lowercase),
      ("I’m here", "I’m", .word, .capitalized), ("X-ray.", "X-ray", .word, .capitalized),
      ("e-mail,", "e-mail", .word, .lowercase), ("mother-in-law’s car", "mother-in-law’s", .word, .lowercase),
      ("a-b", "a-b", .word, .lowercase), ("Before you come in:\n", "Before", .word, .capitalized),
      ("in: the", "in", .word, .lowercase), ("a: b", "a", .word, [.lowercase, .singleLetter]),
      ("GP: call", "GP", .acronym, .capitalized), ("A: yes", "A", .word, [.capitalized, .singleLetter]),
      ("Note:", "Note", .word, .capitalized), ("patients’ views", "patients’", .word, .lowercase),
      ("well- known", "well", .word, .lowercase), ("co-Production", "co-Production", .word, .lowercase),
      ("don’t-care attitude", "don’t-care", .word, .lowercase), ("up-to-date.", "up-to-date", .word, .lowercase),
      ("re-19 x", "re-19", .word, .lowercase), ("ask’s", "ask’s", .word, .lowercase),
    ] as [(String, String, TokenKind, Token.Flags)] {
      let (found, foundKind, foundFlags) = first(text)
      #expect(found == word && foundKind == kind && foundFlags == flags, "\(text): \(found) \(foundKind)")
    }
    #expect(first("http://nhs.uk").1 == .url)
    #expect(first("mailto:pals@nhs.net").1 == .url)
    #expect(first("follow-up.nhs.uk/x").1 == .url)
    #expect(toks("in: the") == [.word("in"), .punct(":"), .word("the")])
    #expect(toks("the in-patient’s ward") == [.word("the"), .word("in-patient’s"), .word("ward")])
  }
}
