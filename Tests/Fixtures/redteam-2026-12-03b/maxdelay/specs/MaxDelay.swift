import RecovDSL
// `maxDelay:` on a timelock. The README says it is rejected (the signature has no maxDelay:).
// Hand-worked: an input error (exit 2) at the Role.timelock call, line 8 (its argument maxDelay: is on line 9), never a pass and never silently ignored.
let mdPaused = Flag("mdPaused", initial: false)
let mdA = Entity("MD A"), mdB = Entity("MD B")
let mdK1 = Key("md-k1", heldBy: mdA), mdK2 = Key("md-k2", heldBy: mdB)
let mdGuardian = Role.multisig("mdGuardian", threshold: 2, of: [mdK1, mdK2])
let mdAdmin = Role.timelock(
    "mdAdmin", role: mdGuardian, minDelay: 1 * day, maxDelay: 2 * days, grace: 1 * day)
let mdModel = Model("MaxDelay") {
    State(mdPaused)
    Entities(mdA, mdB)
    Keys(mdK1, mdK2)
    Roles(mdGuardian, mdAdmin)
    Action("pause", by: mdAdmin) { Require(!mdPaused); Assign(mdPaused, true) }
    Claim { _ in IntExpr(0) }
}
let mdIncident = Incident("MD", model: mdModel) {
    Attack("mdPoke", while: !mdPaused) { Require(!mdPaused) }
}
let mdProcedure = Procedure("MDPause", model: mdModel, incident: mdIncident) {
    Trigger(!mdPaused)
    Step("pause", action: "pause", by: mdAdmin, within: 3 * days) { Writes(mdPaused) }
    Containment(mdPaused, within: 3 * days)
}
