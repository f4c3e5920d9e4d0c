/// A Discord webhook body: mentions and text as `content` (at most 2,000 characters), one embed per milestone
/// with its due date, status and owner (at most 10 embeds and 6,000 characters of embeds in all), and
/// `allowed_mentions` that lets user and role mentions ping but never `@everyone` or `@here`.
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
        var embeds: [Embed] = []
        var total = 0
        for milestone in message.milestones.prefix(maxEmbeds) {
            let embed = Embed(milestone, project: message.project)
            total += embed.length
            guard total <= embedsTotal else { break }
            embeds.append(embed)
        }
        let payload = Payload(
            content: contentLimit.truncating(ChatText.mentioning(message, message.text)), embeds: embeds,
            allowedMentions: AllowedMentions(parse: ["users", "roles"])
        )
        return JSONOutput.bytes(payload)
    }

    private struct Payload: Encodable {
        var content: String
        var embeds: [Embed]
        var allowedMentions: AllowedMentions

        enum CodingKeys: String, CodingKey {
            case content, embeds
            case allowedMentions = "allowed_mentions"
        }
    }

    private struct AllowedMentions: Encodable {
        var parse: [String]
    }

    private struct Embed: Encodable {
        var title: String
        var description: String?
        var fields: [Field]

        init(_ milestone: MilestoneRef, project: ProjectRef?) {
            title = titleLimit.truncating(milestone.title)
            description = project.map { descriptionLimit.truncating($0.name) }
            fields = ChatText.facts(milestone).map {
                Field(name: $0.label, value: fieldLimit.truncating($0.value), inline: true)
            }
        }

        /// What counts towards the 6,000-character total.
        var length: Int {
            let texts = [title, description ?? ""] + fields.flatMap { [$0.name, $0.value] }
            return texts.reduce(0) { $0 + contentLimit.length(of: $1) }
        }
    }

    private struct Field: Encodable {
        var name: String
        var value: String
        var inline: Bool
    }
}
