/// A bundle as one Mattermost post: the mentions and the headline in bold, then a paragraph per item (its subject in
/// bold, an escalation's acknowledgement link after it), `…and N more` when the items exceed the post's limit.
extension MattermostPayload {
    /// The JSON bytes for a bundle `message`, within ``textLimit``.
    static func bundleBody(for message: OutgoingMessage, _ items: [BundleItem]) -> [UInt8] {
        let escape = ChatEscaping.mattermost.escape
        let headline = ChatText.mentioning(message, "**\(escape(BundleWording.headline(message)))**")
        let paragraphs = items.map { item in
            BundleWording.emphasised(item, escape: escape) { "**\($0)**" }
                + ChatText.links(of: item).map { "\n[\($0.label)](\($0.url))" }.joined()
        }
        func text(_ kept: Int) -> String {
            let more = kept < items.count ? [BundleWording.more(items.count - kept)] : []
            return ([headline] + paragraphs.prefix(kept) + more).joined(separator: "\n\n")
        }
        let kept = BundleWording.fitting(items) { shown, _ in textLimit.admits(text(shown.count)) }
        return JSONOutput.bytes(Payload(text: textLimit.truncating(text(kept.count))))
    }
}
