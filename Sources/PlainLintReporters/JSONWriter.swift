/// Writes pretty-printed JSON with keys in the order they are written (2-space indent, `"key": value`).
///
/// Output types describe themselves through `JSONWritable`, so the shape lives in typed structs and the key
/// order that users and golden files see is the order the documentation shows.
public struct JSONWriter {
  /// The JSON text so far.
  public private(set) var output = ""
  private var depth = 0
  private var needsComma = [false]

  /// Whether to write everything on one line (JSON Lines), with no indentation.
  private var compact = false

  /// Creates an empty writer.
  public init() {}

  /// Creates an empty writer that writes pretty-printed JSON, or everything on one line when `compact`.
  public init(compact: Bool) {
    self.compact = compact
  }

  /// Indentation strings, made once per depth.
  private var indents: [String] = ["\n"]

  private mutating func newlineAndIndent() {
    if compact { return }
    while indents.count <= depth { indents.append(indents[indents.count - 1] + "  ") }
    output.append(indents[depth])
  }

  private mutating func beforeValue(key: String?) {
    if needsComma[needsComma.count - 1] { output.append(",") }
    needsComma[needsComma.count - 1] = true
    if depth > 0 { newlineAndIndent() }
    if let key {
      appendString(key)
      output.append(compact ? ":" : ": ")
    }
  }

  /// Writes an object; `body` writes its members.
  public mutating func object(_ key: String? = nil, _ body: (inout JSONWriter) -> Void) {
    beforeValue(key: key)
    output.append("{")
    depth += 1
    needsComma.append(false)
    body(&self)
    let hadMembers = needsComma.removeLast()
    depth -= 1
    if hadMembers { newlineAndIndent() }
    output.append("}")
  }

  /// Writes an array; `body` writes its elements.
  public mutating func array(_ key: String? = nil, _ body: (inout JSONWriter) -> Void) {
    beforeValue(key: key)
    output.append("[")
    depth += 1
    needsComma.append(false)
    body(&self)
    let hadElements = needsComma.removeLast()
    depth -= 1
    if hadElements { newlineAndIndent() }
    output.append("]")
  }

  /// Writes a string member or element.
  public mutating func string(_ key: String? = nil, _ value: String) {
    beforeValue(key: key)
    appendString(value)
  }

  /// Writes a whole-number member or element.
  public mutating func integer(_ key: String? = nil, _ value: Int) {
    beforeValue(key: key)
    output.append(String(value))
  }

  /// Writes a number member or element (non-finite numbers become null).
  public mutating func number(_ key: String? = nil, _ value: Double) {
    beforeValue(key: key)
    output.append(value.isFinite ? String(value) : "null")
  }

  /// Writes a null member or element.
  public mutating func null(_ key: String? = nil) {
    beforeValue(key: key)
    output.append("null")
  }

  /// Writes a boolean member or element.
  public mutating func boolean(_ key: String? = nil, _ value: Bool) {
    beforeValue(key: key)
    output.append(value ? "true" : "false")
  }

  /// Writes a value that knows how to write itself.
  public mutating func value(_ key: String? = nil, _ value: some JSONWritable) {
    value.write(to: &self, key: key)
  }

  private mutating func appendString(_ value: String) {
    output.append("\"")
    // Most strings need no escaping: copy them whole.
    if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
      output.append(value)
      output.append("\"")
      return
    }
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output.append("\\\"")
      case "\\": output.append("\\\\")
      case "\n": output.append("\\n")
      case "\r": output.append("\\r")
      case "\t": output.append("\\t")
      case "\u{08}": output.append("\\b")
      case "\u{0C}": output.append("\\f")
      case "\u{2028}": output.append("\\u2028")
      case "\u{2029}": output.append("\\u2029")
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output.append("\"")
  }
}

/// A type that writes itself as JSON.
public protocol JSONWritable {
  /// Writes the value, as a member named `key` or as an array element when `key` is nil.
  func write(to writer: inout JSONWriter, key: String?)
}
