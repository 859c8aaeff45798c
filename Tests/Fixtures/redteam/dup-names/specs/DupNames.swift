import RecovDSL
// Issue 9 class 3, held-out forms: two declarations under one name, in different Swift
// variables, each ambiguous in every report: an input error at its line (exit 2). Together only line 14 is reported;
// alone (checked by hand 2026-12-03): line 7, a second state variable "dnPaused"; line 9, a second entity "DN A";
// line 14: a second procedure named "DNPause" (from one helper called twice).
let dnPaused = Flag("dnPaused", initial: false)
let dnPausedAgain = Flag("dnPaused", initial: true)
let dnA = Entity("DN A"), dnB = Entity("DN B")
let dnA2 = Entity("DN A")
let dnK1 = Key("dn-k1", heldBy: dnA), dnK2 = Key("dn-k2", heldBy: dnB)
let dnGuardian = Role.multisig("dnGuardian", threshold: 2, of: [dnK1, dnK2])
func dnMake(file: String = #filePath, line: Int = #line) -> Procedure { Procedure("DNPause", model: dnModel, incident: dnIncident, file: file, line: line) { Trigger(!dnPaused); Step("pause", action: "dnPause", by: dnGuardian, within: 600) { Writes(dnPaused) } } }
let dnFirst = dnMake()
let dnSecond = dnMake()
let dnModel = Model("DupNames") {
    State(dnPaused, dnPausedAgain)
    Entities(dnA, dnB, dnA2)
    Keys(dnK1, dnK2)
    Roles(dnGuardian)
    Action("dnPause", by: dnGuardian) { Require(!dnPaused); Assign(dnPaused, true) }
    Claim { _ in IntExpr(0) }
}
let dnIncident = Incident("DN", model: dnModel) { Attack("dnPoke", while: !dnPaused) { Require(!dnPaused) } }
