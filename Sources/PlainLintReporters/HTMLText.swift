/// A small writer of HTML text: tags are written as given, and every piece of text, from the documents or from
/// plainlint, goes through `text` or `attribute`, which escape it. Nothing from a document can become markup.
struct HTMLText {
  /// The HTML so far.
  private(set) var html = ""

  /// Writes markup as it is: only for plainlint's own tags, never for text from a document.
  mutating func raw(_ markup: String) {
    html += markup
  }

  /// Writes text, escaped for an element's content.
  mutating func text(_ text: String) {
    HTMLText.escape(text, into: &html)
  }

  /// Writes `<tag attributes>text</tag>`, the text escaped.
  mutating func element(_ tag: String, _ attributes: String = "", _ content: String) {
    raw("<\(tag)\(attributes.isEmpty ? "" : " " + attributes)>")
    text(content)
    raw("</\(tag)>")
  }

  /// An attribute `name="value"`, the value escaped.
  static func attribute(_ name: String, _ value: String) -> String {
    var out = name + "=\""
    escape(value, into: &out)
    return out + "\""
  }

  /// Escapes `&`, `<`, `>`, `"` and `'`, leaves out carriage returns (a line break is its line feed), and
  /// replaces control characters, which HTML does not allow, with U+FFFD.
  static func escape(_ text: String, into out: inout String) {
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\r": break
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0xFDD0...0xFDEF).contains(scalar.value)
          || scalar.value & 0xFFFE == 0xFFFE
        {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
  }

  /// Text escaped, as a string.
  static func escaped(_ text: String) -> String {
    var out = ""
    escape(text, into: &out)
    return out
  }
}
