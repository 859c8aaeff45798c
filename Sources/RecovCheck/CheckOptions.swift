/// Settings of a check run that change results (and so are part of the result cache key).
public struct CheckOptions: Sendable, Hashable, Codable {
    /// Number of transitions unrolled.
    public var depth: Int
    /// Seconds each solver call may take before it answers unknown (0: no limit).
    public var timeoutSeconds: Double
    /// At most this many extra solver calls spent shrinking one counterexample.
    public var minimizationChecks: Int

    public init(depth: Int = 10, timeoutSeconds: Double = 60, minimizationChecks: Int = 64) {
        self.depth = depth
        self.timeoutSeconds = timeoutSeconds
        self.minimizationChecks = minimizationChecks
    }
}
