import RecovDSL
let gi = Incident("Phish", model: gm) {
    Compromised(gHotDesk)
    Attack("phishGrant", while: true) { Grant(gTreasury, to: gHotDesk) }
}
let gp = Procedure("GrantDots", model: gm, incident: gi) {
    Trigger(!gFlag)
    Step("offboard", action: "offboard", by: gCouncil, within: 1 * hour) { Writes(gFlag, gTreasuryHot) }
}
