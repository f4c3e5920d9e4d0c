import Crypto
import Foundation
import HeraldCore

/// Standard Webhooks signatures: `v1,BASE64(HMAC-SHA256(key, "{id}.{timestamp}.{body}"))`.
///
/// The key is a ``WebhookKey``'s decoded bytes, never the text of the secret. Several keys (a rotation) give
/// several signatures, space-separated.
public enum WebhookSigner {
    /// The `webhook-signature` header value: one `v1,…` signature per key, in order, space-separated.
    public static func signature(id: String, timestamp: Int, body: [UInt8], secrets: [WebhookKey]) -> String {
        secrets.map { signature(id: id, timestamp: timestamp, body: body, key: $0) }.joined(separator: " ")
    }

    /// True when a `webhook-signature` header value holds a `v1` signature of this message under `secret`
    /// (constant-time comparison). Timestamp tolerance is the caller's business.
    public static func verify(header: String, id: String, timestamp: Int, body: [UInt8], secret: WebhookKey) -> Bool {
        let expected = Array(signature(id: id, timestamp: timestamp, body: body, key: secret).utf8)
        return header.split(separator: " ").contains { candidate in
            let bytes = Array(candidate.utf8)
            guard bytes.count == expected.count else { return false }
            return zip(bytes, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }

    private static func signature(id: String, timestamp: Int, body: [UInt8], key: WebhookKey) -> String {
        var code = HMAC<SHA256>(key: SymmetricKey(data: key.bytes))
        code.update(data: Array("\(id).\(timestamp).".utf8))
        code.update(data: body)
        return "v1," + Data(code.finalize()).base64EncodedString()
    }
}
