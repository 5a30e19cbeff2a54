#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One thing to lint: a file on disk or standard input, with the path to show in output.
public struct InputFile: Hashable, Sendable {
  /// Where the bytes come from.
  public enum Source: Hashable, Sendable {
    case file(String)
    case standardInput
  }

  /// Where the bytes come from.
  public var source: Source
  /// The path shown in output.
  public var displayPath: String

  /// Creates an input.
  package init(source: Source, displayPath: String) {
    self.source = source
    self.displayPath = displayPath
  }
}

/// A problem with one input that does not stop the others from being linted.
public struct InputProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// The path, as the user gave it or as found in a folder.
  public var path: String
  /// What is wrong and what to do, in one line.
  public var message: String
  /// The line and column the problem is at, when it is inside the file.
  public var position: SourcePosition?
  /// Whether it is only a warning (the file was still linted) rather than a failure.
  public var isWarning = false

  public var description: String {
    let location = position.map { "\(path):\($0.line):\($0.column)" } ?? path
    return "\(location): \(isWarning ? "warning" : "error"): \(message)"
  }
}

import PlainLintCore

/// The file name endings plainlint reads when it searches a folder.
public let lintableExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "docx"]

/// What is said of a folder with nothing to lint in it.
let noFilesInFolderMessage =
  "no files to lint in this folder (plainlint reads .txt, .md, .markdown, .html, .htm and .docx files)"

/// The start of the name of the lock file Word keeps beside an open document (`~$leaflet.docx`): not a document.
let wordLockFilePrefix = "~$"

/// Folder names never searched (besides every folder whose name starts with a dot).
let skippedFolders: Set<String> = ["node_modules", ".build"]

/// Turns the paths on the command line into the files to lint, in a stable order.
///
/// A file named on the command line is linted whatever its ending; a folder is searched recursively for
/// `.txt`, `.md`, `.markdown`, `.html`, `.htm` and `.docx` files, skipping hidden folders, `.build` and
/// `node_modules`, the lock files Word leaves beside open documents (`~$leaflet.docx`), and not following links to
/// folders. `-` is standard input.
public func collectInputs(_ paths: [String], stdinFilename: String?) -> (files: [InputFile], problems: [InputProblem]) {
  var files: [InputFile] = []
  var problems: [InputProblem] = []
  var seen: Set<String> = []
  for path in paths {
    if path == "-" {
      files.append(InputFile(source: .standardInput, displayPath: stdinFilename ?? "<stdin>"))
      continue
    }
    var status = stat()
    guard stat(path, &status) == 0 else {
      let reason = errno == ENOENT ? "no such file or folder; check the path" : String(cString: strerror(errno))
      problems.append(InputProblem(path: path, message: reason))
      continue
    }
    if status.st_mode & S_IFMT == S_IFDIR {
      var found: [String] = []
      walk(path, into: &found)
      if found.isEmpty {
        problems.append(
          InputProblem(
            path: path,
            message: noFilesInFolderMessage))
      }
      for file in found where seen.insert(file).inserted {
        files.append(InputFile(source: .file(file), displayPath: file))
      }
    } else {
      let display = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
      if seen.insert(display).inserted {
        files.append(InputFile(source: .file(path), displayPath: display))
      }
    }
  }
  return (files, problems)
}

/// Appends the lintable files under `folder`, sorted by name at each level.
private func walk(_ folder: String, into found: inout [String]) {
  guard let directory = opendir(folder) else { return }
  var names: [String] = []
  while let entry = readdir(directory) {
    let name = withUnsafePointer(to: entry.pointee.d_name) {
      $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
    }
    if name == "." || name == ".." { continue }
    names.append(name)
  }
  closedir(directory)
  names.sort()
  let prefix = folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
  for name in names {
    let path = prefix + name
    var status = stat()
    guard lstat(path, &status) == 0 else { continue }
    var kind = status.st_mode & S_IFMT
    if kind == S_IFLNK {
      // Follow links to files, never links to folders (they can loop).
      guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
      kind = S_IFREG
    }
    if kind == S_IFDIR {
      if name.hasPrefix(".") || skippedFolders.contains(name) { continue }
      walk(path, into: &found)
    } else if kind == S_IFREG, let dot = name.lastIndex(of: "."), !name.hasPrefix(".") || dot != name.startIndex {
      let ending = name[name.index(after: dot)...].lowercased()
      if lintableExtensions.contains(ending) && !name.hasPrefix(wordLockFilePrefix) { found.append(path) }
    }
  }
}

/// What a file larger than plainlint can read is told.
let tooLargeMessage = "is larger than 4 GiB, the most plainlint can read; split it into smaller files"

/// Reads a whole file into memory, or says in plain words why it could not.
public func readInput(_ input: InputFile) throws(InputProblem) -> [UInt8] {
  switch input.source {
  case .standardInput:
    let bytes = readAll(from: 0)
    if bytes.count > Token.maximumDocumentSize { throw InputProblem(path: input.displayPath, message: tooLargeMessage) }
    return bytes
  case .file(let path):
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      let reason = errno == EACCES ? "permission denied; check who can read it" : String(cString: strerror(errno))
      throw InputProblem(path: input.displayPath, message: "cannot read the file: \(reason)")
    }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR {
      throw InputProblem(path: input.displayPath, message: "is a folder, not a file")
    }
    // Offsets are kept in 32 bits (see `Token`); the size is checked before anything is read.
    if Int(status.st_size) > Token.maximumDocumentSize {
      throw InputProblem(path: input.displayPath, message: tooLargeMessage)
    }
    return readAll(from: descriptor, sizeHint: Int(status.st_size))
  }
}

/// Reads everything from a file descriptor, straight into the array (no zero-filling, no copy).
private func readAll(from descriptor: Int32, sizeHint: Int = 0) -> [UInt8] {
  var bytes: [UInt8] = []
  var capacity = max(sizeHint + 1, 1 << 16)
  while true {
    let oldCount = bytes.count
    if capacity - oldCount < 1 << 12 { capacity *= 2 }
    var got = 0
    let grown = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      if oldCount > 0 {
        bytes.withUnsafeBufferPointer { old in
          buffer.baseAddress!.initialize(from: old.baseAddress!, count: oldCount)
        }
      }
      var filled = oldCount
      while filled < capacity {
        let n = read(descriptor, buffer.baseAddress! + filled, capacity - filled)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        filled += n
      }
      got = filled - oldCount
      count = filled
    }
    bytes = grown
    if got == 0 || bytes.count < capacity { break }
  }
  return bytes
}

/// Checks that the bytes are text: a NUL byte near the start means a binary file (or UTF-16 text).
public func checkIsText(_ bytes: [UInt8], path: String) throws(InputProblem) {
  if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
    throw InputProblem(path: path, message: "the file is UTF-16 text; save it as UTF-8 and lint it again")
  }
  if bytes.prefix(8000).contains(0) {
    throw InputProblem(path: path, message: "looks like a binary file, not text; skipped")
  }
}

/// A warning for a file that is not valid UTF-8, pointing at the first bad byte.
public func utf8Warning(for document: Document) -> InputProblem? {
  guard let offset = UTF8Scalar.firstInvalidOffset(in: document.bytes) else { return nil }
  let location = document.location(at: offset)
  let hex = String(document.bytes[offset], radix: 16, uppercase: true)
  return InputProblem(
    path: document.path,
    message:
      "the file is not valid UTF-8 (byte 0x\(hex)); each bad byte is read as �. Save the file as UTF-8 to fix this",
    position: location.position, isWarning: true)
}
