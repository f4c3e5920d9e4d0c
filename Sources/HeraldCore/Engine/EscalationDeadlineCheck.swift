import Foundation

/// Finds escalations that cannot run their course before the milestone is due: an `escalate:` rule that first
/// holds at some instant before the due date, under a policy whose last level comes later than the due date.
///
/// Fed the milestones at each instant a simulation looks at (`observe`), it remembers when each escalating rule
/// first held for each milestone, then words a warning for every ladder too long for the time left (`warnings`).
/// A level's `after` counts from the opening of the escalation and levels are notified in order, each in its
/// recipients' working time as the engine times it, so the ladder reaches its last rung at the latest level time.
/// The deadline is the milestone's exact due instant when it has one, else the end of its due date in the
/// calendar's zone.
public struct EscalationDeadlineCheck: Sendable {
    private let calendar: BusinessCalendar
    /// The engine whose escalating rules and ladders are checked.
    private let engine: RuleEngine
    private var firstHeld: [RuleStateKey: (at: Date, milestone: Milestone)] = [:]
    private var order: [RuleStateKey] = []

    /// Creates a check of the configuration's scheduled `escalate:` rules (those naming a known policy).
    public init(configuration: Configuration) {
        calendar = configuration.calendar
        engine = RuleEngine(configuration: configuration)
    }

    /// False when the configuration has no escalating rule: then there is nothing to observe.
    public var isNeeded: Bool { !engine.escalationRules.isEmpty }

    /// Notes which escalating rules hold at `now` for the open milestones, keeping the first instant of each.
    public mutating func observe(_ milestones: [TrackedMilestone], at now: Date) {
        let today = calendar.today(at: now)
        for tracked in milestones where !tracked.milestone.status.isClosed {
            let milestone = tracked.milestone
            let facts = MilestoneFacts(
                milestone: milestone, updatedAt: tracked.updatedAt, today: today, calendar: calendar,
                history: tracked.history
            )
            for (rule, _) in engine.escalationRules {
                let key = RuleStateKey(rule: rule.name, projectID: milestone.projectID, milestoneID: milestone.id)
                guard firstHeld[key] == nil, rule.condition.evaluate(facts) else { continue }
                firstHeld[key] = (now, milestone)
                order.append(key)
            }
        }
    }

    /// One warning per rule and milestone whose ladder ends after the due date, in the order they first held.
    public func warnings() -> [String] {
        let ladders = Dictionary(
            engine.escalationRules.map { ($0.rule.name, $0.ladder) }, uniquingKeysWith: { first, _ in first }
        )
        return order.compactMap { key in
            guard let (opened, milestone) = firstHeld[key], let ladder = ladders[key.rule] else { return nil }
            let policy = ladder.policy
            let zoned = engine.ladder(ladder, for: milestone, project: engine.projects[milestone.projectID])
            let deadline = milestone.dueInstant ?? calendar.instant(of: milestone.due.adding(days: 1), minuteOfDay: 0)
            guard opened < deadline, let last = lastLevel(of: zoned, openedAt: opened), last.time > deadline
            else { return nil }
            return "rule \(key.rule), \(key.projectID)/\(key.milestoneID): escalation \(policy.name) opens "
                + "\(ConsoleLine.localTime(opened, in: calendar.timeZone)) and reaches level \(last.level) "
                + "\(ConsoleLine.localTime(last.time, in: calendar.timeZone)), after the due date "
                + milestone.due.display(today: calendar.today(at: opened))
        }
    }

    /// The 1-based number of the ladder's last level and when it is notified for an escalation opened at
    /// `openedAt`: levels are notified in order, so the last one comes at the latest level time.
    private func lastLevel(of ladder: EscalationLadder, openedAt: Date) -> (level: Int, time: Date)? {
        ladder.policy.levels.indices.map { ladder.dueTime(ofLevel: $0, openedAt: openedAt) }.max()
            .map { (level: ladder.policy.levels.count, time: $0) }
    }
}
