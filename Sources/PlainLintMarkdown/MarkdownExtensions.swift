import CCmarkGFM

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// cmark-gfm's extensions as every parse in the program attaches them, so that parses can run side by side.
///
/// cmark-gfm keeps the inline parser's table of special characters in a global. Each parse adds its extensions'
/// characters when its inline parsing starts (`w` and `:` for autolinks, `~` for strikethrough) and takes them away
/// when it ends (github/cmark-gfm#221). A parse that ends while another is parsing inlines takes them from under the
/// other, which then misses its autolinks, so parses used to run one at a time.
///
/// Here `w` and `:` are set once for the process, and parses attach a copy of the autolink extension that lists no
/// characters: no parse ever takes them away. The inline parser offers every special character to every extension,
/// so the copy finds the same links. Strikethrough is different: the inline parser finds the extension that closes
/// a run of `~` through the characters it lists. A document with no `~` cannot contain strikethrough and attaches a
/// copy that lists none, so it parses beside any other. A document with a `~` attaches the extension as it is, whose
/// `~` is added and taken away around its parse, and such documents are parsed one at a time. (A document without a
/// `~` never reads the table's entry for it.)
///
/// Nothing may attach cmark-gfm's own autolink extension to a parser that parses inlines: it would take `w` and `:`
/// away when that parse ends. Tests compare this with cmark-gfm's own parse on the fixtures and on generated
/// documents, and run parses side by side.
enum MarkdownExtensions {
  /// The extensions to attach, in order, for one document.
  static func forDocument(containingTilde: Bool) -> [UnsafeMutablePointer<cmark_syntax_extension>] {
    containingTilde ? shared.withTilde : shared.withoutTilde
  }

  /// Whether a document's bytes contain a `~`, which decides its extensions and whether its inline parsing takes
  /// `tildeLock`.
  static func containsTilde(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
    return memchr(base, Int32(UInt8(ascii: "~")), bytes.count) != nil
  }

  /// Held around the inline parsing (`cmark_parser_finish`) of a document with a `~`.
  static let tildeLock = ProcessLock()

  /// The extensions, made once per process.
  private static let shared = Shared()

  private struct Shared: @unchecked Sendable {
    let withTilde: [UnsafeMutablePointer<cmark_syntax_extension>]
    let withoutTilde: [UnsafeMutablePointer<cmark_syntax_extension>]

    init() {
      cmark_gfm_core_extensions_ensure_registered()
      let names = ["table", "strikethrough", "autolink", "tasklist"]
      let originals = names.compactMap { cmark_find_syntax_extension($0) }
      precondition(originals.count == names.count, "cmark-gfm's extensions are missing")
      // Set the autolink extension's characters for good, the way a parse sets them.
      if let parser = cmark_parser_new(CMARK_OPT_DEFAULT) {
        cmark_parser_attach_syntax_extension(parser, originals[2])
        cmark_manage_extensions_special_characters(parser, 1)
        cmark_parser_free(parser)
      }
      // The copies live as long as the process.
      func copyListingNoCharacters(_ original: UnsafeMutablePointer<cmark_syntax_extension>)
        -> UnsafeMutablePointer<cmark_syntax_extension>
      {
        let copy = UnsafeMutablePointer<cmark_syntax_extension>.allocate(capacity: 1)
        copy.initialize(to: original.pointee)
        copy.pointee.special_inline_chars = nil
        return copy
      }
      let autolink = copyListingNoCharacters(originals[2])
      let strikethrough = copyListingNoCharacters(originals[1])
      withTilde = [originals[0], originals[1], autolink, originals[3]]
      withoutTilde = [originals[0], strikethrough, autolink, originals[3]]
    }
  }
}
