// A role handed to `Action(by:)`, `Step(by:)` or `BorrowableVotingPower` is used by name only: the
// definition that counts is the one in the model's `Roles(...)`. A use whose definition differs
// (a `.allowUnilateral` added at the use, another threshold under the same name) would be
// silently ignored, so it is reported at the use instead.

/// One use of a role by name, with the definition it carried (nil for a reference by name).
struct RoleUse: Sendable {
    let name: String
    let signature: String?
    let loc: Loc
    let context: String
}

extension Role {
    /// The role's definition as wire JSON without its location; nil for a reference by name.
    var definitionSignature: String? { node.map { $0.json(name: name, loc: .unknown).rendered } }

    func use(at loc: Loc, _ context: String) -> RoleUse {
        RoleUse(name: name, signature: definitionSignature, loc: loc, context: context)
    }
}

/// Diagnostics for uses whose definition differs from the declaration in `Roles(...)`.
/// Undeclared names are left to the validator ("unknown role").
func roleUseDiagnostics(_ uses: [RoleUse], declared: [String: String]) -> [Diag] {
    uses.compactMap { u in
        guard let sig = u.signature, let d = declared[u.name], d != sig else { return nil }
        return Diag(loc: u.loc, message: "\(u.context): role '\(u.name)' differs from its declaration in Roles(...) (for example a .allowUnilateral added here); only the declaration counts, so change the declaration and refer to it")
    }
}
