import RecovDSL
// Two Assigns to one scalar in one action (line 21 then line 22). Effects all read the state before
// the action, so one of the two writes has no effect. docs/semantics.md, Declarations: "Every
// declaration changes the check or is an error at its file:line; nothing is dropped silently."
// Hand-worked: an input error at line 22 (or line 21), exit 2. (If the last write silently wins,
// daStolen becomes 0 and blast-radius holds; if the first wins, 50 is stolen: VIOLATED. Which one
// the designer meant cannot be known, so a pass is not right.)
let daPaused = Flag("daPaused", initial: false)
let daStolen = IntVar("daStolen", 0...100, initial: 0)
let daA = Entity("DA A"), daB = Entity("DA B")
let daK1 = Key("da-k1", heldBy: daA), daK2 = Key("da-k2", heldBy: daB)
let daGuardian = Role.multisig("daGuardian", threshold: 2, of: [daK1, daK2])
let daKeeper = Role.anyone("daKeeper").allowUnilateral("keeper settles")
let daModel = Model("DoubleAssign") {
    State(daPaused, daStolen)
    Entities(daA, daB)
    Keys(daK1, daK2)
    Roles(daGuardian, daKeeper)
    Action("pause", by: daGuardian) { Require(!daPaused); Assign(daPaused, true) }
    Action("settle", by: daKeeper) {
        Assign(daStolen, 50)
        Assign(daStolen, 0)
    }
    Claim { _ in IntExpr(0) }
}
let daIncident = Incident("DA", model: daModel) {
    Attack("daPoke", while: !daPaused) { Require(!daPaused) }
}
let daProcedure = Procedure("DAPause", model: daModel, incident: daIncident) {
    Trigger(!daPaused && daStolen == 0)
    Step("pause", action: "pause", by: daGuardian, within: 1 * hour) { Writes(daPaused) }
    BlastRadius(loss: daStolen, max: 0)
}
