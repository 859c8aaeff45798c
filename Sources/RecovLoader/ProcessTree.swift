import Foundation

/// Kills `pid` and every process descending from it (found through `/proc`). Killing only
/// `swiftc` would leave its `swift-frontend` children running, holding the output files and
/// Foundation's process monitor open, so the wait for the killed driver would hang.
func killProcessTree(_ pid: Int32) {
    var tree: [Int32] = [pid]
    var parents: [Int32: [Int32]] = [:]
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let child = Int32(entry),
              let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { continue }
        // Fields after the command name: state, ppid, ...
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 1, let ppid = Int32(fields[1]) { parents[ppid, default: []].append(child) }
    }
    var i = 0
    while i < tree.count {
        tree += parents[tree[i]] ?? []
        i += 1
    }
    // Stop them all first, so none can spawn or be reparented while the rest are killed.
    for p in tree { kill(p, SIGSTOP) }
    for p in tree { kill(p, SIGKILL) }
}
