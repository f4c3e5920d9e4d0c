/// A type-checked expression lowered for evaluation: variables resolved, lists flattened to values.
indirect enum Program: Sendable {
    case constant(ExpressionValue)
    case variable(VariableReference)
    case not(Program)
    case and(Program, Program)
    case or(Program, Program)
    case negate(Program)
    case equal(Program, Program)
    case notEqual(Program, Program)
    case order(OrderOperator, Program, Program)
    case member(Program, [ExpressionValue])
    case notMember(Program, [ExpressionValue])
}

/// The ordering comparisons, defined on numbers and dates.
enum OrderOperator: Sendable {
    case less, lessOrEqual, greater, greaterOrEqual
}
