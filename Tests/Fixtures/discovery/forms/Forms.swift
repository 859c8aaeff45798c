import RecovDSL

// Issue 9 item 4: each of these forms compiled and was silently skipped by the old text scan.
let unrelated = 1, commaList = pauseProcedure("CommaList")
#if true
let insideIf = pauseProcedure("InsideIf")
#endif
enum Holder { static let staticLet = pauseProcedure("StaticLet") }
private let privateLet = pauseProcedure("PrivateLet")
let (tupleA, tupleB) = (pauseProcedure("TupleA"), pauseProcedure("TupleB"))
let dictionary: [String: Procedure] = ["d": pauseProcedure("InDictionary")]
let direct = Procedure("Direct", model: dVault, incident: dBug) {
    Trigger(!dPaused)
    Step("pause", action: "pause", by: dGuardian, within: 1 * hour) { Writes(dPaused) }
    Containment(dPaused, within: 1 * hour)
}
// Procedures disabled with an inactive #if are not compiled: never created, and not an error.
#if RECOVCHECK_NEVER_DEFINED
let disabled = Procedure("Disabled", model: dVault, incident: dBug) {
    Trigger(!dPaused)
}
#elseif os(Linux) && !os(Linux)
let alsoDisabled = Procedure("AlsoDisabled", model: dVault, incident: dBug) {
    Trigger(!dPaused)
}
#endif
