/// A Discord webhook body: mentions and text as `content` (at most 2,000 characters), one embed per milestone
/// with its due date, status and owner (at most 10 embeds and 6,000 characters of embeds in all), and
/// `allowed_mentions` that lets only the users and roles Herald mentions ping, never `@everyone`, `@here` or anyone
/// the text names. Every text but the mentions is made inert (``ChatEscaping/discord``). An escalation's
/// acknowledgement link ends the content (`Acknowledge: <URL>`, without a preview).
public enum DiscordPayload {
    /// The `content` limit.
    public static let contentLimit = TextLimit.characters(2_000)
    /// An embed title's limit.
    public static let titleLimit = TextLimit.characters(256)
    /// An embed description's limit.
    public static let descriptionLimit = TextLimit.characters(4_096)
    /// An embed field value's limit.
    public static let fieldLimit = TextLimit.characters(1_024)
    /// The most embeds in one message.
    public static let maxEmbeds = 10
    /// The most characters of all embeds' titles, descriptions, field names and values together.
    public static let embedsTotal = 6_000

    /// The JSON bytes for `message`.
    public static func body(for message: OutgoingMessage) -> [UInt8] {
        if let digest = message.digest { return digestBody(for: message, digest) }
        if let items = message.items { return bundleBody(for: message, items) }
        var embeds: [Embed] = []
        var total = 0
        for milestone in message.milestones.prefix(maxEmbeds) {
            let embed = Embed(milestone, project: message.project, today: CivilDate(message.createdAt, in: .gmt))
            total += embed.length
            guard total <= embedsTotal else { break }
            embeds.append(embed)
        }
        let text = ChatText.mentioning(message, escape(message.text))
        let payload = Payload(
            content: ChatText.fitting(text, to: contentLimit, of: message) { "\($0): <\($1)>" },
            embeds: embeds,
            allowedMentions: AllowedMentions(message.mentions)
        )
        return JSONOutput.bytes(payload)
    }

    struct Payload: Encodable {
        var content: String
        var embeds: [Embed]
        var allowedMentions: AllowedMentions

        enum CodingKeys: String, CodingKey {
            case content, embeds
            case allowedMentions = "allowed_mentions"
        }
    }

    /// User text inert in content and embeds: ``ChatEscaping/discord``.
    static func escape(_ text: String) -> String {
        ChatEscaping.discord.escape(text)
    }

    /// Who may be pinged: nothing is parsed from the text; only the users (`<@id>`, `<@!id>`) and roles (`<@&id>`)
    /// among Herald's own mentions are listed.
    struct AllowedMentions: Encodable {
        var parse: [String] = []
        var users: [String] = []
        var roles: [String] = []

        init(_ mentions: [String]) {
            for mention in mentions where mention.hasPrefix("<@") && mention.hasSuffix(">") {
                let id = mention.dropFirst(2).dropLast()
                if id.hasPrefix("&") {
                    roles.append(String(id.dropFirst()))
                } else {
                    users.append(String(id.hasPrefix("!") ? id.dropFirst() : id))
                }
            }
        }
    }

    struct Embed: Encodable {
        var title: String
        var description: String?
        /// Where the title links to.
        var url: String?
        /// The colour of the embed's edge, `0xRRGGBB`.
        var color: Int?
        var fields: [Field]

        /// An embed whose title and description are made inert and cut to their limits.
        init(title: String, description: String?, url: String? = nil, color: Int? = nil, fields: [Field] = []) {
            self.title = titleLimit.truncating(escape(title))
            self.description = description.map { descriptionLimit.truncating(escape($0)) }
            self.url = url
            self.color = color
            self.fields = fields
        }

        init(_ milestone: MilestoneRef, project: ProjectRef?, today: CivilDate) {
            let facts = ChatText.facts(milestone, readers: MessageReaders(), today: today)
            self.init(
                title: milestone.title, description: project?.name,
                fields: facts.map { Field(name: $0.label, value: $0.value, inline: true) }
            )
        }

        /// What counts towards the 6,000-character total.
        var length: Int {
            let texts = [title, description ?? ""] + fields.flatMap { [$0.name, $0.value] }
            return texts.reduce(0) { $0 + contentLimit.length(of: $1) }
        }
    }

    /// An embed field, its name and value made inert and cut to their limits.
    struct Field: Encodable {
        var name: String
        var value: String
        var inline: Bool

        init(name: String, value: String, inline: Bool) {
            self.name = titleLimit.truncating(escape(name))
            self.value = fieldLimit.truncating(escape(value))
            self.inline = inline
        }
    }
}
