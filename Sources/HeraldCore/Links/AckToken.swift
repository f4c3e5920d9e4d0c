import Foundation

/// Who an acknowledgement link was sent to: the one person a message named, or its channel when it named several
/// people or nobody.
public enum AckRecipient: Hashable, Sendable {
    /// A person key.
    case person(String)
    /// A channel key.
    case channel(String)

    /// The recipient of the message to `address`.
    public init(_ address: ChannelAddress) {
        self = address.people.count == 1 ? .person(address.people[0]) : .channel(address.channel)
    }

    /// The name an acknowledgement through the link records: the person key, or `channel:KEY` (the config's own
    /// spelling of a channel recipient).
    public var name: String {
        switch self {
        case .person(let key): key
        case .channel(let key): "channel:\(key)"
        }
    }
}

/// The signed content of an acknowledgement link: which escalation, who it was sent to, and until when it works.
///
/// Written as a ``SignedToken`` whose payload has `esc`, `exp` in Unix seconds, and `to` for a person or `ch` for a
/// channel. Nothing in it is secret; the signature makes it unforgeable and the expiry bounds how long a forwarded
/// message can act.
public struct AckToken: Hashable, Sendable {
    /// `esc_…`.
    public var escalationID: String
    /// Who the link was sent to, and so who acknowledges through it.
    public var recipient: AckRecipient
    /// When the link stops working, in whole seconds.
    public var expires: Date

    /// Creates a token; `expires` is cut to whole seconds.
    public init(escalationID: String, recipient: AckRecipient, expires: Date) {
        self.escalationID = escalationID
        self.recipient = recipient
        self.expires = Date(timeIntervalSince1970: expires.timeIntervalSince1970.rounded(.down))
    }

    /// The token text, signed with `key`: the same for the same token and key.
    public func signed(with key: ServerKey) -> String {
        var payload = Payload(esc: escalationID, exp: Int64(expires.timeIntervalSince1970))
        switch recipient {
        case .person(let person): payload.to = person
        case .channel(let channel): payload.ch = channel
        }
        return SignedToken.sign(payload, with: key)
    }

    /// What a presented token is.
    public typealias Verdict = LinkVerdict<AckToken>

    /// Checks `text` against `key` at `now`: the signature first (constant time), then the payload, then the
    /// expiry. A token is expired from its `exp` second on.
    public static func verify(_ text: String, key: ServerKey, now: Date) -> Verdict {
        guard let decoded = SignedToken.payload(of: text, as: Payload.self, key: key) else { return .invalid }
        let recipient: AckRecipient
        switch (decoded.to, decoded.ch) {
        case (let person?, nil): recipient = .person(person)
        case (nil, let channel?): recipient = .channel(channel)
        default: return .invalid
        }
        let token = AckToken(
            escalationID: decoded.esc, recipient: recipient, expires: Date(timeIntervalSince1970: Double(decoded.exp))
        )
        return Verdict(token, expires: token.expires, now: now)
    }

    private struct Payload: Codable {
        var esc: String
        var exp: Int64
        var to: String?
        var ch: String?
    }
}
