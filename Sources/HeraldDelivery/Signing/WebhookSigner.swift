import Crypto
import Foundation
import HeraldCore

/// Standard Webhooks signatures: `v1,BASE64(HMAC-SHA256(key, "{id}.{timestamp}.{body}"))`.
///
/// A secret starting `whsec_` is base64 after the prefix (the Standard Webhooks form); any other secret's UTF-8
/// bytes are the key. Several secrets (a rotation) give several signatures, space-separated.
public enum WebhookSigner {
    /// The `webhook-signature` header value: one `v1,…` signature per secret, in order, space-separated.
    ///
    /// A `whsec_` secret whose remainder is not valid base64 signs with its UTF-8 bytes instead; validate
    /// secrets with ``isValid(_:)`` when loading configuration.
    public static func signature(id: String, timestamp: Int, body: [UInt8], secrets: [Secret]) -> String {
        secrets.map { signature(id: id, timestamp: timestamp, body: body, key: key(for: $0)) }
            .joined(separator: " ")
    }

    /// True when a `webhook-signature` header value holds a `v1` signature of this message under `secret`
    /// (constant-time comparison). Timestamp tolerance is the caller's business.
    public static func verify(header: String, id: String, timestamp: Int, body: [UInt8], secret: Secret) -> Bool {
        let expected = Array(signature(id: id, timestamp: timestamp, body: body, key: key(for: secret)).utf8)
        return header.split(separator: " ").contains { candidate in
            let bytes = Array(candidate.utf8)
            guard bytes.count == expected.count else { return false }
            return zip(bytes, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }

    /// True unless the secret is a `whsec_` secret with an invalid or empty base64 key.
    public static func isValid(_ secret: Secret) -> Bool {
        guard secret.value.hasPrefix(prefix) else { return !secret.value.isEmpty }
        return decodedKey(secret.value).map { !$0.isEmpty } ?? false
    }

    private static let prefix = "whsec_"

    private static func key(for secret: Secret) -> [UInt8] {
        if secret.value.hasPrefix(prefix), let decoded = decodedKey(secret.value) {
            return decoded
        }
        return Array(secret.value.utf8)
    }

    private static func decodedKey(_ value: String) -> [UInt8]? {
        var encoded = String(value.dropFirst(prefix.count))
        if encoded.count % 4 != 0 {
            encoded += String(repeating: "=", count: 4 - encoded.count % 4)
        }
        return Data(base64Encoded: encoded).map { Array($0) }
    }

    private static func signature(id: String, timestamp: Int, body: [UInt8], key: [UInt8]) -> String {
        var code = HMAC<SHA256>(key: SymmetricKey(data: key))
        code.update(data: Array("\(id).\(timestamp).".utf8))
        code.update(data: body)
        return "v1," + Data(code.finalize()).base64EncodedString()
    }
}
