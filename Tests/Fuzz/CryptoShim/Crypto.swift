// A stand-in for swift-crypto's SHA256 in the fuzz build only: the fuzzer never compiles specs,
// so the IR cache key is never computed. Not linked into recovcheck itself.
import Foundation

public struct SHA256 {
    private var bytes: [UInt8] = []
    public init() {}
    public mutating func update(data: Data) { bytes += data.prefix(64) }
    public func finalize() -> [UInt8] { Array(bytes.prefix(32)) }
}
