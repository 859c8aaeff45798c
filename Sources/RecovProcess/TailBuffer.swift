import Foundation

/// The last `keep` bytes of a stream, and how many bytes it had in all; memory stays bounded.
struct TailBuffer {
    let keep: Int
    private(set) var total = 0
    private var bytes = Data()

    init(keep: Int) { self.keep = keep }

    mutating func append(_ chunk: ArraySlice<UInt8>) {
        total += chunk.count
        bytes.append(contentsOf: chunk)
        if bytes.count > 2 * keep { bytes = bytes.suffix(keep) }
    }

    var data: Data { bytes.count > keep ? Data(bytes.suffix(keep)) : bytes }
}
