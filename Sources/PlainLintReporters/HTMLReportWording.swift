/// The words `plainlint report` uses on its page, kept apart from the code that writes the page so that they can
/// be read and changed together. Every text a reader sees is here, in plain UK English.
public enum HTMLReportWording {
  /// How a rule's findings are named on the page: a short label, and how to count them in words.
  public struct RuleWording: Sendable, Hashable {
    /// A short label shown with each finding ("Jargon").
    public var label: String
    /// One finding, counted ("acronym not explained"): follows "1 ".
    public var one: String
    /// More than one, counted ("acronyms not explained"): follows the number.
    public var many: String

    /// Creates the wording of a rule.
    public init(label: String, one: String, many: String) {
      self.label = label
      self.one = one
      self.many = many
    }

    /// The count in words: "1 acronym not explained", "12 acronyms not explained".
    public func counted(_ count: Int) -> String {
      "\(count) " + (count == 1 ? one : many)
    }
  }

  /// Each built-in rule's wording, by rule identifier. A rule missing here is shown by its own name.
  public static let rules: [String: RuleWording] = [
    "jargon": RuleWording(
      label: "Jargon", one: "jargon word to explain or replace", many: "jargon words to explain or replace"),
    "complex-word": RuleWording(
      label: "Plainer word", one: "word with a plainer alternative", many: "words with plainer alternatives"),
    "inclusive-language": RuleWording(
      label: "Person first", one: "phrase that does not put the person first",
      many: "phrases that do not put the person first"),
    "latin-abbreviation": RuleWording(
      label: "Latin short form", one: "Latin short form to write in full",
      many: "Latin short forms to write in full"),
    "uncommon-word": RuleWording(
      label: "Uncommon word", one: "word many readers may not know", many: "words many readers may not know"),
    "acronym-undefined": RuleWording(
      label: "Acronym not explained", one: "acronym not explained", many: "acronyms not explained"),
    "acronym-outdated": RuleWording(
      label: "Out-of-date acronym", one: "acronym that is out of date", many: "acronyms that are out of date"),
    "acronym-avoid": RuleWording(
      label: "Acronym to avoid", one: "acronym best not used", many: "acronyms best not used"),
    "acronym-density": RuleWording(
      label: "Many acronyms", one: "paragraph with a lot of acronyms", many: "paragraphs with a lot of acronyms"),
    "long-sentence": RuleWording(label: "Long sentence", one: "long sentence", many: "long sentences"),
    "hard-sentence": RuleWording(
      label: "Hard sentence", one: "sentence that is hard to read", many: "sentences that are hard to read"),
    "long-paragraph": RuleWording(label: "Long paragraph", one: "long paragraph", many: "long paragraphs"),
    "reading-age": RuleWording(
      label: "Reading age", one: "part with a reading age above the target",
      many: "parts with a reading age above the target"),
    "passive-voice": RuleWording(
      label: "Who does what?", one: "sentence that does not say who does what",
      many: "sentences that do not say who does what"),
    "directive": RuleWording(
      label: "plainlint comment", one: "plainlint comment we could not read",
      many: "plainlint comments we could not read"),
  ]

  /// Rules whose findings are about a whole sentence or paragraph: shown as a note under the paragraph, not as
  /// a mark on words.
  public static let noteRules: Set<String> = [
    "long-sentence", "hard-sentence", "long-paragraph", "reading-age", "acronym-density",
  ]

  /// Rules whose terms go in the glossary: jargon and acronyms.
  public static let glossaryRules: Set<String> = [
    "jargon", "acronym-undefined", "acronym-outdated", "acronym-avoid",
  ]

  /// The page's title when none is given.
  public static let defaultTitle = "Plain language report"
  /// Under the title: what the page is.
  public static func introduction(version: String) -> String {
    "This page shows where the writing may be hard to read, and why. It was made by plainlint \(version)."
  }
  /// The link that skips to the report.
  public static let skipLink = "Skip to the report"
  /// The contents list's heading.
  public static let contentsHeading = "Contents"
  /// The summary's heading.
  public static let summaryHeading = "Summary"
  /// The heading of the counts of findings.
  public static let foundHeading = "What we found"
  /// Said when nothing was found.
  public static let nothingFound = "We found nothing to change. Well done."
  /// The heading of the help on reading the page.
  public static let helpHeading = "How to read this page"
  /// The help on reading the page, a paragraph each.
  public static let help = [
    "We have marked some words. Each one has a coloured background, a line under it and a number. "
      + "To read our note about a word, point at it, tap it, or move to it with the Tab key.",
    "We show the reading age of each paragraph and each part beside it. We work out reading age from how "
      + "long the sentences and words are. A lower number is easier to read.",
    "We show notes about a whole sentence or paragraph under it. When you print this page, "
      + "the notes about words appear under each paragraph too.",
  ]
  /// The glossary's heading.
  public static let glossaryHeading = "Glossary of acronyms and jargon"
  /// Under the glossary's heading.
  public static let glossaryIntroduction =
    "Every acronym and jargon word we found, with what it means and plainer words to use. You can use this "
    + "table as the glossary of the finished document."
  /// Said when the glossary is empty.
  public static let glossaryEmpty = "We found no acronyms or jargon words that need explaining."
  /// The glossary table's column headings.
  public static let glossaryColumns = ["Word or acronym", "What it means", "Plainer words to use", "Where it is"]
  /// What the glossary says of an acronym that is not in plainlint's lists.
  public static let unknownAcronym = "We do not know this acronym. Say what it stands for the first time you use it."
  /// What the glossary says when a term has no plainer words.
  public static let noAlternatives = "Explain it in the text"
  /// The heading of the reading-age table of several documents.
  public static let documentsCaption = "Reading age of each document"
  /// The columns of the reading-age table of several documents.
  public static let documentsColumns = ["Document", "Reading age", "Target", "Notes"]
  /// The heading of the hardest sentences of a document.
  public static let hardestHeading = "Sentences that raise the reading age most"
  /// Under that heading.
  public static let hardestIntroduction =
    "Making these sentences shorter or plainer would lower the reading age of the document the most."
  /// Said when no sentence is above the target.
  public static let hardestNone = "No sentence has a reading age above the target."
  /// The heading of a document's text.
  public static let textHeading = "The text with our notes"
  /// The heading of notes that belong to no paragraph.
  public static let otherNotesHeading = "Other notes"
  /// Said of a document with no text to show.
  public static let noText = "This document has no text to show."
  /// How a page title or image description is labelled.
  public static let metadataLabel = "Page title or image description:"
  /// Before the plain alternatives of a finding.
  public static let alternativesLead = "You could write: "
  /// Says that a number is a note's number, for screen readers.
  public static let noteWord = "note"
  /// Links from a hard sentence to its place in the text.
  public static let goToText = "Go to it in the text"

  /// "Reading age 12" for a document or sentence; nil age for text too short to measure.
  public static func readingAge(_ age: Int?) -> String {
    age.map { "Reading age \($0)" } ?? "No reading age"
  }

  /// The badge beside a paragraph.
  public static func paragraphAge(_ age: Int?) -> String {
    age.map { "This paragraph: reading age \($0)" } ?? "This paragraph: no reading age"
  }

  /// The badge beside a heading: the reading age of the part it starts.
  public static func sectionAge(_ age: Int?) -> String {
    age.map { "This part: reading age \($0)" } ?? "This part: no reading age"
  }

  /// The line under a document's name.
  public static func documentAge(_ age: Int?) -> String {
    age.map { "Whole document: reading age \($0)" } ?? "Whole document: no reading age"
  }

  /// The size of a document: "Markdown, 245 words in 14 sentences".
  public static func size(format: String, words: Int, sentences: Int) -> String {
    let kind =
      switch format {
      case "markdown": "Markdown"
      case "html": "Web page (HTML)"
      default: "Text"
      }
    return "\(kind), \(words == 1 ? "1 word" : "\(words) words") in "
      + (sentences == 1 ? "1 sentence" : "\(sentences) sentences")
  }

  /// How a reading age compares with the target, in words.
  public static func verdict(_ age: Int?, target: Int) -> String {
    guard let age else { return "too short to measure" }
    if age > target { return "above the target of \(target)" }
    return "within the target of \(target)"
  }

  /// The summary's sentence about the reading age of everything on the page.
  public static func overallReadingAge(_ age: Int?, target: Int, documents: Int) -> String {
    let what = documents == 1 ? "The reading age of the document" : "The reading age of all the documents together"
    guard let age else {
      return documents == 1
        ? "The document has no sentences, so we cannot work out its reading age."
        : "The documents have no sentences, so we cannot work out their reading age."
    }
    let difference = age - target
    let comparison: String
    if difference > 0 {
      comparison = "That is \(years(difference)) above the target of \(target)."
    } else {
      comparison = "That is within the target of \(target)."
    }
    return "\(what) is \(age). \(comparison)"
  }

  /// "1 year", "3 years".
  public static func years(_ count: Int) -> String {
    count == 1 ? "1 year" : "\(count) years"
  }

  /// "1 note", "4 notes".
  public static func notes(_ count: Int) -> String {
    count == 1 ? "1 note" : "\(count) notes"
  }

  /// A line of a document, for the glossary's "where it is".
  public static func line(_ line: Int) -> String {
    "line \(line)"
  }
}
