import HeraldCore

/// The changes the HTTP routes make through the daemon's runtime rather than the store alone, so a change never races
/// a tick, the change rules fire in the change's transaction, and the dispatcher wakes at once. The daemon's
/// `HeraldRuntime` conforms.
public protocol ServerActions: Sendable {
    /// Applies `update` to the stored milestone `key`, recording `source` (`api`, `chat:alice`) and `update.by` (the
    /// actor) in its history, and returns the change; nil when no field differed (a note alone is still recorded).
    ///
    /// - Throws: `ServerActionError.notFound` when the milestone is not stored.
    func update(_ key: MilestoneKey, with update: MilestoneUpdate, source: String) async throws -> MilestoneChange?

    /// Snoozes the milestone `key`'s reminders and escalations until the start of `date` in the configured zone, as
    /// `herald snooze` does, and returns the snooze.
    ///
    /// - Throws: `ServerActionError.notFound` when the milestone is not stored, `.invalid` when `date` has begun.
    func snooze(_ key: MilestoneKey, until date: CivilDate, by person: String, note: String?) async throws -> Snooze

    /// Answers the open escalation `escalationID` with `update` to its milestone (a new due date, or done): the update
    /// takes ``update(_:with:source:)``'s path (validation, history with actor `update.by` and `source`, the change
    /// rules), then, unless it marks the milestone done (which resolves the escalation), the escalation is
    /// acknowledged as `acknowledger` with `update.note`, before any evaluation runs. An escalation already closed
    /// changes nothing.
    ///
    /// - Throws: `ServerActionError.notFound` for an unknown escalation or a milestone no longer stored.
    func answer(
        _ escalationID: String, with update: MilestoneUpdate, acknowledger: String, source: String
    ) async throws -> EscalationAnswer
}

/// How an answer to an escalation ended.
public enum EscalationAnswer: Hashable, Sendable {
    /// The milestone was updated and the escalation, as it now stands, closed.
    case answered(EscalationRecord)
    /// The escalation was already closed; nothing changed.
    case alreadyClosed(EscalationRecord)
}

/// Why a ``ServerActions`` change was not made, in words for the caller.
public struct ServerActionError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case notFound, invalid
    }

    private let kind: Kind
    /// The sentence to show.
    public let description: String

    /// The milestone (or project) is not in the store.
    public static func notFound(_ description: String) -> Self {
        Self(kind: .notFound, description: description)
    }

    /// The request cannot be carried out as asked.
    public static func invalid(_ description: String) -> Self {
        Self(kind: .invalid, description: description)
    }

    /// True for ``notFound(_:)``.
    public var isNotFound: Bool { kind == .notFound }
}
