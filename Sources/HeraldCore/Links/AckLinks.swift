import Foundation

/// Makes the acknowledgement links escalation notices carry: `PUBLIC_URL/ack/TOKEN`, the token naming the
/// escalation and the notice's recipient, valid for `server.ack_link_ttl` from the notice's decision time.
///
/// The same key, notice and decision time always give the same link, so messages stay deterministic.
public struct AckLinks: Sendable {
    /// The key, the public URL and the links' lifetime.
    public let base: LinkBase

    /// Links under `publicURL` valid for `lifetime` (business time counted on `calendar`).
    public init(key: ServerKey, publicURL: String, lifetime: Interval, calendar: BusinessCalendar) {
        base = LinkBase(key: key, publicURL: publicURL, lifetime: lifetime, calendar: calendar)
    }

    /// The links `configuration` asks for: nil when it has no `server.public_url` (then notices carry none).
    public init?(configuration: Configuration, key: ServerKey) {
        guard let base = LinkBase(configuration: configuration, key: key, lifetime: \.ackLinkLifetime) else {
            return nil
        }
        self.base = base
    }

    /// The link for a notice of escalation `id` to `recipient`, decided at `now`.
    public func url(escalationID id: String, recipient: AckRecipient, now: Date) -> String {
        let token = AckToken(escalationID: id, recipient: recipient, expires: base.expiry(from: now))
        return "\(base.publicURL)/ack/\(token.signed(with: base.key))"
    }
}
