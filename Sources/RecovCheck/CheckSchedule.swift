import Foundation

/// The order in which a run starts its checks: the longest expected first (the "longest
/// processing time first" rule), so that with `--jobs 2` or more the run does not end with one
/// long check running alone while the other cores idle.
///
/// Only the order of starting changes: `Checker.outcomes` puts the results back in job order,
/// and each check is solved the same way whatever runs beside it, so reports are byte-identical
/// whatever the schedule. A cost is the CPU seconds the check took when last solved
/// (`history`, kept by the gate's `CheckDurations`); a check without one is estimated from its
/// rule (`ruleWeight`), scaled to the history's seconds. Equal costs keep job order.
public struct CheckSchedule: Sendable {
    /// CPU seconds each check took when last solved; checks never solved are absent (so are
    /// values that are not finite and non-negative: they are ignored).
    public var history: [CheckJob: Double]

    public init(history: [CheckJob: Double] = [:]) {
        self.history = history
    }

    /// The relative cost of a check of `rule` when nothing is known of it: roughly proportional
    /// to the shipped specs' mean per rule (docs/benchmarks.md, `--jobs 1` against `--jobs 2`). The worst-case searches
    /// and proofs of blast-radius, the invariants and containment time dominate; the sanity and
    /// authority checks are small.
    public static func ruleWeight(_ rule: Rule) -> Double {
        switch rule {
        case .blastRadius: return 10
        case .invariant: return 9
        case .containmentTime: return 7
        case .boundedIntervention: return 4
        case .noCollateralLoss: return 1.3
        case .noUnilateralControl: return 0.5
        case .sanity: return 0.2
        }
    }

    /// The expected cost of each of `jobs`, in the history's seconds.
    public func costs(_ jobs: [CheckJob]) -> [Double] {
        // Scale the rule weights to the history, so a check never solved sits among those that were.
        func usable(_ j: CheckJob) -> Double? { history[j].flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } }
        var known = 0.0
        var knownWeight = 0.0
        for j in jobs {
            if let s = usable(j) {
                known += s
                knownWeight += Self.ruleWeight(j.rule)
            }
        }
        let scale = knownWeight > 0 && known > 0 ? known / knownWeight : 1
        return jobs.map { usable($0) ?? Self.ruleWeight($0.rule) * scale }
    }

    /// The order to start `jobs` in: indices into `jobs`, the most expensive first, equal costs
    /// in job order.
    public func order(_ jobs: [CheckJob]) -> [Int] {
        let c = costs(jobs)
        return jobs.indices.sorted { c[$0] != c[$1] ? c[$0] > c[$1] : $0 < $1 }
    }
}
