/// A Google Chat space-webhook body, `{"text"}` of at most 32,000 bytes (mentions first, then the text made inert,
/// ``ChatEscaping/googleChat``, the message's links last, as `<URL|Acknowledge>` and `<URL|Milestone page>`), and the
/// thread a message belongs to.
public enum GoogleChatPayload {
    /// Google Chat's message size limit.
    public static let textLimit = TextLimit.bytes(32_000)

    /// The JSON bytes for `message`.
    public static func body(for message: OutgoingMessage) -> [UInt8] {
        if let digest = message.digest { return digestBody(for: message, digest) }
        if let items = message.items { return bundleBody(for: message, items) }
        let escaped = ChatEscaping.googleChat.escape(message.text)
        let text = ChatText.fitting(ChatText.mentioning(message, escaped), to: textLimit, of: message) {
            "<\($1)|\($0)>"
        }
        return JSONOutput.bytes(Payload(text: text))
    }

    /// `apollo/design-signoff`: one thread per milestone, so that a milestone's reminders, escalations and
    /// resolution read as one conversation. Nil unless the message is about one milestone of a project.
    public static func threadKey(for message: OutgoingMessage) -> String? {
        guard let project = message.project, message.milestones.count == 1 else { return nil }
        return "\(project.id)/\(message.milestones[0].id)"
    }

    private struct Payload: Encodable {
        var text: String
    }
}
