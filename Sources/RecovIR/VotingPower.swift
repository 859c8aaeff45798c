/// One entity's share of governance voting power.
public struct VotingPower: Codable, Hashable, Sendable {
    public var entity: String
    public var power: Int
    public init(entity: String, power: Int) {
        self.entity = entity
        self.power = power
    }
}
