/// Evaluation recurses over the program; its height is bounded by ``ExpressionLimits`` (only the type checker
/// builds a `Program`, from a tree the parser bounded).
extension Program {
    /// True when the program yields `true` for `facts`; null and false are both not true.
    ///
    /// In `and`, `or` and `not` a null operand counts as false. Ordering with a null operand is false.
    func holds(_ facts: MilestoneFacts.Storage) -> Bool {
        switch self {
        case .and(let left, let right):
            return left.holds(facts) && right.holds(facts)
        case .or(let left, let right):
            return left.holds(facts) || right.holds(facts)
        case .not(let operand):
            return !operand.holds(facts)
        case .equal(let left, let right):
            return left.evaluate(facts) == right.evaluate(facts)
        case .notEqual(let left, let right):
            return left.evaluate(facts) != right.evaluate(facts)
        case .order(let op, let left, let right):
            return Self.order(op, left.evaluate(facts), right.evaluate(facts))
        case .member(let operand, let values):
            return values.contains(operand.evaluate(facts))
        case .notMember(let operand, let values):
            return !values.contains(operand.evaluate(facts))
        case .constant, .variable, .negate:
            return evaluate(facts) == .bool(true)
        }
    }

    /// The value of the program for `facts`.
    func evaluate(_ facts: MilestoneFacts.Storage) -> ExpressionValue {
        switch self {
        case .constant(let value):
            return value
        case .variable(let reference):
            return facts.value(of: reference)
        case .negate(let operand):
            guard case .number(let value) = operand.evaluate(facts) else { return .null }
            return .number(-value)
        case .not, .and, .or, .equal, .notEqual, .order, .member, .notMember:
            return .bool(holds(facts))
        }
    }

    private static func order(_ op: OrderOperator, _ left: ExpressionValue, _ right: ExpressionValue) -> Bool {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            return compare(op, a, b)
        case (.date(let a), .date(let b)):
            return compare(op, a.dayNumber, b.dayNumber)
        default:
            return false
        }
    }

    @inline(__always)
    private static func compare<T: Comparable>(_ op: OrderOperator, _ a: T, _ b: T) -> Bool {
        switch op {
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }
}
