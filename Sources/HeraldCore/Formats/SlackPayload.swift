import Foundation

/// A Slack incoming-webhook body: Block Kit with a plain `text` fallback for notifications.
///
/// The fallback keeps to Slack's advised 4,000 characters; the full text goes into section blocks of at most
/// 3,000 characters each (Slack's section limit), at most ``maxSections`` of them.
public enum SlackPayload {
    /// The `text` fallback's limit.
    public static let textLimit = TextLimit.characters(4_000)
    /// The limit of one section block's text.
    public static let sectionLimit = TextLimit.characters(3_000)
    /// The most section blocks sent (Slack allows 50 blocks in all).
    public static let maxSections = 10

    /// The JSON bytes for `message`; recipients are mentioned at the start, and the message's links (an
    /// escalation's acknowledgement, the milestone page) are buttons under the text.
    public static func body(for message: OutgoingMessage) -> [UInt8] {
        if let digest = message.digest { return digestBody(for: message, digest) }
        if let items = message.items { return bundleBody(for: message, items) }
        let text = ChatText.mentioning(message, escape(message.text))
        let whole = TextLimit.characters(sectionLimit.maximum * maxSections).truncating(text)
        let sections = sectionLimit.split(whole).map {
            Block(type: "section", text: TextObject(type: "mrkdwn", text: $0), elements: nil)
        }
        let buttons = ChatText.links(of: message).map { Element.button(label: $0.label, url: $0.url) }
        let actions = buttons.isEmpty ? [] : [Block(type: "actions", elements: buttons)]
        let contextBlock = Block(
            type: "context", text: nil,
            elements: [.text(TextObject(type: "mrkdwn", text: escape(ChatText.header(message))))]
        )
        return JSONOutput.bytes(Payload(text: textLimit.truncating(text), blocks: sections + actions + [contextBlock]))
    }

    /// Slack's three control characters in message text: see ``ChatEscaping/slack``.
    static func escape(_ text: String) -> String {
        ChatEscaping.slack.escape(text)
    }

    struct Payload: Encodable {
        var text: String
        var blocks: [Block]
    }

    struct Block: Encodable {
        var type: String
        var text: TextObject?
        var elements: [Element]?
    }

    struct TextObject: Encodable {
        var type: String
        var text: String
    }

    /// An element of a context block (text) or of an actions block (a link button).
    enum Element: Encodable {
        case text(TextObject)
        case button(label: String, url: String)

        private enum CodingKeys: String, CodingKey {
            case type, text, url
        }

        func encode(to encoder: Encoder) throws {
            switch self {
            case .text(let object):
                try object.encode(to: encoder)
            case .button(let label, let url):
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode("button", forKey: .type)
                try container.encode(TextObject(type: "plain_text", text: label), forKey: .text)
                try container.encode(url, forKey: .url)
            }
        }
    }
}
