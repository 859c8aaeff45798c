import RecovDSL

// Hand-worked (issue 9, item 6): the attack `exploit` is live only while `bridgeAlarm` is above
// 10, but the alarm lies in 0...10 and nothing raises it, so the attack never fires within any
// depth; no assumption is to blame (its own `while:` can never be met). Before the fix every
// property held (exit 0). Right verdict: sanity error at the attack's line; exit 2.

let bridgeAlarm = IntVar("bridgeAlarm", 0...10)
let bridgeFunds = IntVar("bridgeFunds", 0...1_000)
let bridgeHalted = Flag("bridgeHalted", initial: false)
let bridgeDeposits = AccountMap("bridgeDeposits", 0...1_000)
let bridgeOpA = Entity("Bridge Op A")
let bridgeOpB = Entity("Bridge Op B")
let bridgeKeyA = Key("bridge-a", heldBy: bridgeOpA)
let bridgeKeyB = Key("bridge-b", heldBy: bridgeOpB)
let bridgeOps = Role.multisig("bridgeOps", threshold: 2, of: [bridgeKeyA, bridgeKeyB])

let bridgeModel = Model("AlarmBridge") {
    State(bridgeAlarm, bridgeFunds, bridgeHalted, bridgeDeposits)
    Entities(bridgeOpA, bridgeOpB)
    Keys(bridgeKeyA, bridgeKeyB)
    Roles(bridgeOps)
    Claim { a in bridgeDeposits[a] }
    Action("halt", by: bridgeOps) { Require(!bridgeHalted); Assign(bridgeHalted, true) }
    Invariant("fundsNonNegative", bridgeFunds >= 0)
}

let bridgeExploit = Incident("BridgeExploit", model: bridgeModel) {
    Attack("exploit", while: bridgeAlarm > 10) { ctx in
        let amount = ctx.int("amount", 1...10)
        Assign(bridgeFunds, bridgeFunds - amount)
    }
}

let bridgeHalt = Procedure("BridgeHalt", model: bridgeModel, incident: bridgeExploit) {
    Trigger(!bridgeHalted)
    Step("halt", action: "halt", by: bridgeOps, within: 3_600) { Writes(bridgeHalted) }
}
