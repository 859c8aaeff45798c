import RecovDSL

let total = IntVar("total", 0...10)

let bad = Model("Bad") {
    State(total)
    Action("go", by: "owner") {
        Assign(total + 1, 3)
    }
}
