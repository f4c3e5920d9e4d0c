import Foundation

/// A generic webhook's signing key in the Standard Webhooks form: `whsec_` followed by standard base64 of at least
/// 24 bytes. Only the decoded bytes are ever the HMAC key (never the text), and they are never printed.
public struct WebhookKey: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What every key starts with.
    public static let prefix = "whsec_"
    /// The fewest decoded bytes a key may have.
    public static let minimumLength = 24

    /// The decoded key, at least ``minimumLength`` bytes.
    public let bytes: [UInt8]

    /// Decodes `text`, or throws saying what is wrong with it (the text itself is never in the message).
    public init(_ text: String) throws(WebhookKeyError) {
        guard text.hasPrefix(Self.prefix) else { throw WebhookKeyError(.prefix) }
        var encoded = String(text.dropFirst(Self.prefix.count))
        if encoded.count % 4 != 0 {
            encoded += String(repeating: "=", count: 4 - encoded.count % 4)
        }
        guard let data = Data(base64Encoded: encoded) else { throw WebhookKeyError(.base64) }
        guard data.count >= Self.minimumLength else { throw WebhookKeyError(.short(data.count)) }
        bytes = Array(data)
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}

/// Why a text is not a ``WebhookKey``; its description completes "the secret …".
public struct WebhookKeyError: Error, Hashable, Sendable, CustomStringConvertible {
    fileprivate enum Problem: Hashable, Sendable {
        case prefix, base64, short(Int)
    }

    private let problem: Problem

    fileprivate init(_ problem: Problem) {
        self.problem = problem
    }

    public var description: String {
        let form = "\(WebhookKey.prefix) followed by standard base64 of at least \(WebhookKey.minimumLength) bytes "
            + "(Standard Webhooks; e.g. whsec_$(openssl rand -base64 32))"
        switch problem {
        case .prefix: return "must be \(form)"
        case .base64: return "is not standard base64 after \(WebhookKey.prefix); it must be \(form)"
        case .short(let count): return "decodes to \(count) bytes; it must be \(form)"
        }
    }
}
