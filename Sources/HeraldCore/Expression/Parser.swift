/// Recursive-descent parser for `when` expressions.
///
/// Precedence, lowest first: `or`; `and`; prefix `not`; the comparisons `== != < <= > >= in`
/// and `not in` (non-associative); unary `-`; primaries (literal, variable, list, parentheses).
///
/// The tree it returns is bounded by ``ExpressionLimits``: at most `maximumDepth` nested parentheses, lists and
/// prefix operators, and at most `maximumTerms` nodes, so no later walk over it can exhaust the stack.
struct Parser {
    private let tokens: [Token]
    private var index = 0
    private var depth = 0
    private var terms = 0

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses `source` into a syntax tree.
    static func parse(_ source: String) throws(ExpressionError) -> ExpressionNode {
        if source.count > ExpressionLimits.maximumLength {
            throw ExpressionError(
                column: ExpressionLimits.maximumLength + 1,
                message: "expression too long: more than \(ExpressionLimits.maximumLength) characters"
            )
        }
        var parser = Parser(tokens: try Lexer.tokenize(source))
        if parser.current.kind == .end {
            throw ExpressionError(column: 1, message: "empty expression")
        }
        let node = try parser.parseOr()
        guard parser.current.kind == .end else { throw parser.unexpected(parser.current) }
        return node
    }

    private var current: Token { tokens[index] }

    private var next: Token { tokens[min(index + 1, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func unexpected(_ token: Token) -> ExpressionError {
        ExpressionError(column: token.column, message: "unexpected \(token.quoted)")
    }

    private mutating func descend(at token: Token) throws(ExpressionError) {
        depth += 1
        if depth > ExpressionLimits.maximumDepth {
            throw ExpressionError(
                column: token.column,
                message: "expression too deep: more than \(ExpressionLimits.maximumDepth) levels of nesting"
            )
        }
    }

    /// A new node, counted against ``ExpressionLimits/maximumTerms``.
    private mutating func node(_ kind: ExpressionNode.Kind, column: Int) throws(ExpressionError) -> ExpressionNode {
        terms += 1
        if terms > ExpressionLimits.maximumTerms {
            throw ExpressionError(
                column: column, message: "expression too long: more than \(ExpressionLimits.maximumTerms) terms"
            )
        }
        return ExpressionNode(kind: kind, column: column)
    }

    private mutating func parseOr() throws(ExpressionError) -> ExpressionNode {
        var left = try parseAnd()
        while current.kind == .or {
            let op = advance()
            let right = try parseAnd()
            left = try node(.logical(.or, left, right), column: op.column)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> ExpressionNode {
        var left = try parseNot()
        while current.kind == .and {
            let op = advance()
            let right = try parseNot()
            left = try node(.logical(.and, left, right), column: op.column)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> ExpressionNode {
        guard current.kind == .not else { return try parseComparison() }
        let op = advance()
        try descend(at: op)
        defer { depth -= 1 }
        let operand = try parseNot()
        return try node(.not(operand), column: op.column)
    }

    /// The comparison operator at the current token, if any (`not in` spans two tokens).
    private var comparisonOperator: ComparisonOperator? {
        switch current.kind {
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessOrEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterOrEqual: return .greaterOrEqual
        case .in: return .in
        case .not: return next.kind == .in ? .notIn : nil
        default: return nil
        }
    }

    private mutating func parseComparison() throws(ExpressionError) -> ExpressionNode {
        let left = try parseUnary()
        guard let op = comparisonOperator else { return left }
        let opToken = advance()
        if op == .notIn { _ = advance() }
        let right = try parseUnary()
        if comparisonOperator != nil {
            throw ExpressionError(
                column: current.column, message: "comparisons cannot be chained; combine them with 'and'"
            )
        }
        return try node(.comparison(op, left, right), column: opToken.column)
    }

    private mutating func parseUnary() throws(ExpressionError) -> ExpressionNode {
        guard current.kind == .minus else { return try parsePrimary() }
        let op = advance()
        try descend(at: op)
        defer { depth -= 1 }
        let operand = try parseUnary()
        if case .literal(.number(let value)) = operand.kind {
            return try node(.literal(.number(-value)), column: op.column)
        }
        return try node(.negate(operand), column: op.column)
    }

    private mutating func parsePrimary() throws(ExpressionError) -> ExpressionNode {
        let token = current
        let literal: ExpressionValue
        switch token.kind {
        case .number(let value): literal = .number(value)
        case .string(let value): literal = .string(value)
        case .date(let value): literal = .date(value)
        case .trueKeyword: literal = .bool(true)
        case .falseKeyword: literal = .bool(false)
        case .nullKeyword: literal = .null
        case .identifier(let name):
            _ = advance()
            return try node(.variable(name), column: token.column)
        case .leftParen:
            _ = advance()
            try descend(at: token)
            defer { depth -= 1 }
            let inner = try parseOr()
            guard current.kind == .rightParen else {
                throw ExpressionError(column: current.column, message: "expected ')' after expression")
            }
            _ = advance()
            return inner
        case .leftBracket:
            return try parseList()
        case .end:
            throw ExpressionError(column: token.column, message: "unexpected end of expression")
        default:
            throw unexpected(token)
        }
        _ = advance()
        return try node(.literal(literal), column: token.column)
    }

    private mutating func parseList() throws(ExpressionError) -> ExpressionNode {
        let open = advance()
        try descend(at: open)
        defer { depth -= 1 }
        var elements: [ExpressionNode] = []
        if current.kind == .rightBracket {
            _ = advance()
            return try node(.list(elements), column: open.column)
        }
        while true {
            let element = try parseUnary()
            guard case .literal = element.kind else {
                throw ExpressionError(column: element.column, message: "list elements must be literals")
            }
            elements.append(element)
            switch current.kind {
            case .comma:
                _ = advance()
            case .rightBracket:
                _ = advance()
                return try node(.list(elements), column: open.column)
            default:
                throw ExpressionError(column: current.column, message: "expected ',' or ']' in list")
            }
        }
    }
}
