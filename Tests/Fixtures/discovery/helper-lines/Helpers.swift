import RecovDSL

// Issue 14, part 8: procedures built by helper functions report their caller's line.
// The names are built at run time, so no string literal names them.
let hSuffix = "Pause"

func makePause(_ asset: String) -> Procedure {
    Procedure(asset + hSuffix, model: dVault, incident: dBug) {
        Trigger(!dPaused)
        Step("pause", action: "pause", by: dGuardian, within: 1 * hour) { Writes(dPaused) }
    }
}

let usdcPause = makePause("USDC")
let daiPause = makePause("DAI")

// A helper that forwards its caller's location: each element of the array reports its own line.
func makeForwardedPause(_ asset: String, file: String = #filePath, line: Int = #line) -> Procedure {
    Procedure(asset + hSuffix, model: dVault, incident: dBug, file: file, line: line) {
        Trigger(!dPaused)
        Step("pause", action: "pause", by: dGuardian, within: 1 * hour) { Writes(dPaused) }
    }
}

let forwarded = [
    makeForwardedPause("WETH"),
    makeForwardedPause("WBTC"),
]

// The discovery models' own helper, called once.
let hVault = pauseProcedure("HelperVault")
