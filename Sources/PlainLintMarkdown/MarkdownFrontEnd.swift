import CCmarkGFM
import PlainLintCore

/// The front end for Markdown (being written).
public enum MarkdownFrontEnd {
  /// The cmark-gfm version this was built against.
  public static var libraryVersion: String { String(cString: cmark_version_string()) }
}
