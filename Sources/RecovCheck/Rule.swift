/// The properties recovcheck checks, with their stable rule ids.
public enum Rule: String, CaseIterable, Codable, Sendable, Comparable {
    case noUnilateralControl = "no-unilateral-control"
    case boundedIntervention = "bounded-intervention"
    case noCollateralLoss = "no-collateral-loss"
    case containmentTime = "containment-time"
    case blastRadius = "blast-radius"
    case invariant = "invariant"
    case sanity = "sanity"

    /// One line: what the property demands.
    public var shortDescription: String {
        switch self {
        case .noUnilateralControl: return "No single entity or too-small coalition can satisfy a privileged role."
        case .boundedIntervention:
            return "Each emergency step writes only what it declares, within its bounds and time window."
        case .noCollateralLoss: return "No user's claim drops through anyone else's action."
        case .containmentTime: return "The protocol is contained within the procedure's time budget after the trigger."
        case .blastRadius: return "No trace loses more value than the procedure's blast-radius budget."
        case .invariant: return "The model's and the procedure's invariants hold in every reachable state."
        case .sanity: return "The assumptions are consistent, every step can run, and every premise is reachable."
        }
    }

    /// A paragraph for reports and SARIF rule help.
    public var fullDescription: String {
        switch self {
        case .noUnilateralControl:
            return
                "For every privileged role used by an action or procedure step, no coalition of fewer entities than the model's minimum coalition size can satisfy it in any reachable state. Keys held by one entity, allowlists and delegations, compromised entities (which join the attacker and count as one entity), voting power borrowed within one block, and authority changed over several steps (escalation) are all taken into account."
        case .boundedIntervention:
            return
                "Each procedure step writes only the variables, keys and roles it declares; declared ranges and maximum changes hold after the step; conditions bounded by a maximum duration (such as a pause) end in time; the procedure finishes within its window; and no pending step can be blocked at its deadline."
        case .noCollateralLoss:
            return
                "For a symbolic representative account (so for every account), no transition that the account did not initiate lowers its claim, unless the action declares the reduction allowed and its condition holds."
        case .containmentTime:
            return
                "From the trigger, the containment condition is reached before the time budget runs out, and no step blocks before containment. Procedure steps are prompt: time cannot pass a pending step's deadline."
        case .blastRadius:
            return "The declared loss measure grows by no more than the budget over any trace."
        case .invariant:
            return
                "Every model invariant and procedure invariant holds in every reachable state, including the initial one."
        case .sanity:
            return
                "Checks that guard against vacuous passes: the initial assumptions are satisfiable, every procedure step can execute in some trace, and the containment condition is reachable."
        }
    }

    public static func < (a: Rule, b: Rule) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
