import Foundation

/// A Slack incoming-webhook body: Block Kit with a plain `text` fallback for notifications.
public enum SlackPayload {
    /// The JSON bytes for `message`; recipients are mentioned at the start.
    public static func body(for message: OutgoingMessage) -> [UInt8] {
        let mentions = message.mentions.joined(separator: " ")
        let lead = mentions.isEmpty ? "" : "\(mentions) "
        let text = lead + escape(message.text)
        var context = [message.kind.rawValue]
        if let project = message.project { context.append(escape(project.name)) }
        if let rule = message.rule { context.append("rule \(escape(rule))") }
        let payload = Payload(
            text: text,
            blocks: [
                Block(type: "section", text: TextObject(type: "mrkdwn", text: text), elements: nil),
                Block(type: "context", text: nil, elements: [TextObject(type: "mrkdwn", text: context.joined(separator: " · "))]),
            ]
        )
        return JSONOutput.bytes(payload)
    }

    /// Slack's three control characters in message text.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    private struct Payload: Encodable {
        var text: String
        var blocks: [Block]
    }

    private struct Block: Encodable {
        var type: String
        var text: TextObject?
        var elements: [TextObject]?
    }

    private struct TextObject: Encodable {
        var type: String
        var text: String
    }
}
