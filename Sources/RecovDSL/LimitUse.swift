import RecovIR

/// One `Spend` of a limit, checked against the model's `RateLimit` declarations.
struct LimitUse: Sendable {
    let name: String
    let max: Int
    let per: Int
    let loc: SourceLocation
}

/// A declared limit's (max, per), by name.
typealias LimitDeclarations = [String: (max: Int, per: Int)]

/// Diagnostics for spends of limits the model does not declare (or declares differently).
func limitUseDiagnostics(_ uses: [LimitUse], declared: LimitDeclarations, model: String) -> [Diag] {
    uses.compactMap { u in
        guard let d = declared[u.name] else {
            return Diag(
                loc: u.loc,
                message:
                    "Spend of rate limit '\(u.name)', which model '\(model)' does not declare (add RateLimit(\"\(u.name)\", max:per:) to its body)"
            )
        }
        guard d.max == u.max, d.per == u.per else {
            return Diag(
                loc: u.loc,
                message:
                    "Spend of rate limit '\(u.name)' with max \(u.max) per \(u.per)s, but model '\(model)' declares it with max \(d.max) per \(d.per)s"
            )
        }
        return nil
    }
}
