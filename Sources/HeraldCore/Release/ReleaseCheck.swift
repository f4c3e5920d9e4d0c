import Foundation

/// What happens to a message when its moment to go comes, checked against the facts of that moment.
public enum ReleaseCheck: Hashable, Sendable {
    /// Nothing it says changed: it goes as decided.
    case asDecided
    /// Its milestone changed but its rule still holds: it goes with this text, written from the facts at release
    /// (same id).
    case rewritten(OutgoingMessage)
    /// Its rule no longer holds, or its milestone or escalation is closed: it is withdrawn with this reason
    /// (`superseded: due moved to Thu 10 Dec`).
    case withdrawn(String)
}
