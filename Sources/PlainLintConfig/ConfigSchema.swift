import PlainLintCore
import PlainLintRules

/// The JSON Schema (draft 2020-12) of `.plainlint.yml`, made from the rules' own descriptions, so it lists every
/// rule and option with its type, default, range and summary, and can never fall behind the code.
///
/// YAML editors use it for completion and checking (VS Code's YAML extension: a
/// `# yaml-language-server: $schema=…` line at the top of the file, or the `yaml.schemas` setting).
public enum ConfigSchema {
  /// The schema's dialect.
  public static let draft = "https://json-schema.org/draft/2020-12/schema"

  /// The schema as JSON text, ending with a line break.
  public static func json(version: String) -> String {
    schema(version: version).rendered() + "\n"
  }

  /// The schema as a JSON value.
  static func schema(version: String) -> JSON {
    let dialects = Dialect.allCases.map(\.configurationName)
    let audiences = Audience.allCases.map(\.rawValue)
    let dialect: JSON = .object([
      (
        "description",
        .string("The English to check: en-GB (the default) or en-US. Word-list entries for the other are left out.")
      ),
      ("enum", .array(dialects.map(JSON.string))),
      ("default", .string(Dialect.uk.configurationName)),
    ])
    let audience: JSON = .object([
      (
        "description",
        .string(
          "Who the text is for. "
            + Audience.allCases.map { "\($0.rawValue): \($0.summary)." }.joined(separator: " "))
      ),
      ("enum", .array(audiences.map(JSON.string))),
      ("default", .string(Audience.public.rawValue)),
    ])
    var properties: [(String, JSON)] = []
    for key in ConfigReader.topLevelKeys {
      switch key {
      case "dialect": properties.append((key, dialect))
      case "audience": properties.append((key, audience))
      case "ignore":
        properties.append(
          (
            key,
            described(
              ref("globs"),
              "Files not to lint: globs relative to the folder of this file (* within a name, ** any folders, "
                + "?, [abc], [!abc], {a,b}). Files named on the command line are left out too.")
          ))
      case "rules": properties.append((key, ref("rules")))
      case "dictionaries":
        properties.append(
          (
            key,
            described(
              ref("paths"),
              "Extra word lists in the same CSV format as plainlint's Dictionaries/, relative to the folder of "
                + "this file.")
          ))
      case "accept":
        properties.append(
          (key, described(ref("accept"), "Words, phrases and acronyms that are fine for this project.")))
      case "overrides":
        properties.append(
          (
            key,
            .object([
              (
                "description",
                .string("Settings for some files; later entries win. accept and dictionaries add to the top level's.")
              ),
              ("type", .array([.string("array"), .string("null")])),
              ("items", ref("override")),
            ])
          ))
      default: break
      }
    }
    var definitions: [(String, JSON)] = [
      ("severity", .object([("enum", .array(Severity.allCases.reversed().map { .string($0.rawValue) }))])),
      (
        "switch",
        .object([
          (
            "anyOf",
            .array([
              .object([("type", .string("boolean"))]), .object([("enum", .array([.string("on"), .string("off")]))]),
            ])
          )
        ])
      ),
      ("globs", textOrList(minimum: 1)),
      ("paths", textOrList(minimum: 1)),
      (
        "acceptedTerm",
        .object([
          (
            "anyOf",
            .array([
              .object([("type", .string("string")), ("minLength", .integer(1))]),
              .object([
                ("type", .string("object")),
                (
                  "properties",
                  .object([
                    (
                      "term",
                      .object([
                        ("description", .string("The word, phrase or acronym.")),
                        ("type", .string("string")), ("minLength", .integer(1)),
                      ])
                    ),
                    (
                      "expansion",
                      .object([
                        ("description", .string("For an acronym: what it stands for.")),
                        ("type", .string("string")), ("minLength", .integer(1)),
                      ])
                    ),
                  ])
                ),
                ("required", .array([.string("term")])),
                ("additionalProperties", .bool(false)),
              ]),
            ])
          )
        ])
      ),
      (
        "accept",
        .object([
          (
            "anyOf",
            .array([
              .object([("type", .string("null"))]),
              .object([("type", .string("string")), ("minLength", .integer(1))]),
              .object([("type", .string("array")), ("items", ref("acceptedTerm"))]),
            ])
          )
        ])
      ),
      (
        "rules",
        .object([
          (
            "description",
            .string("Rule settings by rule: on, off, a severity, or a mapping of enabled, severity and options.")
          ),
          ("type", .array([.string("object"), .string("null")])),
          (
            "properties",
            .object(BuiltInRules.all.map { ($0.description.identifier, ref("rule-" + $0.description.identifier)) })
          ),
          ("additionalProperties", .bool(false)),
        ])
      ),
    ]
    for rule in BuiltInRules.all {
      definitions.append(("rule-" + rule.description.identifier, ruleSchema(rule.description)))
    }
    var overrideProperties: [(String, JSON)] = []
    for key in ConfigReader.overrideKeys {
      switch key {
      case "files":
        overrideProperties.append(
          (
            key,
            described(
              textOrList(minimum: 1, nullable: false),
              "The files it applies to: globs relative to the folder of this file.")
          ))
      default:
        if let property = properties.first(where: { $0.0 == key }) { overrideProperties.append(property) }
      }
    }
    definitions.append(
      (
        "override",
        .object([
          ("type", .string("object")),
          ("properties", .object(overrideProperties)),
          ("required", .array([.string("files")])),
          ("additionalProperties", .bool(false)),
        ])
      ))
    return .object([
      ("$schema", .string(draft)),
      ("title", .string("plainlint configuration (.plainlint.yml)")),
      (
        "description",
        .string(
          "Settings for plainlint \(version), a plain-language linter for health and care writing. Made by "
            + "`plainlint config schema`."
        )
      ),
      ("type", .array([.string("object"), .string("null")])),
      ("properties", .object(properties)),
      ("additionalProperties", .bool(false)),
      ("$defs", .object(definitions)),
    ])
  }

  /// The schema of one rule's settings.
  static func ruleSchema(_ description: RuleDescription) -> JSON {
    var properties: [(String, JSON)] = [
      ("enabled", described(ref("switch"), "Whether the rule runs (default true).")),
      (
        "severity",
        .object([
          ("description", .string("The severity of its findings (default \(description.defaultSeverity.rawValue)).")),
          ("$ref", .string("#/$defs/severity")),
          ("default", .string(description.defaultSeverity.rawValue)),
        ])
      ),
    ]
    for option in description.options {
      var fields: [(String, JSON)] = [("description", .string(optionSummary(option)))]
      switch option.defaultValue {
      case .integer(let value):
        fields.append(("type", .string("integer")))
        if let range = option.allowedRange {
          fields.append(("minimum", .integer(range.lowerBound)))
          fields.append(("maximum", .integer(range.upperBound)))
        }
        fields.append(("default", .integer(value)))
      case .number(let value):
        fields += [("type", .string("number")), ("default", .number(value))]
      case .boolean(let value):
        fields += [("type", .string("boolean")), ("default", .bool(value))]
      case .string(let value):
        fields += [("type", .string("string")), ("default", .string(value))]
      }
      properties.append((option.name, .object(fields)))
    }
    let shorthand = Severity.allCases.reversed().map { JSON.string($0.rawValue) } + [.string("on"), .string("off")]
    return .object([
      ("description", .string("\(description.summary) Default severity: \(description.defaultSeverity.rawValue).")),
      (
        "anyOf",
        .array([
          .object([("type", .string("null"))]),
          .object([("type", .string("boolean"))]),
          .object([("enum", .array(shorthand))]),
          .object([
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("additionalProperties", .bool(false)),
          ]),
        ])
      ),
    ])
  }

  /// An option's summary with its default and range, for descriptions.
  static func optionSummary(_ option: RuleOptionDescription) -> String {
    var text = option.summary
    if let range = option.allowedRange { text += " From \(range.lowerBound) to \(range.upperBound)." }
    return text + " Default: \(option.defaultValue)."
  }

  /// A reference to a definition.
  static func ref(_ name: String) -> JSON {
    .object([("$ref", .string("#/$defs/\(name)"))])
  }

  /// A reference with a description beside it.
  static func described(_ schema: JSON, _ description: String) -> JSON {
    guard case .object(let fields) = schema else { return schema }
    return .object([("description", .string(description))] + fields)
  }

  /// One text value or a list of them (or nothing).
  static func textOrList(minimum: Int, nullable: Bool = true) -> JSON {
    let text = JSON.object([("type", .string("string")), ("minLength", .integer(minimum))])
    var choices: [JSON] = [text, .object([("type", .string("array")), ("items", text)])]
    if nullable { choices.append(.object([("type", .string("null"))])) }
    return .object([("anyOf", .array(choices))])
  }
}

/// A JSON value whose objects keep their keys in order, for output that reads well and never changes between runs.
indirect enum JSON: Hashable, Sendable {
  case null
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  static func == (a: JSON, b: JSON) -> Bool { a.rendered() == b.rendered() }
  func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

  /// The value as JSON text, indented by two spaces per level.
  func rendered(indent: String = "") -> String {
    let inner = indent + "  "
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .integer(let value): return String(value)
    case .number(let value): return String(value)
    case .string(let value): return JSON.quoted(value)
    case .array(let items):
      // Short lists of plain values stay on one line.
      if items.allSatisfy({ if case .array = $0 { false } else if case .object = $0 { false } else { true } }) {
        return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
      }
      return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
    case .object(let fields):
      if fields.isEmpty { return "{}" }
      return "{\n"
        + fields.map { inner + JSON.quoted($0.0) + ": " + $0.1.rendered(indent: inner) }.joined(separator: ",\n")
        + "\n" + indent + "}"
    }
  }

  /// A string as a JSON string literal.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
