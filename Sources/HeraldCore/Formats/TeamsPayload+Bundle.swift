/// A bundle as an Adaptive Card: the mentions and the headline, then a text block per item (its subject in bold)
/// with an Acknowledge button under an escalation item that has a link, and `…and N more` when the items would take
/// the card past ``bodyLimit``.
extension TeamsPayload {
    /// The JSON bytes for a bundle `message`, within ``bodyLimit``.
    static func bundleBody(for message: OutgoingMessage, _ items: [BundleItem], mentions: Mentions) -> [UInt8] {
        let headline = headerLimit.truncating(escape(BundleWording.headline(message)))
        let top = Element.text(mentions.before(headline), weight: "Bolder", size: "Medium")
        func body(_ kept: [BundleItem]) -> [UInt8] {
            var elements = [top] + kept.flatMap(itemElements(for:))
            if kept.count < items.count {
                elements.append(Element.text(BundleWording.more(items.count - kept.count), isSubtle: true))
            }
            return JSONOutput.bytes(Envelope(card: Card(body: elements, entities: mentions.entities)))
        }
        return body(BundleWording.fitting(items) { kept, _ in body(kept).count <= bodyLimit })
    }

    /// An item's text block, separated from the one before, then its Acknowledge button when it has a link.
    private static func itemElements(for item: BundleItem) -> [Element] {
        let text = BundleWording.emphasised(item, escape: escape) { "**\($0)**" }
        var elements = [Element.text(text, separator: true)]
        let actions = ChatText.links(of: item).map { Action(title: $0.label, url: $0.url) }
        if !actions.isEmpty { elements.append(Element(type: "ActionSet", actions: actions)) }
        return elements
    }
}
