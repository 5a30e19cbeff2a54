// swift-tools-version:6.2
// The plainlint package: a plain-language linter for health and care writing.
//
// One direction of flow, one target per stage:
//   source bytes -> front end -> prose blocks with a source map -> tokens and sentences -> rules -> findings
//   -> reporters -> command line.
import PackageDescription

/// Settings shared by every target: Swift 6 language mode, and no warnings allowed in a release build.
let strict: [SwiftSetting] = [
  .treatAllWarnings(as: .error, .when(configuration: .release))
]

let package = Package(
  name: "plainlint",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "plainlint", targets: ["plainlint"]),
    .executable(name: "plainlint-bench", targets: ["plainlint-bench"]),
    .library(name: "PlainLintCore", targets: ["PlainLintCore"]),
    .library(name: "PlainLintRules", targets: ["PlainLintRules"]),
    .library(name: "PlainLintLexicon", targets: ["PlainLintLexicon"]),
    .library(name: "PlainLintDictionaries", targets: ["PlainLintDictionaries"]),
    .library(name: "PlainLintMarkdown", targets: ["PlainLintMarkdown"]),
    .library(name: "PlainLintHTML", targets: ["PlainLintHTML"]),
    .library(name: "PlainLintDOCX", targets: ["PlainLintDOCX"]),
    .library(name: "PlainLintReporters", targets: ["PlainLintReporters"]),
    .library(name: "PlainLintConfig", targets: ["PlainLintConfig"]),
    .library(name: "PlainLintDriver", targets: ["PlainLintDriver"]),
    .library(name: "PlainLintServer", targets: ["PlainLintServer"]),
  ],
  dependencies: [
    // The command line's argument parsing: the Swift project's own parser, with generated help and completions.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // Reading `.plainlint.yml`: a YAML parser (libyaml inside) whose node tree keeps each value's line and
    // column, so every configuration error can point at the exact place. Only PlainLintConfig imports it.
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // Reading Word documents (.docx are ZIP archives): a ZIP reader in Swift whose extraction hands over the
    // bytes a chunk at a time, so the size of what comes out can be limited as it comes. Only PlainLintDOCX
    // imports it.
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // System libraries, each imported by exactly one target.
    .systemLibrary(
      name: "CCmarkGFM",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // Documents, positions, the tokenizer, sentence segmentation, the rule interface and the linter loop.
    .target(name: "PlainLintCore", swiftSettings: strict),
    // The built-in rules, one file each, grouped by family.
    .target(
      name: "PlainLintRules", dependencies: ["PlainLintCore", "PlainLintLexicon", "PlainLintDictionaries"],
      swiftSettings: strict),
    // Word lists and the acronym list: reading and checking them, compiling them, matching them against text.
    .target(name: "PlainLintLexicon", dependencies: ["PlainLintCore"], swiftSettings: strict),
    // The built-in dictionaries: the EmbedDictionaries plugin compiles Dictionaries/ into this target when
    // plainlint is built, so the program needs no data files beside it.
    .target(
      name: "PlainLintDictionaries", dependencies: ["PlainLintLexicon"], swiftSettings: strict,
      plugins: ["EmbedDictionaries"]),
    .plugin(name: "EmbedDictionaries", capability: .buildTool(), dependencies: ["plainlint-embed"]),
    // Checks and compiles the dictionaries, for the plugin.
    .executableTarget(name: "plainlint-embed", dependencies: ["PlainLintLexicon"], swiftSettings: strict),
    // Markdown front end: the only importer of CCmarkGFM.
    .target(name: "PlainLintMarkdown", dependencies: ["PlainLintCore", "CCmarkGFM"], swiftSettings: strict),
    // HTML front end: the only importer of CLibXML2.
    .target(name: "PlainLintHTML", dependencies: ["PlainLintCore", "CLibXML2"], swiftSettings: strict),
    // Word front end (.docx): unpacks the archive with ZIPFoundation (its only importer) and reads the XML
    // through PlainLintHTML's XMLReader, so that libxml2 keeps a single importer.
    .target(
      name: "PlainLintDOCX",
      dependencies: [
        "PlainLintCore", "PlainLintHTML", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: strict),
    // Output formats: pure functions from findings to text.
    .target(name: "PlainLintReporters", dependencies: ["PlainLintCore"], swiftSettings: strict),
    // `.plainlint.yml`: reading and checking it (the only importer of Yams), finding it for each file, globs,
    // audience presets, the settings in force for a file, the JSON Schema and the starter file.
    .target(
      name: "PlainLintConfig",
      dependencies: [
        "PlainLintCore", "PlainLintLexicon", "PlainLintRules", .product(name: "Yams", package: "Yams"),
      ],
      swiftSettings: strict
    ),
    // Finding and reading the files to lint, running the rules over them, and deciding the exit status.
    .target(
      name: "PlainLintDriver",
      dependencies: [
        "PlainLintCore", "PlainLintLexicon", "PlainLintDictionaries", "PlainLintRules", "PlainLintReporters",
        "PlainLintMarkdown", "PlainLintHTML", "PlainLintDOCX", "PlainLintConfig",
      ],
      // Yams, under PlainLintConfig, brings Foundation: without this, its String methods would quietly replace
      // the standard library's here (`contains` on a path became a Foundation call, 4,000 instructions a file).
      swiftSettings: strict + [.enableUpcomingFeature("MemberImportVisibility")]
    ),
    // `plainlint lsp`: the language server. JSON-RPC over standard input and output (Foundation's JSONDecoder
    // reads messages), documents kept as the editor sends them, and each request answered from the driver's own
    // linting.
    .target(
      name: "PlainLintServer",
      dependencies: ["PlainLintCore", "PlainLintConfig", "PlainLintRules", "PlainLintDriver"],
      swiftSettings: strict
    ),
    // The thin command-line front end.
    .executableTarget(
      name: "plainlint",
      dependencies: ["PlainLintDriver", "PlainLintServer", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: strict + [.enableUpcomingFeature("MemberImportVisibility")]
    ),
    // The benchmark: a release-build executable, never a test.
    .executableTarget(
      name: "plainlint-bench",
      dependencies: [
        "PlainLintCore", "PlainLintRules", "PlainLintDriver", "PlainLintMarkdown", "PlainLintHTML",
        "PlainLintReporters",
      ],
      swiftSettings: strict
    ),
    .testTarget(name: "PlainLintCoreTests", dependencies: ["PlainLintCore"], swiftSettings: strict),
    .testTarget(
      name: "PlainLintRulesTests", dependencies: ["PlainLintRules", "PlainLintLexicon", "PlainLintDictionaries"],
      swiftSettings: strict),
    .testTarget(
      name: "PlainLintLexiconTests", dependencies: ["PlainLintLexicon", "PlainLintDictionaries"], swiftSettings: strict),
    .testTarget(name: "PlainLintMarkdownTests", dependencies: ["PlainLintMarkdown"], swiftSettings: strict),
    .testTarget(name: "PlainLintHTMLTests", dependencies: ["PlainLintHTML"], swiftSettings: strict),
    .testTarget(
      name: "PlainLintDOCXTests",
      dependencies: ["PlainLintDOCX", "PlainLintCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      swiftSettings: strict),
    .testTarget(
      name: "PlainLintConfigTests", dependencies: ["PlainLintConfig", "PlainLintRules"], swiftSettings: strict),
    .testTarget(
      name: "PlainLintReportersTests",
      dependencies: ["PlainLintReporters", "PlainLintRules"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "PlainLintServerTests", dependencies: ["PlainLintServer", "PlainLintCore"], swiftSettings: strict),
    .testTarget(name: "EndToEndTests", dependencies: ["plainlint", "PlainLintCore"], swiftSettings: strict),
    // The benchmark's own plumbing (the language-server client, the typing edits), not its timings.
    .testTarget(name: "PlainLintBenchTests", dependencies: ["plainlint-bench"], swiftSettings: strict),
  ],
  swiftLanguageModes: [.v6]
)
