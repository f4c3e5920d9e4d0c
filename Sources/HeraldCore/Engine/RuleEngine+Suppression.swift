import Foundation

extension RuleEngine {
    /// Records that `reason` stopped the message `rule` decided about `milestone`, naming whom it would have reached.
    func suppress(
        _ kind: MessageKind, rule: Rule, milestone: Milestone, project: Project?, reason: SuppressionReason, now: Date,
        into decisions: inout EngineDecisions
    ) {
        guard case .notify(let recipients) = rule.action else { return }
        let addresses = resolver.resolve(recipients, milestone: milestone, project: project).addresses
        var people: [String] = []
        for person in addresses.flatMap(\.people) where !people.contains(person) {
            people.append(person)
        }
        decisions.suppressions.append(Suppression(
            at: now, day: configuration.calendar.today(at: now), kind: kind, rule: rule.name, milestone: milestone,
            recipients: people, channels: addresses.map(\.channel), reason: reason
        ))
    }
}
