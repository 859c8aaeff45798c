import Foundation
import PackagePlugin

/// Build-tool plugin: embeds the Swift sources of the RecovIR and RecovDSL targets (the DSL and
/// the IR it builds) into the target it is applied to (RecovLoader), as a generated
/// `EmbeddedDSLSources.swift`. The recovcheck binary compiles them into its cache on first use, so
/// it needs no library beside it and the embedded copy can never drift from `Sources/` (it is
/// regenerated whenever one of those files changes).
@main
struct EmbedDSLSources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        var inputs: [URL] = []
        for name in ["RecovIR", "RecovDSL"] {
            guard let target = try context.package.targets(named: [name]).first as? SourceModuleTarget else {
                throw EmbedError(description: "the package has no \(name) source target")
            }
            inputs += target.sourceFiles(withSuffix: "swift").map(\.url).sorted { $0.path < $1.path }
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedDSLSources.swift")
        return [
            .buildCommand(
                displayName: "Embedding the RecovDSL sources",
                executable: try context.tool(named: "recovcheck-embed").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}

struct EmbedError: Error, CustomStringConvertible {
    var description: String
}
