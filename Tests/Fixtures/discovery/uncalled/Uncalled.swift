import RecovDSL

// "Procedure(" in a comment or a string is not a call site.
let note = "Procedure(\"x\")"
struct NeverUsed {
    let p = Procedure("NeverCreated", model: dVault, incident: dBug) { Trigger(!dPaused) }
}
let used = pauseProcedure("Used")
