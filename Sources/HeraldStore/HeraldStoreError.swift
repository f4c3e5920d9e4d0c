/// A failure of the store beyond SQLite's own errors (which surface as GRDB's `DatabaseError`).
public struct HeraldStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case unknownProject(String)
        case unknownDelivery(Int64)
        case corruptValue(column: String, value: String)
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

    /// A stored value could not be read back (a date, a state, a JSON list).
    public static func corruptValue(column: String, value: String) -> HeraldStoreError {
        HeraldStoreError(.corruptValue(column: column, value: value))
    }

    /// A sentence for logs and the command line.
    public var description: String {
        switch reason {
        case .unknownProject(let id): "unknown project '\(id)'"
        case .unknownDelivery(let id): "unknown delivery \(id)"
        case .corruptValue(let column, let value): "corrupt value in column \(column): '\(value)'"
        }
    }
}
