import RecovDSL
// A helper that builds a procedure with a fixed name, called twice (lines 29 and 30): two
// procedures with the same name. docs (Declarations, issue 9 class 3/4): duplicate procedure names
// are an input error. Hand-worked: exit 2, an error naming 'SNPause' as a duplicate; no verdicts.
let snPaused = Flag("snPaused", initial: false)
let snA = Entity("SN A"), snB = Entity("SN B")
let snK1 = Key("sn-k1", heldBy: snA), snK2 = Key("sn-k2", heldBy: snB)
let snGuardian = Role.multisig("snGuardian", threshold: 2, of: [snK1, snK2])
let snModel = Model("SameName") {
    State(snPaused)
    Entities(snA, snB)
    Keys(snK1, snK2)
    Roles(snGuardian)
    Action("pause", by: snGuardian) { Require(!snPaused); Assign(snPaused, true) }
    Claim { _ in IntExpr(0) }
}
let snIncident = Incident("SN", model: snModel) {
    Attack("snPoke", while: !snPaused) { Require(!snPaused) }
}
func snMake(within: Int) -> Procedure {
    Procedure("SNPause", model: snModel, incident: snIncident) {
        Trigger(!snPaused)
        Step("pause", action: "pause", by: snGuardian, within: within) { Writes(snPaused) }
        Containment(snPaused, within: 1 * hour)
    }
}
// The first is fine (within 10 minutes); the second (within 2h) violates containment-time
// (1h): dropping either silently would change the verdict.
let snFirst = snMake(within: 600)
let snSecond = snMake(within: 2 * hours)
