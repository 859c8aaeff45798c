import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// CPU time the process spent inside Z3's satisfiability checks (`Z3Solver.check`,
/// `Z3Fixedpoint.query`) and writing `--dump-smt` files, summed over every thread; `--timings`
/// reports it, so the time recovcheck spends outside the solver can be told from the solver's.
/// Thread CPU time, not wall time: other processes on a loaded machine do not count.
public enum SolverClock {
    static let solverNanoseconds = Atomic<UInt64>(0)
    static let solverCalls = Atomic<Int>(0)
    static let dumpNanoseconds = Atomic<UInt64>(0)

    /// CPU seconds inside Z3's checks so far.
    public static var solverSeconds: Double { Double(solverNanoseconds.load(ordering: .relaxed)) / 1e9 }
    /// Z3 checks so far.
    public static var calls: Int { solverCalls.load(ordering: .relaxed) }
    /// CPU seconds spent printing and writing `--dump-smt` files so far.
    public static var dumpSeconds: Double { Double(dumpNanoseconds.load(ordering: .relaxed)) / 1e9 }

    /// This thread's CPU time in nanoseconds.
    static func threadCPU() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// This thread's CPU seconds so far (a check runs on a thread of its own, so the difference
    /// across it is the check's CPU time, whatever else the machine runs).
    public static var threadSeconds: Double { Double(threadCPU()) / 1e9 }

    /// Runs one Z3 check, adding its CPU time to the solver's.
    static func solving<T>(_ body: () -> T) -> T {
        let start = threadCPU()
        defer {
            solverNanoseconds.add(threadCPU() &- start, ordering: .relaxed)
            solverCalls.add(1, ordering: .relaxed)
        }
        return body()
    }

    /// Runs `body` (writing a dump file), adding its CPU time to the dump's.
    static func dumping<T>(_ body: () -> T) -> T {
        let start = threadCPU()
        defer { dumpNanoseconds.add(threadCPU() &- start, ordering: .relaxed) }
        return body()
    }

    /// CPU seconds of the whole process so far (user and system, every thread).
    public static var processSeconds: Double {
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
        return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(
            u.ru_stime.tv_usec) / 1e6
    }
}
