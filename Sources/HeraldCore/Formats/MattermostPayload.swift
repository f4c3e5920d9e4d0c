/// A Mattermost incoming-webhook body: `{"text"}` in Markdown, mentions first, then the text made inert
/// (``ChatEscaping/mattermost``), the message's links last (acknowledge, milestone page), at most 16,383 characters.
public enum MattermostPayload {
    /// Mattermost's post length limit.
    public static let textLimit = TextLimit.characters(16_383)

    /// The JSON bytes for `message`.
    public static func body(for message: OutgoingMessage) -> [UInt8] {
        if let items = message.items { return bundleBody(for: message, items) }
        let escaped = ChatEscaping.mattermost.escape(message.text)
        let text = ChatText.fitting(ChatText.mentioning(message, escaped), to: textLimit, of: message) {
            "[\($0)](\($1))"
        }
        return JSONOutput.bytes(Payload(text: text))
    }

    struct Payload: Encodable {
        var text: String
    }
}
