/// The syntax tree of a `when` expression, as parsed and before type checking.
struct ExpressionNode: Sendable {
    /// The shape of a node.
    indirect enum Kind: Sendable {
        case literal(ExpressionValue)
        /// A name as written (`owner`, `labels.team`, `previous.status`); resolved by the type checker.
        case variable(String)
        /// A list of literals; only valid after `in` / `not in`.
        case list([ExpressionNode])
        case not(ExpressionNode)
        case negate(ExpressionNode)
        case logical(LogicalOperator, ExpressionNode, ExpressionNode)
        case comparison(ComparisonOperator, ExpressionNode, ExpressionNode)
    }

    let kind: Kind
    /// 1-based column of the node's token: the operator for operations, the token itself for leaves.
    let column: Int
}

/// `and` / `or`.
enum LogicalOperator: Sendable {
    case and, or

    /// The spelling in the language.
    var symbol: String { self == .and ? "and" : "or" }
}

/// The comparison operators, all of one precedence level and non-associative.
enum ComparisonOperator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual, `in`, notIn

    /// The spelling in the language.
    var symbol: String {
        switch self {
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessOrEqual: return "<="
        case .greater: return ">"
        case .greaterOrEqual: return ">="
        case .in: return "in"
        case .notIn: return "not in"
        }
    }
}
