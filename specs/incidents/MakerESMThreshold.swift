import RecovDSL

// MakerDAO's Emergency Shutdown Module, threshold raised (expected to PASS).
// Facts: MKR holders deposit MKR into the ESM irreversibly (it is burned); once the deposits
// reach the module's threshold, anyone can fire Emergency Shutdown. The threshold was 50,000 MKR
// at launch (2019) and was raised by governance later. Assumptions (thousands of MKR, holder
// groups ours) in models/incidents/MakerESMModel.swift. A compromised whale deposits and buys to
// lower the bar: deposits reach at most 20 + 40 = 60, so the largest holder reaches 120 < 150,
// while the honest holders together (155) can always fire within a day.
// Expected: everything holds.

let mkGovernanceAttack = Incident("MakerGovernanceAttack", model: makerESM) {
    Compromised(mkWhale)
    Attack("mkWhaleDeposits", while: !mkShutdown) {
        Require(mkWhaleTokens > 0)
        Assign(mkDeposits, mkDeposits + mkWhaleTokens)
        Assign(mkWhaleTokens, 0)
    }
    Attack("mkWhaleBuys", while: !mkShutdown) {
        Require(mkMarket > 0)
        Assign(mkWhaleTokens, mkWhaleTokens + mkMarket)
        Assign(mkMarket, 0)
    }
}

let mkEmergencyShutdown = Procedure("MakerEmergencyShutdown", model: makerESM, incident: mkGovernanceAttack) {
    Trigger(!mkShutdown)
    Step("fire", action: "mkFire", by: mkESM, within: 1 * day) { Writes(mkShutdown) }
    Containment(mkShutdown, within: 1 * day)
}
