/// A Mattermost incoming-webhook body: `{"text"}` in Markdown, mentions first, at most 16,383 characters.
public enum MattermostPayload {
    /// Mattermost's post length limit.
    public static let textLimit = TextLimit.characters(16_383)

    /// The JSON bytes for `message`.
    public static func body(for message: OutgoingMessage) -> [UInt8] {
        JSONOutput.bytes(Payload(text: textLimit.truncating(ChatText.mentioning(message, message.text))))
    }

    private struct Payload: Encodable {
        var text: String
    }
}
