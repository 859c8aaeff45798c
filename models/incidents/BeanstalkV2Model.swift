import RecovDSL

// Beanstalk, fixed governance design. Facts encoded (Beanstalk Farms post-mortem of 2022-04-17
// and the relaunch's governance changes): voting power is measured at a snapshot taken before the
// proposal (flash-borrowed power does not count), a proposal cannot execute in the block that
// passes it (we model this as a delay of at least the 1 day emergencyCommit already required),
// and the emergency path may only pause. Voting-power units as in the historical model (existing
// Stalk = 21); holder groups are generic. Amounts in $M.

let beanV2Paused = Flag("beanV2Paused", initial: false)
let beanV2SiloAssets = IntVar("beanV2SiloAssets", 0...300)
let beanV2CodeReplaced = Flag("beanV2CodeReplaced", initial: false)
let beanV2Deposits = AccountMap("beanV2Deposits", 0...1_000)

let beanV2Founders = Entity("Beanstalk founders (Publius)")
let beanV2LargeFarmers = Entity("Large Stalk holders")
let beanV2SmallFarmers = Entity("Small Stalk holders")

let beanV2Majority = Role.governance("beanV2Majority", powers: [beanV2Founders: 5, beanV2LargeFarmers: 8, beanV2SmallFarmers: 8],
                                     supermajority: Fraction(1, 2), quorum: Fraction(1, 2), measuredAt: .snapshot)
let beanV2Commit = Role.timelock("beanV2Commit", role: beanV2Majority, minDelay: 7 * day)
let beanV2EmergencyVote = Role.governance("beanV2EmergencyVote", powers: [beanV2Founders: 5, beanV2LargeFarmers: 8, beanV2SmallFarmers: 8],
                                          supermajority: Fraction(2, 3), quorum: Fraction(2, 3), measuredAt: .snapshot)
let beanV2Emergency = Role.timelock("beanV2Emergency", role: beanV2EmergencyVote, minDelay: 1 * day)

let beanstalkV2 = Model("BeanstalkV2") {
    State(beanV2Paused, beanV2SiloAssets, beanV2CodeReplaced, beanV2Deposits)
    Entities(beanV2Founders, beanV2LargeFarmers, beanV2SmallFarmers)
    Roles(beanV2Majority, beanV2Commit, beanV2EmergencyVote, beanV2Emergency)

    // Ordinary BIPs may still change anything, but only after the 7-day vote.
    Action("commit", by: beanV2Commit) { ctx in
        let newPaused = ctx.bool("newPaused")
        let newSiloAssets = ctx.int("newSiloAssets", 0...300)
        let newCode = ctx.bool("newCode")
        Assign(beanV2Paused, newPaused)
        Assign(beanV2SiloAssets, newSiloAssets)
        Assign(beanV2CodeReplaced, newCode)
    }
    // The emergency path can only pause.
    Action("emergencyPause", by: beanV2Emergency) {
        Assign(beanV2Paused, true)
    }
    UserAction("withdraw") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!beanV2Paused && beanV2Deposits[ctx.caller] >= amount)
        Assign(beanV2Deposits[ctx.caller], beanV2Deposits[ctx.caller] - amount)
    }
    Claim { a in beanV2Deposits[a] }
}
