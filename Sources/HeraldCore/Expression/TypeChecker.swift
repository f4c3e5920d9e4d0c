/// Checks the static types of a parsed expression and lowers it to a `Program`.
///
/// Rules: `and`, `or` and `not` need booleans; `==`/`!=` need the same type on both sides or
/// a null on either; `<`, `<=`, `>`, `>=` need two numbers or two dates; `in` needs a list of
/// the left side's type; unary `-` needs a number; the whole expression must be boolean.
/// Comparing `status` with a string that is no status is an error.
///
/// The walk counts its depth and refuses a tree higher than ``ExpressionLimits/maximumTerms`` (the parser never
/// builds one), so the `Program` it returns, and every evaluation of it, is bounded too.
enum TypeChecker {
    /// The program for `node`, which must be boolean.
    static func check(_ node: ExpressionNode) throws(ExpressionError) -> Program {
        let (program, type) = try lower(node, depth: 1)
        guard type == .bool else {
            throw ExpressionError(column: node.column, message: "expression must be boolean, got \(type.name)")
        }
        return program
    }

    private static func lower(
        _ node: ExpressionNode, depth: Int
    ) throws(ExpressionError) -> (Program, ExpressionType) {
        guard depth <= ExpressionLimits.maximumTerms else {
            throw ExpressionError(column: node.column, message: "expression too deep")
        }
        switch node.kind {
        case .literal(let value):
            return (.constant(value), value.type)
        case .variable(let name):
            let reference = try VariableReference(resolving: name, column: node.column)
            return (.variable(reference), reference.variable.type)
        case .list:
            throw ExpressionError(column: node.column, message: "a list can only follow 'in' or 'not in'")
        case .not(let operand):
            let (program, type) = try lower(operand, depth: depth + 1)
            guard type == .bool else {
                throw ExpressionError(column: node.column, message: "'not' needs a boolean operand, got \(type.name)")
            }
            return (.not(program), .bool)
        case .negate(let operand):
            let (program, type) = try lower(operand, depth: depth + 1)
            guard type == .number else {
                throw ExpressionError(column: node.column, message: "'-' needs a number operand, got \(type.name)")
            }
            return (.negate(program), .number)
        case .logical(let op, let left, let right):
            let (leftProgram, leftType) = try lower(left, depth: depth + 1)
            let (rightProgram, rightType) = try lower(right, depth: depth + 1)
            for type in [leftType, rightType] where type != .bool {
                throw ExpressionError(
                    column: node.column, message: "'\(op.symbol)' needs boolean operands, got \(type.name)"
                )
            }
            return (op == .and ? .and(leftProgram, rightProgram) : .or(leftProgram, rightProgram), .bool)
        case .comparison(let op, let left, let right):
            return (try comparison(op, left, right, column: node.column, depth: depth), .bool)
        }
    }

    private static func comparison(
        _ op: ComparisonOperator, _ left: ExpressionNode, _ right: ExpressionNode, column: Int, depth: Int
    ) throws(ExpressionError) -> Program {
        let (leftProgram, leftType) = try lower(left, depth: depth + 1)
        if op == .in || op == .notIn {
            guard case .list(let elements) = right.kind else {
                let (_, rightType) = try lower(right, depth: depth + 1)
                throw ExpressionError(
                    column: column, message: "'\(op.symbol)' needs a list on the right, got \(rightType.name)"
                )
            }
            let values = try listValues(elements)
            let elementType = values.first { $0 != .null }?.type ?? .null
            guard leftType.isComparable(with: elementType) else {
                let listType = ExpressionType.list(elementType)
                throw ExpressionError(column: column, message: "cannot compare \(leftType.name) with \(listType.name)")
            }
            if isStatus(left) {
                for element in elements { try checkStatus(element) }
            }
            return op == .in ? .member(leftProgram, values) : .notMember(leftProgram, values)
        }
        let (rightProgram, rightType) = try lower(right, depth: depth + 1)
        let order: OrderOperator
        switch op {
        case .equal, .notEqual:
            guard leftType.isComparable(with: rightType) else {
                throw ExpressionError(column: column, message: "cannot compare \(leftType.name) with \(rightType.name)")
            }
            if isStatus(left) { try checkStatus(right) }
            if isStatus(right) { try checkStatus(left) }
            return op == .equal ? .equal(leftProgram, rightProgram) : .notEqual(leftProgram, rightProgram)
        case .less: order = .less
        case .lessOrEqual: order = .lessOrEqual
        case .greater: order = .greater
        case .greaterOrEqual: order = .greaterOrEqual
        case .in, .notIn: preconditionFailure("handled above")
        }
        for type in [leftType, rightType] where type != .number && type != .date {
            throw ExpressionError(
                column: column, message: "'\(op.symbol)' needs number or date operands, got \(type.name)"
            )
        }
        guard leftType == rightType else {
            throw ExpressionError(column: column, message: "cannot compare \(leftType.name) with \(rightType.name)")
        }
        return .order(order, leftProgram, rightProgram)
    }

    /// The values of a list of literals, which must share one type (nulls aside).
    private static func listValues(_ elements: [ExpressionNode]) throws(ExpressionError) -> [ExpressionValue] {
        var values: [ExpressionValue] = []
        var elementType: ExpressionType?
        for element in elements {
            guard case .literal(let value) = element.kind else {
                throw ExpressionError(column: element.column, message: "list elements must be literals")
            }
            if value != .null {
                if let expected = elementType, expected != value.type {
                    throw ExpressionError(
                        column: element.column,
                        message: "list elements must share one type: \(expected.name) and \(value.type.name)"
                    )
                }
                elementType = value.type
            }
            values.append(value)
        }
        return values
    }

    /// True when `node` reads `status` or `previous.status`.
    private static func isStatus(_ node: ExpressionNode) -> Bool {
        guard case .variable(let name) = node.kind else { return false }
        return name == "status" || name == ExpressionVariable.previousPrefix + "status"
    }

    /// Throws when `node` is a string literal that is not a milestone status.
    private static func checkStatus(_ node: ExpressionNode) throws(ExpressionError) {
        guard case .literal(.string(let text)) = node.kind, MilestoneStatus(rawValue: text) == nil else { return }
        let valid = MilestoneStatus.allCases.map(\.rawValue).joined(separator: ", ")
        throw ExpressionError(column: node.column, message: "unknown status \"\(text)\"; expected one of \(valid)")
    }
}
