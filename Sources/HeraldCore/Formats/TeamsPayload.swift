/// A Microsoft Teams Workflows-webhook body: a message whose one attachment is an Adaptive Card 1.4 with a
/// header (kind and project), the text, a fact set per milestone (milestone, due date, status in words, owner's
/// name), and for an escalation with an acknowledgement link an `Action.OpenUrl` button. Every text but the
/// mentions is made inert (``ChatEscaping/teams``).
///
/// A recipient with a Teams user (`people.X.teams`) is mentioned as `<at>Alice Ng</at>` with the matching
/// `msteams.entities` mention, so that Teams pings them; others by their configured `mention`, else their name.
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
    public static func body(for message: OutgoingMessage, readers: MessageReaders = MessageReaders()) -> [UInt8] {
        let mentions = Mentions(message, readers)
        if let digest = message.digest { return digestBody(for: message, digest, mentions: mentions) }
        if let items = message.items { return bundleBody(for: message, items, mentions: mentions) }
        var body: [UInt8] = []
        for halving in 0...6 {
            body = JSONOutput.bytes(
                envelope(message, readers, mentions, textBytes: 20_000 >> halving, factSets: 20 >> halving)
            )
            if body.count <= bodyLimit { break }
        }
        return body
    }

    private static func envelope(
        _ message: OutgoingMessage, _ readers: MessageReaders, _ mentions: Mentions, textBytes: Int, factSets: Int
    ) -> Envelope {
        let text = TextLimit.bytes(textBytes).truncating(mentions.before(escape(message.text)))
        var elements = [
            Element.text(headerLimit.truncating(escape(ChatText.header(message))), weight: "Bolder", size: "Medium"),
            Element.text(text),
        ]
        let today = CivilDate(message.createdAt, in: .gmt)
        elements += message.milestones.prefix(factSets).map { milestone in
            let facts = [("Milestone", milestone.title)]
                + ChatText.facts(milestone, readers: readers, today: today).map { ($0.label, $0.value) }
            return Element(type: "FactSet", facts: facts.map { Fact(title: $0.0, value: $0.1) })
        }
        var card = Card(body: elements, entities: mentions.entities)
        let links = ChatText.links(of: message)
        if !links.isEmpty { card.actions = links.map { Action(title: $0.label, url: $0.url) } }
        return Envelope(card: card)
    }

    /// How the recipients are mentioned in the card's text, and the `msteams.entities` that make the `<at>` ones
    /// ping.
    struct Mentions {
        /// One per recipient, in order.
        var texts: [String]
        var entities: [Entity]

        init(_ message: OutgoingMessage, _ readers: MessageReaders) {
            texts = []
            entities = []
            for (index, key) in message.recipients.enumerated() {
                guard let person = readers.people[key], let user = person.teams else {
                    if index < message.mentions.count { texts.append(message.mentions[index]) }
                    continue
                }
                let name = escape(person.name)
                let text = "<at>\(name)</at>"
                texts.append(text)
                entities.append(Entity(text: text, mentioned: Mentioned(id: user, name: name)))
            }
        }

        /// `text` after the mentions, or alone when nobody is mentioned.
        func before(_ text: String) -> String {
            texts.isEmpty ? text : texts.joined(separator: " ") + " " + text
        }
    }

    /// A `mention` entity: the `<at>` text as it appears in the card, and whom it pings.
    struct Entity: Encodable {
        var type = "mention"
        var text: String
        var mentioned: Mentioned
    }

    /// A mentioned Teams user: user principal name or Entra object id, and display name.
    struct Mentioned: Encodable {
        var id: String
        var name: String
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
        var msteams: TeamsOptions

        init(body: [Element], entities: [Entity] = []) {
            self.body = body
            msteams = TeamsOptions(entities: entities.isEmpty ? nil : entities)
        }

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
        /// The mentions in the card's text; nil for none.
        var entities: [Entity]?
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
        /// An `ActionSet`'s buttons.
        var actions: [Action]?

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

    /// User text (a person's name too) inert in a card: ``ChatEscaping/teams``.
    static func escape(_ text: String) -> String {
        ChatEscaping.teams.escape(text)
    }
}
