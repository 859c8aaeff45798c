import RecovDSL

// Overflow site: governance `power * denominator`. Whale holds 10^15 of 10^15 + 1 votes and the
// supermajority is 999_999_999_999_999/10^15 (constants at the documented limit):
// 10^15 * 10^15 >= (10^15 - 1) * (10^15 + 1), so Whale alone passes proposals:
// no-unilateral-control is violated (exit 1), never a crash.
let ogWhale = Entity("Whale")
let ogMinnow = Entity("Minnow")
let ogDone = Flag("done", initial: false)
let ogDao = Role.governance("dao", powers: [ogWhale: 1_000_000_000_000_000, ogMinnow: 1],
                            supermajority: Fraction(999_999_999_999_999, 1_000_000_000_000_000), measuredAt: .snapshot)

let ogModel = Model("Dao") {
    State(ogDone)
    Entities(ogWhale, ogMinnow)
    Roles(ogDao)
    Action("execute", by: ogDao) { Assign(ogDone, true) }
}

let ogIncident = Incident("Nothing", model: ogModel) {
    Attack("noop", while: !ogDone) { Require(!ogDone) }
}

let ogProc = Procedure("OverflowGovernance", model: ogModel, incident: ogIncident) {
    Trigger(!ogDone)
    Step("execute", action: "execute", by: ogDao, within: 3600) { Writes(ogDone) }
}
