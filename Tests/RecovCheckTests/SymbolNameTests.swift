import Testing

@testable import RecovCheck

@Suite struct SymbolNameTests {
    @Test func escapingKeepsIdentifiersAndEncodesEverythingElse() {
        #expect(SymbolName.escape("pool_Cash9") == "pool_Cash9")
        #expect(SymbolName.escape("hot.desk") == "hot%2Edesk")
        #expect(SymbolName.escape("a@0") == "a%400")
        #expect(SymbolName.escape("Sky Mavis") == "Sky%20Mavis")
        #expect(SymbolName.escape("é") == "%C3%A9")
    }

    @Test func specNamesNeverMeetInternalOrEachOther() {
        // A state variable can never be named like an internal constant.
        for engineName in [
            "contained", "last", "pc", "now", "sel", "dur", "caller", "violation", "bad", "time.0", "account",
        ] {
            #expect(SymbolName.stateVariable(engineName) != engineName)
            #expect(SymbolName.stateVariable(engineName).hasPrefix("v."))
        }
        // Dotted key and entity names no longer join into the same allowlist entry.
        #expect(
            SymbolName.grant(key: "treasury", entity: "hot.desk")
                != SymbolName.grant(key: "treasury.hot", entity: "desk"))
        #expect(SymbolName.coalitionMember("attacker") != "coalition.attacker")
    }
}
