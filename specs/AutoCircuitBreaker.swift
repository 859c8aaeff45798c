import RecovDSL

// Incident: a pricing bug lets an attacker redeem reserve tokens it never deposited, while
// redemptions are open and the fix is not deployed; every exploit redemption passes the token
// contract's hard cap on counted outflow.
// Procedure: an automated trigger. The monitor's condition (outflow above 100_000) lets anyone
// trip the pre-approved circuit breaker; the keeper bot must do so within one minute. The risk
// council (2 of 3 distinct firms) resumes redemptions with the fix within 6 hours.
// The checker proves: the only privileged role (the risk council) needs two firms; the trip
// writes only `abHalted`, the council's resume cannot be blocked and lands within 6 hours (the
// halt itself is not given a MaxDuration: a later alarm may legitimately trip it again); no
// holder's balance drops through anyone else's action; redemptions halt within one minute of the alarm; at most 50_000 more is
// stolen after the alarm (the hard cap minus the threshold); counted outflow never exceeds the cap.

let abPricingBug = Incident("RedemptionPricingBug", model: autoBreakerModel) {
    Attack("overRedeem", while: !abHalted && !abFixed) { ctx in
        let amount = ctx.int("amount", 1...1_000_000)
        Require(abReserve >= amount && abOutflow + amount <= IntExpr(abHardCap))
        Assign(abReserve, abReserve - amount)
        Assign(abOutflow, abOutflow + amount)
        Require(abStolen + amount <= IntExpr(100_000_000))   // modeling bound: keeps it in its declared range
        Assign(abStolen, abStolen + amount)
    }
}

let autoTripOnOutflow = Procedure("AutoTripOnOutflow", model: autoBreakerModel, incident: abPricingBug) {
    Trigger(abAlarm && !abHalted)
    Step("trip", action: "tripBreaker", by: abKeeper, within: 1 * minute) {
        Writes(abHalted)
    }
    Step("resume", action: "resumeAfterFix", by: abRiskCouncil, within: 6 * hour) {
        Writes(abHalted, abFixed, abOutflow)
        InRange(abOutflow, 0...0)
    }
    Containment(abHalted, within: 1 * minute)
    // An absolute budget (today's hard cap minus the threshold), not `abHardCap - abAlertThreshold`:
    // a budget derived from the model's constants would silently grow when the cap is raised.
    BlastRadius(loss: abStolen, max: 50_000)
    Window(6 * hour + 1 * minute)
}
