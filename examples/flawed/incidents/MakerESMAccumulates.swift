import RecovDSL

// MakerDAO's Emergency Shutdown Module with a threshold that deposits can bring within one
// holder's reach (expected to FAIL).
// Facts: MKR deposited into the ESM is burned; once the deposits reach the threshold, the module
// fires Emergency Shutdown. Assumptions (thousands of MKR, holder groups ours): threshold 100;
// the Foundation holds 60, the Fund 50, the Community 45; earlier deposits hold at most 20; a
// compromised whale holds 25. At the trigger no holder reaches 100 alone (60 + 20), but once the
// whale deposits its 25, deposits are 45 and the Foundation alone reaches 105: every deposit
// lowers the bar for whoever comes last.
// Expected: no-unilateral-control VIOLATED after one attacker move (a deposit), naming one
// holder who fires the module alone; everything else holds.

let mkfShutdown = Flag("mkfShutdown", initial: false)
let mkfDeposits = IntVar("mkfDeposits", 0...500)
let mkfWhaleTokens = IntVar("mkfWhaleTokens", 0...40, initial: 25)
let mkfFoundation = Entity("MKF Foundation"), mkfFund = Entity("MKF Fund"), mkfCommunity = Entity("MKF Community")
let mkfWhale = Entity("MKF Whale")
let mkfESM = Role.shutdownModule("mkfESM", deposited: mkfDeposits, threshold: 100,
                                 holdings: [mkfFoundation: 60, mkfFund: 50, mkfCommunity: 45, mkfWhale: .state(mkfWhaleTokens)])

let makerESMLow = Model("MakerESMLowThreshold") {
    State(mkfShutdown, mkfDeposits, mkfWhaleTokens)
    Entities(mkfFoundation, mkfFund, mkfCommunity, mkfWhale)
    Roles(mkfESM)
    Action("mkfFire", by: mkfESM) { Assign(mkfShutdown, true) }
    Assume("earlier deposits", mkfDeposits <= 20)
    Claim { _ in IntExpr(0) }
}

let mkfGovernanceAttack = Incident("MakerGovernanceAttackLowThreshold", model: makerESMLow) {
    Compromised(mkfWhale)
    Attack("mkfWhaleDeposits", while: !mkfShutdown) {
        Require(mkfWhaleTokens > 0)
        Assign(mkfDeposits, mkfDeposits + mkfWhaleTokens)
        Assign(mkfWhaleTokens, 0)
    }
}

let mkfEmergencyShutdown = Procedure("MakerESMLowThresholdShutdown", model: makerESMLow, incident: mkfGovernanceAttack) {
    Trigger(!mkfShutdown)
    Step("fire", action: "mkfFire", by: mkfESM, within: 1 * day) { Writes(mkfShutdown) }
    Containment(mkfShutdown, within: 1 * day)
}
