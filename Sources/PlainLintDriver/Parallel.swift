#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch
import Synchronization

/// How many files to lint at once, `--jobs`.
public enum Jobs {
  /// The processors online: the default for `--jobs`.
  public static var available: Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}

/// The results of `parallelMap`, one slot per index: each slot is written by one worker only, and read after every
/// worker has returned, so sharing the buffer between threads is safe.
private struct Slots<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T?>
}

/// Runs `body` for every index of `0..<count` and returns the results in index order, with up to `jobs` indices
/// in flight at once (never more than the processors: the threads come from Dispatch's pool).
///
/// Each worker takes the next index when it is free, so one large file does not hold up the small ones behind it.
/// `body` must be safe to run on several threads at once; the order of the results never depends on timing.
/// With one job, or one index, everything runs on the calling thread. (The parsers' one-time set-up, libxml2's
/// `xmlInitParser` and cmark-gfm's extension registry, is in Swift globals, which run once whichever thread
/// comes first.)
func parallelMap<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
  let workers = min(jobs, count)
  if workers <= 1 { return (0..<count).map(body) }
  let next = Atomic<Int>(0)
  let slots = Slots<T>(buffer: .allocate(capacity: count))
  slots.buffer.initialize(repeating: nil)
  defer {
    slots.buffer.deinitialize()
    slots.buffer.deallocate()
  }
  DispatchQueue.concurrentPerform(iterations: workers) { _ in
    while true {
      let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
      guard index < count else { return }
      slots.buffer[index] = body(index)
    }
  }
  return slots.buffer.map { $0! }
}
