import RecovDSL

let ready = Flag("ready")
let onlyModel = Model("OnlyModel") {
    State(ready)
}
