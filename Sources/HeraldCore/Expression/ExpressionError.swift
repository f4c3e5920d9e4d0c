/// A syntax or type error inside an expression.
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based column inside the expression text, counted in characters, at the offending token
    /// (one past the last character for an unexpected end).
    public let column: Int
    /// A short lowercase phrase such as `expected ')' after expression`.
    public let message: String

    /// Creates an error.
    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    /// `message (column N)`.
    public var description: String { "\(message) (column \(column))" }
}
