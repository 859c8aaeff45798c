import Foundation
import Testing

private let fixtures: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// Issue 9 item 4: procedures are discovered by construction, whatever Swift form declares them.
@Suite struct DiscoveryTests {
    @Test func everyFormOfDeclarationIsChecked() throws {
        let r = try runRecovcheck([fixtures + "/discovery/forms", "--models", fixtures + "/discovery/models",
                                   "--depth", "3", "--no-cache"])
        #expect(!r.timedOut && !r.signaled)
        #expect(r.status == 0, "exit \(r.status)\nstdout: \(r.stdout)\nstderr: \(r.stderr)")
        let names = ["CommaList", "InsideIf", "StaticLet", "PrivateLet", "TupleA", "TupleB", "InDictionary", "Direct",
                     "PrivateLetOtherFile", "FilePrivate", "ExtensionStatic", "ComputedStatic"]
        for name in names {
            // A header line per procedure, followed by its verdicts.
            let header = try #require(r.stdout.range(of: "\n\(name)  ("), "procedure \(name) was not checked\n\(r.stdout)")
            #expect(r.stdout[header.upperBound...].contains("holds     sanity"), "\(name) has no verdicts")
        }
        #expect(r.stdout.contains("\(names.count) procedure(s)"))
    }

    @Test func aProcedureThatIsNeverCreatedIsAnError() throws {
        let r = try runRecovcheck([fixtures + "/discovery/uncalled", "--models", fixtures + "/discovery/models", "--no-cache"])
        expectInputError(r, mentions: "Uncalled.swift:6:13", "an uncalled Procedure(...)")
        #expect(r.stderr.contains("never created by the spec program, so it would not be checked"))
        // The call-like text in a comment and in a string literal is not reported.
        #expect(r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.count == 1, "\(r.stderr)")
    }
}
