#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Paths and the few file operations configuration needs, on plain POSIX calls.
public enum FileSystem {
  /// The current folder, as an absolute path.
  public static func currentFolder() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "/" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// `path` as an absolute path with no `.`, `..` or repeated slashes, read from `folder` when it is relative.
  /// Links are not followed: the path is worked out from its text, as people read it. Works on UTF-8 bytes, as
  /// it runs for every file.
  public static func absolute(_ path: String, from folder: String) -> String {
    let slash = UInt8(ascii: "/")
    let dot = UInt8(ascii: ".")
    var bytes: [UInt8] = []
    bytes.reserveCapacity(folder.utf8.count + path.utf8.count + 2)
    if path.utf8.first != slash { bytes += folder.utf8 }
    bytes.append(slash)
    bytes += path.utf8
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      while index < bytes.count && bytes[index] == slash { index += 1 }
      let start = index
      while index < bytes.count && bytes[index] != slash { index += 1 }
      let length = index - start
      if length == 0 || (length == 1 && bytes[start] == dot) { continue }
      if length == 2 && bytes[start] == dot && bytes[start + 1] == dot {
        // Back up over the last name, never above the root.
        while let last = result.last, last != slash { result.removeLast() }
        if !result.isEmpty { result.removeLast() }
        continue
      }
      result.append(slash)
      result += bytes[start..<index]
    }
    return result.isEmpty ? "/" : String(decoding: result, as: UTF8.self)
  }

  /// The folder holding an absolute path (`/` for `/` itself).
  public static func parent(of path: String) -> String {
    let utf8 = path.utf8
    guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")), slash != utf8.startIndex else { return "/" }
    return String(path[..<slash])
  }

  /// `path` relative to `folder` when it is inside it (nil when it is not); both absolute and normalised.
  public static func relative(_ path: String, to folder: String) -> String? {
    if folder == "/" { return String(path.dropFirst()) }
    if path == folder { return "" }
    let count = folder.utf8.count
    guard path.utf8.starts(with: folder.utf8), path.utf8.dropFirst(count).first == UInt8(ascii: "/") else {
      return nil
    }
    return String(decoding: path.utf8.dropFirst(count + 1), as: UTF8.self)
  }

  /// How to show an absolute path to the user: relative to the current folder when inside it, else absolute.
  public static func display(_ path: String, currentFolder: String) -> String {
    guard let inside = relative(path, to: currentFolder), !inside.isEmpty else { return path }
    return inside
  }

  /// What is at a path, if anything.
  public enum Kind: Sendable {
    case file, folder, other
  }

  /// What is at `path` (following links), or nil when nothing is.
  public static func kind(of path: String) -> Kind? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    switch status.st_mode & S_IFMT {
    case S_IFDIR: return .folder
    case S_IFREG: return .file
    default: return .other
    }
  }

  /// Whether anything (a file, a folder, a link) is at `path`, without following a link.
  public static func exists(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0
  }

  /// A file's bytes, or a plain reason why it could not be read.
  public static func contents(of path: String) -> Result<[UInt8], FileError> {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return .failure(FileError(errno: errno)) }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR {
      return .failure(FileError(reason: "it is a folder, not a file"))
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(FileError(errno: errno))
      }
      if count == 0 { break }
      bytes += chunk[..<count]
    }
    return .success(bytes)
  }

  /// Writes `bytes` to a new file at `path`, atomically, and never over a file that is already there.
  ///
  /// The bytes go to a temporary file in the same folder first, which is flushed to disk and then given its name
  /// with `link`, which fails rather than replace an existing file, even if one appears in the meantime. The
  /// temporary name is removed whatever happens.
  public static func createNew(_ path: String, bytes: [UInt8]) -> Result<Void, FileError> {
    writeThroughTemporary(bytes, to: path, prefix: ".plainlint-init", replacing: false)
  }

  /// Writes `bytes` to `path` through a temporary file in the same folder (named `PREFIX-XXXXXX`), flushed to
  /// disk and given the usual permissions, so a reader sees the old file or the whole new one and a failure
  /// leaves no partial file. With `replacing`, the temporary file is renamed over `path`; without, it is linked
  /// to `path`, which fails rather than replace a file that is there. The temporary name is removed either way.
  public static func writeThroughTemporary(
    _ bytes: [UInt8], to path: String, prefix: String, replacing: Bool
  ) -> Result<Void, FileError> {
    let file: StagedFile
    switch StagedFile.create(for: path, prefix: prefix) {
    case .success(let created): file = created
    case .failure(let failure): return .failure(failure)
    }
    bytes.withUnsafeBytes { file.write($0) }
    if let failure = file.commit(replacing: replacing) { return .failure(failure) }
    return .success(())
  }

  /// Writes every byte to an open file, going on after interruptions and short writes; the error, if any.
  public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> FileError? {
    var written = 0
    while written < buffer.count {
      let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      if count < 0 {
        if errno == EINTR { continue }
        return FileError(errno: errno)
      }
      written += count
    }
    return nil
  }
}

/// A file written a piece at a time under a temporary name in its destination's folder (`PREFIX-XXXXXX`), and
/// given its name only when it is whole: a reader sees the old file or the whole new one, and a failure leaves no
/// partial file. Writes must not overlap (a streamed report's writes are made one at a time, in order).
public final class StagedFile: @unchecked Sendable {
  /// Where the file goes when it is committed.
  public let path: String
  private let temporary: String
  private var descriptor: Int32
  /// The first write that failed, if any: later writes are skipped and `commit` reports it.
  private var failure: FileError?

  private init(path: String, temporary: String, descriptor: Int32) {
    self.path = path
    self.temporary = temporary
    self.descriptor = descriptor
  }

  /// Creates the temporary file beside `path`.
  public static func create(for path: String, prefix: String) -> Result<StagedFile, FileError> {
    var template = Array((FileSystem.parent(of: path) + "/" + prefix + "-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return .failure(FileError(errno: errno)) }
    let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return .success(StagedFile(path: path, temporary: temporary, descriptor: descriptor))
  }

  /// Appends bytes; a failure is kept for `commit`.
  public func write(_ bytes: UnsafeRawBufferPointer) {
    guard failure == nil, descriptor >= 0 else { return }
    failure = FileSystem.writeAll(bytes, to: descriptor)
  }

  /// Flushes the file to disk, gives it the usual permissions and its name, and says what went wrong, if
  /// anything. With `replacing`, it is renamed over `path`; without, it is linked to `path`, which fails rather
  /// than replace a file that is there. The temporary name is removed either way.
  public func commit(replacing: Bool) -> FileError? {
    guard descriptor >= 0 else { return failure ?? FileError(reason: "the file was already written") }
    defer { unlink(temporary) }
    if failure == nil && fsync(descriptor) != 0 { failure = FileError(errno: errno) }
    // Files made by mkstemp can be read only by their owner: give the new file the usual permissions.
    if failure == nil {
      let mask = umask(0)
      umask(mask)
      fchmod(descriptor, 0o666 & ~mask)
    }
    if close(descriptor) != 0 && failure == nil { failure = FileError(errno: errno) }
    descriptor = -1
    if let failure { return failure }
    let placed = replacing ? rename(temporary, path) : link(temporary, path)
    return placed == 0 ? nil : FileError(errno: errno)
  }

  deinit {
    // Never committed: the partial file goes.
    if descriptor >= 0 {
      close(descriptor)
      unlink(temporary)
    }
  }
}

/// Why a file could not be read or written, in plain words.
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The reason, in plain words.
  public var reason: String
  /// The system's error number, when there is one.
  public var code: Int32 = 0

  /// Creates an error with a reason.
  public init(reason: String) {
    self.reason = reason
  }

  /// Creates an error from the system's error number.
  public init(errno code: Int32) {
    self.code = code
    switch code {
    case ENOENT: reason = "no such file"
    case EACCES: reason = "permission denied"
    case EEXIST: reason = "the file already exists"
    default: reason = String(cString: strerror(code))
    }
  }

  /// Whether nothing was at the path.
  public var isMissing: Bool { code == ENOENT }
  /// Whether something was already at the path.
  public var isAlreadyThere: Bool { code == EEXIST }

  public var description: String { reason }
}
