import RecovIR

/// Voting power the attacker can borrow within one block (a flash loan) for governance role `role`.
public struct BorrowableVotingPower: IncidentComponent, Sendable {
    let item: IncidentItem
    /// Declares borrowable voting power.
    public init(_ role: Role, _ amount: Int, file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = SourceLocation(file: file, line: line, column: column)
        item = .borrowable(role: role.name, amount: amount, loc: loc)
        use = role.use(at: loc, "BorrowableVotingPower")
    }
    let use: RoleUse
    /// The declarations it contributes.
    public var incidentPart: IncidentPart { IncidentPart(items: [item, .roleUse(use)]) }
}
