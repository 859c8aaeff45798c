import RecovDSL

let signers: [String] = []
let firstSigner = signers[3]
