import PlainLintCore

/// A tiny weighted template grammar: each symbol has alternatives such as `"take {medicine}{dose}"`, and
/// expanding a symbol picks one alternative at random and expands the symbols in it.
///
/// An alternative may start with a weight, `"3|…"`, to be picked three times as often as one without. Templates
/// are parsed once into UTF-8 pieces, so expanding is appending bytes and picking numbers.
struct Grammar {
  /// One parsed piece of a template.
  enum Piece {
    /// Text copied as it is.
    case text([UInt8])
    /// A symbol to expand, by index.
    case symbol(Int)
  }

  /// One way to expand a symbol.
  struct Alternative {
    /// How often it is picked relative to the others.
    var weight: Int
    /// Its pieces.
    var pieces: [Piece]
  }

  /// The alternatives of each symbol, by index.
  private var alternatives: [[Alternative]] = []
  /// The sum of the weights of each symbol's alternatives.
  private var totals: [Int] = []
  /// The index of each symbol by name.
  private var indices: [String: Int] = [:]

  /// Parses the rules: a map from symbol name to its alternatives. A `{name}` that names no rule is a
  /// programming error and stops the program with the name.
  init(_ rules: [String: [String]]) {
    let names = rules.keys.sorted()
    for (index, name) in names.enumerated() { indices[name] = index }
    for name in names {
      let parsed = rules[name]!.map { Grammar.parse($0, indices: indices, in: name) }
      alternatives.append(parsed)
      totals.append(parsed.reduce(0) { $0 + $1.weight })
    }
  }

  /// The index of a symbol, for `expand`.
  func symbol(_ name: String) -> Int {
    guard let index = indices[name] else { fatalError("the grammar has no symbol '\(name)'") }
    return index
  }

  /// Appends a random expansion of `symbol` to `out`.
  func expand(_ symbol: Int, into out: inout [UInt8], rng: inout SplitMix64, depth: Int = 0) {
    precondition(depth < 16, "the grammar nests too deeply; a rule probably refers to itself")
    let choices = alternatives[symbol]
    var roll = rng.below(totals[symbol])
    var pick = 0
    while roll >= choices[pick].weight {
      roll -= choices[pick].weight
      pick += 1
    }
    for piece in choices[pick].pieces {
      switch piece {
      case .text(let bytes): out.append(contentsOf: bytes)
      case .symbol(let inner): expand(inner, into: &out, rng: &rng, depth: depth + 1)
      }
    }
  }

  /// Parses one template, with its optional `N|` weight.
  private static func parse(_ template: String, indices: [String: Int], in rule: String) -> Alternative {
    var body = Substring(template)
    var weight = 1
    if let bar = body.firstIndex(of: "|"), let number = Int(body[..<bar]), number > 0 {
      weight = number
      body = body[body.index(after: bar)...]
    }
    var pieces: [Piece] = []
    var text: [UInt8] = []
    var rest = body
    while let open = rest.firstIndex(of: "{") {
      guard let close = rest[open...].firstIndex(of: "}") else { fatalError("unclosed { in '\(template)'") }
      text.append(contentsOf: rest[..<open].utf8)
      let name = String(rest[rest.index(after: open)..<close])
      guard let index = indices[name] else { fatalError("rule '\(rule)' refers to unknown symbol '\(name)'") }
      if !text.isEmpty { pieces.append(.text(text)) }
      text = []
      pieces.append(.symbol(index))
      rest = rest[rest.index(after: close)...]
    }
    text.append(contentsOf: rest.utf8)
    if !text.isEmpty { pieces.append(.text(text)) }
    return Alternative(weight: weight, pieces: pieces)
  }
}
