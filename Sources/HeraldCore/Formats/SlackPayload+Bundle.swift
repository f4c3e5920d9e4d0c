/// A bundle as Slack blocks: the mentions and the headline, then a section block per item (its subject in bold) with
/// an Acknowledge button under an escalation item that has a link, `…and N more` when the items exceed Slack's 50
/// blocks, and the context line.
extension SlackPayload {
    /// The JSON bytes for a bundle `message`: the mentions once, before the headline; at most ``maxBlocks`` blocks.
    static func bundleBody(for message: OutgoingMessage, _ items: [BundleItem]) -> [UInt8] {
        let headline = ChatText.mentioning(message, "*\(escape(BundleWording.headline(message)))*")
        let kept = BundleWording.fitting(items) { shown, omitted in
            2 + shown.reduce(0) { $0 + blocks(for: $1).count } + (omitted > 0 ? 1 : 0) <= maxBlocks
        }
        var all = [section(headline)] + kept.flatMap(blocks(for:))
        if kept.count < items.count { all.append(section(escape(BundleWording.more(items.count - kept.count)))) }
        all.append(Block(type: "context", elements: [.text(TextObject(
            type: "mrkdwn", text: "Herald · \(MessageText.count(items.count, "message"))"
        ))]))
        let fallback = ChatText.mentioning(message, escape(BundleWording.headline(message)))
        return JSONOutput.bytes(Payload(text: textLimit.truncating(fallback), blocks: all))
    }

    /// An item's section block, then its Acknowledge button when it has a link.
    private static func blocks(for item: BundleItem) -> [Block] {
        let text = BundleWording.emphasised(item, escape: escape) { "*\($0)*" }
        var blocks = [section(text)]
        let buttons = ChatText.links(of: item).map { Element.button(label: $0.label, url: $0.url) }
        if !buttons.isEmpty { blocks.append(Block(type: "actions", elements: buttons)) }
        return blocks
    }
}
