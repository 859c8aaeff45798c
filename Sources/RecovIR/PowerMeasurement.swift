/// When governance voting power is measured.
public enum PowerMeasurement: String, Codable, Hashable, Sendable {
    /// At a snapshot taken before the proposal: power borrowed later does not count.
    case snapshot
    /// At execution time: power borrowed within the executing block counts.
    case execution
}
