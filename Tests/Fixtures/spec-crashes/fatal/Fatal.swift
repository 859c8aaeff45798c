import RecovDSL

func budget() -> Int {
    fatalError("no budget configured")
}
let configured = budget()
