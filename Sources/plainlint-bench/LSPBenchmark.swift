import Foundation
import PlainLintCore

/// A text being edited, kept as lines (without their `\n`), so an edit at a line and column is cheap and the
/// LSP position of any place can be worked out.
struct EditableText {
  /// The lines, without line ends.
  private(set) var lines: [[UInt8]]

  /// Splits `bytes` at every `\n` (the generated corpus has no `\r`).
  init(_ bytes: [UInt8]) {
    lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
  }

  /// The whole text again.
  var bytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(lines.reduce(lines.count) { $0 + $1.count })
    for (index, line) in lines.enumerated() {
      if index > 0 { out.append(0x0A) }
      out.append(contentsOf: line)
    }
    return out
  }

  /// Inserts ASCII `text` into line `line` at byte `offset`.
  mutating func insert(_ text: [UInt8], line: Int, at offset: Int) {
    lines[line].insert(contentsOf: text, at: offset)
  }

  /// Removes the bytes `range` of line `line`.
  mutating func remove(line: Int, _ range: Range<Int>) {
    lines[line].removeSubrange(range)
  }

  /// The UTF-16 column (LSP's default position encoding) of byte `offset` of a line of UTF-8.
  static func utf16Column(_ line: [UInt8], byteOffset: Int) -> Int {
    var column = 0
    for byte in line[0..<byteOffset] where byte & 0xC0 != 0x80 {
      column += byte >= 0xF0 ? 2 : 1  // a four-byte scalar is a surrogate pair in UTF-16
    }
    return column
  }

  /// The lines that are running prose in a paragraph, where a person would type: they start with a letter and
  /// have a space in them, and are not in front matter, fenced code or a raw HTML block.
  func paragraphLines() -> [Int] {
    var result: [Int] = []
    var inFrontMatter = false
    var inFence = false
    var inHTML = false
    for (index, line) in lines.enumerated() {
      let isFenceMark = line.starts(with: Array("```".utf8)) || line.starts(with: Array("~~~".utf8))
      if index == 0 && line == Array("---".utf8) {
        inFrontMatter = true
      } else if inFrontMatter {
        if line == Array("---".utf8) { inFrontMatter = false }
      } else if inFence {
        if isFenceMark { inFence = false }
      } else if isFenceMark {
        inFence = true
      } else if inHTML {
        if line.isEmpty { inHTML = false }
      } else if line.first == UInt8(ascii: "<") {
        inHTML = true
      } else if let first = line.first, EditableText.isASCIILetter(first), line.count >= 40, line.contains(0x20) {
        result.append(index)
      }
    }
    return result
  }

  /// Whether `byte` is an ASCII letter.
  static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }
}

/// One `textDocument/didChange` content change: a range of one line (UTF-16 columns) and its new text.
struct TextEdit: Equatable {
  /// The line (from 0).
  var line: Int
  /// The first UTF-16 column replaced.
  var start: Int
  /// The UTF-16 column after the last one replaced (equal to `start` for an insertion).
  var end: Int
  /// The new text.
  var text: String

  /// The change as LSP's `TextDocumentContentChangeEvent`.
  var json: JSONObject {
    [
      "range": [
        "start": ["line": line, "character": start], "end": ["line": line, "character": end],
      ] as JSONObject,
      "text": text,
    ]
  }
}

/// Edits that look like a person typing in a paragraph: a character at a time, now and then a whole word (a
/// completion or a paste), now and then a backspace (the character is typed again after it), at a place that
/// moves along as it is typed and jumps to another paragraph every 10 to 60 edits. With `undoesRuns`, what was
/// typed at a place is deleted again, a backspace an edit, before the jump, so the text keeps its size however
/// many edits there are (for measuring memory, where a growing text would look like a leak).
///
/// The words typed include some that the rules flag (`utilise`, `oedema`, `commence`), so findings come and go.
/// Only ASCII is typed and only what was typed is deleted, so every edit keeps the text valid UTF-8.
struct TypingEdits {
  /// The words typed, each followed by a space.
  static let words = [
    "the", "your", "nurse", "will", "check", "utilise", "a", "small", "dressing", "oedema", "and", "commence",
    "treatment", "approximately", "every", "day", "please", "ask", "if", "you", "are", "unsure", "about", "it",
  ]

  /// The random numbers.
  private var rng: SplitMix64
  /// The lines edits happen in.
  private let candidates: [Int]
  /// The line being typed in.
  private(set) var line = 0
  /// The byte offset of the cursor in that line.
  private(set) var cursor = 0
  /// Bytes typed just before the cursor since it was placed (what a backspace may delete).
  private var typed: [UInt8] = []
  /// Bytes of the current word still to type.
  private var pending: [UInt8] = []
  /// Edits left before the cursor jumps elsewhere.
  private var runLeft = 0
  /// Whether what was typed at a place is deleted before the jump.
  let undoesRuns: Bool

  /// Edits for `text`, from `seed`; nil when the text has no paragraph to type in.
  init?(seed: UInt64, text: EditableText, undoesRuns: Bool = false) {
    rng = SplitMix64(seed: seed)
    self.undoesRuns = undoesRuns
    candidates = text.paragraphLines()
    if candidates.isEmpty { return nil }
  }

  /// The next edit, applied to `text` too.
  mutating func next(_ text: inout EditableText) -> TextEdit {
    if runLeft == 0 {
      if undoesRuns && !typed.isEmpty { return backspace(&text, retype: false) }
      jump(in: text)
    }
    runLeft -= 1
    let roll = rng.below(100)
    if roll < 12 && !typed.isEmpty { return backspace(&text, retype: true) }
    var insert: [UInt8]
    if roll < 27 && pending.isEmpty {
      insert = Array(TypingEdits.words[rng.below(TypingEdits.words.count)].utf8) + [0x20]
    } else {
      if pending.isEmpty { pending = Array(TypingEdits.words[rng.below(TypingEdits.words.count)].utf8) + [0x20] }
      insert = [pending.removeFirst()]
    }
    let column = EditableText.utf16Column(text.lines[line], byteOffset: cursor)
    text.insert(insert, line: line, at: cursor)
    cursor += insert.count
    typed.append(contentsOf: insert)
    return TextEdit(line: line, start: column, end: column, text: String(decoding: insert, as: UTF8.self))
  }

  /// Deletes the last byte typed (ASCII, so one UTF-16 unit); with `retype`, it is typed again next.
  private mutating func backspace(_ text: inout EditableText, retype: Bool) -> TextEdit {
    let last = typed.removeLast()
    let column = EditableText.utf16Column(text.lines[line], byteOffset: cursor)
    text.remove(line: line, (cursor - 1)..<cursor)
    cursor -= 1
    if retype { pending.insert(last, at: 0) }
    return TextEdit(line: line, start: column - 1, end: column, text: "")
  }

  /// Puts the cursor after a space in a random paragraph line.
  private mutating func jump(in text: EditableText) {
    line = candidates[rng.below(candidates.count)]
    let bytes = text.lines[line]
    let spaces = bytes.indices.filter { bytes[$0] == 0x20 }
    cursor = spaces[rng.below(spaces.count)] + 1
    typed.removeAll()
    pending.removeAll()
    runLeft = rng.inRange(10...60)
  }
}

/// The `lsp` section: `plainlint lsp` as an editor would drive it, timed from `didChange` to the
/// `publishDiagnostics` of that version.
enum LSPBenchmark {
  /// Edits sent before timing starts (the server's caches and the page cache warm up).
  static let warmupEdits = 20

  /// A Markdown document of about `targetBytes`: a page of leaflets from the seeded generator, laid out by
  /// `MarkdownWriter` as in the `formats` section, cut after the leaflet that brings it closest to the target.
  static func markdownDocument(seed: UInt64, targetBytes: Int) -> [UInt8] {
    var prose = CorpusGenerator(seed: seed)
    let grammar = Grammar(HealthText.rules.merging(MarkupText.rules) { first, _ in first })
    var writer = MarkdownWriter(seed: seed ^ 0x6D61_726B_646F_776E, grammar: grammar)
    var out: [UInt8] = []
    out.reserveCapacity(targetBytes + 16_384)
    var leaflet = Leaflet()
    var previous = 0
    while out.count < targetBytes {
      prose.leaflet(into: &leaflet)
      if out.isEmpty { writer.beginPage(with: leaflet, into: &out) }
      previous = out.count
      writer.append(leaflet, into: &out)
    }
    // Drop the last leaflet when that lands nearer the target (never the only one).
    if previous > 0 && targetBytes - previous < out.count - targetBytes && previous > out.count / 4 {
      out.removeSubrange(previous...)
    }
    return out
  }

  /// What one server session measured.
  struct SessionResult {
    /// The name of the document (for tables): "100 KB".
    var label: String
    /// The document's size when opened, in bytes.
    var bytes: Int
    /// Its size after the last edit.
    var finalBytes: Int
    /// The server's name and version from `initialize`.
    var serverInfo: String
    /// From `didOpen` to the first `publishDiagnostics`, in seconds.
    var openSeconds: Double
    /// From each timed `didChange` to the `publishDiagnostics` of its version, in seconds.
    var latencies: Samples
    /// Edits sent in all (warm-up included).
    var edits: Int
    /// Memory readings: after how many edits (warm-up included), VmRSS and VmHWM in KiB; the last is at the end.
    var memory: [(edits: Int, residentKiB: Int, peakKiB: Int)]
    /// Diagnostics the server published for the last version.
    var lastDiagnostics: Int
    /// The size of that `publishDiagnostics` message's JSON, in bytes.
    var lastPublishBytes: Int
    /// Findings `plainlint check --format json` reported on the final text.
    var checkFindings: Int
    /// Diagnostics whose rule, line and message have no partner in the check's report (and the other way).
    var unmatched: Int
    /// `publishDiagnostics` for an older version that arrived while waiting (should be none).
    var stalePublishes: Int
    /// Other messages from the server, by method.
    var otherMessages: [String: Int]
    /// The server's exit status after `shutdown` and `exit`.
    var exitStatus: Int32
    /// The machine's load average over the last minute when the edits were done (other processes included).
    var loadAverage: String
  }

  /// Opens `document` in a fresh `plainlint lsp`, sends `edits` typing edits (`TypingEdits`, `undoesRuns` as
  /// given) after `warmupEdits` untimed ones,
  /// waits after each for its diagnostics, reads the server's memory once the number of edits sent (warm-up
  /// included) is one of `memoryAt` and after the last one, checks
  /// the last diagnostics against `plainlint check --format json` on the same text, and shuts the server down.
  static func session(
    label: String, document: [UInt8], plainlint: String, environment: [String], directory: String, name: String,
    seed: UInt64, edits: Int, memoryAt: Set<Int> = [], undoesRuns: Bool = false, progress: (String) -> Void
  ) throws(BenchError) -> SessionResult {
    let path = directory + "/" + name + ".md"
    let uri = JSONText.fileURI(path)
    try System.writeFile(path, document)
    let server = try LanguageServerProcess(
      [plainlint, "lsp"], environment: environment, logPath: directory + "/" + name + ".log")
    let initialized = try server.request("initialize", initializeParams(directory: directory))
    let serverInfo = try checkCapabilities(initialized)
    try server.notify("initialized", [:])

    var text = EditableText(document)
    guard var typing = TypingEdits(seed: seed, text: text, undoesRuns: undoesRuns) else {
      throw BenchError("the generated \(label) document has no paragraph to type in")
    }
    var stale = 0
    var version = 1
    /// Waits for the diagnostics of `version`, counting older ones; returns them with their arrival time.
    func diagnostics(after sent: UInt64) throws(BenchError) -> (
      seconds: Double, diagnostics: [JSONObject], bytes: Int
    ) {
      let wanted = version
      let message = try server.waitFor("publishDiagnostics for version \(wanted) of \(name).md") {
        (message) throws(BenchError) -> Bool in
        guard message["method"] as? String == "textDocument/publishDiagnostics",
          let params = message["params"] as? JSONObject, params["uri"] as? String == uri
        else { return false }
        guard let got = params["version"] as? Int else {
          throw BenchError("publishDiagnostics for \(name).md has no version (the bench needs it to match edits)")
        }
        if got > wanted { throw BenchError("publishDiagnostics for version \(got) arrived before \(wanted)") }
        if got < wanted { stale += 1 }
        return got == wanted
      }
      let params = message.object["params"] as? JSONObject
      guard let list = params?["diagnostics"] as? [JSONObject] else {
        throw BenchError("publishDiagnostics for \(name).md has no diagnostics list")
      }
      return (Double(message.arrivedAt - sent) / 1e9, list, message.bytes)
    }

    progress("lsp: \(label): didOpen (\(Format.grouped(document.count)) bytes)")
    let opened = try server.notify(
      "textDocument/didOpen",
      [
        "textDocument": [
          "uri": uri, "languageId": "markdown", "version": version,
          "text": String(decoding: document, as: UTF8.self),
        ] as JSONObject
      ])
    let open = try diagnostics(after: opened)
    var last = open.diagnostics
    var lastBytes = open.bytes
    var latencies: [Double] = []
    latencies.reserveCapacity(edits)
    var memory: [(edits: Int, residentKiB: Int, peakKiB: Int)] = []
    let total = warmupEdits + edits
    progress("lsp: \(label): \(warmupEdits) warm-up edits, then \(Format.grouped(edits)) timed")
    for index in 0..<total {
      let edit = typing.next(&text)
      version += 1
      let sent = try server.notify(
        "textDocument/didChange",
        [
          "textDocument": ["uri": uri, "version": version] as JSONObject,
          "contentChanges": [edit.json],
        ])
      let result = try diagnostics(after: sent)
      last = result.diagnostics
      lastBytes = result.bytes
      if index >= warmupEdits { latencies.append(result.seconds) }
      if memoryAt.contains(index + 1) {
        let reading = try server.memory()
        memory.append((index + 1, reading.residentKiB, reading.peakKiB))
        progress("lsp: \(label): after \(Format.grouped(index + 1)) edits: VmRSS \(reading.residentKiB) KiB")
      }
    }
    if memory.last?.edits != total {
      let final = try server.memory()
      memory.append((total, final.residentKiB, final.peakKiB))
    }

    progress("lsp: \(label): checking the last diagnostics against `plainlint check --format json`")
    let finalText = text.bytes
    try System.writeFile(path, finalText)
    let check = try ProcessBenchmark.capture(
      [plainlint, "check", "--format", "json", path], environment: environment, outputPath: directory + "/check.json")
    let reported = try checkDiagnostics(check.output)
    let published = try publishedKeys(last)
    let unmatched = unmatchedCount(published, reported)
    let load = System.readText("/proc/loadavg").split(separator: " ").first.map(String.init) ?? "?"
    let exitStatus = try server.shutdown()
    return SessionResult(
      label: label, bytes: document.count, finalBytes: finalText.count, serverInfo: serverInfo,
      openSeconds: open.seconds,
      latencies: Samples(latencies.isEmpty ? [0] : latencies), edits: total, memory: memory,
      lastDiagnostics: last.count, lastPublishBytes: lastBytes, checkFindings: reported.count, unmatched: unmatched,
      stalePublishes: stale, otherMessages: server.otherMessages, exitStatus: exitStatus, loadAverage: load)
  }

  /// `initialize`'s parameters: a client that wants pushed diagnostics (no `textDocument.diagnostic`), UTF-16
  /// positions, incremental changes and versions on `publishDiagnostics`, with `directory` as its workspace.
  static func initializeParams(directory: String) -> JSONObject {
    let root = JSONText.fileURI(directory)
    return [
      "processId": Int(getpid()),
      "clientInfo": ["name": "plainlint-bench"] as JSONObject,
      "rootUri": root,
      "workspaceFolders": [["uri": root, "name": "bench"] as JSONObject],
      "capabilities": [
        "general": ["positionEncodings": ["utf-16"]] as JSONObject,
        "textDocument": [
          "synchronization": ["dynamicRegistration": false, "didSave": false] as JSONObject,
          "publishDiagnostics": ["versionSupport": true] as JSONObject,
        ] as JSONObject,
        "workspace": [
          "workspaceFolders": true, "configuration": false,
          "didChangeWatchedFiles": ["dynamicRegistration": false] as JSONObject,
        ] as JSONObject,
      ] as JSONObject,
    ]
  }

  /// Checks that the server pushes diagnostics, takes incremental changes and uses UTF-16 positions; returns
  /// its name and version.
  static func checkCapabilities(_ result: Any) throws(BenchError) -> String {
    guard let result = result as? JSONObject, let capabilities = result["capabilities"] as? JSONObject else {
      throw BenchError("the answer to initialize has no capabilities")
    }
    let encoding = capabilities["positionEncoding"] as? String ?? "utf-16"
    guard encoding == "utf-16" else {
      throw BenchError("the server chose position encoding '\(encoding)'; the bench asked for utf-16 only")
    }
    let sync = capabilities["textDocumentSync"]
    let change = (sync as? JSONObject)?["change"] as? Int ?? sync as? Int
    guard change == 2 else {
      let kind = change.map(String.init) ?? "missing"
      throw BenchError("the server does not take incremental changes (textDocumentSync.change is \(kind), not 2)")
    }
    guard capabilities["diagnosticProvider"] == nil else {
      throw BenchError("the server offers pull diagnostics to a client that did not ask for them; it would not push")
    }
    let info = result["serverInfo"] as? JSONObject
    return [info?["name"] as? String, info?["version"] as? String].compactMap { $0 }.joined(separator: " ")
  }

  /// One diagnostic as "rule | line from 1 | message", to compare the server's with the command line's.
  typealias DiagnosticKey = String

  /// The keys of the diagnostics the server published.
  static func publishedKeys(_ diagnostics: [JSONObject]) throws(BenchError) -> [DiagnosticKey] {
    var keys: [DiagnosticKey] = []
    for diagnostic in diagnostics {
      guard let range = diagnostic["range"] as? JSONObject, let start = range["start"] as? JSONObject,
        let line = start["line"] as? Int, let message = diagnostic["message"] as? String
      else { throw BenchError("a published diagnostic has no range or message: \(diagnostic)") }
      let code = diagnostic["code"] as? String ?? "(no code)"
      keys.append("\(code) | \(line + 1) | \(message)")
    }
    return keys
  }

  /// The keys of the diagnostics in `plainlint check --format json` output (one file).
  static func checkDiagnostics(_ output: [UInt8]) throws(BenchError) -> [DiagnosticKey] {
    let report = try JSONText.decode(output)
    guard let files = report["files"] as? [JSONObject], files.count == 1,
      let diagnostics = files[0]["diagnostics"] as? [JSONObject]
    else { throw BenchError("`plainlint check --format json` did not report one file: \(JSONText.preview(output))") }
    var keys: [DiagnosticKey] = []
    for diagnostic in diagnostics {
      guard let rule = diagnostic["rule"] as? String, let message = diagnostic["message"] as? String,
        let range = diagnostic["range"] as? JSONObject, let start = range["start"] as? JSONObject,
        let line = start["line"] as? Int
      else { throw BenchError("a diagnostic from `plainlint check --format json` lacks rule, message or range") }
      keys.append("\(rule) | \(line) | \(message)")
    }
    return keys
  }

  /// How many keys of either list have no partner in the other (each key counted as often as it occurs).
  static func unmatchedCount(_ a: [DiagnosticKey], _ b: [DiagnosticKey]) -> Int {
    var counts: [DiagnosticKey: Int] = [:]
    for key in a { counts[key, default: 0] += 1 }
    for key in b { counts[key, default: 0] -= 1 }
    return counts.values.reduce(0) { $0 + abs($1) }
  }
}

extension LSPBenchmark {
  /// "10 KB", "1 MB" (10^3 and 10^6 bytes), or bytes when the size is not a whole number of either.
  static func sizeLabel(_ bytes: Int) -> String {
    if bytes % 1_000_000 == 0 { return "\(bytes / 1_000_000) MB" }
    if bytes % 1_000 == 0 { return "\(bytes / 1_000) KB" }
    return "\(Format.grouped(bytes)) B"
  }

  /// The section's tables, and rows for the closing table of targets.
  static func report(_ sessions: [SessionResult], memoryRun: Bool) -> (text: String, targets: [[String]]) {
    var text = "## Language server: didChange to publishDiagnostics\n\n"
    let server = sessions.first?.serverInfo ?? ""
    text += "`plainlint lsp` (\(server.isEmpty ? "no serverInfo" : server)) started once per document, "
    text += "initialized with pushed diagnostics and UTF-16 positions; Markdown from the seeded generator; typing "
    text += "edits (a character, sometimes a word, sometimes a backspace), each `didChange` timed to the "
    text += "`publishDiagnostics` of its version (monotonic clock, send to last byte read); "
    text += "\(plural(warmupEdits, "warm-up edit")) not timed; load: the machine's 1-minute load average after the "
    text += "edits (2 cores).\n\n"
    var latency = Table([
      "document", "bytes (at end)", "open ms", "edits timed", "median ms", "p95 ms", "p99 ms", "max ms", "load",
    ])
    var checks = Table([
      "document", "diagnostics (last version)", "message KB", "check --format json", "unmatched", "stale", "exit",
    ])
    for session in sessions {
      let samples = session.latencies
      latency.add([
        session.label, "\(Format.grouped(session.bytes)) (\(Format.grouped(session.finalBytes)))",
        Format.milliseconds(session.openSeconds),
        Format.grouped(samples.count), Format.milliseconds(samples.median),
        Format.milliseconds(samples.quantile(0.95)), Format.milliseconds(samples.quantile(0.99)),
        Format.milliseconds(samples.worst), session.loadAverage,
      ])
      checks.add([
        session.label, Format.grouped(session.lastDiagnostics), Format.fixed(Double(session.lastPublishBytes) / 1e3, 1),
        Format.grouped(session.checkFindings),
        Format.grouped(session.unmatched), Format.grouped(session.stalePublishes), String(session.exitStatus),
      ])
    }
    text += latency.render() + "\n"
    text += "The last version's diagnostics against `plainlint check --format json` on the same final text "
    text += "(message KB: the size of that publishDiagnostics message's JSON; unmatched: diagnostics whose rule, "
    text += "line and message have no partner on the other side; stale: "
    text += "diagnostics for an older version received while waiting; exit: the server's status after shutdown "
    text += "and exit).\n\n"
    text += checks.render()
    var targets: [[String]] = []
    if let hundred = sessions.first(where: { $0.bytes >= 90_000 && $0.bytes <= 110_000 && $0.memory.count <= 1 }) {
      let p95 = hundred.latencies.quantile(0.95)
      targets.append([
        "language server: didChange to publishDiagnostics, 100 KB Markdown (p95)", "< 10 ms",
        Format.milliseconds(p95) + " ms (median " + Format.milliseconds(hundred.latencies.median) + ")",
        p95 < 0.010 ? "yes" : "NO",
      ])
    }
    if memoryRun, let run = sessions.last, run.memory.count >= 2 {
      var memory = Table(["edits of the \(sizeLabel(roundedSize(run.bytes))) document", "VmRSS MiB", "VmHWM MiB"])
      for reading in run.memory {
        memory.add([
          Format.grouped(reading.edits), Format.fixed(Double(reading.residentKiB) / 1024, 1),
          Format.fixed(Double(reading.peakKiB) / 1024, 1),
        ])
      }
      let first = run.memory[0]
      let last = run.memory[run.memory.count - 1]
      let growth = Double(last.residentKiB - first.residentKiB) / 1024
      text += "\nMemory of the server (/proc/PID/status) over \(Format.grouped(run.edits)) edits; what is typed at "
      text += "a place is deleted again before the next place, so the text stays the same size and any growth "
      text += "is the server's:\n\n"
      text += memory.render()
      text += "\nGrowth from \(Format.grouped(first.edits)) to \(Format.grouped(last.edits)) edits: VmRSS "
      text += Format.fixed(growth, 1) + " MiB, VmHWM " + Format.fixed(Double(last.peakKiB - first.peakKiB) / 1024, 1)
      text += " MiB.\n"
      targets.append([
        "language server: memory from \(Format.grouped(first.edits)) to \(Format.grouped(last.edits)) edits",
        "no growth (< 1 MiB)", "VmRSS " + Format.fixed(growth, 1) + " MiB",
        // Under 1 MiB is allocator noise (freed memory the allocator keeps), not growth that would matter.
        growth < 1 ? "yes" : "NO",
      ])
    }
    let others = sessions.reduce(into: [String: Int]()) { all, session in
      for (method, count) in session.otherMessages { all[method, default: 0] += count }
    }
    if !others.isEmpty {
      text += "\nOther messages from the server: "
      text += others.sorted { $0.key < $1.key }.map { "\($0.key) \(Format.grouped($0.value))" }.joined(separator: ", ")
      text += ".\n"
    }
    return (text, targets)
  }

  /// `bytes` rounded to the nearest 10 KB (a generated document is cut at a leaflet, so it is near its target).
  static func roundedSize(_ bytes: Int) -> Int {
    (bytes + 5_000) / 10_000 * 10_000
  }
}
