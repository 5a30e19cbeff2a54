import Foundation
import PackagePlugin

/// Compiles the word lists in `Dictionaries/` into the target that applies this plugin, so the `plainlint`
/// program carries them and needs no files beside it.
///
/// The lists stay data a non-programmer edits (CSV and plain text, and the syllable counts as TSV); at build time
/// `plainlint-embed` writes one Swift file holding each list as a raw string literal. Editing a list rebuilds
/// only that file.
@main
struct EmbedDictionaries: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "Dictionaries")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))
      .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".txt") || $0.hasSuffix(".tsv") }
      .sorted()
    let inputs = names.map { folder.appending(path: $0) }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDictionaries.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(names.count) dictionaries",
        executable: try context.tool(named: "plainlint-embed").url,
        arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
