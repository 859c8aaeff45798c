import RecovDSL

// A cross-chain bridge vault: users lock tokens on this chain and are credited on the other.
// Releases from the vault need 4 of 7 validator keys, each held by a distinct operator; a
// watcher multisig (2 of 3 distinct monitoring firms) can pause releases; a fresh standby
// operator has been vetted to take over a validator seat. The validators can rotate seat 3's
// key to the standby operator (a pre-approved rotation).

let bridgePaused = Flag("bridgePaused", initial: false)
let bridgeLocked = IntVar("bridgeLocked", 0...100_000_000)     // tokens in the vault
let bridgeReleased = IntVar("bridgeReleased", 0...100_000_000) // tokens released by validator vote
let bridgeBalance = AccountMap("bridgeBalance", 0...1_000_000)  // each user's locked tokens

let bridgeOpA = Entity("Bridge Operator A")
let bridgeOpB = Entity("Bridge Operator B")
let bridgeOpC = Entity("Bridge Operator C")
let bridgeOpD = Entity("Bridge Operator D")
let bridgeOpE = Entity("Bridge Operator E")
let bridgeOpF = Entity("Bridge Operator F")
let bridgeOpG = Entity("Bridge Operator G")
let bridgeStandby = Entity("Bridge Standby Operator")
let bridgeWatchX = Entity("Bridge Watcher X")
let bridgeWatchY = Entity("Bridge Watcher Y")
let bridgeWatchZ = Entity("Bridge Watcher Z")

let bridgeKey1 = Key("bridge-validator-1", heldBy: bridgeOpA)
let bridgeKey2 = Key("bridge-validator-2", heldBy: bridgeOpB)
let bridgeKey3 = Key("bridge-validator-3", heldBy: bridgeOpC)
let bridgeKey4 = Key("bridge-validator-4", heldBy: bridgeOpD)
let bridgeKey5 = Key("bridge-validator-5", heldBy: bridgeOpE)
let bridgeKey6 = Key("bridge-validator-6", heldBy: bridgeOpF)
let bridgeKey7 = Key("bridge-validator-7", heldBy: bridgeOpG)
let bridgeWatchKeyX = Key("bridge-watcher-x", heldBy: bridgeWatchX)
let bridgeWatchKeyY = Key("bridge-watcher-y", heldBy: bridgeWatchY)
let bridgeWatchKeyZ = Key("bridge-watcher-z", heldBy: bridgeWatchZ)

let bridgeValidators = Role.multisig("bridgeValidators", threshold: 4,
                                     of: [bridgeKey1, bridgeKey2, bridgeKey3, bridgeKey4, bridgeKey5, bridgeKey6, bridgeKey7])
let bridgeWatchers = Role.multisig("bridgeWatchers", threshold: 2, of: [bridgeWatchKeyX, bridgeWatchKeyY, bridgeWatchKeyZ])

let bridgeModel = Model("BridgeVault") {
    State(bridgePaused, bridgeLocked, bridgeReleased, bridgeBalance)
    Entities(bridgeOpA, bridgeOpB, bridgeOpC, bridgeOpD, bridgeOpE, bridgeOpF, bridgeOpG, bridgeStandby,
             bridgeWatchX, bridgeWatchY, bridgeWatchZ)
    Keys(bridgeKey1, bridgeKey2, bridgeKey3, bridgeKey4, bridgeKey5, bridgeKey6, bridgeKey7,
         bridgeWatchKeyX, bridgeWatchKeyY, bridgeWatchKeyZ)
    Roles(bridgeValidators, bridgeWatchers)

    Action("pauseBridge", by: bridgeWatchers, bridgeValidators) {
        Require(!bridgePaused)
        Assign(bridgePaused, true)
    }
    Action("unpauseBridge", by: bridgeValidators) {
        Require(bridgePaused)
        Assign(bridgePaused, false)
    }
    Action("rotateSeat3ToStandby", by: bridgeValidators) {
        RotateKey(bridgeKey3, to: bridgeStandby)
    }
    // A release the validators sign for a withdrawal proven on the other chain: it pays out
    // tokens bridged back there, so it lowers no user's locked balance here.
    Action("release", by: bridgeValidators) { ctx in
        let amount = ctx.int("amount", 1...1_000_000)
        Require(!bridgePaused && bridgeLocked >= amount)
        Assign(bridgeLocked, bridgeLocked - amount)
        Require(bridgeReleased + amount <= IntExpr(100_000_000))   // modeling bound: keeps it in its declared range
        Assign(bridgeReleased, bridgeReleased + amount)
    }
    UserAction("lock") { ctx in
        let amount = ctx.int("amount", 1...10_000)
        Require(!bridgePaused)
        Require(bridgeBalance[ctx.caller] + amount <= IntExpr(1_000_000))   // modeling bound: keeps it in its declared range
        Assign(bridgeBalance[ctx.caller], bridgeBalance[ctx.caller] + amount)
        Require(bridgeLocked + amount <= IntExpr(100_000_000))   // modeling bound: keeps it in its declared range
        Assign(bridgeLocked, bridgeLocked + amount)
    }
    Claim { a in bridgeBalance[a] }
    Invariant("the vault never pays out more than it holds", bridgeLocked >= 0)
}
