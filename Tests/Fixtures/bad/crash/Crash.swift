import RecovDSL

let crashing: Model = {
    fatalError("boom from the spec")
}()
