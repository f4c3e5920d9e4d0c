import Foundation

extension RuleEngine {
    /// The quiet-hours hold of `message` (to its channel and people, decided at its creation), worked out once
    /// per evaluation for each channel, people and time: a night's reminders to one owner share it.
    func hold(for message: OutgoingMessage, into decisions: inout EngineDecisions) -> Hold? {
        let key = HoldKey(channel: message.channel, people: message.recipients, at: message.createdAt)
        if let known = decisions.holds[key] { return known }
        let hold = reachability.hold(channel: message.channel, recipients: message.recipients, at: message.createdAt)
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
