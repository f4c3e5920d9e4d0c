/// A bundle on the console and in `herald log`: the headline, then a continued line per item with its kind, rules
/// and escalation level (the console is an operator's view, so it names them), and its text.
extension ConsoleLine {
    /// `3 milestones need you today`, then `- escalation overdue L1: Escalation level 1 of 3: …` per item.
    static func bundleText(_ message: OutgoingMessage, _ items: [BundleItem]) -> String {
        ([BundleWording.headline(message)] + items.map { item in
            let level = item.escalation.map { " L\($0.level)" + ($0.isRepeat ? " again" : "") } ?? ""
            return "- " + ([item.kind.rawValue] + item.rules).joined(separator: " ") + level + ": " + item.text
        }).joined(separator: "\n")
    }

    /// The bundle with each escalation item's acknowledgement link after its text (` · Acknowledge: URL`), as the
    /// console channel prints it.
    static func linked(_ message: OutgoingMessage, _ items: [BundleItem]) -> OutgoingMessage {
        var linked = message
        linked.items = items.map { item in
            var item = item
            item.text += ChatText.links(of: item).map { " · \($0.label): \($0.url)" }.joined()
            return item
        }
        return linked
    }
}
