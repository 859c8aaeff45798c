import RecovDSL

func spin() -> Int {
    var n = 0
    while n >= 0 { n = (n + 1) % 1_000 }
    return n
}

let forever: Model = {
    _ = spin()
    return Model("Forever") {}
}()
