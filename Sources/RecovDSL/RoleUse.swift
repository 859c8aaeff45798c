// A role handed to `Action(by:)`, `Step(by:)` or `BorrowableVotingPower` is used by name only: the
// definition that counts is the one in the model's `Roles(...)`. A use whose definition differs
// (a `.allowUnilateral` added at the use, another threshold under the same name) would be
// silently ignored, so it is reported at the use instead.
import RecovIR

/// One use of a role by name, with the definition it carried (nil for a reference by name).
struct RoleUse: Sendable {
    let name: String
    let signature: RecovIR.Role?
    let loc: SourceLocation
    let context: String
}

extension Role {
    /// The role's definition without its location; nil for a reference by name.
    var definitionSignature: RecovIR.Role? {
        guard var r = ir else { return nil }
        r.loc = .unknown
        return r
    }

    func use(at loc: SourceLocation, _ context: String) -> RoleUse {
        RoleUse(name: name, signature: definitionSignature, loc: loc, context: context)
    }
}

/// Diagnostics for uses whose definition differs from the declaration in `Roles(...)`.
/// Undeclared names are left to the validator ("unknown role").
func roleUseDiagnostics(_ uses: [RoleUse], declared: [String: RecovIR.Role]) -> [Diag] {
    uses.compactMap { u in
        guard let sig = u.signature, let d = declared[u.name], d != sig else { return nil }
        return Diag(
            loc: u.loc,
            message:
                "\(u.context): role '\(u.name)' differs from its declaration in Roles(...) (for example a .allowUnilateral added here); only the declaration counts, so change the declaration and refer to it"
        )
    }
}
