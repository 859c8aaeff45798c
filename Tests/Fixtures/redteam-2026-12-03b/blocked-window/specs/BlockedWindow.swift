import RecovDSL
// A step blocked for every account (no account can meet its guard) while a leak goes on, with a
// per-window (.fixed, 3h) budget. The trigger pins time to 0; the i-th leak (from 0) needs
// now >= (i + 1) hours: leaks at 1h, 2h, 3h, ... bwBal: every account starts at 5 (initial:).
// Hand-worked (docs/semantics.md, Prompt procedures; Accounts of a blocked step; Budgets per period):
// - BWBlocked: the step "freeze" needs an account a with bwBal[a] == 0; nothing changes bwBal and
//   every account holds 5: blocked at its deadline 1h: bounded-intervention VIOLATED,
//   containment-time VIOLATED. Time goes on: leaks at 1h and 2h fall in the first fixed window
//   [0, 3h): 2 > 1: blast-radius VIOLATED (only visible because time passes the blocked deadline).
// - BWInTime: the same with the guard bwBal[a] == 5: the step runs by 1h and freezes the leak; at
//   most the leak at 1h (the attacker may go first at the deadline): 1 <= 1: blast-radius holds,
//   bounded-intervention and containment-time hold.
// Both: the claim bwBal[a] reads a map nothing writes: no-collateral-loss n/a.
// Exit 1.
let bwBal = AccountMap("bwBal", 0...10, initial: 5)
let bwFrozen = Flag("bwFrozen", initial: false)
let bwLeaks = IntVar("bwLeaks", 0...100, initial: 0)
let bwA = Entity("BW A"), bwB = Entity("BW B")
let bwK1 = Key("bw-k1", heldBy: bwA), bwK2 = Key("bw-k2", heldBy: bwB)
let bwGuardian = Role.multisig("bwGuardian", threshold: 2, of: [bwK1, bwK2])
let bwModel = Model("BlockedWindow") {
    State(bwBal, bwFrozen, bwLeaks)
    Entities(bwA, bwB)
    Keys(bwK1, bwK2)
    Roles(bwGuardian)
    Action("freezeEmpty", by: bwGuardian) { ctx in
        let a = ctx.account("a")
        Require(!bwFrozen && bwBal[a] == 0)
        Assign(bwFrozen, true)
    }
    Action("freezeFive", by: bwGuardian) { ctx in
        let a = ctx.account("a")
        Require(!bwFrozen && bwBal[a] == 5)
        Assign(bwFrozen, true)
    }
    Claim { a in bwBal[a] }
}
let bwIncident = Incident("BW", model: bwModel) {
    Attack("bwLeak", while: !bwFrozen) {
        Require(bwLeaks < 100 && (bwLeaks + 1) * IntExpr(1 * hour) <= now)
        Assign(bwLeaks, bwLeaks + 1)
    }
}
let bwBlocked = Procedure("BWBlocked", model: bwModel, incident: bwIncident) {
    Trigger(!bwFrozen && now == 0)
    Step("freeze", action: "freezeEmpty", by: bwGuardian, within: 1 * hour) { Writes(bwFrozen) }
    Containment(bwFrozen, within: 1 * hour)
    BlastRadius(loss: bwLeaks, max: 1, per: 3 * hours, window: .fixed)
}
let bwInTime = Procedure("BWInTime", model: bwModel, incident: bwIncident) {
    Trigger(!bwFrozen && now == 0)
    Step("freeze", action: "freezeFive", by: bwGuardian, within: 1 * hour) { Writes(bwFrozen) }
    Containment(bwFrozen, within: 1 * hour)
    BlastRadius(loss: bwLeaks, max: 1, per: 3 * hours, window: .fixed)
}
