import PlainLintCore

/// `plainlint report`: one self-contained web page for people reading documents together. A summary (reading age
/// against the target, findings counted in plain words), a glossary of the acronyms and jargon found, and each
/// document's text with every finding marked in place, its note shown on hover, focus or tap, and the reading age
/// of each paragraph and part beside it.
///
/// The page needs nothing from the network: the styles and a one-line script (Escape closes a note; the page
/// works without it) are in the page. Every piece of text from the documents is escaped. The output depends
/// only on the reports, so the same inputs give the same page byte for byte.
public struct HTMLReportWriter: Reporter, Sendable {
  /// The page's title and main heading.
  public var title: String
  /// The plainlint version named on the page.
  public var version: String
  /// The reading-age target for documents whose report carries none.
  public var target: Int
  /// Rule names for rules without wording in `HTMLReportWording.rules`.
  public var ruleNames: [String: String]

  /// How many of a document's hardest sentences are listed.
  static let hardestCount = 5
  /// The longest a quoted sentence is shown, in characters.
  static let quoteLength = 240
  /// The longest the opening of a note's text is shown, in characters.
  static let openingLength = 60

  /// Creates the writer.
  public init(
    title: String = HTMLReportWording.defaultTitle, version: String, target: Int, ruleNames: [String: String]
  ) {
    self.title = title
    self.version = version
    self.target = target
    self.ruleNames = ruleNames
  }

  public func render(_ reports: [FileReport]) -> String {
    let documents = reports.enumerated().map { prepare($0.element, number: $0.offset + 1) }
    var page = HTMLText()
    writeHead(&page)
    page.raw("<body>\n")
    page.raw("<a class=\"skip\" href=\"#main\">\(HTMLReportWording.skipLink)</a>\n")
    page.raw("<header>\n")
    page.element("h1", "", title)
    page.raw("\n")
    page.element("p", "class=\"intro\"", HTMLReportWording.introduction(version: version))
    page.raw("\n</header>\n")
    if documents.count > 1 { writeContents(documents, to: &page) }
    page.raw("<main id=\"main\">\n")
    writeSummary(documents, to: &page)
    writeGlossary(documents, to: &page)
    for document in documents { write(document, single: documents.count == 1, to: &page) }
    page.raw("</main>\n")
    page.raw("<script>\(Self.script)</script>\n")
    page.raw("</body>\n</html>\n")
    return page.html
  }

  // MARK: - The parts of the page

  /// The doctype, the `head` with the title and the styles.
  func writeHead(_ page: inout HTMLText) {
    page.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
    page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    page.raw("<meta name=\"generator\" \(HTMLText.attribute("content", "plainlint \(version)"))>\n")
    page.element("title", "", title)
    page.raw("\n<style>\n\(Self.styles)</style>\n</head>\n")
  }

  /// The contents list of a page with several documents.
  func writeContents(_ documents: [PreparedDocument], to page: inout HTMLText) {
    page.raw("<nav aria-labelledby=\"contents-title\">\n")
    page.element("h2", "id=\"contents-title\"", HTMLReportWording.contentsHeading)
    page.raw("\n<ol>\n<li><a href=\"#summary\">\(HTMLReportWording.summaryHeading)</a></li>\n")
    page.raw("<li><a href=\"#glossary\">\(HTMLReportWording.glossaryHeading)</a></li>\n")
    for document in documents {
      page.raw("<li><a href=\"#\(document.anchor)\">")
      page.text(document.report.document.path)
      page.raw("</a> ")
      page.text("(" + HTMLReportWording.readingAge(document.age).lowercased() + ")")
      page.raw("</li>\n")
    }
    page.raw("</ol>\n</nav>\n")
  }

  /// The summary: the reading age of everything against the target, each document's, and the findings counted.
  func writeSummary(_ documents: [PreparedDocument], to page: inout HTMLText) {
    page.raw("<section id=\"summary\" aria-labelledby=\"summary-title\">\n")
    page.element("h2", "id=\"summary-title\"", HTMLReportWording.summaryHeading)
    page.raw("\n")
    var all = TextCounts()
    for document in documents { all += document.counts }
    let targets = Set(documents.map(\.target))
    let overallTarget = targets.count == 1 ? targets.first! : target
    let age = wholeAge(all)
    page.raw("<p class=\"overall \(ageClass(age, target: overallTarget))\">")
    page.text(HTMLReportWording.overallReadingAge(age, target: overallTarget, documents: documents.count))
    page.raw("</p>\n")
    if documents.count > 1 {
      page.raw("<table>\n")
      page.element("caption", "", HTMLReportWording.documentsCaption)
      page.raw("\n<thead><tr>")
      for column in HTMLReportWording.documentsColumns { page.element("th", "scope=\"col\"", column) }
      page.raw("</tr></thead>\n<tbody>\n")
      for document in documents {
        page.raw("<tr><th scope=\"row\"><a href=\"#\(document.anchor)\">")
        page.text(document.report.document.path)
        page.raw("</a></th>")
        page.raw("<td class=\"\(ageClass(document.age, target: document.target))\">")
        page.text(document.age.map(String.init) ?? "–")
        page.text(", " + HTMLReportWording.verdict(document.age, target: document.target))
        page.raw("</td>")
        page.element("td", "", String(document.target))
        page.element("td", "", HTMLReportWording.notes(document.report.findings.count))
        page.raw("</tr>\n")
      }
      page.raw("</tbody>\n</table>\n")
    }
    page.element("h3", "", HTMLReportWording.foundHeading)
    page.raw("\n")
    writeCounts(documents.flatMap(\.report.findings), to: &page)
    page.element("h3", "", HTMLReportWording.helpHeading)
    page.raw("\n")
    for paragraph in HTMLReportWording.help {
      page.element("p", "", paragraph)
      page.raw("\n")
    }
    page.raw("</section>\n")
  }

  /// The findings counted by rule, most first, in plain words.
  func writeCounts(_ findings: [Finding], to page: inout HTMLText) {
    let counts = findingsByRule(findings).sorted { ($1.count, $0.rule) < ($0.count, $1.rule) }
    if counts.isEmpty {
      page.element("p", "", HTMLReportWording.nothingFound)
      page.raw("\n")
      return
    }
    page.raw("<ul class=\"counts\">\n")
    for (rule, count) in counts {
      page.element("li", "", wording(rule).counted(count))
      page.raw("\n")
    }
    page.raw("</ul>\n")
  }

  /// The glossary: every acronym and jargon term found, once, sorted, with where it is in each document.
  func writeGlossary(_ documents: [PreparedDocument], to page: inout HTMLText) {
    page.raw("<section id=\"glossary\" aria-labelledby=\"glossary-title\">\n")
    page.element("h2", "id=\"glossary-title\"", HTMLReportWording.glossaryHeading)
    page.raw("\n")
    let entries = glossary(documents)
    if entries.isEmpty {
      page.element("p", "", HTMLReportWording.glossaryEmpty)
      page.raw("\n</section>\n")
      return
    }
    page.element("p", "", HTMLReportWording.glossaryIntroduction)
    page.raw("\n<table class=\"glossary\">\n")
    page.element("caption", "class=\"vh\"", HTMLReportWording.glossaryHeading)
    page.raw("\n<thead><tr>")
    for column in HTMLReportWording.glossaryColumns { page.element("th", "scope=\"col\"", column) }
    page.raw("</tr></thead>\n<tbody>\n")
    for entry in entries {
      page.raw("<tr>")
      page.element("th", "scope=\"row\"", entry.term.term)
      page.element("td", "", entry.term.meaning)
      let alternatives = entry.term.alternatives
      page.element(
        "td", "", alternatives.isEmpty ? HTMLReportWording.noAlternatives : alternatives.joined(separator: "; "))
      page.raw("<td>")
      for (index, place) in entry.places.enumerated() {
        if index > 0 { page.raw("<br>") }
        page.raw("<a href=\"#\(place.anchor)\">")
        let name = documents.count == 1 ? "" : documents[place.document - 1].report.document.path + ", "
        page.text(name + HTMLReportWording.line(place.line))
        page.raw("</a>")
      }
      page.raw("</td></tr>\n")
    }
    page.raw("</tbody>\n</table>\n</section>\n")
  }

  /// One document: its name, reading age, findings, hardest sentences and its text with the notes.
  func write(_ document: PreparedDocument, single: Bool, to page: inout HTMLText) {
    let anchor = document.anchor
    page.raw("<article id=\"\(anchor)\" aria-labelledby=\"\(anchor)-title\">\n")
    page.element("h2", "id=\"\(anchor)-title\"", document.report.document.path)
    page.raw("\n")
    page.element(
      "p", "class=\"size\"",
      HTMLReportWording.size(
        format: document.report.format, words: document.counts.words, sentences: document.counts.sentences))
    page.raw("\n")
    writeAge(HTMLReportWording.documentAge(document.age), age: document.age, target: document.target, to: &page)
    if !document.documentNotes.isEmpty {
      page.raw("<ul class=\"notes\">\n")
      for note in document.documentNotes { writeNote(note, in: document, to: &page) }
      page.raw("</ul>\n")
    }
    if !single {
      page.element("h3", "", HTMLReportWording.foundHeading)
      page.raw("\n")
      writeCounts(document.report.findings, to: &page)
    }
    page.element("h3", "", HTMLReportWording.hardestHeading)
    page.raw("\n")
    if document.hardest.isEmpty {
      page.element("p", "", HTMLReportWording.hardestNone)
      page.raw("\n")
    } else {
      page.element("p", "", HTMLReportWording.hardestIntroduction)
      page.raw("\n<ol class=\"hardest\">\n")
      for sentence in document.hardest {
        page.raw("<li>")
        page.element("q", "", sentence.quote)
        page.raw(" ")
        page.element(
          "span", "class=\"\(ageClass(sentence.age, target: document.target))\"",
          HTMLReportWording.readingAge(sentence.age))
        page.raw(" <a href=\"#\(sentence.anchor)\">\(HTMLReportWording.goToText)</a></li>\n")
      }
      page.raw("</ol>\n")
    }
    page.element("h3", "", HTMLReportWording.textHeading)
    // Plain text keeps its line breaks; in Markdown and HTML a line break inside a paragraph is a space.
    page.raw("\n<div class=\"doc-text\(document.prose.format == "text" ? " keep-lines" : "")\">\n")
    if document.blocks.isEmpty {
      page.element("p", "", HTMLReportWording.noText)
      page.raw("\n")
    }
    writeBlocks(document, to: &page)
    page.raw("</div>\n")
    if !document.otherNotes.isEmpty {
      page.element("h3", "", HTMLReportWording.otherNotesHeading)
      page.raw("\n<ul class=\"notes\">\n")
      for note in document.otherNotes { writeNote(note, in: document, to: &page) }
      page.raw("</ul>\n")
    }
    page.raw("</article>\n")
  }

  /// A reading-age badge: the words, and above or within the target in words as well as colour.
  func writeAge(_ words: String, age: Int?, target: Int, to page: inout HTMLText) {
    page.raw("<p class=\"age \(ageClass(age, target: target))\">")
    page.raw("<span aria-hidden=\"true\">\(ageSymbol(age, target: target)) </span>")
    page.text(words)
    page.raw("<span class=\"verdict\">")
    let verdict = HTMLReportWording.verdict(age, target: target)
    page.text(verdict.prefix(1).uppercased() + verdict.dropFirst())
    page.raw("</span></p>\n")
  }

  /// The blocks of a document: headings as headings (levels that never skip), paragraphs with their reading age,
  /// list items and table cells as lists, page titles and image descriptions labelled.
  func writeBlocks(_ document: PreparedDocument, to page: inout HTMLText) {
    let levels = headingLevels(document.blocks.map(\.block.kind))
    var openList: String? = nil
    for (index, block) in document.blocks.enumerated() {
      let listClass: String? =
        switch block.block.kind {
        case .listItem: "items"
        case .tableCell: "cells"
        default: nil
        }
      if openList != listClass {
        if openList != nil { page.raw("</ul>\n") }
        if let listClass { page.raw("<ul class=\"\(listClass)\">\n") }
        openList = listClass
      }
      let id = "id=\"\(block.anchor)\""
      switch block.block.kind {
      case .heading:
        let level = levels[index]
        page.raw("<div class=\"block head\" \(id)>\n<h\(level) class=\"text\">")
        writeText(block, in: document, to: &page)
        page.raw("</h\(level)>\n")
        if let part = block.part {
          writeAge(HTMLReportWording.sectionAge(part), age: part, target: document.target, to: &page)
        }
        writeBlockNotes(block, in: document, to: &page)
        page.raw("</div>\n")
      case .listItem, .tableCell:
        page.raw("<li \(id)><span class=\"text\">")
        writeText(block, in: document, to: &page)
        page.raw("</span>\n")
        writeBlockNotes(block, in: document, to: &page)
        page.raw("</li>\n")
      case .metadata:
        page.raw("<div class=\"block meta\" \(id)>\n<p class=\"text\"><span class=\"meta-label\">")
        page.text(HTMLReportWording.metadataLabel)
        page.raw("</span> ")
        writeText(block, in: document, to: &page)
        page.raw("</p>\n")
        writeBlockNotes(block, in: document, to: &page)
        page.raw("</div>\n")
      case .paragraph:
        page.raw("<div class=\"block\" \(id)>\n<p class=\"text\">")
        writeText(block, in: document, to: &page)
        page.raw("</p>\n")
        if let part = block.part {
          writeAge(HTMLReportWording.paragraphAge(part), age: part, target: document.target, to: &page)
        }
        writeBlockNotes(block, in: document, to: &page)
        page.raw("</div>\n")
      }
    }
    if openList != nil { page.raw("</ul>\n") }
  }

  /// A block's text, with each mark and its note.
  func writeText(_ block: PreparedBlock, in document: PreparedDocument, to page: inout HTMLText) {
    var position = block.block.range.lowerBound
    for mark in block.marks {
      writeProse(position..<mark.range.lowerBound, of: document.prose, source: document.report.document, to: &page)
      let findings = mark.findings.map { document.report.findings[$0] }
      let rules = findings.map { wording($0.rule).label }
      let kind = markKind(findings)
      let id = "\(document.anchor)-f\(mark.number)"
      page.raw("<mark class=\"f \(kind)\" id=\"\(id)\" tabindex=\"0\" aria-describedby=\"\(id)-note\">")
      writeProse(mark.range, of: document.prose, source: document.report.document, to: &page)
      page.raw("<sup aria-hidden=\"true\">\(mark.number)</sup><span class=\"vh\">")
      page.text(" (\(HTMLReportWording.noteWord) \(mark.number): \(rules.joined(separator: ", ")))")
      page.raw("</span></mark>")
      page.raw("<span class=\"tip\" role=\"tooltip\" id=\"\(id)-note\">")
      for finding in findings {
        page.raw("<span class=\"tip-item\"><span class=\"tip-label\">")
        page.text(wording(finding.rule).label + ":")
        page.raw("</span> ")
        page.text(finding.message)
        let alternatives = alternatives(finding)
        if !alternatives.isEmpty {
          page.raw(" <span class=\"tip-alt\">")
          page.text(HTMLReportWording.alternativesLead + alternatives)
          page.raw("</span>")
        }
        page.raw("</span>")
      }
      page.raw("</span>")
      position = mark.range.upperBound
    }
    writeProse(position..<block.block.range.upperBound, of: document.prose, source: document.report.document, to: &page)
  }

  /// Writes a stretch of prose, escaped, with the code and web addresses the front end left out of the prose
  /// (each a placeholder there) shown from the source as code.
  func writeProse(_ range: Range<Int>, of prose: ProseText, source: Document, to page: inout HTMLText) {
    for piece in Self.pieces(range, of: prose, source: source) {
      if piece.isCode {
        page.element("code", "", piece.text)
      } else {
        page.text(piece.text)
      }
    }
  }

  /// The UTF-8 of U+FFFC, which the Markdown and HTML front ends put in the prose for code and web addresses.
  static let placeholder: [UInt8] = [0xEF, 0xBF, 0xBC]

  /// A stretch of prose in pieces: text as it is, and each placeholder as the source it stands for (without the
  /// backticks or angle brackets around it).
  static func pieces(_ range: Range<Int>, of prose: ProseText, source: Document) -> [(text: String, isCode: Bool)] {
    let bytes = prose.bytes
    var pieces: [(text: String, isCode: Bool)] = []
    var start = range.lowerBound
    var index = range.lowerBound
    while index < range.upperBound {
      guard !prose.map.isIdentity, index + 3 <= range.upperBound, bytes[index] == 0xEF, bytes[index + 1] == 0xBF,
        bytes[index + 2] == 0xBC
      else {
        index += 1
        continue
      }
      if start < index { pieces.append((String(decoding: bytes[start..<index], as: UTF8.self), false)) }
      let code = Self.withoutMarkup(source.text(prose.map.sourceRange(ofProse: index..<index + 3)))
      pieces.append((code.isEmpty ? "\u{FFFC}" : code, !code.isEmpty))
      index += 3
      start = index
    }
    if start < range.upperBound {
      pieces.append((String(decoding: bytes[start..<range.upperBound], as: UTF8.self), false))
    }
    return pieces
  }

  /// The notes under a block: findings about the whole sentence or paragraph, shown always; and, for printing,
  /// the notes of its marks as numbered footnotes.
  func writeBlockNotes(_ block: PreparedBlock, in document: PreparedDocument, to page: inout HTMLText) {
    if !block.notes.isEmpty {
      page.raw("<ul class=\"notes\">\n")
      for note in block.notes { writeNote(note, in: document, to: &page) }
      page.raw("</ul>\n")
    }
    guard !block.marks.isEmpty else { return }
    page.raw("<ol class=\"footnotes\">\n")
    for mark in block.marks {
      page.raw("<li value=\"\(mark.number)\">")
      page.element("q", "", Self.plain(mark.range, of: document.prose, source: document.report.document))
      for index in mark.findings {
        let finding = document.report.findings[index]
        page.raw(" <strong>")
        page.text(wording(finding.rule).label + ":")
        page.raw("</strong> ")
        page.text(finding.message)
        let alternatives = alternatives(finding)
        if !alternatives.isEmpty { page.text(" " + HTMLReportWording.alternativesLead + alternatives) }
      }
      page.raw("</li>\n")
    }
    page.raw("</ol>\n")
  }

  /// One note: its label, the opening of the text it is about when that is less than the whole block, and the
  /// message.
  func writeNote(_ note: Note, in document: PreparedDocument, to page: inout HTMLText) {
    let finding = document.report.findings[note.finding]
    page.raw("<li><strong>")
    page.text(wording(finding.rule).label + ":")
    page.raw("</strong> ")
    if let opening = note.opening {
      page.element("q", "", opening)
      page.raw(" ")
    }
    if let line = note.line {
      page.text("(\(HTMLReportWording.line(line))) ")
    }
    page.text(finding.message)
    page.raw("</li>\n")
  }

  // MARK: - Working out what to show

  /// A document made ready to write.
  struct PreparedDocument {
    /// Its number on the page, from 1.
    var number: Int
    var report: FileReport
    var prose: ProseText
    /// The reading age it aims at.
    var target: Int
    /// Its counts (words, sentences, syllables).
    var counts: TextCounts
    /// Its reading age in whole years.
    var age: Int?
    var blocks: [PreparedBlock]
    /// Notes about the whole document, shown with its reading age.
    var documentNotes: [Note]
    /// Notes for findings outside every block (a directive in a comment, say).
    var otherNotes: [Note]
    /// The sentences that raise its reading age most.
    var hardest: [HardSentence]
    /// The anchor of each finding's place on the page, by finding index.
    var findingAnchors: [String]

    /// The anchor of the document on the page.
    var anchor: String { "d\(number)" }
  }

  /// A block made ready to write.
  struct PreparedBlock {
    var block: ProseBlock
    var anchor: String
    var marks: [Mark] = []
    var notes: [Note] = []
    /// The reading age of the paragraph, or of the part a heading starts.
    var part: Int?
  }

  /// Marked words: findings over the same words, or one inside another, share a mark.
  struct Mark {
    /// The words, in prose offsets.
    var range: Range<Int>
    /// Indices of the findings.
    var findings: [Int]
    /// Its number in the document, from 1.
    var number = 0
  }

  /// A note shown under a block, or among the document's other notes.
  struct Note {
    /// The index of the finding.
    var finding: Int
    /// The opening of the text it is about, when that is not the whole block.
    var opening: String?
    /// The line, for notes outside every block.
    var line: Int?
  }

  /// A sentence that raises a document's reading age.
  struct HardSentence {
    var quote: String
    var age: Int?
    var anchor: String
  }

  /// A glossary entry and where it is found.
  struct GlossaryEntry {
    var term: GlossaryTerm
    var places: [(document: Int, line: Int, anchor: String)]
  }

  /// Works out the blocks, marks, notes, reading ages and hardest sentences of a document.
  func prepare(_ report: FileReport, number: Int) -> PreparedDocument {
    let prose = report.prose ?? Self.wholeText(report.document)
    let inverse = SourceMap.Inverse(prose.map)
    let anchor = "d\(number)"
    var blocks = prose.blocks.enumerated().map {
      PreparedBlock(block: $0.element, anchor: "\(anchor)-b\($0.offset + 1)")
    }
    let metrics = report.metrics ?? DocumentMetrics()
    let target = report.readingAgeTarget ?? self.target

    // Reading ages of paragraphs and sections, found by where they start in the source.
    var partAges: [Int: Int?] = [:]
    for part in metrics.paragraphs + metrics.sections { partAges[part.range.lowerBound] = wholeAge(part.counts) }
    for index in blocks.indices {
      switch blocks[index].block.kind {
      case .paragraph, .heading:
        let start = prose.map.sourceStart(ofProse: blocks[index].block.range.lowerBound)
        if let age = partAges[start] { blocks[index].part = age }
      default: break
      }
    }

    // Each finding to a mark or a note.
    var candidates: [Int: [(range: Range<Int>, finding: Int)]] = [:]
    var otherNotes: [Note] = []
    var documentNotes: [Note] = []
    var converter = PositionConverter(report.document)
    for (index, finding) in report.findings.enumerated() {
      let range = inverse.proseRange(ofSource: finding.range)
      guard let blockIndex = Self.block(containing: range.lowerBound, in: prose.blocks) else {
        otherNotes.append(Note(finding: index, line: converter.location(at: finding.range.lowerBound).line))
        continue
      }
      let block = prose.blocks[blockIndex].range
      if prose.blocks.count > 1, range.lowerBound <= prose.blocks[0].range.lowerBound,
        range.upperBound >= prose.blocks[prose.blocks.count - 1].range.upperBound
      {
        // About the whole document: shown with its reading age.
        documentNotes.append(Note(finding: index))
        continue
      }
      if HTMLReportWording.noteRules.contains(finding.rule) || range.isEmpty || range.upperBound > block.upperBound {
        blocks[blockIndex].notes.append(
          Note(finding: index, opening: opening(range, of: block, in: prose, source: report.document)))
      } else {
        candidates[blockIndex, default: []].append((range, index))
      }
    }
    var findingAnchors = Array(repeating: anchor, count: report.findings.count)
    var markNumber = 0
    for index in blocks.indices {
      for note in blocks[index].notes { findingAnchors[note.finding] = blocks[index].anchor }
      guard let found = candidates[index] else { continue }
      let sorted = found.sorted {
        ($0.range.lowerBound, -$0.range.count, $0.finding) < ($1.range.lowerBound, -$1.range.count, $1.finding)
      }
      var marks: [Mark] = []
      for candidate in sorted {
        if let last = marks.last, candidate.range.lowerBound < last.range.upperBound {
          if candidate.range.upperBound <= last.range.upperBound {
            marks[marks.count - 1].findings.append(candidate.finding)
          } else {
            // Overlapping words that neither holds: the finding becomes a note.
            let block = blocks[index].block.range
            blocks[index].notes.append(
              Note(
                finding: candidate.finding,
                opening: opening(candidate.range, of: block, in: prose, source: report.document)))
            findingAnchors[candidate.finding] = blocks[index].anchor
          }
          continue
        }
        marks.append(Mark(range: candidate.range, findings: [candidate.finding]))
      }
      for mark in marks.indices {
        markNumber += 1
        marks[mark].number = markNumber
        for finding in marks[mark].findings { findingAnchors[finding] = "\(anchor)-f\(markNumber)" }
      }
      blocks[index].marks = marks
      blocks[index].notes.sort { $0.finding < $1.finding }
    }

    let hardest = hardestSentences(
      metrics, target: target, prose: prose, source: report.document, inverse: inverse, blocks: blocks,
      documentAnchor: anchor)
    return PreparedDocument(
      number: number, report: report, prose: prose, target: target,
      counts: metrics.document, age: wholeAge(metrics.document), blocks: blocks, documentNotes: documentNotes,
      otherNotes: otherNotes, hardest: hardest, findingAnchors: findingAnchors)
  }

  /// The sentences whose removal would lower the document's reading age most, among those with a reading age
  /// above the target: at most `hardestCount`, the one that raises it most first, each linked to its paragraph
  /// (or to the document, for a sentence outside every block).
  func hardestSentences(
    _ metrics: DocumentMetrics, target: Int, prose: ProseText, source: Document, inverse: SourceMap.Inverse,
    blocks: [PreparedBlock], documentAnchor: String
  ) -> [HardSentence] {
    guard let whole = metrics.document.scores.readingAge else { return [] }
    var ranked: [(raise: Double, age: Int, index: Int)] = []
    for (index, sentence) in metrics.sentences.enumerated() {
      guard let age = wholeAge(sentence.counts), age > target else { continue }
      let without = Self.subtracting(sentence.counts, from: metrics.document)
      let raise = whole - (without.scores.readingAge ?? 0)
      guard raise > 0 else { continue }
      ranked.append((raise, age, index))
    }
    ranked.sort { ($1.raise, $1.age, $0.index) < ($0.raise, $0.age, $1.index) }
    return ranked.prefix(Self.hardestCount).map { entry in
      let range = inverse.proseRange(ofSource: metrics.sentences[entry.index].range)
      var quote = Self.plain(range, of: prose, source: source)
        .split(whereSeparator: \.isWhitespace).joined(separator: " ")
      if quote.count > Self.quoteLength { quote = String(quote.prefix(Self.quoteLength - 1)) + "…" }
      let block = Self.block(containing: range.lowerBound, in: prose.blocks)
      return HardSentence(quote: quote, age: entry.age, anchor: block.map { blocks[$0].anchor } ?? documentAnchor)
    }
  }

  /// The glossary of all the documents: one entry per term (the same term in any capitals), sorted.
  func glossary(_ documents: [PreparedDocument]) -> [GlossaryEntry] {
    var entries: [String: GlossaryEntry] = [:]
    for document in documents {
      var converter = PositionConverter(document.report.document)
      var seen: Set<String> = []
      for (index, finding) in document.report.findings.enumerated()
      where HTMLReportWording.glossaryRules.contains(finding.rule) {
        let term: GlossaryTerm
        if let known = finding.term {
          term = known
        } else if finding.rule.hasPrefix("acronym") {
          let written = document.report.document.text(finding.range)
          term = GlossaryTerm(
            term: written, meaning: HTMLReportWording.unknownAcronym, alternatives: [], isAcronym: true)
        } else {
          continue
        }
        let key = term.term.lowercased()
        let line = converter.location(at: finding.range.lowerBound).line
        if entries[key] == nil { entries[key] = GlossaryEntry(term: term, places: []) }
        // The first place in each document.
        if seen.insert(key).inserted {
          entries[key]!.places.append((document.number, line, document.findingAnchors[index]))
        }
      }
    }
    return entries.sorted { ($0.key, $0.value.term.term) < ($1.key, $1.value.term.term) }.map(\.value)
  }

  // MARK: - Small helpers

  /// The index of the block whose range holds `offset` (or starts at it, for an empty block).
  static func block(containing offset: Int, in blocks: [ProseBlock]) -> Int? {
    var low = 0
    var high = blocks.count
    while low < high {
      let middle = (low + high) / 2
      if blocks[middle].range.lowerBound <= offset { low = middle + 1 } else { high = middle }
    }
    guard low > 0 else { return nil }
    let block = blocks[low - 1].range
    return offset < block.upperBound || offset == block.lowerBound ? low - 1 : nil
  }

  /// The opening words of a range of prose, when the range is less than the whole block.
  func opening(_ range: Range<Int>, of block: Range<Int>, in prose: ProseText, source: Document) -> String? {
    let end = min(max(range.upperBound, range.lowerBound), block.upperBound)
    let clamped = max(range.lowerBound, block.lowerBound)..<max(end, block.lowerBound)
    guard !clamped.isEmpty, clamped != block else { return nil }
    let words = Self.plain(clamped, of: prose, source: source).split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
    if words.count <= Self.openingLength { return words }
    return String(words.prefix(Self.openingLength - 1)) + "…"
  }

  /// Code or a web address as written, without the backticks of Markdown code or the angle brackets of a
  /// Markdown web address.
  static func withoutMarkup(_ written: String) -> String {
    if written.first == "`" {
      let inside = written.drop { $0 == "`" }.reversed().drop { $0 == "`" }.reversed()
      return String(inside).trimmingSpaces()
    }
    if written.count >= 2 && written.first == "<" && written.last == ">" {
      return String(written.dropFirst().dropLast())
    }
    return written
  }

  /// A stretch of prose as plain text, with code and web addresses from the source.
  static func plain(_ range: Range<Int>, of prose: ProseText, source: Document) -> String {
    pieces(range, of: prose, source: source).map(\.text).joined()
  }

  /// The whole of a document as one paragraph of prose, for a report made without its prose.
  static func wholeText(_ document: Document) -> ProseText {
    ProseText(
      format: "text", bytes: document.bytes, blocks: [ProseBlock(kind: .paragraph, range: 0..<document.bytes.count)],
      map: .identity)
  }

  /// Counts less a part of them.
  static func subtracting(_ part: TextCounts, from whole: TextCounts) -> TextCounts {
    TextCounts(
      words: whole.words - part.words, sentences: whole.sentences - part.sentences,
      syllables: whole.syllables - part.syllables, polysyllables: whole.polysyllables - part.polysyllables,
      complexWords: whole.complexWords - part.complexWords, letters: whole.letters - part.letters,
      hardWords: whole.hardWords - part.hardWords)
  }

  /// The plain alternatives of a finding, quoted and joined, or empty.
  func alternatives(_ finding: Finding) -> String {
    let words = finding.suggestions.map(\.replacement).filter { !$0.isEmpty }
    guard !words.isEmpty else { return "" }
    let quoted = words.map { "“\($0)”" }
    return quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
  }

  /// The wording of a rule, or its name for a rule without wording.
  func wording(_ rule: String) -> HTMLReportWording.RuleWording {
    if let wording = HTMLReportWording.rules[rule] { return wording }
    let name = ruleNames[rule] ?? rule
    return HTMLReportWording.RuleWording(label: name, one: "note: \(name)", many: "notes: \(name)")
  }

  /// The style of a mark: acronyms, person-first language and other words look different (by line as well as
  /// colour).
  func markKind(_ findings: [Finding]) -> String {
    let rule = findings.first?.rule ?? ""
    if rule.hasPrefix("acronym") { return "f-acronym" }
    if rule == "inclusive-language" { return "f-person" }
    return "f-word"
  }

  /// The whole reading age of some counts, if they have sentences.
  func wholeAge(_ counts: TextCounts) -> Int? {
    counts.scores.readingAge.map { Int($0.rounded()) }
  }

  /// The class of a reading age: above or within the target, or none.
  func ageClass(_ age: Int?, target: Int) -> String {
    guard let age else { return "none" }
    return age > target ? "above" : "within"
  }

  /// A symbol beside the words of a reading age (hidden from screen readers: the words say it).
  func ageSymbol(_ age: Int?, target: Int) -> String {
    guard let age else { return "–" }
    return age > target ? "▲" : "✓"
  }

  /// The page level of each heading block (0 for other blocks): the document's top heading level is `h4`, under
  /// the page's own `h3`, and a heading is never more than one level below the one before it, so levels never
  /// skip.
  func headingLevels(_ kinds: [BlockKind]) -> [Int] {
    var top = Int.max
    for kind in kinds { if case .heading(let level) = kind { top = min(top, level) } }
    var previous = 3
    return kinds.map { kind in
      guard case .heading(let level) = kind else { return 0 }
      let page = min(4 + level - top, previous + 1, 6)
      previous = max(page, 4)
      return previous
    }
  }
}

extension String {
  /// The string without spaces at either end.
  func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
