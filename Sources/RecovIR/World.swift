/// One checking scenario: a procedure together with its model and incident, with name lookups resolved.
public struct World: Sendable {
    public let model: Model
    public let incident: Incident
    public let procedure: Procedure
    /// Entities the attacker controls; they count as one entity, the attacker.
    public let compromised: Set<String>
    /// Entities that may act alone outside the procedure (`Insider`), in declaration order; they
    /// stay honest (they run procedure steps) and are not the attacker.
    public let insiders: [String]
    /// All actions the environment can take: the model's and the incident's attacks.
    public let attacks: [Action]

    public init(model: Model, incident: Incident, procedure: Procedure) {
        self.model = model
        self.incident = incident
        self.procedure = procedure
        self.compromised = Set(incident.compromised)
        var seen: Set<String> = []
        self.insiders = incident.insiders.map(\.entity).filter { seen.insert($0).inserted }
        self.attacks = incident.attacks
    }

    /// Builds the world for `procedure` of `program` (the program must have passed validation).
    public init?(program: Program, procedure: Procedure) {
        guard let m = program.model(named: procedure.model), let i = program.incident(named: procedure.incident) else {
            return nil
        }
        self.init(model: m, incident: i, procedure: procedure)
    }

    public var honestEntities: [String] { model.entities.map(\.name).filter { !compromised.contains($0) } }

    /// Roles that some action or step exercises and that are privileged (not `anyone`),
    /// in declaration order.
    public var privilegedRoles: [Role] {
        let used = Set(model.actions.flatMap(\.by) + procedure.steps.map(\.role))
        return model.roles.filter { used.contains($0.name) && $0.isPrivileged }
    }

    /// The privileged roles (declared, not `anyone`) that may take `action`, in its order.
    public func privilegedRoles(of action: Action) -> [String] {
        action.by.filter { model.role($0)?.isPrivileged ?? false }
    }

    /// The roles open to `anyone` that may take `action`, in its order.
    public func openRoles(of action: Action) -> [String] {
        action.by.filter { model.role($0)?.kind == .anyone }
    }

    /// Whether who satisfies a role can change: some action changes holders, grants or
    /// thresholds, or a role reads state (voting power or deposits as state variables).
    public var authorityIsDynamic: Bool {
        authorityReadsState
            || (model.actions + attacks).contains { a in
                a.effects.contains {
                    [.rotateKey, .grant, .revoke, .setThreshold, .rotateKeyTo, .grantTo, .revokeFrom].contains($0.kind)
                }
            }
    }

    /// Whether some role's satisfaction depends on state variables (`Role.Rule.stateReads`).
    public var authorityReadsState: Bool { model.roles.contains { !$0.rule.stateReads.isEmpty } }

    /// Amount of voting power the attacker can borrow for governance role `name`.
    public func borrowable(_ role: String) -> Int {
        incident.borrowable.filter { $0.role == role }.map(\.amount).reduce(0, +)
    }

    /// Actions any user account may call.
    public var userActions: [Action] { model.actions.filter(\.user) }

    /// Actions callable by an `anyone` role (permissionless, e.g. a keeper or a monitor's trigger).
    public var permissionlessActions: [Action] {
        model.actions.filter { a in !a.user && !openRoles(of: a).isEmpty }
    }

    /// Privileged actions (callable by some non-`anyone` role), which the attacker may call when it satisfies a role.
    public var privilegedActions: [Action] {
        model.actions.filter { !privilegedRoles(of: $0).isEmpty }
    }
}
