import RecovDSL

// Same private name as in Forms.swift: each file's privates are read through its own import.
private let privateLet = pauseProcedure("PrivateLetOtherFile")
fileprivate let filePrivate = pauseProcedure("FilePrivate")
extension Model { static let extensionStatic = pauseProcedure("ExtensionStatic") }
struct Catalogue { static var computed: [Procedure] { [pauseProcedure("ComputedStatic")] } }
