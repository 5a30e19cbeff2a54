import PlainLintHTML
import PlainLintMarkdown
import PlainLintRules

/// The run of one `plainlint-bench` command: generates the corpus, runs the sections, prints the tables.
struct Bench {
  /// The command line.
  let options: Options
  /// The folder the generated files go in.
  let directory: String
  /// Whether `directory` is temporary (removed at the end).
  let isTemporary: Bool
  /// The environment passed to spawned processes.
  let environment = System.environment()
  /// Files written, to remove at the end when the folder is temporary.
  var written: [String] = []
  /// The same paths as `written`, to look them up quickly (the `scaling` section writes thousands).
  var writtenSet: Set<String> = []
  /// Folders made inside `directory`, to remove at the end when it is temporary.
  var folders: [String] = []
  /// The large corpus, generated once.
  var large: [UInt8] = []
  /// The short file, chosen once.
  var short: [UInt8] = []
  /// Single files of a format and size, written once and shared by the `memory` and `linearity` sections.
  var sizedInputs: [String: SizedInput] = [:]
  /// The pages of the `formats` section, generated when first needed.
  private var formatCorpus: FormatCorpus? = nil
  /// The seconds it took to generate `formatCorpus`.
  private var formatCorpusSeconds = 0.0
  /// Rows for the closing table of targets: what, the target, the measurement, and whether it is met.
  var targets: [[String]] = []
  /// The machine reference measurements so far, each with when it was taken.
  private var references: [(String, MachineReference.Result)] = []

  /// The size of the short file the start-up target is about.
  static let shortBytes = 960...1088

  /// Prepares a run; makes the corpus folder.
  init(options: Options) throws(BenchError) {
    self.options = options
    if let directory = options.corpusDirectory {
      try System.makeDirectory(directory)
      self.directory = directory
      isTemporary = false
    } else {
      directory = try System.makeTemporaryDirectory()
      isTemporary = true
    }
  }

  /// The path of the `plainlint` binary to spawn, checked to be there.
  func requirePlainlint() throws(BenchError) -> String {
    let path = options.plainlint ?? System.executableDirectory() + "/plainlint"
    guard System.isExecutable(path) else {
      throw BenchError("no plainlint binary at \(path); run `swift build -c release` or pass --plainlint PATH")
    }
    return path
  }

  /// Runs every section asked for, then prints the targets; removes a temporary folder even after an error.
  mutating func run() throws(BenchError) {
    defer { if isTemporary { System.remove(files: written, folders: folders, directory: directory) } }
    say("# plainlint-bench")
    say()
    #if DEBUG
      say("**Warning: this is a debug build of plainlint-bench; build with `-c release` for real numbers.**")
      say()
    #endif
    say("- date: " + Machine.date())
    for line in Machine.summary() + options.notes { say("- " + line) }
    say("- front-end libraries: cmark-gfm \(MarkdownFrontEnd.libraryVersion), libxml2 \(HTMLFrontEnd.libraryVersion)")
    // The lsp and output sections make documents of their own and need no large corpus.
    let needsCorpus = options.sections.contains { $0 != .lsp && $0 != .output }
    say("- corpus: " + (needsCorpus ? "\(Format.fixed(options.sizeMB, 1)) MB, " : "") + "seed \(options.seed)")
    say("- machine reference at start: " + measureReference("at start").summary)
    say()
    if needsCorpus { try generate() }
    for section in options.sections {
      if section != .corpus { _ = measureReference("before " + section.rawValue) }
      switch section {
      case .core: core()
      case .formats: formats()
      case .startup: try startup()
      case .process: try process()
      case .corpus: try writeCorpus()
      case .words: words()
      case .lsp: try lsp()
      case .rivals: try rivals()
      case .memory: try memory()
      case .linearity: try linearity()
      case .scaling: try scaling()
      case .output: try output()
      }
    }
    if references.count > 1 {
      _ = measureReference("at end")
      var table = Table(["machine reference (one core, FNV-1a in cache)", "MB/s median", "MB/s best", "MB/s worst"])
      for (label, result) in references {
        table.add([
          label, Format.megabytesPerSecond(bytes: result.bytes, seconds: result.samples.median),
          Format.megabytesPerSecond(bytes: result.bytes, seconds: result.samples.best),
          Format.megabytesPerSecond(bytes: result.bytes, seconds: result.samples.worst),
        ])
      }
      say("## Machine reference")
      say()
      say(
        "The same fixed loop timed at the start, before each section and at the end: a lower figure means a slower "
          + "machine at that moment (it is a shared virtual machine).")
      say()
      say(table.render())
    }
    if !targets.isEmpty {
      var table = Table(["target", "required", "measured", "met"], firstNumeric: 4)
      for row in targets { table.add(row) }
      say("## Targets")
      say()
      say(table.render())
    }
    if !isTemporary { say("Generated files kept in \(directory)") }
  }

  /// Measures the machine reference and keeps it with `label` for the closing table.
  mutating func measureReference(_ label: String) -> MachineReference.Result {
    progress("machine reference " + label)
    let result = MachineReference.measure()
    references.append((label, result))
    return result
  }

  /// Generates the large corpus and picks the short file.
  private mutating func generate() throws(BenchError) {
    progress("generating \(Format.fixed(options.sizeMB, 1)) MB of text")
    var generator = CorpusGenerator(seed: options.seed)
    let target = Int(options.sizeMB * 1e6)
    let (document, seconds) = timed { generator.document(targetBytes: target) }
    large = document
    short = try Bench.pickShortFile(seed: options.seed)
    let lines = large.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    let nonASCII = large.reduce(0) { $0 + ($1 >= 0xC0 ? 1 : 0) }
    var table = Table(["corpus", "bytes", "lines", "non-ASCII scalars", "FNV-1a 64", "generated in"])
    table.add([
      "large", Format.grouped(large.count), Format.grouped(lines), Format.grouped(nonASCII),
      Format.hex(fnv1a(large)), Format.fixed(seconds, 2) + " s",
    ])
    table.add([
      "short", Format.grouped(short.count), Format.grouped(short.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }),
      Format.grouped(short.reduce(0) { $0 + ($1 >= 0xC0 ? 1 : 0) }), Format.hex(fnv1a(short)), "",
    ])
    say("## Corpus")
    say()
    say(table.render())
  }

  /// The first short document from a run of seeds derived from `seed` that is about 1 KB and has at least one
  /// long sentence, so the JSON output is not empty.
  static func pickShortFile(seed: UInt64) throws(BenchError) -> [UInt8] {
    for variant in 1...1000 as ClosedRange<UInt64> {
      var generator = CorpusGenerator(seed: seed &+ variant &* 0x9E37_79B9)
      let text = generator.shortDocument(minimumBytes: shortBytes.lowerBound, maximumBytes: shortBytes.upperBound)
      if shortBytes.contains(text.count) && CoreBenchmark.findingCount(text) >= 1 { return text }
    }
    throw BenchError("no short document of about 1 KB with a long sentence in 1,000 tries")
  }

  /// Writes a generated file into the corpus folder and returns its path (once: a name already written is kept).
  mutating func save(_ name: String, _ bytes: [UInt8]) throws(BenchError) -> String {
    let path = directory + "/" + name
    if !writtenSet.contains(path) {
      try System.writeFile(path, bytes)
      written.append(path)
      writtenSet.insert(path)
    }
    return path
  }

  /// Notes a file that something else writes in the corpus folder (a command's output), to remove at the end.
  mutating func noteWritten(_ name: String) -> String {
    let path = directory + "/" + name
    if !writtenSet.contains(path) {
      written.append(path)
      writtenSet.insert(path)
    }
    return path
  }

  /// Makes a folder inside the corpus folder (and its parents), to remove at the end; returns its path.
  mutating func makeFolder(_ name: String) throws(BenchError) -> String {
    try System.makeDirectory(directory + "/" + name)
    var prefix = ""
    for part in name.split(separator: "/") {
      prefix += (prefix.isEmpty ? "" : "/") + part
      if !folders.contains(prefix) { folders.append(prefix) }
    }
    return directory + "/" + name
  }

  /// Prints a section's targets as a short table under it, and keeps them for the closing table of targets.
  mutating func sectionTargets(_ rows: [[String]]) {
    guard !rows.isEmpty else { return }
    var table = Table(["target", "required", "measured", "met"], firstNumeric: 4)
    for row in rows { table.add(row) }
    say("Targets:")
    say()
    say(table.render())
    targets += rows
  }

  /// Writes the large and short files, and the Markdown and HTML pages in folders of their own.
  mutating func writeCorpus() throws(BenchError) {
    let largePath = try save("large.txt", large)
    let shortPath = try save("short.txt", short)
    let corpus = formatPages()
    var pageFolders: [String] = []
    for format in [InputFormat.markdown, .html] {
      let folder = format.rawValue
      _ = try makeFolder(folder)
      for (index, page) in corpus[format].enumerated() {
        let number = String(index + 1)
        let name = "page-" + String(repeating: "0", count: max(0, 5 - number.count)) + number
        _ = try save(folder + "/" + name + "." + format.fileExtension, page)
      }
      pageFolders.append("\(directory)/\(folder) (\(corpus[format].count) pages)")
    }
    say("Wrote \(largePath), \(shortPath), \(pageFolders.joined(separator: " and "))")
    say()
  }

  /// The pages of the `formats` section, generated the first time they are asked for.
  private mutating func formatPages() -> FormatCorpus {
    if let formatCorpus { return formatCorpus }
    progress("generating the same leaflets as text, Markdown and HTML pages")
    let (corpus, seconds) = timed { FormatCorpus.generate(seed: options.seed, targetBytes: Int(options.sizeMB * 1e6)) }
    precondition(
      fnv1a(pages: corpus[.text]) == fnv1a(large), "the text pages are not the large corpus put end to end")
    formatCorpus = corpus
    formatCorpusSeconds = seconds
    return corpus
  }

  /// The formats section: each front end alone and with the linter, page by page, on the same leaflets.
  private mutating func formats() {
    let corpus = formatPages()
    let results = FormatsBenchmark.run(
      corpus, formats: options.formats, stages: options.formatStages, runs: options.runs, progress: progress)
    var pagesTable = Table([
      "format", "pages", "source bytes", "KB per page (min, median, max)", "prose bytes", "blocks", "findings",
      "FNV-1a 64",
    ])
    for format in options.formats {
      let pages = corpus[format]
      let sizes = Samples(pages.map { Double($0.count) / 1e3 })
      let ofFormat = results.filter { $0.format == format && $0.stage != .parser && $0.stage != .parserOther }
      let counts = ofFormat.first { $0.stage == .lint }?.counts ?? ofFormat.first?.counts ?? FormatCounts()
      pagesTable.add([
        format.label, Format.grouped(pages.count), Format.grouped(pages.reduce(0) { $0 + $1.count }),
        "\(Format.fixed(sizes.best, 1)), \(Format.fixed(sizes.median, 1)), \(Format.fixed(sizes.worst, 1))",
        Format.grouped(counts.proseBytes), Format.grouped(counts.blocks),
        ofFormat.contains { $0.stage == .lint } ? Format.grouped(counts.findings) : "not run",
        Format.hex(fnv1a(pages: pages)),
      ])
    }
    let headers = [
      "format", "stage (in process, one thread, page by page)", "MB/s best", "MB/s median", "MB/s worst", "ms median",
    ]
    var table = Table(headers, firstNumeric: 2)
    for result in results {
      let bytes = corpus[result.format].reduce(0) { $0 + $1.count }
      table.add([
        result.format.label, result.stage.label(for: result.format),
        Format.megabytesPerSecond(bytes: bytes, seconds: result.samples.best),
        Format.megabytesPerSecond(bytes: bytes, seconds: result.samples.median),
        Format.megabytesPerSecond(bytes: bytes, seconds: result.samples.worst),
        Format.milliseconds(result.samples.median),
      ])
    }
    say("## Formats (\(plural(options.runs, "timed run")) per format and stage after 1 warm-up)")
    say()
    say(
      "The same leaflets as the large corpus, grouped into pages, each page a document of its own; MB/s is source "
        + "bytes (markup included) over the time for all the pages. Pages generated in "
        + Format.fixed(formatCorpusSeconds, 2) + " s.")
    say()
    say(pagesTable.render())
    say(table.render())
    // Issue 3's target is the front end with the rules there were then (long-sentence); every rule has none yet.
    for format in [InputFormat.markdown, .html] {
      if let lint = results.first(where: { $0.format == format && $0.stage == .lintSentences }) {
        let bytes = corpus[format].reduce(0) { $0 + $1.count }
        let median = Double(bytes) / 1e6 / lint.samples.median
        targets.append([
          "\(format.label): front end + long-sentence, one thread (median)", "≥ 40 MB/s",
          Format.fixed(median, 1) + " MB/s", median >= 40 ? "yes" : "NO",
        ])
      }
      if let lint = results.first(where: { $0.format == format && $0.stage == .lint }) {
        let bytes = corpus[format].reduce(0) { $0 + $1.count }
        let median = Double(bytes) / 1e6 / lint.samples.median
        targets.append([
          "\(format.label): front end + every built-in rule, one thread (median)", "none set",
          Format.fixed(median, 1) + " MB/s", "–",
        ])
      }
    }
  }

  /// The in-process section.
  private mutating func core() {
    let results = CoreBenchmark.run(large, stages: options.stages, runs: options.runs, progress: progress)
    let bytes = large.count
    var table = Table(["stage (in process, one thread)", "MB/s best", "MB/s median", "MB/s worst", "ms median"])
    for result in results {
      table.add([
        result.stage.label, Format.megabytesPerSecond(bytes: bytes, seconds: result.samples.best),
        Format.megabytesPerSecond(bytes: bytes, seconds: result.samples.median),
        Format.megabytesPerSecond(bytes: bytes, seconds: result.samples.worst),
        Format.milliseconds(result.samples.median),
      ])
    }
    say("## Core throughput (\(plural(options.runs, "timed run")) per stage after 1 warm-up)")
    say()
    say(table.render())
    var counts = CoreCounts()
    for result in results {
      let c = result.counts
      counts.blocks = max(counts.blocks, c.blocks)
      counts.tokens = max(counts.tokens, c.tokens)
      counts.sentences = max(counts.sentences, c.sentences)
      counts.words = max(counts.words, c.words)
      counts.longSentences = max(counts.longSentences, c.longSentences)
      counts.findings = max(counts.findings, c.findings)
    }
    if counts.sentences > 0 {
      var shape = Table(["blocks", "tokens", "sentences", "words per sentence", "sentences over 25 words", "findings"])
      shape.add([
        Format.grouped(counts.blocks), Format.grouped(counts.tokens), Format.grouped(counts.sentences),
        Format.fixed(Double(counts.words) / Double(counts.sentences), 1),
        Format.grouped(counts.longSentences)
          + " (\(Format.fixed(100 * Double(counts.longSentences) / Double(counts.sentences), 1))%)",
        results.contains { $0.stage == .lint } ? Format.grouped(counts.findings) : "not run",
      ])
      say(shape.render())
    }
    if let lint = results.first(where: { $0.stage == .lintSentences }) {
      let median = Double(bytes) / 1e6 / lint.samples.median
      targets.append([
        "core throughput with long-sentence, one thread (median)", "≥ 150 MB/s", Format.fixed(median, 1) + " MB/s",
        median >= 150 ? "yes" : "NO",
      ])
    }
    let goals: [(CoreStage, String, Double)] = [
      (.lintWords, "issue 4: core throughput with the word rules (and long-sentence), one thread (median)", 100),
      (.lint, "issue 9: core throughput with every rule, one thread (median)", 150),
      (.metrics, "issue 5: core throughput with every rule and the readability figures, one thread (median)", 100),
    ]
    for (stage, label, goal) in goals {
      guard let result = results.first(where: { $0.stage == stage }) else { continue }
      let median = Double(bytes) / 1e6 / result.samples.median
      targets.append([label, "≥ \(Int(goal)) MB/s", Format.fixed(median, 1) + " MB/s", median >= goal ? "yes" : "NO"])
    }
  }

  /// The project-words section: making a project's lexicon, then the core with every rule and the figures,
  /// with and without project words.
  private mutating func words() {
    let projects = WordsBenchmark.projects()
    var table = Table(["project", "rows", "accepted", "ms best", "ms median", "ms worst"])
    var made: [(WordsBenchmark.Project, ProjectWords)] = []
    for project in projects {
      progress("words: making the \(project.label) project's lexicon")
      let samples = WordsBenchmark.makeSeconds(project, runs: max(options.runs, 5))
      let rows = project.files.reduce(0) { $0 + $1.words.count + $1.acronyms.count }
      table.add([
        project.label, Format.grouped(rows), Format.grouped(project.accepted.count), Format.milliseconds(samples.best),
        Format.milliseconds(samples.median), Format.milliseconds(samples.worst),
      ])
      made.append((project, ProjectWords(dictionaries: project.files, accepted: project.accepted)))
    }
    say("## Project words")
    say()
    say(
      "Making a project's lexicon: a new `ProjectWords` each run, the built-in lexicon already loaded (as when "
        + "plainlint lints), \(plural(max(options.runs, 5), "timed run")) after 1 warm-up.")
    say()
    say(table.render())
    var lint = Table(["linter (in process, one thread, every rule + figures)", "MB/s best", "MB/s median", "findings"])
    let runs: [(String, ProjectWords?)] = [("built-in lists only", nil)] + made.map { ("\($0.0.label) project", $0.1) }
    for (label, words) in runs {
      progress("words: linting with \(label)")
      let linter = WordsBenchmark.linter(words: words)
      let (counts, samples) = timedRuns(options.runs, label: "words \(label)") {
        CoreBenchmark.lint(large, linter: linter)
      }
      lint.add([
        label, Format.megabytesPerSecond(bytes: large.count, seconds: samples.best),
        Format.megabytesPerSecond(bytes: large.count, seconds: samples.median), Format.grouped(counts.findings),
      ])
    }
    say(lint.render())
  }

  /// The language-server section: one `plainlint lsp` per document size, then the memory run.
  private mutating func lsp() throws(BenchError) {
    let plainlint = try requirePlainlint()
    var sessions: [LSPBenchmark.SessionResult] = []
    var runs = options.lspSizes.map { (size: $0, edits: options.lspEdits, memoryAt: Set<Int>()) }
    if options.memoryEdits > 0 {
      // Memory is read after a tenth of the edits and after all of them (1,000 and 10,000 by default).
      let edits = options.memoryEdits - LSPBenchmark.warmupEdits
      runs.append((100_000, edits, [options.memoryEdits / 10, options.memoryEdits]))
    }
    for (index, run) in runs.enumerated() {
      let isMemoryRun = !run.memoryAt.isEmpty
      let label = LSPBenchmark.sizeLabel(run.size) + (isMemoryRun ? ", memory run" : "")
      let name = "lsp-\(index + 1)"
      for file in [name + ".md", name + ".log", "check.json"] { _ = noteWritten(file) }
      let document = LSPBenchmark.markdownDocument(seed: options.seed, targetBytes: run.size)
      // The machine's state for each server, as the run is long: the fixed loop, and the load (in the table).
      if index > 0 { _ = measureReference("before lsp " + label) }
      do throws(BenchError) {
        sessions.append(
          try LSPBenchmark.session(
            label: label, document: document, plainlint: plainlint, environment: environment, directory: directory,
            name: name, seed: options.seed ^ UInt64(run.size), edits: run.edits, memoryAt: run.memoryAt,
            undoesRuns: isMemoryRun, progress: progress))
      } catch {
        // The server's standard error goes to a log in the (maybe temporary) folder: show its end with the error.
        let log = System.readFile(directory + "/" + name + ".log") ?? []
        guard !log.isEmpty else { throw error }
        let tail = String(decoding: log.suffix(600), as: UTF8.self)
        throw BenchError("\(label): \(error.description); the server's standard error ended with:\n\(tail)")
      }
    }
    let report = LSPBenchmark.report(sessions, memoryRun: options.memoryEdits > 0)
    say(report.text)
    targets += report.targets
  }

  /// The start-up section: baselines, then the target command on the short file.
  private mutating func startup() throws(BenchError) {
    let plainlint = try requirePlainlint()
    let shortPath = try save("short.txt", short)
    let check = try ProcessBenchmark.capture(
      [plainlint, "check", "--format", "json", shortPath], environment: environment,
      outputPath: directory + "/short.json")
    _ = noteWritten("short.json")
    let output = String(decoding: check.output, as: UTF8.self)
    guard check.exitCode == 1, output.hasPrefix("{"), output.contains("\"long-sentence\"") else {
      throw BenchError("`plainlint check --format json` on the short file did not report its long sentence")
    }
    let truePath = System.isExecutable("/bin/true") ? "/bin/true" : "/usr/bin/true"
    let commands: [(String, [String])] = [
      ("/bin/true (cost of spawning any process)", [truePath]),
      ("plainlint --version", [plainlint, "--version"]),
      ("plainlint check short.txt (text)", [plainlint, "check", shortPath]),
      ("plainlint check --format json short.txt", [plainlint, "check", "--format", "json", shortPath]),
    ]
    var table = Table(["command (\(short.count) B file)", "median ms", "p90 ms", "min ms", "max ms", "exit"])
    var targetResult: ProcessBenchmark.Result? = nil
    for (label, arguments) in commands {
      progress("startup: \(label)")
      let command = PreparedCommand(arguments, environment: environment)
      let result = try ProcessBenchmark.measure(label, command, runs: options.startupRuns, warmups: 3)
      let s = result.samples
      table.add([
        label, Format.milliseconds(s.median), Format.milliseconds(s.p90), Format.milliseconds(s.best),
        Format.milliseconds(s.worst), String(result.exitCode),
      ])
      targetResult = result
    }
    say("## Start-up: whole process (\(plural(options.startupRuns, "timed run")) each after 3 warm-ups)")
    say()
    say(table.render())
    // Loading the built-in dictionaries, timed inside fresh processes (they load once per process).
    progress("startup: loading the dictionaries")
    var loads: [Double] = []
    for _ in 0..<(options.startupRuns + 3) {
      let run = try ProcessBenchmark.capture(
        [System.executableDirectory() + "/plainlint-bench", "--load-dictionaries-once"], environment: environment,
        outputPath: directory + "/load.txt")
      let printed = String(decoding: run.output.filter { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
      guard let seconds = Double(printed) else { throw BenchError("`plainlint-bench --load-dictionaries-once` did not print a time") }
      loads.append(seconds)
    }
    _ = noteWritten("load.txt")
    let load = Samples(Array(loads.dropFirst(3)))
    say()
    say("Loading the built-in dictionaries (decoding the compiled tables into one block and indexing them), inside a")
    say("fresh process each time: median \(Format.milliseconds(load.median)) ms, p90 \(Format.milliseconds(load.p90)) ms, ")
    say("best \(Format.milliseconds(load.best)) ms, worst \(Format.milliseconds(load.worst)) ms.")
    targets.append([
      "loading the built-in dictionaries (median, in a fresh process)", "< 5 ms",
      Format.milliseconds(load.median) + " ms (p90 " + Format.milliseconds(load.p90) + ")",
      load.median < 0.005 ? "yes" : "NO",
    ])
    if let result = targetResult {
      let median = result.samples.median * 1000
      targets.append([
        "whole process on a 1 KB file, `check --format json` (median)", "< 20 ms",
        Format.fixed(median, 2) + " ms (p90 " + Format.milliseconds(result.samples.p90) + ")",
        median < 20 ? "yes" : "NO",
      ])
    }
  }

  /// The whole-process section on the large file.
  private mutating func process() throws(BenchError) {
    let plainlint = try requirePlainlint()
    let largePath = try save("large.txt", large)
    let outputPath = noteWritten("large.out")
    var table = Table(["command (large file, output to a file)", "MB/s best", "MB/s median", "s median", "output MB"])
    for (label, format) in [("plainlint check --format json large.txt", "json"), ("plainlint check large.txt", "text")]
    {
      progress("process: \(label)")
      let command = PreparedCommand(
        [plainlint, "check", "--format", format, largePath], environment: environment, outputPath: outputPath)
      let result = try ProcessBenchmark.measure(label, command, runs: options.processRuns, warmups: 1)
      let outputBytes = System.readFile(outputPath)?.count ?? 0
      table.add([
        label, Format.megabytesPerSecond(bytes: large.count, seconds: result.samples.best),
        Format.megabytesPerSecond(bytes: large.count, seconds: result.samples.median),
        Format.fixed(result.samples.median, 3), Format.fixed(Double(outputBytes) / 1e6, 1),
      ])
    }
    say("## Whole process on the large file (\(plural(options.processRuns, "timed run")) each after 1 warm-up)")
    say()
    say(table.render())
  }
}

/// "1 timed run", "7 timed runs".
func plural(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// The program: parse the command line, run, and turn errors into a message and exit code 2.
enum BenchMain {
  /// Runs the benchmark with the process's arguments and returns the exit code.
  static func main() -> Int32 {
    if CommandLine.arguments.dropFirst().first == "--load-dictionaries-once" {
      print(CoreBenchmark.dictionaryLoadSeconds())
      return 0
    }
    if CommandLine.arguments.dropFirst().first == ProcessBenchmark.helperFlag {
      return ProcessBenchmark.helperMain(CommandLine.arguments.dropFirst(2))
    }
    do throws(BenchError) {
      guard let options = try Options.parse(Array(CommandLine.arguments.dropFirst())) else { return 0 }
      var bench = try Bench(options: options)
      try bench.run()
      return 0
    } catch {
      progress("plainlint-bench: error: \(error.description)")
      return 2
    }
  }
}
