import Foundation
import PackagePlugin

/// Build-tool plugin: embeds the RecovDSL target's Swift sources into the target it is applied
/// to (RecovLoader), as a generated `EmbeddedDSLSources.swift`. The recovcheck binary compiles
/// them into its cache on first use, so it needs no library beside it and the embedded copy can
/// never drift from `Sources/RecovDSL` (it is regenerated whenever one of those files changes).
@main
struct EmbedDSLSources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let dsl = try context.package.targets(named: ["RecovDSL"]).first as? SourceModuleTarget else {
            throw EmbedError(description: "the package has no RecovDSL source target")
        }
        let inputs = dsl.sourceFiles(withSuffix: "swift").map(\.url).sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedDSLSources.swift")
        return [.buildCommand(displayName: "Embedding the RecovDSL sources",
                              executable: try context.tool(named: "recovcheck-embed").url,
                              arguments: [output.path] + inputs.map(\.path),
                              inputFiles: inputs,
                              outputFiles: [output])]
    }
}

struct EmbedError: Error, CustomStringConvertible {
    var description: String
}
