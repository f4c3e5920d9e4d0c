/// A Microsoft Teams Workflows-webhook body: a message whose one attachment is an Adaptive Card 1.4 with a
/// header (kind and project), the text, a fact set per milestone (milestone, due, status, owner), and for an
/// escalation with an acknowledgement link an `Action.OpenUrl` button. Every text but the mentions is made inert
/// (``ChatEscaping/teams``).
///
/// The whole body stays within ``bodyLimit`` bytes: when it would not, the text and the number of fact sets
/// are halved, deterministically, until it does.
public enum TeamsPayload {
    /// The largest body sent (Teams answers 413 above about 28 KB).
    public static let bodyLimit = 28_000
    /// The header's limit.
    public static let headerLimit = TextLimit.characters(256)
    /// A fact value's limit.
    public static let factLimit = TextLimit.characters(256)

    /// The JSON bytes for `message`.
    public static func body(for message: OutgoingMessage) -> [UInt8] {
        if let digest = message.digest { return digestBody(for: message, digest) }
        var body: [UInt8] = []
        for halving in 0...6 {
            body = JSONOutput.bytes(envelope(message, textBytes: 20_000 >> halving, factSets: 20 >> halving))
            if body.count <= bodyLimit { break }
        }
        return body
    }

    private static func envelope(_ message: OutgoingMessage, textBytes: Int, factSets: Int) -> Envelope {
        let text = TextLimit.bytes(textBytes).truncating(ChatText.mentioning(message, escape(message.text)))
        var elements = [
            Element.text(headerLimit.truncating(escape(ChatText.header(message))), weight: "Bolder", size: "Medium"),
            Element.text(text),
        ]
        elements += message.milestones.prefix(factSets).map { milestone in
            let facts = [("Milestone", milestone.title)] + ChatText.facts(milestone).map { ($0.label, $0.value) }
            return Element(type: "FactSet", facts: facts.map { Fact(title: $0.0, value: $0.1) })
        }
        var card = Card(body: elements)
        if let url = message.escalation?.ackURL {
            card.actions = [Action(title: ChatText.acknowledgeLabel, url: url)]
        }
        return Envelope(card: card)
    }

    struct Envelope: Encodable {
        var type = "message"
        var attachments: [Attachment]

        init(card: Card) {
            attachments = [Attachment(content: card)]
        }
    }

    struct Attachment: Encodable {
        var contentType = "application/vnd.microsoft.card.adaptive"
        var content: Card
    }

    struct Card: Encodable {
        var schema = "http://adaptivecards.io/schemas/adaptive-card.json"
        var type = "AdaptiveCard"
        var version = "1.4"
        var body: [Element]
        /// Buttons under the body (a link to the whole digest); nil for none.
        var actions: [Action]?
        var msteams = TeamsOptions()

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case type, version, body, actions, msteams
        }
    }

    /// An `Action.OpenUrl` button.
    struct Action: Encodable {
        var type = "Action.OpenUrl"
        var title: String
        var url: String
    }

    struct TeamsOptions: Encodable {
        var width = "Full"
    }

    struct Element: Encodable {
        var type: String
        var text: String?
        var weight: String?
        var size: String?
        var color: String?
        var isSubtle: Bool?
        var separator: Bool?
        var wrap: Bool?
        var facts: [Fact]?

        static func text(
            _ text: String, weight: String? = nil, size: String? = nil, color: String? = nil, isSubtle: Bool? = nil,
            separator: Bool? = nil
        ) -> Element {
            Element(
                type: "TextBlock", text: text, weight: weight, size: size, color: color, isSubtle: isSubtle,
                separator: separator, wrap: true
            )
        }
    }

    /// A fact of a fact set, its title and value made inert and the value cut to ``factLimit``.
    struct Fact: Encodable {
        var title: String
        var value: String

        init(title: String, value: String) {
            self.title = escape(title)
            self.value = factLimit.truncating(escape(value))
        }
    }

    /// User text inert in a card: ``ChatEscaping/teams``.
    static func escape(_ text: String) -> String {
        ChatEscaping.teams.escape(text)
    }
}
