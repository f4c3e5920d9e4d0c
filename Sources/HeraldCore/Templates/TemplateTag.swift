import Foundation

/// A tag of a Mustache template that names a value, where it stands: `{{name}}`, `{{#name}}`, `{{^name}}`,
/// `{{/name}}`, `{{&name}}`, `{{{name}}}`, a transform's argument (`{{uppercased(name)}}`) among them. Comments,
/// partials, blocks, pragmas and set-delimiter tags name no value and are passed over (a set-delimiter tag changes
/// the delimiters of those after it).
struct TemplateTag: Hashable, Sendable {
    /// What a tag does with the value it names.
    enum Role: Hashable, Sendable {
        /// Shows it.
        case variable
        /// Opens a section over it (`#`).
        case section
        /// Opens a section shown when it is absent or empty (`^`).
        case inverted
        /// Opens a block or an inheritance (`$`, `<`), whose name is no value but which `/` closes.
        case block
        /// Closes the innermost section (`/`).
        case close
    }

    var role: Role
    /// The value's name (`milestone.title`, `.`); empty for a transform of the sequence (`{{index()}}`).
    var name: String
    /// The transforms applied to it, outermost first.
    var transforms: [String]
    /// 1-based line and column of the name in the template.
    var line: Int
    var column: Int

    /// The tags of `source`, a template Mustache has parsed (anything malformed ends the list).
    static func tags(in source: String) -> [TemplateTag] {
        var scanner = Scanner(Array(source))
        return scanner.tags()
    }

    private struct Scanner {
        let characters: [Character]
        var index = 0
        var line = 1
        var column = 1
        var opening: [Character] = ["{", "{"]
        var closing: [Character] = ["}", "}"]

        init(_ characters: [Character]) {
            self.characters = characters
        }

        mutating func tags() -> [TemplateTag] {
            var tags: [TemplateTag] = []
            while skip(past: opening), index < characters.count {
                let sigil = characters[index]
                switch sigil {
                case "!", ">", "%":
                    guard skip(past: closing) else { return tags }
                case "=":
                    guard setDelimiters() else { return tags }
                case "{":
                    advance()
                    guard let tag = named(.variable, until: ["}"] + closing) else { return tags }
                    tags.append(tag)
                default:
                    let role: Role? = switch sigil {
                    case "#": .section
                    case "^": .inverted
                    case "/": .close
                    case "$", "<": .block
                    case "&": .variable
                    default: nil
                    }
                    if role != nil { advance() }
                    guard let tag = named(role ?? .variable, until: closing) else { return tags }
                    tags.append(tag)
                }
            }
            return tags
        }

        /// The tag whose name runs to `end`, with its transforms; nil when `end` never comes.
        private mutating func named(_ role: Role, until end: [Character]) -> TemplateTag? {
            while index < characters.count, characters[index].isWhitespace { advance() }
            let (line, column, start) = (self.line, self.column, index)
            guard skip(past: end) else { return nil }
            let text = String(characters[start..<(index - end.count)]).trimmingCharacters(in: .whitespaces)
            // `a(b(name))`: the innermost parentheses hold the name.
            let parts = text.split(separator: "(", omittingEmptySubsequences: false)
            let name = parts.last.map { $0.prefix { $0 != ")" } } ?? ""
            return TemplateTag(
                role: role, name: String(name), transforms: parts.dropLast().map(String.init), line: line,
                column: column
            )
        }

        /// `{{=<% %>=}}`: the delimiters of the tags after it; false when it is malformed.
        private mutating func setDelimiters() -> Bool {
            advance()
            let start = index
            guard skip(past: ["="] + closing) else { return false }
            let parts = characters[start..<(index - closing.count - 1)].split(whereSeparator: \.isWhitespace)
            guard parts.count == 2 else { return false }
            opening = Array(parts[0])
            closing = Array(parts[1])
            return true
        }

        /// Moves past the next `text`; false (at the end) when there is none.
        private mutating func skip(past text: [Character]) -> Bool {
            while index + text.count <= characters.count {
                if characters[index..<(index + text.count)].elementsEqual(text) {
                    for _ in text { advance() }
                    return true
                }
                advance()
            }
            while index < characters.count { advance() }
            return false
        }

        private mutating func advance() {
            if characters[index].isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
    }
}
