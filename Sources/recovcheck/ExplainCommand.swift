import ArgumentParser
import Foundation
import RecovCheck
import RecovIR
import RecovReport

/// `recovcheck explain PATH... --procedure NAME --rule RULE`: one check, and for its violation the
/// full trace with every state variable, the guard, role and bounds behind each step.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one violation: the full trace and why each step was possible.",
        discussion: "Exit codes as for check: 0 the property holds, 1 violated (explained), 2 input error, 3 unknown."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "The procedure to check.")
    var procedure: String

    // The rule comes from the shared `--rule` option of CommonOptions; explain needs exactly one.

    func validate() throws {
        if common.rules.count != 1 {
            throw ValidationError(
                "give exactly one --rule to explain (\(Rule.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() async throws {
        let program = try await common.loadProgram()
        guard let p = program.procedure(named: procedure) else {
            throw CommandFailure(
                message:
                    "no procedure '\(procedure)'; procedures: \(program.procedures.map(\.name).joined(separator: ", "))"
            )
        }
        guard let world = World(program: program, procedure: p) else { throw ExitCode(2) }
        let rule = common.rules[0]
        let bmc = BoundedModelChecker(world: world, options: common.checkOptions)
        // Sanity runs whatever rule is explained, so a vacuous pass is an error here too.
        let sanity = rule == .sanity ? [] : [bmc.check(.sanity)]
        let result = Checker.markVacuous(sanity + [bmc.check(rule)]).last!
        // Names come from the spec: no control characters reach the terminal (TerminalText).
        print(TerminalText.escape(ExplainRenderer().render(result, world: world), keepNewlines: true), terminator: "")
        let code = RunReport(results: [result], program: program, options: common.checkOptions).exitCode
        if code != 0 { throw ExitCode(code) }
    }
}
