/// A compiled `when` expression: parsed, type-checked and lowered once, then evaluated cheaply.
///
/// The language: `or`, `and`, prefix `not`, comparisons `== != < <= > >= in` and `not in`
/// (non-associative), unary `-`, parentheses; string, number, boolean, date (`2026-12-04`),
/// `null` and list literals; the milestone variables (`status`, `business_days_until_due`,
/// `labels.team`, ...) and their `previous.` forms.
public struct RuleExpression: Sendable, CustomStringConvertible {
    /// The text as written.
    public let source: String
    let program: Program

    /// Compiles `source`, or throws an `ExpressionError` with the column inside `source`.
    public static func compile(_ source: String) throws(ExpressionError) -> RuleExpression {
        let tree = try Parser.parse(source)
        return RuleExpression(source: source, program: try TypeChecker.check(tree))
    }

    /// True when the expression holds for the milestone described by `facts`.
    public func evaluate(_ facts: MilestoneFacts) -> Bool {
        program.holds(facts.storage)
    }

    /// The text as written.
    public var description: String { source }
}
