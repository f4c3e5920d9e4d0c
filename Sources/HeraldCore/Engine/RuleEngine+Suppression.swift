import Foundation

extension RuleEngine {
    /// Records that `reason` stopped the message `rule` decided about `milestone`, naming whom `recipients` would
    /// have reached; `today` is the config zone's date at `now`.
    func suppress(
        _ kind: MessageKind, rule: Rule, recipients: [Recipient], milestone: Milestone, project: Project?,
        reason: SuppressionReason, now: Date, today: CivilDate, into decisions: inout EngineDecisions
    ) {
        let addresses = resolver.resolve(recipients, milestone: milestone, project: project).addresses
        var people: [String] = []
        for person in addresses.flatMap(\.people) where !people.contains(person) {
            people.append(person)
        }
        decisions.suppressions.append(Suppression(
            at: now, day: today, kind: kind, rule: rule.name, milestone: milestone,
            recipients: people, channels: addresses.map(\.channel), reason: reason
        ))
    }
}
