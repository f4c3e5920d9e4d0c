import Foundation
// TEMPORARY interface placeholder: replaced by the expression-language work.
/// A compiled `when` expression.
public struct RuleExpression: Sendable {
    /// The text as written.
    public let source: String

    /// Compiles `source`, or throws an `ExpressionError` with the column inside `source`.
    public static func compile(_ source: String) throws -> RuleExpression {
        RuleExpression(source: source)
    }

    /// True when the expression holds for the milestone described by `facts`.
    public func evaluate(_ facts: MilestoneFacts) -> Bool {
        false
    }
}

/// A syntax or type error inside an expression.
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based column inside the expression text.
    public let column: Int
    public let message: String

    /// Creates an error.
    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    public var description: String { "\(message) (column \(column))" }
}

/// Everything a `when` expression can read about one milestone at one moment.
public struct MilestoneFacts: Sendable {
    public var daysUntilDue = 0
    public var businessDaysUntilDue = 0
    public var daysOverdue = 0
    public var businessDaysOverdue = 0
    public init(milestone: Milestone, updatedAt: Date, today: CivilDate, calendar: BusinessCalendar,
                previous: Milestone? = nil) {}
}
