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

    /// The label of the link to the page of the milestone a message is about.
    public static let milestonePageLabel = "Milestone page"

    /// The links `message` carries, label and address, in the order they are shown: an escalation's
    /// acknowledgement link, then the milestone's page.
    public static func links(of message: OutgoingMessage) -> [(label: String, url: String)] {
        links(escalation: message.escalation, milestoneURL: message.milestoneURL)
    }

    /// The links a bundled message carries, as ``links(of:)`` gives them for a message on its own.
    public static func links(of item: BundleItem) -> [(label: String, url: String)] {
        links(escalation: item.escalation, milestoneURL: item.milestoneURL)
    }

    private static func links(escalation: EscalationRef?, milestoneURL: String?) -> [(label: String, url: String)] {
        [(acknowledgeLabel, escalation?.ackURL), (milestonePageLabel, milestoneURL)]
            .compactMap { label, url in url.map { (label, $0) } }
    }

    /// `text` cut to `limit`; for a message with links (``links(of:)``), cut so that the links, each written by
    /// `link` (given its label and address) on a line of its own after it, fit too (a link is never cut).
    public static func fitting(
        _ text: String, to limit: TextLimit, of message: OutgoingMessage, link: (String, String) -> String
    ) -> String {
        let lines = links(of: message).map { "\n" + link($0.label, $0.url) }.joined()
        guard !lines.isEmpty else { return limit.truncating(text) }
        return TextLimit(limit.maximum - limit.length(of: lines), limit.unit).truncating(text) + lines
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
