/// The pieces of text every chat format shows, worded once.
public enum ChatText {
    /// `text` after the message's mentions (`<@U1> <@U2> text`), or `text` alone when nobody is mentioned.
    public static func mentioning(_ message: OutgoingMessage, _ text: String) -> String {
        message.mentions.isEmpty ? text : message.mentions.joined(separator: " ") + " " + text
    }

    /// `Reminder · Apollo ERP upgrade`: the kind, and the project when there is one.
    public static func header(_ message: OutgoingMessage) -> String {
        let kind = message.kind.rawValue.prefix(1).uppercased() + message.kind.rawValue.dropFirst()
        return [kind, message.project?.name].compactMap { $0 }.joined(separator: " · ")
    }

    /// The label of the link that acknowledges an escalation from its message.
    public static let acknowledgeLabel = "Acknowledge"

    /// `text` cut to `limit`; for a message with an acknowledgement link, cut so that the link, written by
    /// `link` on a line of its own after it, fits too (the link is never cut).
    public static func fitting(
        _ text: String, to limit: TextLimit, of message: OutgoingMessage, link: (String) -> String
    ) -> String {
        guard let url = message.escalation?.ackURL else { return limit.truncating(text) }
        let line = "\n" + link(url)
        return TextLimit(limit.maximum - limit.length(of: line), limit.unit).truncating(text) + line
    }

    /// `Due`, `Status` and `Owner` of `milestone` as label and value pairs, in that order, as a reader reads them:
    /// `Thu 3 Dec` (with its year when not `today`'s), `at risk`, `Alice Ng`.
    public static func facts(
        _ milestone: MilestoneRef, readers: MessageReaders, today: CivilDate
    ) -> [(label: String, value: String)] {
        [
            ("Due", milestone.due.display(today: today)), ("Status", milestone.status.words),
            ("Owner", readers.name(milestone.owner)),
        ]
    }
}
