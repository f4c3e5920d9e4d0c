/// A bundle as a Discord message: the mentions and the headline as `content`, then an embed per item (its subject as
/// the title, its text, an escalation's acknowledgement link), within Discord's 10 embeds and 6,000 characters of
/// embeds; the content ends with `…and N more` when items were left out.
extension DiscordPayload {
    /// The JSON bytes for a bundle `message`.
    static func bundleBody(for message: OutgoingMessage, _ items: [BundleItem]) -> [UInt8] {
        let embeds = items.map(embed(for:))
        let kept = BundleWording.fitting(items) { shown, _ in
            shown.count <= maxEmbeds && embeds.prefix(shown.count).reduce(0) { $0 + $1.length } <= embedsTotal
        }
        var content = ChatText.mentioning(message, "**\(escape(BundleWording.headline(message)))**")
        if kept.count < items.count { content += "\n" + BundleWording.more(items.count - kept.count) }
        let payload = Payload(
            content: contentLimit.truncating(content), embeds: Array(embeds.prefix(kept.count)),
            allowedMentions: AllowedMentions(message.mentions)
        )
        return JSONOutput.bytes(payload)
    }

    /// An item's embed: red for an escalation, its links (acknowledge, milestone page) as the last lines of the
    /// description.
    private static func embed(for item: BundleItem) -> Embed {
        let link = ChatText.links(of: item).map { "\n[\($0.label)](\($0.url))" }.joined()
        var embed = Embed(
            title: BundleWording.subject(item), description: nil,
            color: item.kind == .escalation ? color(.red) : nil
        )
        embed.description = TextLimit(descriptionLimit.maximum - descriptionLimit.length(of: link), .characters)
            .truncating(escape(item.text)) + link
        return embed
    }
}
