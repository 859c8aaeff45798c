import RecovDSL

// FLAW (bounded-intervention): the rotation step declares the wrong key in its write set; the
// action actually re-assigns seat 3. Uses the shipped models.

let sloppyLeak = Incident("SloppyLeak", model: bridgeModel) {
    Compromised(bridgeOpC)
}

let sloppyRotation = Procedure("SloppyRotation", model: bridgeModel, incident: sloppyLeak) {
    Trigger(!bridgePaused)
    Step("pause", action: "pauseBridge", by: bridgeWatchers, within: 30 * minute) {
        Writes(bridgePaused)
    }
    Step("rotate", action: "rotateSeat3ToStandby", by: bridgeValidators, within: 1 * day) {
        Writes(bridgeKey1)
    }
    Containment(bridgePaused, within: 30 * minute)
    Window(1 * day + 30 * minute)
}
