import RecovDSL

// A model that uses every construct of the DSL, for the determinism runs (scripts/determinism.sh):
// its counterexamples go through maps, allowlists, rotations and thresholds, so any iteration
// over a Dictionary or a Set that reaches an output or the solver shows up as a difference
// between two runs. Not a realistic protocol.

let dcHour = 3_600
let dcDay = 86_400

let dcPaused = Flag("dcPaused", initial: false)
let dcFrozen = Flag("dcFrozen")
let dcCash = IntVar("dcCash", 0...1_000)
let dcStolen = IntVar("dcStolen", 0...1_000, initial: 0)
let dcPrice = IntVar("dcPrice", 1...100)
let dcRate = IntVar("dcRate", 0...100)
let dcBalance = AccountMap("dcBalance", 0...100)
let dcDebt = AccountMap("dcDebt", 0...100, initial: 0)

let dcA = Entity("DC Alpha")
let dcB = Entity("DC Beta")
let dcC = Entity("DC Gamma")
let dcD = Entity("DC Delta")
let dcK1 = Key("dc-1", heldBy: dcA)
let dcK2 = Key("dc-2", heldBy: dcB)
let dcK3 = Key("dc-3", heldBy: dcC)
let dcK4 = Key("dc-4", heldBy: dcD)

let dcGuardian = Role.multisig("dcGuardian", threshold: 2, of: [dcK1, dcK2, dcK3])
let dcOps = Role.key("dcOps", dcK4).allowUnilateral("the operations key may tune the rate alone")
let dcDao = Role.governance("dcDao", powers: [dcA: 30, dcB: 30, dcC: 40], supermajority: Fraction(1, 2),
                            quorum: Fraction(1, 4), measuredAt: .execution)
let dcAdmin = Role.timelock("dcAdmin", role: dcDao, minDelay: 2 * dcDay, vetoBy: dcGuardian)
let dcBoth = Role.allOf("dcBoth", [dcGuardian, dcOps])
let dcKeeper = Role.anyone("dcKeeper")

let dcModel = Model("DcAllConstructs") {
    State(dcPaused, dcFrozen, dcCash, dcStolen, dcPrice, dcRate, dcBalance, dcDebt)
    Entities(dcA, dcB, dcC, dcD)
    Keys(dcK1, dcK2, dcK3, dcK4)
    Allowlist(dcD, mayUse: dcK1)
    Allowlist(dcC, mayUse: dcK2)
    Roles(dcGuardian, dcOps, dcDao, dcAdmin, dcBoth, dcKeeper)
    MinCoalition(2)

    Action("dcPause", by: dcGuardian, dcAdmin) { Require(!dcPaused); Assign(dcPaused, true) }
    Action("dcUnpause", by: dcAdmin) { Require(dcPaused); Assign(dcPaused, false) }
    Action("dcSetRate", by: dcOps) { ctx in
        let rate = ctx.int("rate", 0...100)
        Assign(dcRate, rate)
    }
    Action("dcRotate", by: dcBoth) { RotateKey(dcK3, to: dcD) }
    Action("dcAllow", by: dcGuardian) { Grant(dcK3, to: dcA) }
    Action("dcDisallow", by: dcGuardian) { Revoke(dcK1, from: dcD) }
    Action("dcLowerThreshold", by: dcGuardian) { SetThreshold(dcGuardian, 1) }
    Action("dcPoke", by: dcKeeper) {
        Require(dcPrice < 10 || now % 7 == 0)
        Assign(dcRate, min(dcRate + 1, 100))
        Assign(dcFrozen, ite(dcPrice < 5, true, dcFrozen))
    }
    Action("dcLiquidate", by: dcKeeper) { ctx in
        let who = ctx.account("who")
        Require(dcDebt[who] * 2 > dcBalance[who] * max(dcPrice / 10, 1))
        Assign(dcBalance[who], dcBalance[who] - min(dcBalance[who], dcDebt[who]))
        AllowReduction { a in dcDebt[a] > 0 }
    }
    Action("dcSocialize", by: dcAdmin) {
        AssignAll(dcBalance) { a in dcBalance[a] / 2 }
    }
    UserAction("dcWithdraw") { ctx in
        let amount = ctx.int("amount", 1...50)
        let all = ctx.bool("all")
        Require(!dcPaused && dcBalance[ctx.caller] >= amount)
        Assign(dcBalance[ctx.caller], ite(all, 0, dcBalance[ctx.caller] - amount))
    }
    UserAction("dcBorrow") { ctx in
        let amount = ctx.int("amount", 1...10)
        Require(!dcPaused && !dcFrozen && dcDebt[ctx.caller] + amount <= 100)
        Assign(dcDebt[ctx.caller], dcDebt[ctx.caller] + amount)
    }
    Claim { a in dcBalance[a] }
    Assume("cashPositive", dcCash >= 1)
    Invariant("rateSaneWhilePaused", implies(dcPaused, dcRate <= 50))
}
