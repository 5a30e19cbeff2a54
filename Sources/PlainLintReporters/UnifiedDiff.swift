import PlainLintCore

/// A unified diff (`--- a/path`, `+++ b/path`, hunks with three lines of context) of the fixes made to a file,
/// as `plainlint check --fix --dry-run` prints it. `patch -p1` and `git apply` accept it.
///
/// The fixes say exactly which lines change, so no line matching is needed: each run of changed lines is the
/// old lines against the same lines with the fixes made. Lines end at `\n` (a `\r` before it stays part of the
/// line, so CRLF files diff as they are); bytes that are not valid UTF-8 are copied as they are.
public struct UnifiedDiff {
  /// The lines of context around each change.
  public var context: Int

  /// Creates a diff writer.
  public init(context: Int = 3) {
    self.context = context
  }

  /// The diff of `fixes` (in source order, not overlapping) on `old`, or no bytes when there are none.
  public func render(path: String, old: [UInt8], fixes: [Fix]) -> [UInt8] {
    guard !fixes.isEmpty else { return [] }
    let starts = lineStarts(old)
    // Runs of changed lines: each is the old lines first...last and the fixes inside them.
    var runs: [(first: Int, last: Int, fixes: [Fix])] = []
    for fix in fixes {
      let first = line(containing: fix.range.lowerBound, starts)
      let last = line(containing: max(fix.range.lowerBound, fix.range.upperBound - 1), starts)
      if let previous = runs.last, first <= previous.last + 1 {
        runs[runs.count - 1].last = max(previous.last, last)
        runs[runs.count - 1].fixes.append(fix)
      } else {
        runs.append((first, last, [fix]))
      }
    }
    var out: [UInt8] = Array("--- a/\(path)\n+++ b/\(path)\n".utf8)
    var shift = 0  // new line number minus old line number, before the current run
    var index = 0
    while index < runs.count {
      // A hunk takes every run whose context touches the next one's.
      var end = index
      while end + 1 < runs.count && runs[end + 1].first - runs[end].last - 1 <= 2 * context { end += 1 }
      let hunkFirst = max(0, runs[index].first - context)
      let hunkLast = min(starts.count - 1, runs[end].last + context)
      var body: [UInt8] = []
      var oldCount = 0
      var newCount = 0
      var cursor = hunkFirst
      for run in runs[index...end] {
        while cursor < run.first {
          emit(" ", lineBytes(cursor, old, starts), into: &body)
          cursor += 1
          oldCount += 1
          newCount += 1
        }
        let oldRange = starts[run.first]..<lineEnd(run.last, old, starts)
        var fixed: [UInt8] = []
        var copied = oldRange.lowerBound
        for fix in run.fixes {
          fixed.append(contentsOf: old[copied..<fix.range.lowerBound])
          fixed.append(contentsOf: fix.replacement.utf8)
          copied = fix.range.upperBound
        }
        fixed.append(contentsOf: old[copied..<oldRange.upperBound])
        for line in run.first...run.last {
          emit("-", lineBytes(line, old, starts), into: &body)
          oldCount += 1
        }
        for line in splitLines(fixed) {
          emit("+", line, into: &body)
          newCount += 1
        }
        cursor = run.last + 1
      }
      while cursor <= hunkLast {
        emit(" ", lineBytes(cursor, old, starts), into: &body)
        cursor += 1
        oldCount += 1
        newCount += 1
      }
      let oldStart = oldCount == 0 ? hunkFirst : hunkFirst + 1
      let newStart = newCount == 0 ? hunkFirst + shift : hunkFirst + shift + 1
      out.append(contentsOf: "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n".utf8)
      out.append(contentsOf: body)
      shift += newCount - oldCount
      index = end + 1
    }
    return out
  }

  /// Appends one diff line; a line without its `\n` (the file's last) gets the marker `patch` expects.
  private func emit(_ mark: String, _ line: ArraySlice<UInt8>, into body: inout [UInt8]) {
    body.append(contentsOf: mark.utf8)
    body.append(contentsOf: line)
    if line.last != 0x0A { body.append(contentsOf: "\n\\ No newline at end of file\n".utf8) }
  }

  /// Where each line starts; a file that ends with `\n` has no empty line after it.
  private func lineStarts(_ bytes: [UInt8]) -> [Int] {
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == 0x0A && offset + 1 < bytes.count {
      starts.append(offset + 1)
    }
    return starts
  }

  /// The line (0-based) holding a byte offset.
  private func line(containing offset: Int, _ starts: [Int]) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// Where a line ends, after its `\n`.
  private func lineEnd(_ line: Int, _ bytes: [UInt8], _ starts: [Int]) -> Int {
    line + 1 < starts.count ? starts[line + 1] : bytes.count
  }

  /// A line's bytes with its `\n`.
  private func lineBytes(_ line: Int, _ bytes: [UInt8], _ starts: [Int]) -> ArraySlice<UInt8> {
    bytes[starts[line]..<lineEnd(line, bytes, starts)]
  }

  /// Splits bytes into lines, each with its `\n` (the last may have none).
  private func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    for (offset, byte) in bytes.enumerated() where byte == 0x0A {
      lines.append(bytes[start...offset])
      start = offset + 1
    }
    if start < bytes.count { lines.append(bytes[start...]) }
    return lines
  }
}
