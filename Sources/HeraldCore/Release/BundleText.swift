/// The plain words of a `bundle`: a headline that counts what it carries, then one line per item.
public enum BundleText {
    /// `3 milestones need you today` and one `- …` line per item, in order.
    public static func text(_ items: [BundleItem]) -> String {
        ([headline(items)] + items.map { "- " + $0.text }).joined(separator: "\n")
    }

    /// `3 milestones need you today`, `2 milestones changed`, `4 milestones need you today: 2 reminders, 1
    /// escalation and 1 change`: the milestones counted once each, the kinds named when they are mixed.
    public static func headline(_ items: [BundleItem]) -> String {
        let milestones = Set(items.flatMap { item in item.milestones.map { "\(item.project?.id ?? "")/\($0.id)" } })
        let count = max(milestones.count, 1)
        let subject = count == 1 ? "1 milestone" : "\(count) milestones"
        let kinds = Dictionary(grouping: items, by: \.kind).mapValues(\.count)
        if kinds.count == 1, let kind = kinds.keys.first {
            switch kind {
            case .announcement: return "\(subject) changed"
            case .resolved: return "\(subject) no longer \(count == 1 ? "needs" : "need") escalating"
            case .escalation: return "\(subject) \(count == 1 ? "is" : "are") escalated to you"
            default: return "\(subject) \(count == 1 ? "needs" : "need") you today"
            }
        }
        let order: [(MessageKind, String)] = [
            (.reminder, "reminder"), (.escalation, "escalation"), (.announcement, "change"), (.resolved, "resolution"),
        ]
        let parts = order.compactMap { kind, word in kinds[kind].map { MessageText.count($0, word) } }
        let list = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + parts.last! : parts.joined()
        return "\(subject) \(count == 1 ? "needs" : "need") you today: \(list)"
    }
}
