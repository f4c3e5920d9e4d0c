import Foundation

/// The two renderings of a message in an email: plain text and a small HTML page with a table of milestones.
public enum EmailBody {
    /// The greeting, the message text, its links (acknowledge, milestone page), one line per milestone, why the
    /// readers receive it, then a footer naming the kind, rule and message id.
    public static func plainText(for message: OutgoingMessage, readers: MessageReaders = MessageReaders()) -> String {
        if let items = message.items { return bundlePlainText(for: message, items, readers: readers) }
        var lines = [readers.greeting(for: message), "", message.text]
        let links = ChatText.links(of: message)
        if !links.isEmpty { lines += [""] + links.map { "\($0.label): \($0.url)" } }
        if !message.milestones.isEmpty {
            lines.append("")
            let sent = CivilDate(message.createdAt, in: .gmt)
            for milestone in message.milestones {
                lines.append(
                    "- \(milestone.title): due \(milestone.due.display(today: sent)), \(milestone.status.words), "
                        + "owned by \(readers.name(milestone.owner))"
                )
            }
        }
        if let reason = readers.reason(for: message) { lines += ["", reason] }
        lines += ["", "-- ", footer(for: message)]
        return lines.joined(separator: "\n")
    }

    /// A complete HTML document: the greeting, the message text, its links (acknowledge, milestone page), a table of
    /// the milestones (title, due, status, owner), why the readers receive it and the footer; every piece of text is
    /// HTML-escaped.
    public static func html(
        for message: OutgoingMessage, title: String, readers: MessageReaders = MessageReaders()
    ) -> String {
        if let digest = message.digest {
            return digestHTML(
                digest, title: title, greeting: readers.greeting(for: message), footer: footer(for: message)
            )
        }
        if let items = message.items { return bundleHTML(for: message, items, title: title, readers: readers) }
        var lines = [
            "<!DOCTYPE html>",
            "<html><head><meta charset=\"utf-8\"><title>\(escape(title))</title></head><body>",
            "<p>\(escape(readers.greeting(for: message)))</p>",
            "<p>\(escape(message.text))</p>",
        ]
        lines += ChatText.links(of: message).map { "<p><a href=\"\(escape($0.url))\">\(escape($0.label))</a></p>" }
        if !message.milestones.isEmpty {
            lines.append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">")
            lines.append("<tr><th>Milestone</th><th>Due</th><th>Status</th><th>Owner</th></tr>")
            let sent = CivilDate(message.createdAt, in: .gmt)
            for milestone in message.milestones {
                let cells = [
                    milestone.title, milestone.due.display(today: sent), milestone.status.words,
                    readers.name(milestone.owner),
                ]
                lines.append("<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>")
            }
            lines.append("</table>")
        }
        if let reason = readers.reason(for: message) { lines.append("<p>\(escape(reason))</p>") }
        lines.append("<p style=\"color:#666;font-size:small\">\(escape(footer(for: message)))</p>")
        lines.append("</body></html>")
        return lines.joined(separator: "\n")
    }

    /// `Sent by Herald · Reminder · Apollo ERP upgrade`: what the message is, in words; its id is in its
    /// `Message-ID`, for whoever traces it.
    static func footer(for message: OutgoingMessage) -> String {
        "Sent by Herald · " + ChatText.header(message)
    }

    /// Text safe inside HTML elements and double-quoted attributes.
    public static func escape(_ text: String) -> String {
        text.replacingCharacters(String.htmlEntities)
    }
}
