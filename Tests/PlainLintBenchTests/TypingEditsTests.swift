import Testing

@testable import plainlint_bench

/// Applies an edit the way a server does: on a Swift string, with the range counted in UTF-16 code units, with
/// nothing shared with `EditableText`.
func applyAsServer(_ edit: TextEdit, to text: inout String) {
  var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  let utf16 = Array(lines[edit.line].utf16)
  #expect(edit.start <= edit.end && edit.end <= utf16.count, "edit out of the line: \(edit)")
  let before = String(decoding: utf16[0..<edit.start], as: UTF16.self)
  let after = String(decoding: utf16[edit.end...], as: UTF16.self)
  lines[edit.line] = before + edit.text + after
  text = lines.joined(separator: "\n")
}

@Suite("LSP benchmark: documents and typing")
struct TypingEditsTests {
  @Test(arguments: [
    ("abc", 3, 3), ("café", 5, 4), ("it’s", 6, 4), ("a 👩‍⚕️ b", 17, 9), ("😀x", 5, 3),
  ] as [(String, Int, Int)])
  func utf16ColumnsCountSurrogatePairsAsTwo(text: String, byteOffset: Int, column: Int) {
    #expect(EditableText.utf16Column(Array(text.utf8), byteOffset: byteOffset) == column)
    #expect(Array(text.utf8).count == byteOffset)
    #expect(text.utf16.count == column)
  }

  @Test func editableTextGivesBackItsBytes() {
    let bytes = Array("---\ntitle: x\n---\n\nA line with words.\n\n".utf8)
    #expect(EditableText(bytes).bytes == bytes)
  }

  @Test func paragraphLinesLeaveOutFrontMatterCodeAndHTML() {
    let text = EditableText(
      Array(
        """
        ---
        title: Looking after your wound at home today
        ---

        # Looking after your wound

        Keep the dressing dry for two days and then change it every morning.

        ```text
        Take two tablets every morning with a glass of water, please.
        ```

        <div class="callout">
        Phone your GP surgery if the wound gets red, hot or swollen at all.
        </div>

        - Phone your GP surgery if the wound gets red or swollen at all today.
        Wash your hands before and after you touch the dressing, every time.
        """.utf8))
    #expect(text.paragraphLines() == [6, 17])
  }

  @Test(arguments: [10_000, 100_000])
  func generatedDocumentsAreNearTheirSizeAndTheSameEveryTime(target: Int) {
    let document = LSPBenchmark.markdownDocument(seed: 2025, targetBytes: target)
    #expect(abs(document.count - target) * 4 < target, "\(document.count) bytes for \(target)")
    #expect(document == LSPBenchmark.markdownDocument(seed: 2025, targetBytes: target))
    #expect(document.starts(with: Array("---\ntitle: ".utf8)))
    #expect(EditableText(document).paragraphLines().count > target / 2_000)
  }

  @Test func typingEditsMatchTheTextAServerWouldHave() throws {
    let document = LSPBenchmark.markdownDocument(seed: 7, targetBytes: 10_000)
    var text = EditableText(document)
    var serverText = String(decoding: document, as: UTF8.self)
    var typing = try #require(TypingEdits(seed: 11, text: text))
    let paragraphs = Set(text.paragraphLines())
    var characters = 0
    var words = 0
    var deletions = 0
    var lines = Set<Int>()
    for _ in 0..<3_000 {
      let edit = typing.next(&text)
      applyAsServer(edit, to: &serverText)
      #expect(paragraphs.contains(edit.line))
      lines.insert(edit.line)
      if edit.text.isEmpty {
        #expect(edit.end == edit.start + 1)
        deletions += 1
      } else {
        #expect(edit.start == edit.end)
        if edit.text.count == 1 { characters += 1 } else { words += 1 }
      }
    }
    #expect(Array(serverText.utf8) == text.bytes)
    #expect(characters > 2_000 && words > 50 && deletions > 150, "\(characters), \(words), \(deletions)")
    #expect(lines.count >= paragraphs.count / 2, "the place should move: \(lines.count) of \(paragraphs.count) lines")
  }

  @Test func typingIsTheSameForTheSameSeed() throws {
    let document = LSPBenchmark.markdownDocument(seed: 3, targetBytes: 10_000)
    var first = EditableText(document)
    var second = EditableText(document)
    var a = try #require(TypingEdits(seed: 5, text: first))
    var b = try #require(TypingEdits(seed: 5, text: second))
    for _ in 0..<500 { #expect(a.next(&first) == b.next(&second)) }
  }

  @Test func aTextWithNoParagraphHasNoTyping() {
    #expect(TypingEdits(seed: 1, text: EditableText(Array("# Title\n\n```\ncode\n```\n".utf8))) == nil)
  }
}

@Suite("LSP benchmark: options")
struct LSPOptionsTests {
  @Test func sizesTakeKAndM() throws {
    #expect(try Options.sizes("10k,100k,1m") == [10_000, 100_000, 1_000_000])
    #expect(try Options.sizes("2500,3K") == [2_500, 3_000])
  }

  @Test(arguments: ["", "k", "10x", "-1k", "0", "200m"])
  func badSizesAreRefused(text: String) {
    #expect(throws: BenchError.self) { try Options.sizes(text) }
  }

  @Test func theLSPSectionAndItsFlagsParse() throws {
    let options = try #require(
      try Options.parse(["lsp", "--sizes", "10k", "--edits", "50", "--memory-edits", "0"]))
    #expect(options.sections == [.lsp])
    #expect(options.lspSizes == [10_000])
    #expect(options.lspEdits == 50)
    #expect(options.memoryEdits == 0)
    let defaults = try #require(try Options.parse(["lsp"]))
    #expect(defaults.lspSizes == [10_000, 100_000, 1_000_000] && defaults.lspEdits == 500)
    #expect(defaults.memoryEdits == 10_000)
    #expect(throws: BenchError.self) { try Options.parse(["lsp", "--memory-edits", "50"]) }
    #expect(throws: BenchError.self) { try Options.parse(["lsp", "--edits", "0"]) }
  }

  @Test func sizeLabels() {
    #expect(LSPBenchmark.sizeLabel(10_000) == "10 KB")
    #expect(LSPBenchmark.sizeLabel(1_000_000) == "1 MB")
    #expect(LSPBenchmark.sizeLabel(2_500) == "2,500 B")
  }
}

@Suite("LSP benchmark: typing that is undone")
struct UndoneTypingTests {
  @Test func undoingRunsKeepsTheTextItsSizeAndAServerAgrees() throws {
    let document = LSPBenchmark.markdownDocument(seed: 4, targetBytes: 10_000)
    var text = EditableText(document)
    var serverText = String(decoding: document, as: UTF8.self)
    var typing = try #require(TypingEdits(seed: 8, text: text, undoesRuns: true))
    var largest = 0
    var backAtStart = 0
    for _ in 0..<5_000 {
      applyAsServer(typing.next(&text), to: &serverText)
      let size = text.bytes.count
      largest = max(largest, size - document.count)
      if size == document.count { backAtStart += 1 }
    }
    #expect(Array(serverText.utf8) == text.bytes)
    // Never more than one place's typing (at most 60 edits, a word each) in the text at once.
    #expect(largest > 0 && largest <= 60 * 15, "\(largest)")
    #expect(backAtStart > 20, "the text should often be back to what it was: \(backAtStart)")
  }
}
