import RecovDSL

let ready = Flag("ready")

let printing: Model = {
    print("hello from the spec's own stdout")
    return Model("Printing") {
        State(ready)
        Action("go", by: "owner") { Assign(ready, true) }
    }
}()
