import RecovDSL

// Flawed fixture (see the FLAW comment in this folder's models or specs): a copy of the shipped spec.

// Incident: key compromise. Bridge Operator C's validator key leaks; the attacker now signs
// as operator C (one of the 4-of-7 validator seats).
// Procedure: key rotation. The watchers (2 of 3 distinct firms) pause releases within 30 minutes;
// the six honest validators rotate seat 3 to the vetted standby operator within a day, declaring
// the key as the step's only write; they unpause within two days of the rotation.
// The checker proves: in every reachable state — before, during and after the rotation — no
// single entity, the attacker included, controls 4 validator keys or 2 watcher keys (authority
// changes, so this is checked over the trace); the rotation changes only seat 3's holder; the
// pause ends within 3 days; no user's locked balance drops; releases stop within 30 minutes; and
// the attacker releases nothing (blast radius 0).

let bridgeKeyLeak = Incident("BridgeValidatorKeyLeak", model: bridgeModel) {
    Compromised(bridgeOpC)
}

let rotateLeakedValidatorKey = Procedure("RotateLeakedValidatorKey", model: bridgeModel, incident: bridgeKeyLeak) {
    Trigger(!bridgePaused)
    Step("pause", action: "pauseBridge", by: bridgeWatchers, within: 30 * minute) {
        Writes(bridgePaused)
        MaxDuration(bridgePaused, 3 * day)
    }
    Step("rotate", action: "rotateSeat3ToStandby", by: bridgeValidators, within: 1 * day) {
        Writes(bridgeKey3)
    }
    Step("unpause", action: "unpauseBridge", by: bridgeValidators, within: 2 * day) {
        Writes(bridgePaused)
    }
    Containment(bridgePaused, within: 30 * minute)
    BlastRadius(loss: bridgeReleased, max: 0)
    Window(3 * day + 30 * minute)
}
