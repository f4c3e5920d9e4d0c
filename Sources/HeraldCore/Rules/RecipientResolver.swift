/// The people to name on one channel.
public struct ChannelAddress: Hashable, Sendable {
    /// Channel key.
    public var channel: String
    /// Person keys, in the order first reached.
    public var people: [String]
    /// How each person is mentioned there, same order.
    public var mentions: [String]
}

/// Turns `notify:` lists into channels and the people named on each (README "Configuration in brief", recipients).
///
/// `owner`, `manager` and `sponsor` come from the milestone and its project; a person is reached on
/// their own channel, else the project's; an audience on its channels (each member named), or on
/// each member's channel when it has none; `channel:KEY` names nobody. Two recipients on one
/// channel give one address naming both.
public struct RecipientResolver: Sendable {
    public let people: [String: Person]
    public let audiences: [String: Audience]

    /// Creates a resolver over the config's people and audiences.
    public init(people: [String: Person], audiences: [String: Audience]) {
        self.people = people
        self.audiences = audiences
    }

    /// A recipient that could not be reached, and why.
    public struct Unreachable: Hashable, Sendable {
        public var recipient: String
        public var reason: String
    }

    /// The addresses for `recipients` about `milestone` of `project`, in first-reached order.
    public func resolve(_ recipients: [Recipient], milestone: Milestone?, project: Project?)
        -> (addresses: [ChannelAddress], unreachable: [Unreachable]) {
        var addresses: [ChannelAddress] = []
        var unreachable: [Unreachable] = []
        func add(channel: String, person: String?) {
            let index = addresses.firstIndex { $0.channel == channel } ?? {
                addresses.append(ChannelAddress(channel: channel, people: [], mentions: []))
                return addresses.count - 1
            }()
            guard let person, !addresses[index].people.contains(person) else { return }
            addresses[index].people.append(person)
            addresses[index].mentions.append(people[person].map { $0.mention ?? $0.name } ?? person)
        }
        func reach(person key: String, as role: String) {
            guard let channel = people[key]?.channel ?? project?.channel else {
                unreachable.append(Unreachable(recipient: role, reason: "\(key) has no channel and the project none"))
                return
            }
            add(channel: channel, person: key)
        }
        for recipient in recipients {
            switch recipient {
            case .owner:
                if let owner = milestone?.owner { reach(person: owner, as: "owner") }
            case .manager:
                if let manager = project?.manager {
                    reach(person: manager, as: "manager")
                } else {
                    unreachable.append(Unreachable(recipient: "manager", reason: "the project names no manager"))
                }
            case .sponsor:
                if let sponsor = project?.sponsor {
                    reach(person: sponsor, as: "sponsor")
                } else {
                    unreachable.append(Unreachable(recipient: "sponsor", reason: "the project names no sponsor"))
                }
            case .person(let key):
                reach(person: key, as: key)
            case .audience(let key):
                guard let audience = audiences[key] else { continue }
                if audience.channels.isEmpty {
                    for member in audience.members { reach(person: member, as: "audience:\(key)") }
                } else {
                    for channel in audience.channels {
                        add(channel: channel, person: nil)
                        for member in audience.members { add(channel: channel, person: member) }
                    }
                }
            case .channel(let key):
                add(channel: key, person: nil)
            }
        }
        return (addresses, unreachable)
    }
}
