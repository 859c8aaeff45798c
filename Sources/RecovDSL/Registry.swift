// Discovery by construction: every Model, Incident and Procedure registers itself when it is
// created, so the spec program emits exactly what it built, whatever Swift form declared it
// (a `let` in any position, `#if`, `static`, `private`, a tuple, a collection, a function).
import RecovIR

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the program has constructed so far, in construction order.
final class Registry: @unchecked Sendable {
    static let shared = Registry()

    // Guarded by `lock`: a spec may build declarations on several threads.
    private var lock = pthread_mutex_t()
    private var items: [Any] = []
    /// Where the global holding a procedure is declared, by the procedure's creation number
    /// (`Procedure.serial`); the first declaration in source order wins. (By creation, not by
    /// name and call site: a helper called twice with one name makes two procedures, each held by
    /// its own global.)
    private var declaredAt: [Int: SourceLocation] = [:]
    private var created = 0

    private init() { pthread_mutex_init(&lock, nil) }

    func add(_ item: Any) {
        pthread_mutex_lock(&lock)
        items.append(item)
        pthread_mutex_unlock(&lock)
    }

    /// The next procedure's creation number.
    func nextSerial() -> Int {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        created += 1
        return created
    }

    func declare(_ serial: Int, at loc: SourceLocation) {
        pthread_mutex_lock(&lock)
        if declaredAt[serial] == nil { declaredAt[serial] = loc }
        pthread_mutex_unlock(&lock)
    }

    func declaration(of serial: Int) -> SourceLocation? {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return declaredAt[serial]
    }

    var all: [Any] {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return items
    }
}

/// Entry point of the generated spec program: runs `construct` (which touches every global and
/// static of the specs, so their initializers run), then writes the IR of every `Model`,
/// `Incident` and `Procedure` constructed (see `recovcheckRenderIR`) to the file named by
/// `RECOVCHECK_IR_PATH` (standard output when it is not set). Both run on a thread with a large
/// stack, so deeply nested expressions reach the depth check instead of overflowing the stack.
public func __recovcheckMain(_ construct: @escaping () -> Void) {
    let work = {
        construct()
        writeIR(recovcheckRenderIR(Registry.shared.all.map { ("", $0) }))
    }
    if !runOnLargeStack(work) { work() }
}

/// Spec program support (generated code calls it): the global declared at `file:line:column`
/// holds `procedure`. A procedure whose `Procedure(` call is on another line (inside a helper
/// function) is then reported at that declaration: the helper's caller.
public func __recovcheckDeclared(_ procedure: Procedure, file: String, line: Int, column: Int) {
    Registry.shared.declare(procedure.serial, at: SourceLocation(file: file, line: line, column: column))
}

/// Runs `body` on a new thread with a 512 MiB stack (reserved, not committed) and waits for it.
/// Returns false when no such thread could be created.
func runOnLargeStack(_ body: @escaping () -> Void) -> Bool {
    final class Box {
        let body: () -> Void
        init(_ b: @escaping () -> Void) { body = b }
    }
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    defer { pthread_attr_destroy(&attr) }
    guard pthread_attr_setstacksize(&attr, 512 << 20) == 0 else { return false }
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    #if canImport(Glibc)
        var thread = pthread_t()
    #else
        var thread: pthread_t? = nil
    #endif
    let rc = pthread_create(
        &thread, &attr,
        { raw in
            #if canImport(Glibc)
                let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            #else
                let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
            #endif
            box.body()
            return nil
        }, context)
    if rc != 0 {
        Unmanaged<Box>.fromOpaque(context).release()
        return false
    }
    #if canImport(Glibc)
        pthread_join(thread, nil)
    #else
        pthread_join(thread!, nil)
    #endif
    return true
}
