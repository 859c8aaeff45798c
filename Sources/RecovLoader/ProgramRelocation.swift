import Foundation
import RecovIR

extension Program {
    /// The program with every source location's file passed through `transform` (for example made
    /// relative to the project root). Done by re-decoding through `SourceLocation`'s decoder, so no
    /// IR type has to list where it keeps locations.
    public func mappingSourceFiles(_ transform: @escaping @Sendable (String) -> String) throws -> Program {
        let data = try JSONEncoder().encode(self)
        let decoder = JSONDecoder()
        decoder.userInfo[SourceLocation.fileTransformKey] = SourceFileTransform(transform)
        return try decoder.decode(Program.self, from: data)
    }
}
