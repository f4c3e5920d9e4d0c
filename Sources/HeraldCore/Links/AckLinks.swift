import Foundation

/// Makes the acknowledgement links escalation notices carry: `PUBLIC_URL/ack/TOKEN`, the token naming the
/// escalation and the notice's recipient, valid for `server.ack_link_ttl` from the notice's decision time.
///
/// The same key, notice and decision time always give the same link, so messages stay deterministic.
public struct AckLinks: SignedLinks {
    public let base: LinkBase
    public static var lifetimeSetting: KeyPath<ServerSettings, Interval> { \.ackLinkLifetime }

    public init(base: LinkBase) {
        self.base = base
    }

    /// The link for a notice of escalation `id` to `recipient`, decided at `now`.
    public func url(escalationID id: String, recipient: AckRecipient, now: Date) -> String {
        let token = AckToken(escalationID: id, recipient: recipient, expires: base.expiry(from: now))
        return "\(base.publicURL)/ack/\(token.signed(with: base.key))"
    }
}
