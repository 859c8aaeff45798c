import Foundation
import Synchronization

/// The threads checks run on: a check still has a thread to itself while it runs (it blocks in Z3
/// for as long as it takes), but a thread whose check is done waits for the next one instead of
/// exiting. It keeps its malloc arena, so the next check's Z3 contexts reuse the memory the last
/// one's freed rather than faulting fresh pages in (most of a context's 6 ms); a new thread often
/// got a new arena, as the last one was still exiting. Threads are made only when none is idle, so
/// there are never more than ever ran at once.
final class CheckThreads: Sendable {
    /// The process's check threads.
    static let shared = CheckThreads()

    /// One thread and the work handed to it; `work` is guarded by `condition`.
    private final class Worker: @unchecked Sendable {
        let condition = NSCondition()
        var work: (@Sendable () -> Void)?
    }

    private let idle = Mutex<[Worker]>([])

    /// Runs `work` on an idle thread, or a new one; `then` is called on that thread with the result,
    /// once the thread is idle again (so a check started from `then` can take it over).
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T, then: @escaping @Sendable (T) -> Void) {
        let job: @Sendable (Worker) -> Void = { [self] w in
            let result = work()
            idle.withLock { $0.append(w) }
            then(result)
        }
        if let w = idle.withLock({ $0.popLast() }) {
            w.condition.lock()
            w.work = { job(w) }
            w.condition.signal()
            w.condition.unlock()
        } else {
            let w = Worker()
            w.work = { job(w) }
            Thread.detachNewThread { Self.loop(w) }
        }
    }

    private static func loop(_ w: Worker) {
        while true {
            w.condition.lock()
            while w.work == nil { w.condition.wait() }
            let work = w.work!
            w.work = nil
            w.condition.unlock()
            work()
        }
    }
}
