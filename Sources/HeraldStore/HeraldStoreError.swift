/// A failure of the store beyond SQLite's own errors (which surface as GRDB's `DatabaseError`).
public struct HeraldStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case unknownProject(String)
        case unknownDelivery(Int64)
        case unknownMessage(String)
        case corruptValue(column: String, value: String)
        case unknownEscalation(String)
        case escalationChanged(String)
        case diskFull(String)
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// A milestone was applied to a project the store does not know (or that was removed).
    public static func unknownProject(_ id: String) -> HeraldStoreError {
        HeraldStoreError(.unknownProject(id))
    }

    /// An attempt was recorded for a delivery that does not exist.
    public static func unknownDelivery(_ id: Int64) -> HeraldStoreError {
        HeraldStoreError(.unknownDelivery(id))
    }

    /// No delivery carries a message with this id.
    public static func unknownMessage(_ id: String) -> HeraldStoreError {
        HeraldStoreError(.unknownMessage(id))
    }

    /// A stored value could not be read back (a date, a state, a JSON list).
    public static func corruptValue(column: String, value: String) -> HeraldStoreError {
        HeraldStoreError(.corruptValue(column: column, value: value))
    }

    /// No escalation has this id.
    public static func unknownEscalation(_ id: String) -> HeraldStoreError {
        HeraldStoreError(.unknownEscalation(id))
    }

    /// An escalation changed (was acknowledged) between the engine reading and writing it; evaluate again.
    public static func escalationChanged(_ id: String) -> HeraldStoreError {
        HeraldStoreError(.escalationChanged(id))
    }

    /// The store could not be written because its disk (or its size limit) is full; `detail` is SQLite's message.
    public static func diskFull(_ detail: String) -> HeraldStoreError {
        HeraldStoreError(.diskFull(detail))
    }

    /// True for `escalationChanged`: the write was refused and nothing was stored.
    public var isEscalationConflict: Bool {
        if case .escalationChanged = reason { return true }
        return false
    }

    /// A sentence for logs and the command line.
    public var description: String {
        switch reason {
        case .unknownProject(let id): "unknown project '\(id)'"
        case .unknownDelivery(let id): "unknown delivery \(id)"
        case .unknownMessage(let id): "unknown message '\(id)'"
        case .corruptValue(let column, let value): "corrupt value in column \(column): '\(value)'"
        case .unknownEscalation(let id): "unknown escalation '\(id)'"
        case .escalationChanged(let id): "escalation \(id) changed while it was being evaluated"
        case .diskFull(let detail): "disk full: the store cannot be written (\(detail))"
        }
    }
}
