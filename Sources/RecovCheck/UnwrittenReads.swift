import RecovIR

/// Whether an expression a property measures can change at all: it reads the clock, or a state
/// variable that some action or attack assigns, or that an oracle move sets. A blast-radius loss
/// that can never change makes the rule pass whatever the procedure does — a vacuous pass, reported
/// as an error at the declaration; a claim that can never change leaves `no-collateral-loss`
/// nothing to check (docs/semantics.md, "Vacuity").
enum UnwrittenReads {
    /// The variables some transition of `world` can write: assignment targets and oracle moves.
    static func written(_ world: World) -> Set<String> {
        var out = Set(world.incident.oracles.map(\.target))
        for a in world.model.actions + world.attacks { out.formUnion(ConeOfInfluence.writes(a)) }
        return out
    }

    /// The variables `e` reads, sorted, when no transition can change its value; nil when it can
    /// change (it reads the clock or a written variable).
    static func constantReads(_ e: Expr, in world: World) -> [String]? {
        let reads = ConeOfInfluence.reads(e)
        guard !ConeOfInfluence.readsClock(e), reads.isDisjoint(with: written(world)) else { return nil }
        return reads.sorted()
    }

    /// Why the blast-radius budget would pass vacuously because its loss never changes; nil when
    /// it can change.
    static func blastRadiusVacuity(in world: World) -> (message: String, location: SourceLocation)? {
        guard let br = world.procedure.blastRadius, let vars = constantReads(br.loss, in: world) else { return nil }
        return (
            "the blast-radius loss \(br.loss) never changes: " + because(vars)
                + ", so blast-radius would pass vacuously, whatever the procedure does",
            br.loc
        )
    }

    /// Why `no-collateral-loss` has nothing to check in this world: the claim reads state that no
    /// transition writes, so no claim can drop. The claim is the model's, shared by every incident;
    /// in one whose transitions never touch it the rule does not apply (it is not a pass). A claim
    /// that reads no state at all (`Claim { _ in IntExpr(0) }`, a model with no per-account value)
    /// is left alone. Nil when the claim can change.
    static func claimNeverChanges(in world: World) -> String? {
        guard let claim = world.model.claim, let vars = constantReads(claim.expr, in: world), !vars.isEmpty else {
            return nil
        }
        return "the claim \(claim.expr) never changes in this procedure's world: " + because(vars)
            + ", so no claim can drop and there is nothing to check"
    }

    private static func because(_ vars: [String]) -> String {
        vars.isEmpty
            ? "it reads no state variable and not the clock"
            : "no action, attack or oracle move writes " + vars.map { "'\($0)'" }.joined(separator: ", ")
    }
}
