import RecovIR

/// An error of the command itself (a report file that cannot be written, an unknown procedure):
/// thrown up to `RecovCheckCommand.main`, which prints it with `ErrorPrinter` and exits with `exitCode`.
struct CommandFailure: Error, CustomStringConvertible {
    /// What went wrong, without a location or `error:` prefix.
    var message: String
    /// The file it is about, or nil.
    var location: SourceLocation?
    /// The process's exit code (README: 2 for input and usage errors).
    var exitCode: Int32 = 2

    var description: String { message }
}
