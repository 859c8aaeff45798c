import CZ3
import Synchronization

/// Interrupts running Z3 work from another thread or task: every `Z3Context` made while a handle
/// is `current` (a task-local, also bound on the thread a check runs on) registers with it, and
/// `interrupt()` calls `Z3_interrupt` on each live one; checks then answer `unknown("canceled")`,
/// and any check started later answers so without solving. Never a pass: a canceled check is
/// `unknown`, and the caller says why.
public final class Z3Interrupt: Sendable {
    /// The handle the Z3 contexts made here register with.
    @TaskLocal public static var current: Z3Interrupt?

    private struct State {
        var interrupted = false
        /// Live contexts, as the bit patterns of their `Z3_context` pointers.
        var contexts: Set<UInt> = []
        /// How many live contexts `interrupt()` reached.
        var reached = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Interrupts every live context registered here, and every later check.
    public func interrupt() {
        state.withLock { s in
            s.interrupted = true
            for c in s.contexts {
                Z3_interrupt(OpaquePointer(bitPattern: c))
                s.reached += 1
            }
        }
    }

    /// Whether `interrupt()` was called.
    public var isInterrupted: Bool { state.withLock { $0.interrupted } }

    /// How many live Z3 contexts `interrupt()` interrupted.
    public var contextsInterrupted: Int { state.withLock { $0.reached } }

    func register(_ raw: Z3_context) {
        state.withLock { s in
            s.contexts.insert(UInt(bitPattern: raw))
            if s.interrupted {
                Z3_interrupt(raw)
                s.reached += 1
            }
        }
    }

    /// Called before the context is deleted, under the same lock as `interrupt()`, so a context
    /// is never interrupted after it is gone.
    func unregister(_ raw: Z3_context) {
        _ = state.withLock { $0.contexts.remove(UInt(bitPattern: raw)) }
    }
}
