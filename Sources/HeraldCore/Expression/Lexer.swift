/// Splits a `when` expression into tokens.
struct Lexer {
    private let characters: [Character]
    private var position = 0

    /// Creates a lexer over `source`.
    init(_ source: String) {
        characters = Array(source)
    }

    /// All tokens, ending with `.end` (whose column is one past the last character).
    static func tokenize(_ source: String) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private static let keywords: [String: Token.Kind] = [
        "and": .and, "or": .or, "not": .not, "in": .in,
        "true": .trueKeyword, "false": .falseKeyword, "null": .nullKeyword,
    ]

    private mutating func next() throws(ExpressionError) -> Token {
        while position < characters.count, characters[position].isWhitespace {
            position += 1
        }
        let start = position
        guard position < characters.count else { return Token(kind: .end, column: start + 1, text: "") }
        let character = characters[position]
        position += 1
        func token(_ kind: Token.Kind) -> Token {
            Token(kind: kind, column: start + 1, text: String(characters[start..<position]))
        }
        func followedBy(_ next: Character) -> Bool {
            if position < characters.count, characters[position] == next {
                position += 1
                return true
            }
            return false
        }
        switch character {
        case "(": return token(.leftParen)
        case ")": return token(.rightParen)
        case "[": return token(.leftBracket)
        case "]": return token(.rightBracket)
        case ",": return token(.comma)
        case "-": return token(.minus)
        case "<": return token(followedBy("=") ? .lessOrEqual : .less)
        case ">": return token(followedBy("=") ? .greaterOrEqual : .greater)
        case "=":
            guard followedBy("=") else {
                throw ExpressionError(column: start + 1, message: "unexpected '='; use '==' to compare")
            }
            return token(.equal)
        case "!":
            guard followedBy("=") else {
                throw ExpressionError(column: start + 1, message: "unexpected '!'; use 'not' to negate")
            }
            return token(.notEqual)
        case "\"":
            return try string(start: start)
        case _ where Self.isDigit(character):
            return try numberOrDate(start: start)
        case _ where Self.isIdentifierStart(character):
            while position < characters.count, Self.isIdentifierPart(characters[position]) {
                position += 1
            }
            let text = String(characters[start..<position])
            return Token(kind: Self.keywords[text] ?? .identifier(text), column: start + 1, text: text)
        default:
            throw ExpressionError(column: start + 1, message: "unexpected character '\(character)'")
        }
    }

    /// A double-quoted string; the opening quote is consumed.
    private mutating func string(start: Int) throws(ExpressionError) -> Token {
        var value = ""
        while position < characters.count {
            let character = characters[position]
            position += 1
            switch character {
            case "\"":
                return Token(kind: .string(value), column: start + 1, text: String(characters[start..<position]))
            case "\\":
                guard position < characters.count else { break }
                let escaped = characters[position]
                guard escaped == "\"" || escaped == "\\" else {
                    throw ExpressionError(column: position, message: "unknown escape '\\\(escaped)' in string")
                }
                value.append(escaped)
                position += 1
            default:
                value.append(character)
            }
        }
        throw ExpressionError(column: start + 1, message: "unterminated string")
    }

    /// `YYYY-MM-DD`, or digits with an optional fraction; the first digit is consumed.
    private mutating func numberOrDate(start: Int) throws(ExpressionError) -> Token {
        if let date = try date(start: start) { return date }
        while position < characters.count, Self.isDigit(characters[position]) {
            position += 1
        }
        if position + 1 < characters.count, characters[position] == ".", Self.isDigit(characters[position + 1]) {
            position += 1
            while position < characters.count, Self.isDigit(characters[position]) {
                position += 1
            }
        }
        if position < characters.count, Self.isIdentifierStart(characters[position]) {
            throw ExpressionError(column: start + 1, message: "invalid number '\(Self.word(characters, from: start))'")
        }
        let text = String(characters[start..<position])
        guard let value = Double(text) else {
            throw ExpressionError(column: start + 1, message: "invalid number '\(text)'")
        }
        return Token(kind: .number(value), column: start + 1, text: text)
    }

    /// A date literal when the ten characters at `start` read `DDDD-DD-DD`; nil when they do not.
    private mutating func date(start: Int) throws(ExpressionError) -> Token? {
        let end = start + 10
        guard end <= characters.count else { return nil }
        for offset in 0..<10 {
            let character = characters[start + offset]
            let ok = offset == 4 || offset == 7 ? character == "-" : Self.isDigit(character)
            if !ok { return nil }
        }
        if end < characters.count, Self.isIdentifierPart(characters[end]) { return nil }
        let text = String(characters[start..<end])
        guard let date = CivilDate(iso: text) else {
            throw ExpressionError(column: start + 1, message: "invalid date '\(text)'")
        }
        position = end
        return Token(kind: .date(date), column: start + 1, text: text)
    }

    /// The run of identifier characters from `start`, for messages.
    private static func word(_ characters: [Character], from start: Int) -> String {
        String(characters[start...].prefix { isIdentifierPart($0) })
    }

    private static func isDigit(_ character: Character) -> Bool {
        character >= "0" && character <= "9"
    }

    private static func isIdentifierStart(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && character.isLetter)
    }

    private static func isIdentifierPart(_ character: Character) -> Bool {
        isIdentifierStart(character) || isDigit(character) || character == "."
    }
}
