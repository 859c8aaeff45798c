import RecovDSL

let broken = Model("Broken") {
    State(undefinedVariable)
}
