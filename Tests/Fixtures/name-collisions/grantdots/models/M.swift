import RecovDSL
// HAND TRUTH: no-unilateral-control VIOLATED at depth 1: the attacker (compromised "hot.desk",
// holder of key "ops") runs phishGrant, gets key "treasury"'s power and alone controls 2 of 3
// council keys. The allowlist pairs (treasury, hot.desk) and (treasury.hot, desk) both have the
// Z3 name "grant.treasury.hot.desk@i", so the encoding ties them together and hides the grant.
let gB = Entity("B")
let gC = Entity("C")
let gHotDesk = Entity("hot.desk")
let gDesk = Entity("desk")
let gTreasury = Key("treasury", heldBy: gB)
let gTreasuryHot = Key("treasury.hot", heldBy: gC)
let gOps = Key("ops", heldBy: gHotDesk)
let gCouncil = Role.multisig("council", threshold: 2, of: [gTreasury, gTreasuryHot, gOps])
let gFlag = Flag("offboarded", initial: false)
let gBal = AccountMap("gbal", 0...100)
let gm = Model("GrantDots") {
    State(gFlag, gBal)
    Entities(gB, gC, gHotDesk, gDesk)
    Keys(gTreasury, gTreasuryHot, gOps)
    Roles(gCouncil)
    Action("offboard", by: gCouncil) { Revoke(gTreasuryHot, from: gDesk); Assign(gFlag, true) }
    Claim { a in gBal[a] }
}
