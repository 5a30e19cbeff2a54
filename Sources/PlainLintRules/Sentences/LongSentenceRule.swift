import PlainLintCore
import Synchronization

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
  /// Messages by word count, shared by the checkers of every document this rule lints.
  private let messages: MessageCache

  public init(options: RuleOptions) {
    maxWords = options.integer("max-words")
    messages = MessageCache(tail: Message.tail(limit: maxWords))
  }

  public func makeChecker(document: DocumentState) -> any RuleChecker {
    Checker(maxWords: maxWords, shared: messages)
  }

  /// The messages made so far, by word count: counts repeat from document to document, so each message is built
  /// once per rule rather than once per document.
  final class MessageCache: Sendable {
    private let tail: String
    private let made = Mutex<[Int: String]>([:])

    init(tail: String) {
      self.tail = tail
    }

    func message(words: Int) -> String {
      made.withLock { made in
        if let message = made[words] { return message }
        let message = Message.tooLong(words: words, tail: tail)
        made[words] = message
        return message
      }
    }
  }

  final class Checker: RuleChecker {
    let maxWords: Int
    let shared: MessageCache
    /// The messages this checker has used, by word count (a sentence over the limit is rare, so this stays short).
    @exclusivity(unchecked) var messages: [String?] = []

    init(maxWords: Int, shared: MessageCache) {
      self.maxWords = maxWords
      self.shared = shared
    }

    /// Word counts from this one on are looked up in the shared cache each time.
    static let localLimit = 1_000

    func check(sentence: Sentence, in block: BlockContext, report: inout FindingSink) {
      let words = sentence.wordCount
      guard words > maxWords else { return }
      if words < messages.count, let message = messages[words] {
        report.report(sentence.range, message: message)
        return
      }
      let message = shared.message(words: words)
      // Only counts a sentence may plausibly have are kept here (one of a million words must not make an array
      // of a million).
      if words < Checker.localLimit {
        if words >= messages.count { messages += repeatElement(nil, count: words + 1 - messages.count) }
        messages[words] = message
      }
      report.report(sentence.range, message: message)
    }
  }
}
