import COpenSSL
import Foundation

/// Incremental SHA-256 over OpenSSL's libcrypto (Debian's `libssl-dev`): the digest behind every
/// cache key, approval hash and engine fingerprint.
public struct SHA256Hasher: ~Copyable {
    private let context: OpaquePointer

    /// Starts an empty digest.
    public init() {
        guard let ctx = EVP_MD_CTX_new(), EVP_DigestInit_ex(ctx, EVP_sha256(), nil) == 1 else {
            fatalError("OpenSSL could not initialise SHA-256")
        }
        context = ctx
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `data` to the digest.
    public mutating func update(data: Data) {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return }
            _ = EVP_DigestUpdate(context, base, raw.count)
        }
    }

    /// Adds the UTF-8 bytes of `text` to the digest.
    public mutating func update(_ text: String) { update(data: Data(text.utf8)) }

    /// The digest as 64 lowercase hexadecimal digits; the hasher is consumed.
    public consuming func finalizeHex() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        _ = EVP_DigestFinal_ex(context, &digest, &length)
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }

    /// The SHA-256 of `data` as 64 lowercase hexadecimal digits.
    public static func hex(of data: Data) -> String {
        var hasher = SHA256Hasher()
        hasher.update(data: data)
        return hasher.finalizeHex()
    }
}
