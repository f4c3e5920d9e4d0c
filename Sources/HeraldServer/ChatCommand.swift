import HeraldCore

/// A slash command's text (`/herald done apollo/design` arrives as `done apollo/design`), parsed. Verbs are read
/// case-insensitively; an empty text is `help`.
enum ChatCommand: Hashable {
    /// `help`: the commands.
    case help
    /// `status [PROJECT]`: every project at a glance, or one project's milestones and open escalations.
    case status(projectID: String?)
    /// `ack ESCALATION [NOTE]`: acknowledge an escalation; `ack ESCALATION new date DATE [NOTE]`: acknowledge it and
    /// move its milestone's due date; `ack ESCALATION done [NOTE]`: mark its milestone done.
    case ack(escalationID: String, answer: AckAnswer, note: String?)
    /// `done PROJECT/MILESTONE`: mark a milestone done.
    case done(MilestoneKey)
    /// `due PROJECT/MILESTONE DATE`: move a milestone's due date.
    case due(MilestoneKey, CivilDate)
    /// `snooze PROJECT/MILESTONE until DATE`: no reminders or escalations for the milestone before the date.
    case snooze(MilestoneKey, until: CivilDate)

    /// The answer to `help`, and to a command that does not parse.
    static let usage = """
        Herald commands:
        • status [PROJECT]: every project at a glance, or one project's milestones
        • ack ESCALATION [NOTE]: acknowledge an escalation, which stops its ladder
        • ack ESCALATION new date DATE [NOTE]: acknowledge it and move its milestone's due date (YYYY-MM-DD)
        • ack ESCALATION done [NOTE]: mark its milestone done, which resolves the escalation
        • done PROJECT/MILESTONE: mark a milestone done
        • due PROJECT/MILESTONE DATE: move its due date (YYYY-MM-DD)
        • snooze PROJECT/MILESTONE until DATE: no reminders or escalations about it before DATE
        • help: this list
        """

    /// Parses `text`.
    ///
    /// - Throws: `ChatCommand.Unusable` with a sentence for the sender.
    init(parsing text: String) throws(Unusable) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let verb = words.first?.lowercased() else {
            self = .help
            return
        }
        let arguments = Array(words.dropFirst())
        switch verb {
        case "help":
            self = .help
        case "status":
            guard arguments.count <= 1 else { throw Unusable("usage: status [PROJECT]") }
            self = .status(projectID: arguments.first)
        case "ack":
            guard let id = arguments.first else {
                throw Unusable("usage: ack ESCALATION [new date DATE | done] [NOTE]")
            }
            let (answer, rest) = try Self.answer(Array(arguments.dropFirst()))
            let note = rest.joined(separator: " ")
            self = .ack(escalationID: id, answer: answer, note: note.isEmpty ? nil : note)
        case "done":
            guard arguments.count == 1 else { throw Unusable("usage: done PROJECT/MILESTONE") }
            self = .done(try Self.milestone(arguments[0]))
        case "due":
            guard arguments.count == 2 else { throw Unusable("usage: due PROJECT/MILESTONE DATE") }
            self = .due(try Self.milestone(arguments[0]), try Self.date(arguments[1]))
        case "snooze":
            let rest = arguments.count == 3 && arguments[1].lowercased() == "until" ? [arguments[0], arguments[2]]
                : arguments
            guard rest.count == 2 else { throw Unusable("usage: snooze PROJECT/MILESTONE until DATE") }
            self = .snooze(try Self.milestone(rest[0]), until: try Self.date(rest[1]))
        default:
            throw Unusable("unknown command '\(verb)'\n" + Self.usage)
        }
    }

    /// True for the commands that change something, which an unknown chat user may not use.
    var changes: Bool {
        switch self {
        case .help, .status: false
        case .ack, .done, .due, .snooze: true
        }
    }

    /// The project and milestone the command names, for the log's filters.
    var subject: (projectID: String?, milestoneID: String?) {
        switch self {
        case .help, .ack: (nil, nil)
        case .status(let projectID): (projectID, nil)
        case .done(let key), .due(let key, _), .snooze(let key, _): (key.projectID, key.milestoneID)
        }
    }

    /// The answer `words` after `ack ESCALATION` begin with (`new date 2026-12-10`, `done`), and the note's words.
    private static func answer(_ words: [String]) throws(Unusable) -> (AckAnswer, ArraySlice<String>) {
        let lowered = words.prefix(2).map { $0.lowercased() }
        if lowered.first == "done" { return (.done, words.dropFirst()) }
        guard lowered == ["new", "date"] else { return (.acknowledge, words[...]) }
        guard words.count >= 3 else { throw Unusable("usage: ack ESCALATION new date DATE [NOTE]") }
        return (.newDate(try date(words[2])), words.dropFirst(3))
    }

    private static func milestone(_ text: String) throws(Unusable) -> MilestoneKey {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }) else {
            throw Unusable("'\(text)' does not name a milestone: write PROJECT/MILESTONE, such as apollo/design")
        }
        return MilestoneKey(projectID: String(parts[0]), milestoneID: String(parts[1]))
    }

    private static func date(_ text: String) throws(Unusable) -> CivilDate {
        guard let date = CivilDate(iso: text) else {
            throw Unusable("'\(text)' is not a date like 2026-12-11")
        }
        return date
    }

    /// A command that cannot be carried out as written, with the sentence to answer.
    struct Unusable: Error, Hashable {
        let message: String

        init(_ message: String) {
            self.message = message
        }
    }
}
