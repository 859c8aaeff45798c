import RecovDSL

let flag = Flag("flag")

let broken = Model("Broken") {
    State(flag)
    Action("go", by: "owner") {
        Require(undefinedThing)
    }
}
