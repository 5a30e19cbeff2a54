import PlainLintCore
import PlainLintRules

/// The commented starter `.plainlint.yml` that `plainlint init` writes, made from the rules' descriptions.
///
/// It loads without errors as written, and every rule is listed, commented out, with its default severity and
/// options: removing the `# ` in front of a rule's lines gives a setting that changes nothing until edited.
public enum StarterFile {
  /// The file's text.
  public static var text: String {
    var lines: [String] = [
      "# plainlint settings. They apply to the files in this folder and the folders below it, up to the",
      "# repository root, except where a folder has a .plainlint.yml of its own. Every setting is optional.",
      "# \"Configuration\" in plainlint's README describes them all; `plainlint rules FILE` shows what applies to",
      "# a file. For checking as you type in VS Code's YAML extension, run",
      "#   plainlint config schema > .plainlint.schema.json",
      "# and make the first line of this file: # yaml-language-server: $schema=.plainlint.schema.json",
      "",
      "# The English to check: en-GB or en-US.",
      "dialect: \(Dialect.uk.configurationName)",
      "",
      "# Who the text is for:",
    ]
    for audience in Audience.allCases {
      lines += wrap("\(audience.rawValue): \(audience.summary).", prefix: "#   ", continuation: "#     ")
    }
    lines += [
      "audience: \(Audience.public.rawValue)",
      "",
      "# Files not to lint: globs relative to this folder (* within a name, ** any folders, {a,b} either).",
      "# ignore:",
      "#   - \"drafts/**\"",
      "#   - \"**/CHANGELOG.md\"",
      "",
      "# Each rule: on, off, a severity (error, warning or info), or a mapping of enabled, severity and its",
      "# options. Remove the # in front of a rule's lines to change it; `plainlint explain RULE` tells more.",
      "rules:",
    ]
    for (index, rule) in BuiltInRules.all.enumerated() {
      let description = rule.description
      if index > 0 { lines.append("") }
      lines += wrap(description.summary, prefix: "  ## ", continuation: "  ## ")
      lines.append("  # \(description.identifier):")
      lines.append("  #   severity: \(description.defaultSeverity.rawValue)")
      for option in description.options {
        var comment = option.summary
        if let range = option.allowedRange {
          if comment.hasSuffix(".") { comment.removeLast() }
          comment += " (\(range.lowerBound) to \(range.upperBound))."
        }
        lines.append("  #   \(option.name): \(option.defaultValue)  # \(comment)")
      }
    }
    lines += [
      "",
      "# Your own word lists, in the same CSV format as plainlint's Dictionaries/, relative to this folder.",
      "# dictionaries:",
      "#   - words/our-words.csv",
      "",
      "# Words, phrases and acronyms that are fine for this project, with what an acronym stands for.",
      "# accept:",
      "#   - stakeholder",
      "#   - term: CRN",
      "#     expansion: Clinical Research Network",
      "",
      "# Settings for some files, applied after the ones above; later entries win.",
      "# overrides:",
      "#   - files: \"research/**\"",
      "#     audience: professional",
      "#     rules:",
      "#       reading-age:",
      "#         target: 14",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// A comment wrapped to lines of at most 100 characters.
  static func wrap(_ text: String, prefix: String, continuation: String) -> [String] {
    var lines: [String] = []
    var line = prefix
    for word in text.split(separator: " ") {
      if line.count + word.count + 1 > 100 && line != prefix && line != continuation {
        lines.append(line)
        line = continuation
      }
      line += (line == prefix || line == continuation ? "" : " ") + word
    }
    lines.append(line)
    return lines
  }
}
