import Crypto
import Foundation

/// The server's own secret: 32 random bytes kept in the state directory (`server.key`), with which Herald signs
/// acknowledgement links and calendar subscription keys. Its description never shows the bytes, so it cannot leak
/// into a log line by accident.
public struct ServerKey: Sendable, CustomStringConvertible {
    /// How many bytes a key has.
    public static let byteCount = 32

    private let key: SymmetricKey

    /// The key made of `bytes`; nil unless there are exactly ``byteCount`` of them.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        key = SymmetricKey(data: Array(bytes))
    }

    /// HMAC-SHA256 of `message` under this key.
    public func authenticationCode(for message: some DataProtocol) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }

    /// Whether `code` is the HMAC-SHA256 of `message` under this key, compared in constant time.
    public func isValid(_ code: [UInt8], for message: some DataProtocol) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: message, using: key)
    }

    /// `ServerKey(redacted)`.
    public var description: String { "ServerKey(redacted)" }
}

/// Base64 with the URL-safe alphabet (`-` and `_`) and no padding (RFC 4648 §5), for tokens in URLs.
public enum Base64URL {
    /// `bytes` encoded.
    public static func encode(_ bytes: some DataProtocol) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The bytes of `text`; nil when it is not unpadded base64url.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        guard text.utf8.allSatisfy({ byte in
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == 0x2D || byte == 0x5F
        }), text.utf8.count % 4 != 1 else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        return Data(base64Encoded: standard).map(Array.init)
    }
}
