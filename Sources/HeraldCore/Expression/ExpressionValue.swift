/// A run-time value inside an expression: a plain enum, so evaluating allocates nothing.
enum ExpressionValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case date(CivilDate)

    /// The static type of this value.
    var type: ExpressionType {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .number: return .number
        case .string: return .string
        case .date: return .date
        }
    }
}
