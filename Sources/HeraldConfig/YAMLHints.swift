import Yams

/// Help read from the text itself for Yams' errors: where a duplicate key is given again, and a hint for a `${VAR}`
/// left unquoted inside a `{ }` or `[ ]` flow collection (where `{` starts a mapping).
enum YAMLHints {
    /// "; a ${VAR} inside { } or [ ] must be quoted" when `problem`, about a flow collection, is on a line that has
    /// an unquoted `${`; empty otherwise.
    static func flowVariable(in text: String, at mark: Mark, problem: String) -> String {
        guard problem.contains("flow"), let line = line(mark.line, of: text), hasUnquotedVariable(line) else {
            return ""
        }
        return #"; a ${VAR} inside { } or [ ] must be quoted: "${VAR}""#
    }

    /// The line and column where `key`, first given at `first`, is given again: at the same column on a later line
    /// (a block mapping) or later on the same line (a flow mapping); `first` itself when it cannot be found.
    static func repetition(of key: String, in text: String, after first: Mark) -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let keyCharacters = Array(key)
        func isKey(_ characters: [Character], at index: Int) -> Bool {
            guard index >= 0, index + keyCharacters.count <= characters.count,
                  Array(characters[index..<index + keyCharacters.count]) == keyCharacters else { return false }
            let rest = characters[(index + keyCharacters.count)...].drop { $0 == " " }
            return rest.first == ":"
        }
        let lineIndex = first.line - 1, columnIndex = first.column - 1
        guard lineIndex >= 0, lineIndex < lines.count else { return (first.line, first.column) }
        let sameLine = lines[lineIndex]
        var index = columnIndex + keyCharacters.count
        while index < sameLine.count {
            if isKey(sameLine, at: index), index == 0 || " ,{".contains(sameLine[index - 1]) {
                return (first.line, index + 1)
            }
            index += 1
        }
        for later in (lineIndex + 1)..<lines.count {
            let characters = lines[later]
            let indent = characters.prefix { $0 == " " }.count
            if indent < columnIndex && !characters.allSatisfy({ $0 == " " }) { break }
            if indent == columnIndex, isKey(characters, at: columnIndex) { return (later + 1, columnIndex + 1) }
        }
        return (first.line, first.column)
    }

    private static func line(_ number: Int, of text: String) -> Substring? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// True when `line` has a `${` outside single and double quotes.
    private static func hasUnquotedVariable(_ line: Substring) -> Bool {
        var quote: Character?
        var previous: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "{", previous == "$" {
                return true
            }
            previous = character
        }
        return false
    }
}
