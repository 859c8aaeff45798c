import RecovDSL

let limits: [String: Int] = [:]
let limit = limits["pause"]!
