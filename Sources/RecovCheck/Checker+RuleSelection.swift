extension Checker {
    /// The jobs of `rules` (all jobs when `rules` is empty). The sanity check of every selected
    /// procedure is always kept: it is what turns a vacuous pass into an error, so no `--rule`
    /// selection can turn it off.
    public static func select(rules: [Rule], from jobs: [CheckJob]) -> [CheckJob] {
        guard !rules.isEmpty else { return jobs }
        return jobs.filter { rules.contains($0.rule) || $0.rule == .sanity }
    }
}
