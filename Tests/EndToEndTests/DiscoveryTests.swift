import Foundation
import RecovTestSupport
import Testing

private let fixtures: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// Issue 9 item 4: procedures are discovered by construction, whatever Swift form declares them.
@Suite struct DiscoveryTests {
    @Test func everyFormOfDeclarationIsChecked() async throws {
        let r = try await runRecovcheck([
            fixtures + "/discovery/forms", "--models", fixtures + "/discovery/models",
            "--depth", "3", "--no-cache",
        ])
        #expect(!r.timedOut && !r.signaled)
        #expect(r.status == 0, "exit \(r.status)\nstdout: \(r.stdout)\nstderr: \(r.stderr)")
        let names = [
            "CommaList", "InsideIf", "StaticLet", "PrivateLet", "TupleA", "TupleB", "InDictionary", "Direct",
            "PrivateLetOtherFile", "FilePrivate", "ExtensionStatic", "ComputedStatic",
        ]
        for name in names {
            // A header line per procedure, followed by its verdicts.
            let header = try #require(
                r.stdout.range(of: "\n\(name)  ("), "procedure \(name) was not checked\n\(r.stdout)")
            #expect(r.stdout[header.upperBound...].contains("holds     sanity"), "\(name) has no verdicts")
        }
        #expect(r.stdout.contains("\(names.count) procedure(s)"))
        // Procedures made by the helper `pauseProcedure` are located at the user's call of it (its
        // name's literal), not at the helper's one `Procedure(` line (Vault.swift:25).
        let headers = r.stdout.split(separator: "\n").map(String.init)
        for (name, at) in [
            ("CommaList", "/Forms.swift:4:"), ("InsideIf", "/Forms.swift:6:"), ("TupleA", "/Forms.swift:10:"),
            ("TupleB", "/Forms.swift:10:"), ("PrivateLetOtherFile", "/MoreForms.swift:4:"),
            ("Direct", "/Forms.swift:12:"),
        ] {
            let header = headers.first { $0.hasPrefix(name + "  (") } ?? ""
            #expect(header.contains(at), "\(name) is not located at \(at): \(header)")
        }
        #expect(!r.stdout.contains("Vault.swift:25:"), "a procedure is still located in the helper\n\(r.stdout)")
    }

    /// Issue 14 part 8: a procedure built by a helper function is reported at its caller's line —
    /// the global that holds it, or the line the helper forwards with `file:line:` — even when
    /// no string literal names it.
    @Test func proceduresBuiltByAHelperReportTheirCallersLines() async throws {
        let r = try await runRecovcheck([
            fixtures + "/discovery/helper-lines", "--models", fixtures + "/discovery/models",
            "--depth", "2", "--no-cache", "--rule", "sanity",
        ])
        #expect(!r.timedOut && !r.signaled)
        #expect(r.status == 0, "exit \(r.status)\nstdout: \(r.stdout)\nstderr: \(r.stderr)")
        let headers = r.stdout.split(separator: "\n").map(String.init)
        for (name, at) in [
            ("USDCPause", "/Helpers.swift:14:"), ("DAIPause", "/Helpers.swift:15:"),
            ("WETHPause", "/Helpers.swift:26:"), ("WBTCPause", "/Helpers.swift:27:"),
        ] {
            let header = headers.first { $0.hasPrefix(name + "  (") } ?? ""
            #expect(header.contains(at), "\(name) is not located at \(at): \(header)\n\(r.stdout)")
        }
        #expect(
            !r.stdout.contains("Helpers.swift:8:") && !r.stdout.contains("Helpers.swift:19:"),
            "a procedure is still located in a helper\n\(r.stdout)")
    }

    @Test func aProcedureThatIsNeverCreatedIsAnError() async throws {
        let r = try await runRecovcheck([
            fixtures + "/discovery/uncalled", "--models", fixtures + "/discovery/models", "--no-cache",
        ])
        expectInputError(r, mentions: "Uncalled.swift:6:13", "an uncalled Procedure(...)")
        #expect(r.stderr.contains("never created by the spec program, so it would not be checked"))
        // The call-like text in a comment and in a string literal is not reported.
        #expect(r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.count == 1, "\(r.stderr)")
    }
}
