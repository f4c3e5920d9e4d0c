/// A bundle as one email: its subject is the headline, its body a section per item (subject, text, an
/// escalation's acknowledgement link, why the readers receive it), and it joins a milestone's thread only when
/// every item is about that one milestone.
extension EmailMessage {
    /// `[Herald] 3 milestones need you today`.
    static func bundleSubject(for message: OutgoingMessage) -> String {
        "[Herald] " + TextLimit.characters(150).truncating(BundleWording.headline(message))
    }

    /// The one milestone every item of a bundle is about, as a message about it alone; nil when they are about
    /// several or none, so that the bundle starts no thread of its own.
    static func bundleThread(of message: OutgoingMessage, _ items: [BundleItem]) -> OutgoingMessage? {
        let keys = Set(items.flatMap { item in item.milestones.map { "\(item.project?.id ?? "")/\($0.id)" } })
        guard keys.count == 1, let first = items.first(where: { $0.milestones.count == 1 }) else { return nil }
        return first.message(in: message)
    }
}

extension EmailBody {
    /// The greeting, the headline, then a numbered section per item (its text, an escalation's acknowledgement
    /// link, why the readers receive it), and the footer.
    static func bundlePlainText(for message: OutgoingMessage, _ items: [BundleItem], readers: MessageReaders)
        -> String {
        var lines = [readers.greeting(for: message), "", BundleWording.headline(message)]
        for (index, item) in items.enumerated() {
            lines += ["", "\(index + 1). \(item.text)"]
            lines += ChatText.links(of: item).map { "\($0.label): \($0.url)" }
            if let reason = readers.reason(for: item.message(in: message)) { lines.append(reason) }
        }
        lines += ["", "-- ", footer(for: message)]
        return lines.joined(separator: "\n")
    }

    /// A complete HTML document: the greeting, the headline, a section per item (its text with the milestone in
    /// bold, an escalation's acknowledgement link, why the readers receive it), and the footer; every piece of text
    /// is HTML-escaped.
    static func bundleHTML(
        for message: OutgoingMessage, _ items: [BundleItem], title: String, readers: MessageReaders
    ) -> String {
        var lines = [
            "<!DOCTYPE html>",
            "<html><head><meta charset=\"utf-8\"><title>\(escape(title))</title></head><body>",
            "<p>\(escape(readers.greeting(for: message)))</p>",
            "<h2>\(escape(BundleWording.headline(message)))</h2>",
        ]
        for item in items {
            lines += ["<hr>", "<p>\(BundleWording.emphasised(item, escape: escape) { "<strong>\($0)</strong>" })</p>"]
            lines += ChatText.links(of: item).map { "<p><a href=\"\(escape($0.url))\">\(escape($0.label))</a></p>" }
            if let reason = readers.reason(for: item.message(in: message)) {
                lines.append("<p><em>\(escape(reason))</em></p>")
            }
        }
        lines.append("<p style=\"color:#666;font-size:small\">\(escape(footer(for: message)))</p>")
        lines.append("</body></html>")
        return lines.joined(separator: "\n")
    }
}
