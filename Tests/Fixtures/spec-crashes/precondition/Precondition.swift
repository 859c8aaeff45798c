import RecovDSL

let threshold = 0
let checked: Int = {
    precondition(threshold > 0, "threshold must be positive")
    return threshold
}()
