// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "recovcheck",
    products: [
        .executable(name: "recovcheck", targets: ["recovcheck"]),
        // For editors and packages that import the DSL; recovcheck itself compiles the DSL (and the
        // IR it builds) from the sources embedded in it (see EmbedDSLSources). Both stay stdlib-only.
        .library(name: "RecovDSL", type: .dynamic, targets: ["RecovDSL"]),
        .library(name: "RecovCheck", targets: ["RecovCheck"]),
        .plugin(name: "RecovcheckPlugin", targets: ["RecovcheckPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // The DSL builds IR values and writes them with the IR's own Codable: one wire schema.
        .target(name: "RecovDSL", dependencies: ["RecovIR"]),
        .target(name: "RecovIR"),
        // The loader carries the RecovIR and RecovDSL sources (embedded at build time by the plugin
        // below) and compiles them into its cache on first use: the binary works alone, from anywhere.
        .target(name: "RecovLoader", dependencies: [
            "RecovIR",
            "RecovHash",
            "RecovProcess",
        ], plugins: ["EmbedDSLSources"]),
        .executableTarget(name: "recovcheck-embed"),
        .plugin(name: "EmbedDSLSources", capability: .buildTool(), dependencies: ["recovcheck-embed"]),
        // The one process runner (spec program, sandbox probe, compiler, git) and program lookup.
        // Spawns through swift-subprocess.
        .target(name: "RecovProcess", dependencies: [
            "CSpawn", .product(name: "Subprocess", package: "swift-subprocess"),
        ]),
        // What swift-subprocess does not offer: the child subreaper, and the malloc thresholds
        // recovcheck sets at start-up.
        .systemLibrary(name: "CSpawn"),
        // SHA-256 for cache keys, approvals and fingerprints, from the system's OpenSSL.
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "RecovHash", dependencies: ["COpenSSL"]),
        .systemLibrary(name: "CZ3", pkgConfig: "z3", providers: [.apt(["libz3-dev"])]),
        .target(name: "RecovSMT", dependencies: ["CZ3"]),
        .target(name: "RecovCheck", dependencies: ["RecovIR", "RecovSMT"]),
        .target(name: "RecovReport", dependencies: ["RecovIR", "RecovCheck"]),
        // The CI gate: result cache, approvals, sharding, redaction.
        .target(name: "RecovGate", dependencies: [
            "RecovIR", "RecovCheck", "RecovReport",
            "RecovHash",
        ]),
        // `swift package recovcheck [args]`: runs the built tool (default: on specs/).
        .plugin(name: "RecovcheckPlugin",
                capability: .command(intent: .custom(verb: "recovcheck",
                                                     description: "Check the incident-recovery procedures in specs/ with recovcheck")),
                dependencies: ["recovcheck"]),
        .executableTarget(name: "recovcheck", dependencies: [
            "RecovIR", "RecovLoader", "RecovCheck", "RecovReport", "RecovGate", "RecovProcess", "RecovSMT", "CSpawn",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Runs real programs for the tests (the recovcheck binary, python3, z3) through swift-subprocess.
        .target(name: "RecovTestSupport", dependencies: [.product(name: "Subprocess", package: "swift-subprocess")],
                path: "Tests/TestSupport"),
        .testTarget(name: "RecovIRTests", dependencies: ["RecovIR"]),
        .testTarget(name: "RecovSMTTests", dependencies: ["RecovSMT"]),
        .testTarget(name: "RecovCheckTests", dependencies: ["RecovIR", "RecovSMT", "RecovCheck", "RecovLoader", "RecovReport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["recovcheck", "RecovIR", "RecovTestSupport"]),
        .testTarget(name: "RecovDSLTests", dependencies: ["RecovDSL", "RecovIR"]),
        .testTarget(name: "RecovLoaderTests", dependencies: ["RecovLoader", "RecovIR", "RecovDSL"]),
        // Renderers in-process against golden files (Tests/RecovReportTests/Goldens).
        .testTarget(name: "RecovReportTests", dependencies: ["RecovIR", "RecovCheck", "RecovReport", "RecovGate"],
                    exclude: ["Goldens"]),
        .testTarget(name: "RecovGateTests", dependencies: ["RecovGate", "RecovIR", "RecovCheck", "RecovReport", "RecovLoader", "RecovTestSupport"]),
        .testTarget(name: "DifferentialTests", dependencies: ["RecovIR", "RecovCheck"]),
    ]
)
