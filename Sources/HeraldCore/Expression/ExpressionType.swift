/// The static type of an expression, known at compile time.
indirect enum ExpressionType: Equatable, Sendable {
    case null, bool, number, string, date
    /// A list whose elements have this type (`null` for an empty list or one of nulls only).
    case list(ExpressionType)

    /// How the type reads in an error message.
    var name: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .date: return "date"
        case .list(.null): return "list"
        case .list(let element): return "list of \(element.name)"
        }
    }

    /// True when `==` can compare values of the two types: the same type, or either is null.
    func isComparable(with other: ExpressionType) -> Bool {
        self == other || self == .null || other == .null
    }
}
