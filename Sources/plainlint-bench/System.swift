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

  /// Creates an error.
  init(_ description: String) {
    self.description = description
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

  /// The environment of this process, to pass on to children unchanged.
  static func environment() -> [String] {
    // /proc/self/environ avoids touching the C global `environ`, which Swift 6 treats as shared mutable state.
    guard let bytes = readFile("/proc/self/environ") else { return [] }
    return bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// A program to run, prepared ahead so that timing a run times only spawning, running and waiting.
final class PreparedCommand {
  /// The words of the command, for the table.
  let arguments: [String]
  /// Where its standard output goes.
  let outputPath: String
  /// The arguments as C strings, ending with a null pointer.
  private var argv: [UnsafeMutablePointer<CChar>?]
  /// The environment as C strings, ending with a null pointer.
  private var envp: [UnsafeMutablePointer<CChar>?]

  /// Prepares `arguments` (the first is the program's path) with standard output to `outputPath`.
  init(_ arguments: [String], environment: [String], outputPath: String = "/dev/null") {
    self.arguments = arguments
    self.outputPath = outputPath
    argv = arguments.map { strdup($0) } + [nil]
    envp = environment.map { strdup($0) } + [nil]
  }

  /// Frees the C strings.
  deinit {
    for pointer in argv { free(pointer) }
    for pointer in envp { free(pointer) }
  }

  /// Runs the command once: its exit code and the wall time from just before spawning to just after reaping it.
  /// Standard input is /dev/null and standard error is thrown away.
  func run() throws(BenchError) -> (exitCode: Int32, seconds: Double) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid = pid_t()
    var status: Int32 = 0
    let start = monotonicNanoseconds()
    let spawned = posix_spawn(&pid, argv[0]!, &actions, nil, argv, envp)
    guard spawned == 0 else {
      throw BenchError("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { throw BenchError("waitpid failed: \(String(cString: strerror(errno)))") }
    }
    let end = monotonicNanoseconds()
    // The C macros WIFEXITED and WEXITSTATUS, spelled out: a normal exit has no signal in the low 7 bits.
    guard status & 0x7F == 0 else { throw BenchError("\(arguments[0]) was killed by signal \(status & 0x7F)") }
    return ((status >> 8) & 0xFF, Double(end - start) / 1e9)
  }
}
