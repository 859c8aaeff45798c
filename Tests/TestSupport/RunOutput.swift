import Foundation

/// What a program run by the tests printed, and how it ended.
public struct RunOutput: Sendable {
    /// The exit status, or the signal number when `signaled`.
    public var status: Int32
    /// Whether a signal ended the program (a crash, or the kill at the time limit).
    public var signaled: Bool
    /// Standard output, as bytes and as text.
    public var stdoutData: Data
    public var stderr: String
    /// Whether the time limit was reached and the program's process group was killed.
    public var timedOut: Bool

    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
}
