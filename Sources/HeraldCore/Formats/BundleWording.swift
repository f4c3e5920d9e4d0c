import Foundation

/// The pieces of a `bundle` message every format shows, worded once: its headline, each item's subject and text
/// with the subject emphasised, and the longest run of items a platform's limit admits.
public enum BundleWording {
    /// `3 milestones need you today`: the first line of the bundle's text; `3 messages for you` when it has none.
    public static func headline(_ message: OutgoingMessage) -> String {
        let first = message.text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        let line = first.trimmingCharacters(in: .whitespaces)
        return line.isEmpty ? "\(MessageText.count(message.items?.count ?? 0, "message")) for you" : line
    }

    /// `Design sign-off · Apollo ERP upgrade`; `Design sign-off and 2 more · Apollo ERP upgrade` for an item about
    /// several milestones; the project alone, or the kind in words, for an item about none.
    public static func subject(_ item: BundleItem) -> String {
        guard let first = item.milestones.first else { return item.project?.name ?? kind(item) }
        let title = first.title + (item.milestones.count > 1 ? " and \(item.milestones.count - 1) more" : "")
        return item.project.map { MessageText.subject(title, $0.name) } ?? title
    }

    /// `Reminder`, `Escalation`, `Announcement`, `Resolved`.
    private static func kind(_ item: BundleItem) -> String {
        item.kind.rawValue.prefix(1).uppercased() + item.kind.rawValue.dropFirst()
    }

    /// One item's text limit in the chat formats, so that one long item (a template's) cannot crowd the others
    /// out of a platform's limit.
    public static let itemLimit = TextLimit.characters(2_000)

    /// The item's text, cut to ``itemLimit``, with its subject emphasised where the text names it (`Escalation
    /// level 1 of 3: *Design sign-off · Apollo ERP upgrade* is …`), else the emphasised subject on a line of its own
    /// before the text. Every piece is made inert by `escape` before `bold` marks it up, so user text cannot add
    /// markup of its own.
    public static func emphasised(
        _ item: BundleItem, escape: (String) -> String, bold: (String) -> String
    ) -> String {
        let subject = subject(item)
        let text = itemLimit.truncating(item.text)
        guard let range = text.range(of: subject) else {
            return bold(escape(subject)) + "\n" + escape(text)
        }
        return escape(String(text[..<range.lowerBound])) + bold(escape(subject))
            + escape(String(text[range.upperBound...]))
    }

    /// `…and 3 more`: the line that stands for the items left out.
    public static func more(_ omitted: Int) -> String {
        "…and \(omitted) more"
    }

    /// The longest start of `items` for which `fits(kept, omitted)` holds, found by bisection (a platform's limit
    /// admits fewer items the more it is given); none when not even one fits.
    public static func fitting(
        _ items: [BundleItem], _ fits: (_ kept: [BundleItem], _ omitted: Int) -> Bool
    ) -> [BundleItem] {
        guard !fits(items, 0) else { return items }
        var (low, high) = (0, items.count)
        while high - low > 1 {
            let middle = (low + high) / 2
            if fits(Array(items.prefix(middle)), items.count - middle) { low = middle } else { high = middle }
        }
        return Array(items.prefix(low))
    }
}

extension BundleItem {
    /// The item as the message it would have been on its own, to the bundle's recipients on its channel: what a
    /// format that words a message for its readers (why they receive it) needs.
    public func message(in bundle: OutgoingMessage) -> OutgoingMessage {
        OutgoingMessage(
            id: id, createdAt: decidedAt, kind: kind, rule: rules.first, project: project, milestones: milestones,
            channel: bundle.channel, recipients: bundle.recipients, mentions: bundle.mentions, text: text,
            escalation: escalation, milestoneURL: milestoneURL
        )
    }
}
