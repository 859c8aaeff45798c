import RecovDSL

// Issue 9, class 1: a privileged action whose role is `allOf([anyone])`, marked as acceptable for
// one entity (so no-unilateral-control is silent). Nobody is compromised, nothing is borrowed,
// authority never changes — and still anyone, the attacker included, can call it.
// Hand-worked verdicts: blast-radius VIOLATED (aoStolen 0 → 50 in one attacker call);
// no-collateral-loss VIOLATED (the claim, aoCash, drops); no-unilateral-control holds (allowed).
// Before the fix both held: the attacker was never offered the action (exit 0).

let aoPaused = Flag("aoPaused", initial: false)
let aoCash = IntVar("aoCash", 0...50, initial: 50)
let aoStolen = IntVar("aoStolen", 0...50, initial: 0)
let aoAlice = Entity("AO Alice")
let aoBob = Entity("AO Bob")
let aoK1 = Key("ao-k1", heldBy: aoAlice)
let aoK2 = Key("ao-k2", heldBy: aoBob)
let aoGuardian = Role.multisig("aoGuardian", threshold: 2, of: [aoK1, aoK2])
let aoOpen = Role.anyone("aoOpen")
let aoKeeper = Role.allOf("aoKeeper", [aoOpen]).allowUnilateral("a keeper job anyone may run")

let aoModel = Model("AllOfAnyonePool") {
    State(aoPaused, aoCash, aoStolen)
    Entities(aoAlice, aoBob)
    Keys(aoK1, aoK2)
    Roles(aoGuardian, aoOpen, aoKeeper)
    Action("aoPause", by: aoGuardian) { Require(!aoPaused); Assign(aoPaused, true) }
    Action("aoSkim", by: aoKeeper) {
        Require(!aoPaused && aoCash > 0)
        Assign(aoStolen, aoStolen + aoCash)
        Assign(aoCash, 0)
    }
    Claim { _ in aoCash }
}

let aoIncident = Incident("AO nothing compromised", model: aoModel) {}

let aoProcedure = Procedure("AOPause", model: aoModel, incident: aoIncident) {
    Trigger(!aoPaused)
    Step("pause", action: "aoPause", by: aoGuardian, within: 600) { Writes(aoPaused) }
    Containment(aoPaused, within: 600)
    BlastRadius(loss: aoStolen, max: 0)
}
