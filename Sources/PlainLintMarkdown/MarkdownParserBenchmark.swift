import CCmarkGFM

/// cmark-gfm on its own, for the benchmark: how fast the parser is before the front end does anything, so that
/// the front end's own cost is known. Not part of linting.
@_spi(Benchmark)
public enum MarkdownParserBenchmark {
  /// Parses bytes exactly as `MarkdownFrontEnd` does (the same options and extensions), with the front end's arena
  /// or, when `systemAllocator` is true, with cmark-gfm's default allocator (each node and string its own `malloc`
  /// block, all freed afterwards). Returns the number of top-level blocks, so the work cannot be skipped.
  public static func parse(_ bytes: [UInt8], systemAllocator: Bool = false) -> Int {
    if !systemAllocator {
      var blocks = 0
      MarkdownFrontEnd.parse(bytes) { root in blocks = topLevelBlocks(root) }
      return blocks
    }
    guard let parser = cmark_parser_new(MarkdownFrontEnd.options(for: bytes)) else { return 0 }
    defer { cmark_parser_free(parser) }
    let root = MarkdownFrontEnd.parse(bytes, with: parser)
    guard let root else { return 0 }
    defer { cmark_node_free(root) }
    return topLevelBlocks(root)
  }

  /// The number of children of the document node.
  private static func topLevelBlocks(_ root: UnsafeMutablePointer<cmark_node>) -> Int {
    var count = 0
    var child = root.pointee.first_child
    while let node = child {
      count += 1
      child = node.pointee.next
    }
    return count
  }
}
