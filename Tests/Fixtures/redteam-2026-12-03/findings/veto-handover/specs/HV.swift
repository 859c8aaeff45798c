import RecovDSL
// FINDING (2026-12-03, minor: a false alarm, not a wrong pass): a veto is checked at the execution
// instant only, while the attacker's timelocked moves wait for no delay, so a veto that the honest
// held for the whole delay does not stop a drain executed right after it changes hands.
// hvCOp = timelock(key hv-kc (HV C, compromised), 1d, vetoBy: key hv-vk); hv-vk starts with the
// honest HV A; step 1 (within 1m of the trigger) hands it to HV C; step 2 pauses within 1h.
// Hand-worked: a drain queued before the handover is cancelled by HV A (it holds hv-vk during the
// delay); one queued after it executes 1d later, after the pause: blast-radius holds.
// recovcheck: VIOLATED, counterexample: handover at t+0s, then "the attacker calling drain() as
// hvCOp" at t+0s.
let hvPaused = Flag("hvPaused", initial: false)
let hvOut = IntVar("hvOut", 0...1_000, initial: 0)
let hvA = Entity("HV A"), hvB = Entity("HV B"), hvC = Entity("HV C")
let hvK1 = Key("hv-k1", heldBy: hvA), hvK2 = Key("hv-k2", heldBy: hvB), hvKC = Key("hv-kc", heldBy: hvC)
let hvVK = Key("hv-vk", heldBy: hvA)
let hvGuardian = Role.multisig("hvGuardian", threshold: 2, of: [hvK1, hvK2])
let hvCKey = Role.key("hvCKey", hvKC)
let hvVeto = Role.key("hvVeto", hvVK)
let hvCOp = Role.timelock("hvCOp", role: hvCKey, minDelay: 1 * day, vetoBy: hvVeto).allowUnilateral("ops")
let hvModel = Model("HV") {
    State(hvPaused, hvOut)
    Entities(hvA, hvB, hvC)
    Keys(hvK1, hvK2, hvKC, hvVK)
    Roles(hvGuardian, hvCKey, hvVeto, hvCOp)
    Action("handover", by: hvGuardian) { RotateKey(hvVK, to: hvC) }
    Action("pause", by: hvGuardian) { Require(!hvPaused); Assign(hvPaused, true) }
    Action("drain", by: hvCOp) { Require(!hvPaused && hvOut <= 900); Assign(hvOut, hvOut + 100) }
    Claim { _ in IntExpr(0) }
}
let hvIncident = Incident("HV C compromised", model: hvModel) {
    Compromised(hvC)
    Attack("hvPoke", while: !hvPaused) { Require(!hvPaused) }
}
let hvProc = Procedure("HVHandover", model: hvModel, incident: hvIncident) {
    Trigger(!hvPaused && hvOut == 0)
    Step("handover", action: "handover", by: hvGuardian, within: 1 * minute) { Writes(hvVK) }
    Step("pause", action: "pause", by: hvGuardian, within: 1 * hour) { Writes(hvPaused) }
    BlastRadius(loss: hvOut, max: 50)
}
