/// Stores a set of grants and encodes it as a sorted array, so that every report, cache entry and
/// saved state holding a `State` is byte-identical run after run (a `Set`'s own order changes with
/// the process's hash seed).
@propertyWrapper
public struct SortedGrants: Hashable, Sendable, Codable {
    public var wrappedValue: Set<Grant>

    public init(wrappedValue: Set<Grant>) { self.wrappedValue = wrappedValue }

    public init(from decoder: Decoder) throws {
        wrappedValue = Set(try decoder.singleValueContainer().decode([Grant].self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(wrappedValue.sorted())
    }
}
