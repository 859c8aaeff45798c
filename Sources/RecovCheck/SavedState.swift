import RecovIR

/// A `State` with its allowlist in a fixed order, so saved files are byte-stable.
public struct SavedState: Codable, Sendable, Hashable {
    public var state: State

    public init(_ state: State) { self.state = state }

    private enum Keys: String, CodingKey {
        case ints, bools, maps, now, pc, triggerTime, lastStepTime, stepTimes, contained, holders, grants, thresholds
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        var s = State()
        s.ints = try c.decode([String: Int].self, forKey: .ints)
        s.bools = try c.decode([String: Bool].self, forKey: .bools)
        let maps = try c.decode([String: [String: Int]].self, forKey: .maps)
        for (m, entries) in maps {
            var out: [Int: Int] = [:]
            for (k, v) in entries {
                guard let a = Int(k) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .maps, in: c, debugDescription: "account '\(k)' of map '\(m)' is not an integer")
                }
                out[a] = v
            }
            s.maps[m] = out
        }
        s.now = try c.decode(Int.self, forKey: .now)
        s.pc = try c.decodeIfPresent(Int.self, forKey: .pc) ?? 0
        s.triggerTime = try c.decodeIfPresent(Int.self, forKey: .triggerTime) ?? s.now
        s.lastStepTime = try c.decodeIfPresent(Int.self, forKey: .lastStepTime) ?? s.now
        s.stepTimes = try c.decodeIfPresent([Int?].self, forKey: .stepTimes) ?? []
        s.contained = try c.decodeIfPresent(Bool.self, forKey: .contained) ?? false
        s.holders = try c.decodeIfPresent([String: String].self, forKey: .holders) ?? [:]
        s.grants = Set(try c.decodeIfPresent([Grant].self, forKey: .grants) ?? [])
        s.thresholds = try c.decodeIfPresent([String: Int].self, forKey: .thresholds) ?? [:]
        state = s
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let s = state
        try c.encode(s.ints, forKey: .ints)
        try c.encode(s.bools, forKey: .bools)
        try c.encode(
            s.maps.mapValues { m in Dictionary(uniqueKeysWithValues: m.map { (String($0.key), $0.value) }) },
            forKey: .maps)
        try c.encode(s.now, forKey: .now)
        try c.encode(s.pc, forKey: .pc)
        try c.encode(s.triggerTime, forKey: .triggerTime)
        try c.encode(s.lastStepTime, forKey: .lastStepTime)
        try c.encode(s.stepTimes, forKey: .stepTimes)
        try c.encode(s.contained, forKey: .contained)
        try c.encode(s.holders, forKey: .holders)
        try c.encode(s.grants.sorted(), forKey: .grants)
        try c.encode(s.thresholds, forKey: .thresholds)
    }
}
