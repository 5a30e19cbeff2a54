import CLibXML2
import PlainLintCore

/// The front end for HTML (being written).
public enum HTMLFrontEnd {
  /// The libxml2 version this was built against.
  public static var libraryVersion: String { String(LIBXML_VERSION) }
}
