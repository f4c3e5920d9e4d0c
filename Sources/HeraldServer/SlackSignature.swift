import Crypto
import Foundation
import HTTPTypes
import HeraldCore
import Hummingbird

/// Slack's request signing: `X-Slack-Signature: v0=HEX(HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}"))`
/// with the timestamp in `X-Slack-Request-Timestamp` (Unix seconds).
enum SlackSignature {
    /// How far a request's timestamp may be from now, either way.
    static let tolerance: TimeInterval = 5 * 60

    /// The `v0=…` signature of `body` sent at `timestamp`.
    static func sign(secret: Secret, timestamp: String, body: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array("v0:\(timestamp):".utf8) + body, using: SymmetricKey(data: Array(secret.value.utf8))
        )
        return "v0=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Checks the request's signature (compared in constant time) and that its timestamp is within ``tolerance`` of
    /// `now`; returns the timestamp, until which the signature must not be accepted again. 401 naming what is wrong,
    /// and always for an empty secret (which anyone could sign with).
    static func verify(_ headers: HTTPFields, body: [UInt8], secret: Secret, now: Date) throws -> Date {
        guard let signature = headers[signatureHeader], let timestamp = headers[timestampHeader] else {
            throw APIError(.unauthorized, "missing X-Slack-Signature or X-Slack-Request-Timestamp")
        }
        let expected = sign(secret: secret, timestamp: timestamp, body: body)
        guard ConstantTime.equal(signature, expected) else {
            throw APIError(.unauthorized, "wrong Slack signature")
        }
        guard let seconds = Int(timestamp), abs(now.timeIntervalSince1970 - Double(seconds)) <= tolerance else {
            throw APIError(.unauthorized, "stale Slack request: its timestamp is more than 5 minutes from now")
        }
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// `X-Slack-Signature`.
    static let signatureHeader = HTTPField.Name("X-Slack-Signature")!
    private static let timestampHeader = HTTPField.Name("X-Slack-Request-Timestamp")!
}
