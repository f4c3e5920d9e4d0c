/// One lexical token of a `when` expression.
struct Token: Sendable {
    /// What the token is.
    enum Kind: Equatable, Sendable {
        case identifier(String)
        case string(String)
        case number(Double)
        case date(CivilDate)
        case trueKeyword, falseKeyword, nullKeyword
        case and, or, not, `in`
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
        case minus
        case leftParen, rightParen, leftBracket, rightBracket, comma
        case end
    }

    let kind: Kind
    /// 1-based column of the first character.
    let column: Int
    /// The text as written, for messages.
    let text: String

    /// How the token reads in an error message.
    var quoted: String {
        kind == .end ? "end of expression" : "'\(text)'"
    }
}
