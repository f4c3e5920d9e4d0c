/// A bundle as a Google Chat message: a fallback `text` (the mentions and the headline) and a `cardsV2` card headed
/// by the headline, with a section per item (its subject in bold) and an Acknowledge button under an escalation item
/// that has a link; `…and N more` when the items would take the body past ``textLimit``.
extension GoogleChatPayload {
    /// The JSON bytes for a bundle `message`, within ``textLimit`` bytes in all.
    static func bundleBody(for message: OutgoingMessage, _ items: [BundleItem]) -> [UInt8] {
        let headline = BundleWording.headline(message)
        let text = ChatText.mentioning(message, ChatEscaping.googleChat.escape(headline))
        func body(_ kept: [BundleItem]) -> [UInt8] {
            var sections = kept.map(section(for:))
            if kept.count < items.count {
                sections.append(CardSection(widgets: paragraphs([BundleWording.more(items.count - kept.count)])))
            }
            let card = Card(
                header: CardHeader(title: headline, subtitle: MessageText.count(items.count, "message")),
                sections: sections
            )
            return JSONOutput.bytes(CardPayload(text: text, cardsV2: [CardWrapper(cardId: "bundle", card: card)]))
        }
        return body(BundleWording.fitting(items) { kept, _ in body(kept).count <= textLimit.maximum })
    }

    /// An item's section: its text, HTML-escaped with the subject in bold, then its Acknowledge and Milestone page
    /// buttons.
    private static func section(for item: BundleItem) -> CardSection {
        var widgets = [Widget.paragraph(BundleWording.emphasised(item, escape: EmailBody.escape) { "<b>\($0)</b>" })]
        widgets += ChatText.links(of: item).map { .button($0.label, url: $0.url) }
        return CardSection(widgets: widgets)
    }
}
