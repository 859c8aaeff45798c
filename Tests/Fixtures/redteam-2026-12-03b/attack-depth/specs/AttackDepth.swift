import RecovDSL
// An attack that needs 11 transitions to fire: a user action raises adCount by 1 (from 0), and the
// attack needs adCount >= 10. Trigger: adCount == 0.
// Hand-worked (docs/semantics.md, Vacuity: "An attack that needs more transitions than --depth to
// fire is reported as never firing: raise --depth"):
// - --depth 10: sanity ERROR naming the attack (line 26); blast-radius never a pass (ERROR, or
//   VIOLATED past --depth if Spacer derives it); exit 2 (or 1), never 0.
// - --depth 11: the attack fires at the 11th transition: sanity holds, blast-radius (max 0)
//   VIOLATED (adStolen 0 -> 1 after 10 bumps); exit 1.
let adCount = IntVar("adCount", 0...100, initial: 0)
let adStolen = IntVar("adStolen", 0...100, initial: 0)
let adDone = Flag("adDone", initial: false)
let adA = Entity("AD A"), adB = Entity("AD B")
let adK1 = Key("ad-k1", heldBy: adA), adK2 = Key("ad-k2", heldBy: adB)
let adGuardian = Role.multisig("adGuardian", threshold: 2, of: [adK1, adK2])
let adModel = Model("AttackDepth") {
    State(adCount, adStolen, adDone)
    Entities(adA, adB)
    Keys(adK1, adK2)
    Roles(adGuardian)
    Action("finish", by: adGuardian) { Require(!adDone); Assign(adDone, true) }
    UserAction("bump") { _ in Require(adCount < 100); Assign(adCount, adCount + 1) }
    Claim { _ in IntExpr(0) }
}
let adIncident = Incident("AD", model: adModel) {
    Attack("adSteal", while: BoolExpr(true)) { Require(adCount >= 10 && adStolen < 100); Assign(adStolen, adStolen + 1) }
}
let adProcedure = Procedure("ADLate", model: adModel, incident: adIncident) {
    Trigger(adCount == 0 && adStolen == 0)
    Step("finish", action: "finish", by: adGuardian, within: 600) { Writes(adDone) }
    BlastRadius(loss: adStolen, max: 0)
}
