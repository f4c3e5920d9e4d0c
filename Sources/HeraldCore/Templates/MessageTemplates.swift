import Mustache

/// Mustache templates that override the built-in wording of messages, one per kind (`templates_dir` in the config:
/// `reminder.mustache`, `digest.mustache`, …). A template renders the message's text from the values of
/// ``context(for:)``, the built-in wording among them as `text`. Rendering is plain text: nothing is HTML-escaped.
public struct MessageTemplates: Sendable {
    private var templates: [MessageKind: MustacheTemplate] = [:]

    /// No templates: every message keeps its built-in wording.
    public init() {}

    /// The kinds that have a template, in ``MessageKind`` order.
    public var kinds: [MessageKind] {
        MessageKind.allCases.filter { templates[$0] != nil }
    }

    /// Parses `source` as the template of `kind`, replacing any before it.
    /// - Throws: ``TemplateError`` with the line and column of the problem in `source`.
    public mutating func add(_ source: String, for kind: MessageKind) throws(TemplateError) {
        do {
            // The pragma on a line of its own is a standalone tag: it renders nothing and shifts lines by one.
            templates[kind] = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + source)
        } catch let error as MustacheTemplate.ParserError {
            // The parser's only other error is running off the end of the text inside a tag.
            let problem = (error.error as? MustacheTemplate.Error).map(TemplateError.describe)
                ?? "the template ends inside a tag that is not closed"
            throw TemplateError(
                line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber, message: problem
            )
        } catch {
            throw TemplateError(line: 1, column: 1, message: "\(error)")
        }
    }

    /// The text of `message`: its kind's template rendered, without trailing white space, or the built-in
    /// wording (`message.text`) when the kind has no template.
    public func text(for message: OutgoingMessage) -> String {
        guard let template = templates[message.kind] else { return message.text }
        let rendered = template.render(Self.context(for: message))
        return String(rendered.reversed().drop { $0.isWhitespace }.reversed())
    }
}

/// A template that Mustache cannot parse: where, 1-based, and what is wrong.
public struct TemplateError: Error, Hashable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String

    /// Creates an error.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The problem in words.
    static func describe(_ error: MustacheTemplate.Error) -> String {
        switch error {
        case .sectionCloseNameIncorrect: "a section is closed with a name other than the one it opened with"
        case .unfinishedName: "a tag is not closed with '}}'"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: "an inherited partial contains a tag it cannot hold"
        case .textInsideInheritSection: "an inherited partial contains text outside its blocks"
        case .invalidConfigVariableSyntax: "a pragma tag is malformed"
        case .unrecognisedConfigVariable: "a pragma tag names an unknown setting"
        @unknown default: "\(error)"
        }
    }
}
