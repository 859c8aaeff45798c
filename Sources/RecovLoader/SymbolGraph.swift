/// The parts of swiftc's symbol graph format (`-emit-symbol-graph`) the loader reads.
struct SymbolGraph: Decodable {
    struct Symbol: Decodable {
        struct Kind: Decodable { var identifier: String }
        struct Identifier: Decodable { var precise: String }
        struct Location: Decodable {
            struct Position: Decodable {
                var line: Int
                var character: Int
            }
            var uri: String
            var position: Position
        }
        struct Generics: Decodable {
            struct Parameter: Decodable { var name: String }
            var parameters: [Parameter]?
        }
        struct Extension: Decodable { var typeKind: String? }
        struct Fragment: Decodable {
            var kind: String
            var spelling: String
            var preciseIdentifier: String?
        }
        struct Availability: Decodable { var isUnconditionallyUnavailable: Bool? }
        var kind: Kind
        var identifier: Identifier
        var pathComponents: [String]
        var location: Location?
        var swiftGenerics: Generics?
        var swiftExtension: Extension?
        var declarationFragments: [Fragment]?
        var availability: [Availability]?
    }
    struct Relationship: Decodable {
        var kind: String
        var source: String
        var target: String
    }
    var symbols: [Symbol]
    var relationships: [Relationship]
}
