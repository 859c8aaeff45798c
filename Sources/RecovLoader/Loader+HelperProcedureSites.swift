import RecovIR

extension Loader {
    /// Procedures made by a helper function (or in a loop) all carry the location of its one
    /// `Procedure(` call, so a report could not tell them apart. Each such procedure whose name is
    /// written as a plain string literal exactly once in the sources (`pauseProcedure("Vault")`) is
    /// located at that literal instead: the user's call of the helper. Names built at run time
    /// keep the helper's location.
    func locatingHelperProcedures(_ program: Program, sources: [(String, String)]) -> Program {
        var shared: [SourceLocation: Int] = [:]
        for p in program.procedures { shared[p.loc, default: 0] += 1 }
        guard shared.values.contains(where: { $0 > 1 }) else { return program }
        var literals: [String: [SourceLocation]] = [:]
        for (file, text) in sources {
            for l in scanSwiftSource(text).literals {
                literals[l.text, default: []].append(
                    SourceLocation(file: Self.recordedPath(file), line: l.line, column: l.column))
            }
        }
        var out = program
        for i in out.procedures.indices where shared[out.procedures[i].loc, default: 0] > 1 {
            if let sites = literals[out.procedures[i].name], sites.count == 1 { out.procedures[i].loc = sites[0] }
        }
        return out
    }
}
