import PlainLintCore

/// `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.
///
/// One run, with every rule in `tool.driver.rules`. Columns count Unicode scalar values (`columnKind`
/// `unicodeCodePoints`), as plainlint's own positions do; region ends are exclusive, as SARIF's are. Paths are
/// relative to the repository root, under the base `%SRCROOT%`. `partialFingerprints["plainlint/v1"]` hashes the
/// rule, the flagged text and its line's text, never the line number, so it survives lines moving elsewhere.
/// Safe suggestions become `fixes`.
public struct SARIFReporter: Reporter {
  /// The rules, version and repository.
  public var context: CIContext

  /// The base every result's path is relative to.
  static let sourceRoot = "%SRCROOT%"

  /// Creates the reporter.
  public init(context: CIContext) {
    self.context = context
  }

  public func render(_ reports: [FileReport]) -> String {
    var ruleIndex: [String: Int] = [:]
    for (index, rule) in context.rules.enumerated() { ruleIndex[rule.identifier] = index }
    var writer = JSONWriter()
    writer.object { root in
      root.string("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
      root.string("version", "2.1.0")
      root.array("runs") { runs in
        runs.object { run in
          run.object("tool") { tool in
            tool.object("driver") { driver in
              driver.string("name", "plainlint")
              driver.string("version", context.version)
              driver.array("rules") { rules in
                for rule in context.rules { rules.value(nil, SARIFRule(rule: rule)) }
              }
            }
          }
          let rootURI = "file://" + uriEncoded(context.repositoryRoot.hasSuffix("/") ? context.repositoryRoot
            : context.repositoryRoot + "/")
          run.object("originalUriBaseIds") { bases in
            bases.object(Self.sourceRoot) { base in base.string("uri", rootURI) }
          }
          run.string("columnKind", "unicodeCodePoints")
          run.array("results") { results in
            for report in reports { writeResults(report, ruleIndex: ruleIndex, to: &results) }
          }
        }
      }
    }
    return writer.line()
  }

  /// The results of one file.
  private func writeResults(_ report: FileReport, ruleIndex: [String: Int], to results: inout JSONWriter) {
    var converter = PositionConverter(report.document)
    var fingerprints = Fingerprints()
    let repositoryPath = context.repositoryPath(report.document.path)
    for finding in report.findings {
      let start = converter.location(at: finding.range.lowerBound)
      let end = converter.location(at: finding.range.upperBound)
      let text = report.document.text(finding.range)
      let fingerprint = fingerprints.next(
        rule: finding.rule, text: text, line: lineText(report.document, line: start.line))
      results.object { result in
        result.string("ruleId", finding.rule)
        if let index = ruleIndex[finding.rule] {
          result.integer("ruleIndex", index)
        }
        result.string("level", Self.level(finding.severity))
        result.object("message") { message in message.string("text", finding.messageWithContext) }
        result.array("locations") { locations in
          locations.object { location in
            location.object("physicalLocation") { physical in
              writeArtifact(report.document.path, repositoryPath: repositoryPath, to: &physical)
              writeRegion(start, end, snippet: text, to: &physical)
            }
          }
        }
        result.object("partialFingerprints") { prints in prints.string("plainlint/v1", fingerprint) }
        if let context = finding.context {
          result.object("properties") { properties in writeContext(context, to: &properties) }
        }
        let safe = report.takesTextEdits ? finding.suggestions.filter(\.isSafe) : []
        if !safe.isEmpty {
          result.array("fixes") { fixes in
            for suggestion in safe {
              fixes.object { fix in
                fix.object("description") { d in d.string("text", suggestionLine(suggestion)) }
                fix.array("artifactChanges") { changes in
                  changes.object { change in
                    writeArtifact(report.document.path, repositoryPath: repositoryPath, to: &change)
                    change.array("replacements") { replacements in
                      replacements.object { replacement in
                        writeRegion(start, end, snippet: nil, key: "deletedRegion", to: &replacement)
                        replacement.object("insertedContent") { c in c.string("text", suggestion.replacement) }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// `artifactLocation`: relative to `%SRCROOT%` inside the repository, else the path as given.
  private func writeArtifact(_ path: String, repositoryPath: String?, to object: inout JSONWriter) {
    object.object("artifactLocation") { artifact in
      if let repositoryPath {
        artifact.string("uri", uriEncoded(repositoryPath))
        artifact.string("uriBaseId", Self.sourceRoot)
      } else if path.hasPrefix("/") {
        artifact.string("uri", "file://" + uriEncoded(path))
      } else {
        artifact.string("uri", uriEncoded(path))
      }
    }
  }

  /// A region with start and end line and column (the end exclusive), and the flagged text when given.
  private func writeRegion(
    _ start: SourceLocation, _ end: SourceLocation, snippet: String?, key: String = "region",
    to object: inout JSONWriter
  ) {
    object.object(key) { region in
      region.integer("startLine", start.line)
      region.integer("startColumn", start.column)
      region.integer("endLine", end.line)
      region.integer("endColumn", end.column)
      if let snippet { region.object("snippet") { s in s.string("text", snippet) } }
    }
  }

  /// SARIF's level for a severity.
  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .info: "note"
    }
  }
}

/// One rule in `tool.driver.rules`.
struct SARIFRule: JSONWritable {
  var rule: RuleDescription

  func write(to writer: inout JSONWriter, key: String?) {
    writer.object(key) { object in
      object.string("id", rule.identifier)
      object.string("name", upperCamelCase(rule.identifier))
      object.object("shortDescription") { d in d.string("text", rule.summary) }
      object.object("fullDescription") { d in d.string("text", rule.rationale) }
      object.object("help") { help in
        help.string("text", helpText)
        help.string("markdown", helpMarkdown)
      }
      object.object("defaultConfiguration") { c in c.string("level", SARIFReporter.level(rule.defaultSeverity)) }
      object.object("properties") { p in
        p.array("tags") { tags in tags.string(nil, "plain-language") }
      }
    }
  }

  /// Plain help: the summary, the rationale, and how to learn more.
  var helpText: String {
    "\(rule.summary)\n\n\(rule.rationale)\n\nRun `plainlint explain \(rule.identifier)` for its options and examples."
  }

  /// The same help in Markdown, with the rule's name as a heading.
  var helpMarkdown: String {
    "**\(rule.name)**\n\n\(rule.summary)\n\n\(rule.rationale)\n\n"
      + "Run `plainlint explain \(rule.identifier)` for its options and examples."
  }
}

/// `long-sentence` as `LongSentence`: SARIF's `name` is meant to be a readable identifier.
func upperCamelCase(_ identifier: String) -> String {
  identifier.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
}
