import Foundation

extension RuleEngine {
    /// The quiet-hours hold of a message to `address` decided at `now`, worked out once per evaluation for each
    /// channel, people and time: a night's reminders to one owner share it.
    func hold(for address: ChannelAddress, at now: Date, into decisions: inout EngineDecisions) -> Hold? {
        let key = HoldKey(channel: address.channel, people: address.people, at: now)
        if let known = decisions.holds[key] { return known }
        let hold = reachability.hold(channel: address.channel, recipients: address.people, at: now)
        decisions.holds[key] = hold
        return hold
    }
}

/// What a quiet-hours hold depends on.
struct HoldKey: Hashable, Sendable {
    var channel: String
    var people: [String]
    var at: Date
}
