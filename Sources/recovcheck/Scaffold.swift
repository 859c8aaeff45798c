/// The files `recovcheck init` writes: a small passing example (the README's, split into a model
/// and a spec) and a Package.swift that lets editors complete the DSL.
enum Scaffold {
    /// Relative path and contents of each file, in the order they are written.
    static let files: [(path: String, contents: String)] = [
        ("models/Pool.swift", pool),
        ("specs/PauseOnBug.swift", pauseOnBug),
        ("Package.swift", packageManifest),
        (".gitignore", gitignore),
    ]

    static let pool = """
        import RecovDSL

        // State: bounded integers, flags, per-account amounts.
        let paused = Flag("paused", initial: false)
        let poolCash = IntVar("poolCash", 0...10_000_000)
        let stolen = IntVar("stolen", 0...10_000_000)
        let collateral = AccountMap("collateral", 0...1_000_000)

        // Authority: entities hold keys; roles say who must sign.
        let alpha = Entity("Alpha Security")
        let beta = Entity("Beta Capital")
        let gamma = Entity("Gamma Labs")
        let g1 = Key("guardian-1", heldBy: alpha)
        let g2 = Key("guardian-2", heldBy: beta)
        let g3 = Key("guardian-3", heldBy: gamma)
        let guardian = Role.multisig("guardian", threshold: 2, of: [g1, g2, g3])
        let dao = Role.governance("dao", powers: [alpha: 30, beta: 30, gamma: 40],
                                  supermajority: Fraction(1, 2), measuredAt: .snapshot)
        let admin = Role.timelock("admin", role: dao, minDelay: 2 * day)

        let pool = Model("Pool") {
            State(paused, poolCash, stolen, collateral)
            Entities(alpha, beta, gamma)
            Keys(g1, g2, g3)
            Roles(guardian, dao, admin)
            Action("pause", by: guardian, admin) { Require(!paused); Assign(paused, true) }
            Action("unpause", by: admin) { Require(paused); Assign(paused, false) }
            UserAction("withdraw") { ctx in
                let amount = ctx.int("amount", 1...1_000)
                Require(!paused && collateral[ctx.caller] >= amount)
                Assign(collateral[ctx.caller], collateral[ctx.caller] - amount)
            }
            Claim { a in collateral[a] }                 // what account a owns
            Invariant("cash", poolCash >= 0)
        }
        """

    static let pauseOnBug = """
        import RecovDSL

        let bug = Incident("ReentrancyBug", model: pool) {
            Attack("drain", while: !paused) { ctx in
                let amount = ctx.int("amount", 1...1_000)
                Require(poolCash >= amount)
                Require(stolen + amount <= 10_000_000)   // keeps the counter in its declared range
                Assign(poolCash, poolCash - amount)
                Assign(stolen, stolen + amount)
            }
        }

        let pauseOnBug = Procedure("PauseOnBug", model: pool, incident: bug) {
            Trigger(stolen > 0)
            Step("pause", action: "pause", by: guardian, within: 1 * hour) {
                Writes(paused)
                MaxDuration(paused, 8 * day)
            }
            Step("unpause", action: "unpause", by: admin, after: 2 * day, within: 7 * day) { Writes(paused) }
            Containment(paused, within: 1 * hour)
            Window(8 * day)
        }
        """

    static let packageManifest = """
        // swift-tools-version:5.9
        // For editor completion only (SourceKit-LSP, Xcode): recovcheck compiles models/ and specs/ itself.
        // The RecovDSL module is the one recovcheck compiled into its cache on first use, so run
        // `recovcheck specs` once before opening the project in an editor.
        import Foundation
        import PackageDescription

        let cache = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 + "/recovcheck" }
            ?? NSHomeDirectory() + "/.cache/recovcheck"
        // The most recently built DSL module (there is one per compiler version and DSL version).
        let dsl = ((try? FileManager.default.contentsOfDirectory(atPath: cache + "/dsl")) ?? [])
            .filter { !$0.hasPrefix(".") }
            .map { cache + "/dsl/" + $0 }
            .max { a, b in
                let da = (try? FileManager.default.attributesOfItem(atPath: a)[.modificationDate] as? Date) ?? .distantPast
                let db = (try? FileManager.default.attributesOfItem(atPath: b)[.modificationDate] as? Date) ?? .distantPast
                return da < db
            }

        let package = Package(
            name: "RecovSpecs",
            targets: [
                .target(name: "RecovSpec", path: ".", sources: ["models", "specs"],
                        swiftSettings: dsl.map { [.unsafeFlags(["-I", $0])] } ?? []),
            ]
        )
        """

    static let gitignore = """
        .build/
        .recovcheck-cache/
        .swiftpm/

        """
}
