import RecovDSL

// Two procedures over the all-constructs model (see models/AllConstructsModel.swift).

let dcIncident = Incident("DcIncident", model: dcModel) {
    Compromised(dcC)
    Attack("dcDrain", while: !dcPaused) { ctx in
        let amount = ctx.int("amount", 1...100)
        Require(dcCash >= amount)
        Assign(dcCash, dcCash - amount)
        Assign(dcStolen, dcStolen + amount)
    }
    Oracle(dcPrice, 1...100)
    BorrowableVotingPower(dcDao, 50)
    Assume("notYetPaused", !dcPaused)
}

let dcPauseAndRotate = Procedure("DcPauseAndRotate", model: dcModel, incident: dcIncident) {
    Trigger(dcStolen > 0 || now % 2 == 0)
    Step("pause", action: "dcPause", by: dcGuardian, within: dcHour) {
        Writes(dcPaused)
        MaxDuration(dcPaused, 3 * dcDay)
    }
    Step("rotate", action: "dcRotate", by: dcBoth, within: dcDay) { Writes(dcK3) }
    Step("rate", action: "dcSetRate", by: dcOps, within: dcDay, args: ["rate": 5]) {
        Writes(dcRate)
        InRange(dcRate, 0...10)
        MaxChange(dcRate, 50)
    }
    Step("unpause", action: "dcUnpause", by: dcAdmin, after: 2 * dcDay, within: 3 * dcDay) { Writes(dcPaused) }
    Containment(dcPaused, within: dcHour)
    BlastRadius(loss: dcStolen, max: 150)
    Window(6 * dcDay)
    Invariant("cashLeft", dcCash >= 0 && dcCash - dcStolen <= 1_000)
}

let dcOracleKeeper = Procedure("DcOracleKeeper", model: dcModel, incident: dcIncident) {
    Trigger(dcPrice < 20 && dcRate == 0)
    Step("poke", action: "dcPoke", by: dcKeeper, within: dcHour) { Writes(dcRate, dcFrozen) }
    Containment(dcRate > 0 || dcPaused, within: dcHour)
}
