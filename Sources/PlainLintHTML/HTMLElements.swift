import PlainLintCore

/// What plainlint needs to know about an element: whether it starts and ends a block, what kind of block, and
/// whether its content is read at all.
struct ElementInfo: Sendable {
  /// What the element does to the text in and around it.
  struct Flags: OptionSet, Sendable {
    let rawValue: UInt32
    /// Starts and ends a block: text before and after it never joins text inside it.
    static let block = Flags(rawValue: 1 << 0)
    /// Splits the block it is in where it stands (`<br>`), but has no content of its own.
    static let lineBreak = Flags(rawValue: 1 << 1)
    /// Its content is never linted (code, scripts, templates...).
    static let skipContent = Flags(rawValue: 1 << 2)
    /// `<head>`: nothing in it is linted but the title and the description.
    static let head = Flags(rawValue: 1 << 3)
    /// `<title>`: linted as metadata, even inside `<head>`.
    static let title = Flags(rawValue: 1 << 4)
    /// `<img>`, `<area>` and `<input>`: the `alt` text is linted as metadata.
    static let alternativeText = Flags(rawValue: 1 << 5)
    /// `<abbr>` and `<acronym>`: defines a term, expanded by its `title`.
    static let abbreviation = Flags(rawValue: 1 << 6)
    /// `<dfn>`: marks the defining use of a term.
    static let definition = Flags(rawValue: 1 << 7)
    /// `<meta>`: may hold the description or declare the character set.
    static let meta = Flags(rawValue: 1 << 8)
    /// `<html>`: its `lang` is the document's language.
    static let root = Flags(rawValue: 1 << 9)
  }

  /// What the element does.
  var flags: Flags
  /// For a block element, the kind of block its own text forms.
  var kind: BlockKind

  /// An element that is part of the running text (`<a>`, `<em>`, `<span>`, and any element plainlint does not know).
  static let inline = ElementInfo(flags: [], kind: .paragraph)

  /// The element with this lower-case name, as libxml2 reports it.
  static func named(_ name: UnsafeBufferPointer<UInt8>) -> ElementInfo {
    guard let key = ElementKey(name) else { return .inline }
    return elementTable.info(key) ?? .inline
  }
}

/// An element name of at most 16 bytes packed into two integers, so that looking one up builds no string.
struct ElementKey: Hashable, Sendable {
  var low: UInt64 = 0
  var high: UInt64 = 0

  init?(_ name: UnsafeBufferPointer<UInt8>) {
    guard !name.isEmpty, name.count <= 16 else { return nil }
    for (index, byte) in name.enumerated() {
      if index < 8 {
        low |= UInt64(byte) << (8 * UInt64(index))
      } else {
        high |= UInt64(byte) << (8 * UInt64(index - 8))
      }
    }
  }

  init?(_ name: String) {
    var utf8 = Array(name.utf8)
    guard let key = utf8.withUnsafeMutableBufferPointer({ ElementKey(UnsafeBufferPointer($0)) }) else { return nil }
    self = key
  }
}

/// A fixed table of element names, looked up with one multiplication and a probe or two: a `Dictionary` look-up
/// hashes the key with SipHash, several hundred instructions, and a page's every new element name is looked up.
struct ElementTable: Sendable {
  /// A power of two, at least four times the number of names, so that probes are short.
  static let slotCount = 512
  private var keys = [ElementKey?](repeating: nil, count: ElementTable.slotCount)
  private var infos = [ElementInfo](repeating: .inline, count: ElementTable.slotCount)

  @inline(__always)
  private static func home(_ key: ElementKey) -> Int {
    let mixed = (key.low ^ (key.high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: mixed >> 55)  // the top 9 bits: 0..<512
  }

  mutating func insert(_ key: ElementKey, _ info: ElementInfo) {
    var slot = ElementTable.home(key)
    while let existing = keys[slot], existing != key { slot = (slot + 1) & (ElementTable.slotCount - 1) }
    keys[slot] = key
    infos[slot] = info
  }

  func info(_ key: ElementKey) -> ElementInfo? {
    var slot = ElementTable.home(key)
    while let existing = keys[slot] {
      if existing == key { return infos[slot] }
      slot = (slot + 1) & (ElementTable.slotCount - 1)
    }
    return nil
  }
}

/// The elements that are not plain inline text.
private let elementTable: ElementTable = {
  var table = ElementTable()
  func add(_ names: [String], _ flags: ElementInfo.Flags, _ kind: BlockKind = .paragraph) {
    for name in names {
      if let key = ElementKey(name) { table.insert(key, ElementInfo(flags: flags, kind: kind)) }
    }
  }
  // Blocks of running text. A block element ends the sentence before it and starts a new one.
  add(
    [
      "address", "article", "aside", "blockquote", "body", "button", "caption", "center", "dd", "details", "dialog",
      "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "header",
      "hgroup", "hr", "legend", "main", "menu", "nav", "ol", "optgroup", "option", "p", "search", "section",
      "select", "summary", "table", "tbody", "textarea", "tfoot", "thead", "tr", "ul",
    ], .block)
  add(["html"], [.block, .root])
  add(["head"], [.block, .head])
  add(["title"], [.block, .title], .metadata)
  add(["li"], .block, .listItem)
  add(["td", "th"], .block, .tableCell)
  for level in 1...6 { add(["h\(level)"], .block, .heading(level: level)) }
  add(["br"], .lineBreak)
  // Content that is code, program text, or never shown: not linted. Preformatted text is code or a layout that
  // the rules cannot read as sentences.
  add(["pre", "listing", "plaintext", "xmp", "iframe", "noembed", "noframes"], [.block, .skipContent])
  add(["script", "style", "code", "kbd", "samp", "var", "template", "math"], .skipContent)
  add(["img", "area", "input"], .alternativeText)
  add(["abbr", "acronym"], .abbreviation)
  add(["dfn"], .definition)
  add(["meta"], .meta)
  return table
}()

/// The character references libxml2's HTML parser knows (the 253 of HTML 4), by name packed into an integer.
///
/// The values are read from libxml2 itself, one look-up by name each, so that plainlint decodes exactly the
/// references the parser decoded. (Asking libxml2 for every code point up to U+2700 instead, as this once did,
/// took 12 million instructions: each of those look-ups reads the table from its start.) A test checks that
/// libxml2 knows no reference this list lacks.
let htmlEntityValues: [UInt64: UInt32] = {
  var table: [UInt64: UInt32] = [:]
  table.reserveCapacity(htmlEntityNames.count)
  for name in htmlEntityNames {
    guard let entry = htmlEntityLookupShim(name) else { continue }
    table[entry.key] = entry.value
  }
  return table
}()

/// The names of HTML 4's character references, in the order of libxml2's table (by code point).
let htmlEntityNames: [StaticString] = [
    "quot", "amp", "apos", "lt", "gt", "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml",
    "copy", "ordf", "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para",
    "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc",
    "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute",
    "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig",
    "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve",
    "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn",
    "yuml", "OElig", "oelig", "Scaron", "scaron", "Yuml", "fnof", "circ", "tilde", "Alpha", "Beta", "Gamma", "Delta",
    "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "Sigma",
    "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega", "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
    "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon",
    "phi", "chi", "psi", "omega", "thetasym", "upsih", "piv", "ensp", "emsp", "thinsp", "zwnj", "zwj", "lrm", "rlm",
    "ndash", "mdash", "lsquo", "rsquo", "sbquo", "ldquo", "rdquo", "bdquo", "dagger", "Dagger", "bull", "hellip",
    "permil", "prime", "Prime", "lsaquo", "rsaquo", "oline", "frasl", "euro", "image", "weierp", "real", "trade",
    "alefsym", "larr", "uarr", "rarr", "darr", "harr", "crarr", "lArr", "uArr", "rArr", "dArr", "hArr", "forall",
    "part", "exist", "empty", "nabla", "isin", "notin", "ni", "prod", "sum", "minus", "lowast", "radic", "prop",
    "infin", "ang", "and", "or", "cap", "cup", "int", "there4", "sim", "cong", "asymp", "ne", "equiv", "le", "ge",
    "sub", "sup", "nsub", "sube", "supe", "oplus", "otimes", "perp", "sdot", "lceil", "rceil", "lfloor", "rfloor",
    "lang", "rang", "loz", "spades", "clubs", "hearts", "diams",
]

/// Packs an ASCII entity name of at most 8 bytes into an integer, or nil when it is longer.
@inline(__always)
func packEntityName(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
  guard range.count <= 8 else { return nil }
  var key: UInt64 = 0
  var shift: UInt64 = 0
  for index in range {
    key |= UInt64(p[index]) << shift
    shift += 8
  }
  return key
}
