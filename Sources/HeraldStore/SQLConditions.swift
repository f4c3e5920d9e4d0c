import GRDB

/// SQL conditions gathered one filter field at a time, with their arguments, for a `WHERE` joined by `AND`.
struct SQLConditions {
    private(set) var clauses: [String] = []
    private(set) var arguments: StatementArguments = []

    /// Adds `clause` with the values of its `?` placeholders, in order.
    mutating func add(_ clause: String, _ values: any DatabaseValueConvertible...) {
        clauses.append(clause)
        arguments += StatementArguments(values)
    }

    /// ` WHERE a AND b`, or nothing without conditions.
    var whereClause: String {
        clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
    }
}
