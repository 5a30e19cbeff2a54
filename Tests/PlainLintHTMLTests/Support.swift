import PlainLintCore
import Testing

@testable import PlainLintHTML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A word the rules would see, with the source text its range maps back to.
struct SeenWord: Equatable, CustomStringConvertible {
  var prose: String
  var source: String
  var description: String { prose == source ? prose : "\(prose)⇐\(source)" }
}

/// Everything the front end produced for one document.
struct Extracted {
  var document: Document
  var extraction: HTMLExtraction
  var prose: ProseText { extraction.prose }

  /// The words (and numbers, acronyms, addresses), block by block, with their mapped source text.
  var seen: [SeenWord] {
    var words: [SeenWord] = []
    for block in prose.blocks {
      var tokens: [Token] = []
      Tokenizer.tokenize(prose.bytes, range: block.range, into: &tokens)
      for token in tokens where token.kind.countsAsWord {
        let source = document.text(prose.map.sourceRange(ofProse: token.start..<token.end))
        words.append(
          SeenWord(prose: String(decoding: prose.bytes[token.start..<token.end], as: UTF8.self), source: source))
      }
    }
    return words
  }

  /// The words as the rules read them.
  var words: [String] { seen.map(\.prose) }

  /// The words whose mapped source text is not the word as written (entities excepted by the caller).
  var blocks: [(BlockKind, String)] {
    prose.blocks.map { ($0.kind, String(decoding: prose.bytes[$0.range], as: UTF8.self)) }
  }

  var kinds: [BlockKind] { prose.blocks.map(\.kind) }

  /// The block texts with white space collapsed.
  var blockTexts: [String] { blocks.map { collapse($0.1) } }

  /// The source text a prose range maps to.
  func source(ofProse range: Range<Int>) -> String {
    document.text(prose.map.sourceRange(ofProse: range))
  }

  /// The prose range of the first occurrence of `text` in the prose.
  func proseRange(of text: String) -> Range<Int>? {
    let needle = Array(text.utf8)
    let bytes = prose.bytes
    guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
    for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
      return start..<start + needle.count
    }
    return nil
  }
}

func collapse(_ text: String) -> String {
  text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
}

func extract(_ html: String) throws -> Extracted {
  let document = Document(path: "test.html", text: html)
  return Extracted(document: document, extraction: try HTMLFrontEnd.extract(document))
}

func extract(bytes: [UInt8]) throws -> Extracted {
  let document = Document(path: "test.html", bytes: bytes)
  return Extracted(document: document, extraction: try HTMLFrontEnd.extract(document))
}

/// The words linted in an HTML document.
func words(_ html: String) throws -> [String] { try extract(html).words }

/// The fixtures folder.
let fixturesPath: String = {
  var path = #filePath
  for _ in 0..<3 {
    while let last = path.last, last != "/" { path.removeLast() }
    path.removeLast()
  }
  return path + "/Fixtures/html"
}()

/// The bytes of a file.
func readFile(_ path: String) -> [UInt8]? {
  guard let file = fopen(path, "rb") else { return nil }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = fread(&buffer, 1, buffer.count, file)
    if count <= 0 { break }
    bytes.append(contentsOf: buffer[0..<count])
  }
  return bytes
}

func fixture(_ name: String) throws -> Extracted {
  let bytes = try #require(readFile(fixturesPath + "/" + name))
  let document = Document(path: "Fixtures/html/\(name)", bytes: bytes)
  return Extracted(document: document, extraction: try HTMLFrontEnd.extract(document))
}
