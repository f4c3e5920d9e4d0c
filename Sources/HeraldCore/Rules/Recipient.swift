/// Who a rule or escalation level addresses, as written in `notify:` and `to:`.
public enum Recipient: Hashable, Sendable, CustomStringConvertible {
    /// The milestone's owner.
    case owner
    /// The project's manager.
    case manager
    /// The project's sponsor.
    case sponsor
    /// A person by key (`alice` or `person:alice`).
    case person(String)
    /// Everyone in an audience, on the audience's channels.
    case audience(String)
    /// A channel, naming nobody.
    case channel(String)

    /// Parses the config spelling; nil for an empty or malformed reference.
    public init?(parsing text: String) {
        switch text {
        case "owner": self = .owner
        case "manager": self = .manager
        case "sponsor": self = .sponsor
        default:
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            switch (parts.count, parts.first) {
            case (1, let key?): self = .person(key)
            case (2, "person"): self = .person(parts[1])
            case (2, "audience"): self = .audience(parts[1])
            case (2, "channel"): self = .channel(parts[1])
            default: return nil
            }
        }
    }

    public var description: String {
        switch self {
        case .owner: return "owner"
        case .manager: return "manager"
        case .sponsor: return "sponsor"
        case .person(let key): return "person:\(key)"
        case .audience(let key): return "audience:\(key)"
        case .channel(let key): return "channel:\(key)"
        }
    }
}
