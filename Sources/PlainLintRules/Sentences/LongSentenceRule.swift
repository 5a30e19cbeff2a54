import PlainLintCore

/// Flags sentences with more words than a reader can comfortably hold in mind at once.
public struct LongSentenceRule: Rule {
  public static let description = RuleDescription(
    identifier: "long-sentence",
    name: "Long sentence",
    summary: "Sentences with more than 25 words (you can change the limit).",
    rationale: """
      Long sentences are the main thing that makes health information hard to read. Readers have to hold the \
      start of the sentence in mind until they reach the end, and people who are unwell, anxious or reading in \
      a second language lose the thread. NHS guidance is to keep most sentences to 15 to 20 words and to split \
      any over 25.
      """,
    defaultSeverity: .warning,
    options: [
      RuleOptionDescription(
        name: "max-words", summary: "The most words a sentence may have before it is flagged.",
        defaultValue: .integer(25), allowedRange: 5...200)
    ],
    triggeringExamples: [
      RuleExample(
        """
        «You should contact your GP practice or call NHS 111 if you have a high temperature that lasts for more \
        than 3 days, or if you feel that your symptoms are getting worse.»
        """),
      RuleExample(
        """
        Short sentences help. «If you have been told by the hospital that you need to stop eating before your \
        operation, follow the instructions in your admission letter and ask the ward if you are unsure.» Thank you.
        """),
      RuleExample(
        "«Take one tablet twice a day with food, and do not take more than the dose on the label.»",
        options: ["max-words": .integer(10)]),
      RuleExample(
        """
        «Dr. Patel said that the blood test results, e.g. your cholesterol and blood sugar, will be sent to \
        your GP within approx. 5 working days, so you do not need to call.»
        """),
    ],
    nonTriggeringExamples: [
      RuleExample("Take one tablet twice a day. Take it with food."),
      RuleExample(
        """
        You should contact your GP practice or call NHS 111 if you have a high temperature. Call if it lasts for \
        more than 3 days. Call if you feel that your symptoms are getting worse.
        """),
      RuleExample(
        """
        Take one tablet twice a day with food, and do not take more than the dose on the label.
        """),
      RuleExample(
        """
        - Bring a list of your medicines
        - Bring your glasses or hearing aid if you use them
        - Bring something to read, as you may have to wait for some time before you are seen by the team
        """),
    ]
  )

  /// Messages, kept beside the rule that uses them.
  enum Message {
    static func tooLong(words: Int, tail: String) -> String {
      "This sentence has " + String(words) + " words" + tail
    }

    /// The part of the message after the count, the same for every finding of one checker.
    static func tail(limit: Int) -> String {
      "; the limit is \(limit). Split it into shorter sentences, one idea each, "
        + "or turn a list of things into bullet points."
    }
  }

  let maxWords: Int

  public init(options: RuleOptions) {
    maxWords = options.integer("max-words")
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker { Checker(maxWords: maxWords) }

  final class Checker: RuleChecker {
    let maxWords: Int
    /// The end of the message, made once: a long text can have thousands of long sentences.
    let messageTail: String

    init(maxWords: Int) {
      self.maxWords = maxWords
      messageTail = Message.tail(limit: maxWords)
    }

    /// Messages already made, by word count: counts repeat, so each message is built once per document.
    var messages: [Int: String] = [:]

    func check(sentence: Sentence, in block: BlockContext, report: inout FindingSink) {
      let words = sentence.wordCount
      guard words > maxWords else { return }
      let message: String
      if let made = messages[words] {
        message = made
      } else {
        message = Message.tooLong(words: words, tail: messageTail)
        messages[words] = message
      }
      report.report(sentence.range, message: message)
    }
  }
}
