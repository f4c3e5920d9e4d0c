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

    /// `Due`, `Status` and `Owner` of `milestone` as label and value pairs, in that order.
    public static func facts(_ milestone: MilestoneRef) -> [(label: String, value: String)] {
        [("Due", milestone.due.description), ("Status", milestone.status.rawValue), ("Owner", milestone.owner)]
    }
}
