import RecovDSL

// MakerDAO's Emergency Shutdown Module, with a threshold above what any holder and every deposit
// can reach (see specs/incidents/MakerESMThreshold.swift and the flawed
// examples/flawed/incidents/MakerESMAccumulates.swift). Figures in thousands of MKR (ours): the
// Foundation holds 60, the Fund 50, the Community 45; earlier deposits hold at most 20; a
// compromised whale holds 25 and can buy 15 more. Deposits are burned: no action lowers them.

let mkShutdown = Flag("mkShutdown", initial: false)
let mkDeposits = IntVar("mkDeposits", 0...500)
let mkWhaleTokens = IntVar("mkWhaleTokens", 0...40, initial: 25)
let mkMarket = IntVar("mkMarket", 0...15, initial: 15)
let mkFoundation = Entity("MK Foundation"), mkFund = Entity("MK Fund"), mkCommunity = Entity("MK Community")
let mkWhale = Entity("MK Whale")
let mkESM = Role.shutdownModule("mkESM", deposited: mkDeposits, threshold: 150,
                                holdings: [mkFoundation: 60, mkFund: 50, mkCommunity: 45, mkWhale: .state(mkWhaleTokens)])

let makerESM = Model("MakerESM") {
    State(mkShutdown, mkDeposits, mkWhaleTokens, mkMarket)
    Entities(mkFoundation, mkFund, mkCommunity, mkWhale)
    Roles(mkESM)
    Action("mkFire", by: mkESM) { Assign(mkShutdown, true) }
    Assume("earlier deposits", mkDeposits <= 20)
    Claim { _ in IntExpr(0) }
}
