#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure of the benchmark's own plumbing (a file that cannot be written, a program that will not start).
struct BenchError: Error, CustomStringConvertible {
  /// What went wrong, in one line.
  var description: String
  /// Whether a program was stopped for running past its time limit (a measurement, not a broken bench).
  var isTimeLimit = false

  /// Creates an error.
  init(_ description: String, isTimeLimit: Bool = false) {
    self.description = description
    self.isTimeLimit = isTimeLimit
  }
}

/// Small wrappers over the C library for files, folders and processes.
enum System {
  /// Reads a whole file, or nil when it cannot be read.
  static func readFile(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
      if got < 0 && errno == EINTR { continue }
      if got <= 0 { break }
      bytes.append(contentsOf: chunk[0..<got])
    }
    return bytes
  }

  /// Reads a small text file such as /proc/cpuinfo, or "" when it cannot be read.
  static func readText(_ path: String) -> String {
    readFile(path).map { String(decoding: $0, as: UTF8.self) } ?? ""
  }

  /// Writes `bytes` to `path`, replacing any file there.
  static func writeFile(_ path: String, _ bytes: [UInt8]) throws(BenchError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
    defer { close(descriptor) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))")
      }
      offset += written
    }
  }

  /// Writes `bytes` to `path` through a file beside it that is then renamed over it, so that the file is either the
  /// old one or the new one, never half written.
  static func writeFileAtomically(_ path: String, _ bytes: [UInt8]) throws(BenchError) {
    let temporary = path + ".tmp-\(getpid())"
    do {
      try writeFile(temporary, bytes)
    } catch {
      unlink(temporary)
      throw error
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw BenchError("cannot replace \(path): \(reason)")
    }
  }

  /// Makes a folder and its parents if they are missing.
  static func makeDirectory(_ path: String) throws(BenchError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part + "/"
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw BenchError("cannot make folder \(prefix): \(String(cString: strerror(errno)))")
      }
    }
  }

  /// Makes a new empty folder under the temporary folder.
  static func makeTemporaryDirectory() throws(BenchError) -> String {
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((base + "/plainlint-bench.XXXXXX").utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw BenchError("cannot make a temporary folder in \(base)")
    }
    return String(cString: made)
  }

  /// Removes files, then the folders made inside `directory` (names relative to it, innermost last), then
  /// `directory` itself, ignoring ones that are already gone.
  static func remove(files: [String], folders: [String] = [], directory: String) {
    for file in files { unlink(file) }
    for folder in folders.reversed() { rmdir(directory + "/" + folder) }
    rmdir(directory)
  }

  /// Whether a file exists and can be executed.
  static func isExecutable(_ path: String) -> Bool {
    access(path, X_OK) == 0
  }

  /// The folder that holds this executable (from /proc/self/exe, else from the first argument).
  static func executableDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let path =
      length > 0
      ? String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      : CommandLine.arguments[0]
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }

  /// The full path of `program` found in the `PATH` of `environment` (as a shell would), or nil.
  static func findProgram(_ program: String, environment: [String]) -> String? {
    if program.contains("/") { return isExecutable(program) ? program : nil }
    let path = environment.first { $0.hasPrefix("PATH=") }.map { String($0.dropFirst(5)) } ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = folder + "/" + program
      if isExecutable(candidate) { return candidate }
    }
    return nil
  }

  /// The current folder, or "." when it cannot be read.
  static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// This process's peak resident memory so far (VmHWM in /proc/self/status), in KiB, or 0 when unknown.
  static func ownPeakKiB() -> Int {
    let status = readText("/proc/self/status")
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
  }

  /// The environment of this process, to pass on to children unchanged.
  static func environment() -> [String] {
    // /proc/self/environ avoids touching the C global `environ`, which Swift 6 treats as shared mutable state.
    guard let bytes = readFile("/proc/self/environ") else { return [] }
    return bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// How one run of a child process ended, and what it used.
struct ChildRun {
  /// The exit code, or nil when a signal ended the process.
  var exitCode: Int32?
  /// The signal that ended the process, or nil when it exited.
  var signal: Int32?
  /// Whether the bench stopped it (with SIGKILL) for running past its time limit.
  var timedOut = false
  /// Wall seconds from just before spawning to just after reaping.
  var seconds: Double
  /// User plus system CPU seconds of the process (all its threads).
  var cpuSeconds: Double
  /// `ru_maxrss` from `wait4`, in KiB (Linux). The kernel carries the spawning process's own peak over into the
  /// child at exec, so this is the child's peak only when the spawning process is smaller than the child:
  /// `ProcessBenchmark.peakMemory` spawns through a small helper process for that.
  var maxResidentKiB: Int

  /// "exit 1", "signal 11", "stopped after 120 s".
  var ending: String {
    if timedOut { return "stopped after \(Format.fixed(seconds, 0)) s (time limit)" }
    if let signal { return "killed by signal \(signal)" }
    return "exit \(exitCode ?? -1)"
  }
}

/// A program to run, prepared ahead so that timing a run times only spawning, running and waiting.
final class PreparedCommand {
  /// The words of the command, for the table.
  let arguments: [String]
  /// Where its standard output goes.
  let outputPath: String
  /// Where its standard error goes (the same path as `outputPath` sends both to one file).
  let errorPath: String
  /// The arguments as C strings, ending with a null pointer.
  private var argv: [UnsafeMutablePointer<CChar>?]
  /// The environment as C strings, ending with a null pointer.
  private var envp: [UnsafeMutablePointer<CChar>?]

  /// Prepares `arguments` (the first is the program's path) with standard output to `outputPath` and standard
  /// error to `errorPath`.
  init(
    _ arguments: [String], environment: [String], outputPath: String = "/dev/null", errorPath: String = "/dev/null"
  ) {
    self.arguments = arguments
    self.outputPath = outputPath
    self.errorPath = errorPath
    argv = arguments.map { strdup($0) } + [nil]
    envp = environment.map { strdup($0) } + [nil]
  }

  /// Frees the C strings.
  deinit {
    for pointer in argv { free(pointer) }
    for pointer in envp { free(pointer) }
  }

  /// Runs the command once: its exit code and the wall time from just before spawning to just after reaping it.
  /// Standard input is /dev/null. A process ended by a signal is an error.
  func run() throws(BenchError) -> (exitCode: Int32, seconds: Double) {
    let run = try runMeasured()
    guard let code = run.exitCode else { throw BenchError("\(arguments[0]) was \(run.ending)") }
    return (code, run.seconds)
  }

  /// Runs the command once and says how it ended, with its wall time, CPU time and `ru_maxrss`. With a
  /// `timeLimit` in seconds, a process still running then is killed and reaped (`timedOut`); the wait is for
  /// SIGCHLD (checked at least every 10 ms), so the time is as exact as without a limit.
  func runMeasured(timeLimit: Double? = nil) throws(BenchError) -> ChildRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if errorPath == outputPath && outputPath != "/dev/null" {
      posix_spawn_file_actions_adddup2(&actions, 1, 2)
    } else {
      posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }
    // With a time limit, SIGCHLD is blocked here so that `sigtimedwait` can wait for it; the child gets the usual
    // empty mask back.
    var childSignals = sigset_t()
    sigemptyset(&childSignals)
    sigaddset(&childSignals, SIGCHLD)
    var previousMask = sigset_t()
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    if timeLimit != nil {
      pthread_sigmask(SIG_BLOCK, &childSignals, &previousMask)
      var empty = sigset_t()
      sigemptyset(&empty)
      posix_spawnattr_setsigmask(&attributes, &empty)
      posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    }
    defer { if timeLimit != nil { pthread_sigmask(SIG_SETMASK, &previousMask, nil) } }
    var pid = pid_t()
    var status: Int32 = 0
    var usage = rusage()
    let start = monotonicNanoseconds()
    let spawned = posix_spawn(&pid, argv[0]!, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
      throw BenchError("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    var timedOut = false
    if let timeLimit {
      let deadline = start + UInt64(timeLimit * 1e9)
      while true {
        let reaped = wait4(pid, &status, WNOHANG, &usage)
        if reaped == pid { break }
        guard reaped == 0 || errno == EINTR else {
          throw BenchError("wait4 failed: \(String(cString: strerror(errno)))")
        }
        let now = monotonicNanoseconds()
        if now >= deadline {
          kill(pid, SIGKILL)
          timedOut = true
          break
        }
        // At most 10 ms at a time: SIGCHLD wakes the wait at once, but a thread of this process that does not
        // block it could take it first.
        let left = min(deadline - now, 10_000_000)
        var timeout = timespec(tv_sec: 0, tv_nsec: Int(left))
        _ = sigtimedwait(&childSignals, nil, &timeout)
      }
    }
    if timeLimit == nil || timedOut {
      while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { throw BenchError("wait4 failed: \(String(cString: strerror(errno)))") }
      }
    }
    let end = monotonicNanoseconds()
    /// Seconds in a `timeval`.
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    // The C macros WIFEXITED and WEXITSTATUS, spelled out: a normal exit has no signal in the low 7 bits.
    let signal = status & 0x7F
    return ChildRun(
      exitCode: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal, timedOut: timedOut,
      seconds: Double(end - start) / 1e9, cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
      maxResidentKiB: Int(usage.ru_maxrss))
  }
}
