import RecovDSL

// Yearn v2 emergency shutdown (expected to PASS).
// Facts: Yearn v2 Vault.vy (`setEmergencyShutdown`: guardian or governance to activate, only
// governance to deactivate; `deposit` asserts not shutdown; `withdraw` does not; `setGuardian` by
// guardian or governance). A strategy is losing funds; the guardian shuts the vault within an
// hour; governance (ychad.eth, 6 of 9) switches shutdown off within two weeks. A second scenario:
// the guardian key itself is compromised — the attacker can only shut down or replace the guardian,
// and governance still runs the procedure. Users' claims never drop (withdrawals stay open).

let yearnStrategyLoss = Incident("YearnStrategyLoss", model: yearnV2) {
    Attack("strategyLoss", while: !yearnShutdown) { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(yearnTotalAssets >= amount)
        Assign(yearnTotalAssets, yearnTotalAssets - amount)
        Require(yearnLost + amount <= IntExpr(10_000))   // modeling bound: keeps it in its declared range
        Assign(yearnLost, yearnLost + amount)
    }
}

let yearnGuardianShutdown = Procedure("YearnV2GuardianShutdown", model: yearnV2, incident: yearnStrategyLoss) {
    Trigger(yearnLost > 0 && !yearnShutdown)
    Step("shutdown", action: "enableEmergencyShutdown", by: yearnGuardian, within: 1 * hour) {
        Writes(yearnShutdown)
        MaxDuration(yearnShutdown, 15 * day)
    }
    Step("reopen", action: "disableEmergencyShutdown", by: yearnGovernance, after: 1 * day, within: 14 * day) {
        Writes(yearnShutdown)
    }
    Containment(yearnShutdown, within: 1 * hour)
}

let yearnGuardianCompromised = Incident("YearnGuardianCompromised", model: yearnV2) {
    Compromised(yearnGuardianEntity)
    Attack("strategyLoss", while: !yearnShutdown) { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(yearnTotalAssets >= amount)
        Assign(yearnTotalAssets, yearnTotalAssets - amount)
        Require(yearnLost + amount <= IntExpr(10_000))   // modeling bound: keeps it in its declared range
        Assign(yearnLost, yearnLost + amount)
    }
}

let yearnGovernanceShutdown = Procedure("YearnV2GovernanceShutdown", model: yearnV2, incident: yearnGuardianCompromised) {
    Trigger(yearnLost > 0 && !yearnShutdown)
    Step("shutdown", action: "enableEmergencyShutdown", by: yearnGovernance, within: 6 * hour) {
        Writes(yearnShutdown)
    }
    Step("replaceGuardian", action: "setGuardian", by: yearnGovernance, within: 1 * day) {
        Writes(yearnGuardianKey)
    }
    Containment(yearnShutdown, within: 6 * hour)
}
