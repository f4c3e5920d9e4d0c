import Foundation

/// Makes the acknowledgement links escalation notices carry: `PUBLIC_URL/ack/TOKEN`, the token naming the
/// escalation and the notice's recipient, valid for `server.ack_link_ttl` from the notice's decision time.
///
/// The same key, notice and decision time always give the same link, so messages stay deterministic.
public struct AckLinks: Sendable {
    /// The key the tokens are signed with.
    public let key: ServerKey
    /// `server.public_url`, without a trailing slash.
    public let publicURL: String
    /// How long a link works after its notice was decided.
    public let lifetime: Interval
    let calendar: BusinessCalendar

    /// Links under `publicURL` valid for `lifetime` (business time counted on `calendar`).
    public init(key: ServerKey, publicURL: String, lifetime: Interval, calendar: BusinessCalendar) {
        self.key = key
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.lifetime = lifetime
        self.calendar = calendar
    }

    /// The links `configuration` asks for: nil when it has no `server.public_url` (then notices carry none).
    public init?(configuration: Configuration, key: ServerKey) {
        guard let server = configuration.server, let publicURL = server.publicURL else { return nil }
        self.init(key: key, publicURL: publicURL, lifetime: server.ackLinkLifetime, calendar: configuration.calendar)
    }

    /// The link for a notice of escalation `id` to `recipient`, decided at `now`.
    public func url(escalationID id: String, recipient: AckRecipient, now: Date) -> String {
        let token = AckToken(escalationID: id, recipient: recipient, expires: calendar.adding(lifetime, to: now))
        return "\(publicURL)/ack/\(token.signed(with: key))"
    }
}
