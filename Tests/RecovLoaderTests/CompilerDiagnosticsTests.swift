import RecovIR
import Testing

@testable import RecovLoader

/// How swiftc's output is turned into the user's diagnostics, on canned compiler output.
@Suite struct CompilerDiagnosticsUnitTests {
    let relay = CompilerDiagnostics(
        displayPaths: ["/p/specs/A.swift": "specs/A.swift"], dslFileNames: ["Procedure.swift"])

    @Test func keepsErrorsWithSnippetsAndCleansHiddenParameters() {
        let output = """
            /p/specs/A.swift:3:9: warning: variable 'x' was never used
            3 | let x = 1
              |     `- warning: variable 'x' was never used

            /p/specs/A.swift:5:9: error: incorrect argument labels in call (have '_:actoin:', expected '_:action:file:line:column:_:')
            5 |     Step("s", actoin: "a") { }
              |         `- error: incorrect argument labels in call (have '_:actoin:', expected '_:action:file:line:column:_:')

            /p/specs/A.swift:5:28: error: trailing closure passed to parameter of type 'Int' that does not accept a closure
            5 |     Step("s", actoin: "a") { }
              |                            `- error: trailing closure passed to parameter of type 'Int' that does not accept a closure

            /tmp/x/src/Procedure.swift:273:12: note: 'init(_:action:file:line:column:_:)' declared here
            273 |     public init(_ name: String, action: String, file: String = #filePath, line: Int = #line, column: Int = #column,
                |            `- note: 'init(_:action:file:line:column:_:)' declared here

            /p/specs/A.swift:7:11: error: missing argument label 'file:' in call
            7 |     Window(2, 3)
              |           `- error: missing argument label 'file:' in call

            /p/specs/A.swift:7:15: error: cannot convert value of type 'Int' to expected argument type 'String'
            7 |     Window(2, 3)
              |               `- error: cannot convert value of type 'Int' to expected argument type 'String'

            /p/specs/A.swift:9:1: error: no exact matches in call to initializer
            9 | Role(1)
              | `- error: no exact matches in call to initializer
            Swift.Int.init:1:1: note: candidate expects value of type 'Double' for parameter #1 (got 'String')
            RecovDSL.Role.init:2:8: note: candidate has partially matching parameter list (String, threshold: Int, file: String, line: Int, column: Int)
            Swift.Int.init:1:1: note: 'init(_:)' declared here

            [#DeprecatedDeclaration]: <https://docs.swift.org/compiler/documentation/diagnostics/deprecated-declaration>
            """
        let found = relay.diagnostics(from: output)
        #expect(found.elsewhere.isEmpty)
        #expect(
            found.user.map(\.headline) == [
                "specs/A.swift:5:9: error: incorrect argument labels in call (have '_:actoin:', expected '_:action:_:')",
                "specs/A.swift:7:11: error: extra argument in call",
                "specs/A.swift:9:1: error: no exact matches in call to initializer",
            ])
        #expect(
            found.user[0].excerpt == """
                5 |     Step("s", actoin: "a") { }
                  |         `- error: incorrect argument labels in call (have '_:actoin:', expected '_:action:_:')
                """)
        #expect(found.user[1].excerpt?.hasSuffix("`- error: extra argument in call") == true)
        #expect(
            found.user[2].excerpt == """
                9 | Role(1)
                  | `- error: no exact matches in call to initializer
                note: candidate expects value of type 'Double' for parameter #1 (got 'String')
                note: candidate has partially matching parameter list (String, threshold: Int)
                """)
    }

    @Test func errorsOutsideTheUsersFilesAreSetApart() {
        let found = relay.diagnostics(from: "/tmp/gen/main.swift:1:1: error: boom\n1 | x\n")
        #expect(found.user.isEmpty)
        #expect(found.elsewhere.map(\.message) == ["boom"])
    }

    @Test func aNoteInTheUsersFileKeepsItsPathAndSnippet() {
        let output = """
            /p/specs/A.swift:3:5: error: invalid redeclaration of 'x'
            1 | let x = 1
              |     `- note: 'x' previously declared here
            3 | let x = 3
              |     `- error: invalid redeclaration of 'x'
            """
        let d = relay.diagnostics(from: output).user
        #expect(d.count == 1)
        #expect(
            d.first?.description == """
                specs/A.swift:3:5: error: invalid redeclaration of 'x'
                1 | let x = 1
                  |     `- note: 'x' previously declared here
                3 | let x = 3
                  |     `- error: invalid redeclaration of 'x'
                """)
    }
}

/// The plain string literals the loader uses to find where a helper-made procedure was asked for.
@Suite struct StringLiteralSiteTests {
    @Test func findsPlainLiteralsOutsideCommentsAndInactiveBranches() {
        let src = #"""
            let a = make("Vault")   // make("Comment")
            let b = "x\(1)", c = #"raw"#, d = "esc\n"
            #if false
            let e = make("Disabled")
            #endif
            let f = """
                multi
                """
            """#
        #expect(scanSwiftSource(src).literals == [StringLiteralSite(text: "Vault", line: 1, column: 14)])
    }
}
