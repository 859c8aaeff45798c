// libFuzzer target: IR JSON bytes → loader (decode + diagnostics) → validator → bounded checker.
// Built and run by scripts/fuzz.sh; any crash, trap or hang is a bug (no input may crash).
import Foundation
import RecovIR
@testable import RecovLoader
import RecovCheck

private let loader = Loader(options: LoaderOptions(useCache: false))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let program: Program
    do {
        program = try loader.decodeIR(data, file: "fuzz.json")
    } catch let d as Diagnostic {
        precondition(d.description.contains(": error: "), "diagnostic without error form: \(d)")
        return 0
    } catch {
        preconditionFailure("the loader threw a non-diagnostic error: \(error)")
    }
    let problems = Validator().diagnose(program)
    for p in problems { precondition(!p.message.isEmpty) }
    guard problems.isEmpty else { return 0 }
    // Keep each input cheap: the checker runs on small programs only, at a small depth.
    for proc in program.procedures.prefix(2) {
        guard let world = World(program: program, procedure: proc) else { preconditionFailure("validated program without a world") }
        let options = CheckOptions(depth: 2, timeoutSeconds: 1, minimizationChecks: 4)
        for rule in Rule.allCases {
            let r = BoundedModelChecker(world: world, options: options).check(rule)
            if r.verdict == .error, r.message.hasPrefix("internal error") {
                // Internal errors are not crashes, but they are bugs worth seeing: print them.
                FileHandle.standardError.write(Data("INTERNAL ERROR \(rule.rawValue): \(r.message)\n".utf8))
                if ProcessInfo.processInfo.environment["RECOVCHECK_FUZZ_STRICT"] != nil { preconditionFailure(r.message) }
            }
        }
    }
    return 0
}
