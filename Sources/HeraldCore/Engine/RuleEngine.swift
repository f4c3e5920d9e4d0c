import Foundation

/// Decides which messages to send: a pure function of (milestones, rule state, now).
///
/// Scheduled rules run over every open milestone on every tick; change rules run over the
/// changes a source just applied. The caller writes the returned states and messages in one
/// transaction, so a decision is never made twice and never lost.
public struct RuleEngine: Sendable {
    public let configuration: Configuration
    let resolver: RecipientResolver
    private let projects: [String: Project]
    private let scheduledRules: [Rule]

    /// Creates an engine for a configuration.
    public init(configuration: Configuration) {
        self.configuration = configuration
        resolver = RecipientResolver(people: configuration.people, audiences: configuration.audiences)
        projects = Dictionary(configuration.projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        scheduledRules = configuration.rules.filter {
            guard $0.trigger == .schedule, case .notify = $0.action else { return false }
            return true
        }
    }

    /// Evaluates every scheduled notify rule over every open milestone at `now`.
    ///
    /// A reminder that `suppressions` (or an on-hold project) stops goes to the decisions' `suppressions` instead, and
    /// its rule state stays as it was, so it fires once the suppression ends if the rule still holds.
    public func evaluate(
        milestones: [TrackedMilestone], states: [RuleStateKey: RuleState], now: Date,
        suppressions: Suppressions = Suppressions()
    ) -> EngineDecisions {
        var decisions = EngineDecisions()
        let calendar = configuration.calendar
        let today = calendar.today(at: now)
        var nextEligible: [Interval: Date] = [:] // the same for every milestone at this `now`
        for tracked in milestones where !tracked.milestone.status.isClosed {
            let milestone = tracked.milestone
            let facts = MilestoneFacts(milestone: milestone, updatedAt: tracked.updatedAt, today: today, calendar: calendar)
            for rule in scheduledRules where rule.condition.evaluate(facts) {
                let key = RuleStateKey(rule: rule.name, projectID: milestone.projectID, milestoneID: milestone.id)
                let previous = states[key]
                guard Self.shouldFire(previous, due: milestone.due, policy: rule.repeatPolicy, now: now) else {
                    continue
                }
                let project = projects[milestone.projectID]
                if let reason = SuppressionPolicy.reason(
                    for: .reminder, milestone: milestone, project: project, suppressions: suppressions, now: now
                ) {
                    suppress(.reminder, rule: rule, milestone: milestone, project: project, reason: reason, now: now,
                             today: today, into: &decisions)
                    continue
                }
                let sameDue = previous?.due == milestone.due
                var next: Date?
                if case .every(let interval) = rule.repeatPolicy {
                    next = nextEligible[interval] ?? calendar.adding(interval, to: now)
                    nextEligible[interval] = next
                }
                decisions.ruleStates.append(RuleState(
                    key: key, due: milestone.due, lastFiredAt: now, nextEligibleAt: next,
                    fireCount: sameDue ? (previous?.fireCount ?? 0) + 1 : 1
                ))
                let text = MessageText.reminder(
                    milestone: milestone, projectName: project?.name ?? milestone.projectID, facts: facts
                )
                compose(kind: .reminder, rule: rule, milestone: milestone, project: project, text: text, now: now,
                        into: &decisions)
            }
        }
        return decisions
    }

    /// Evaluates the change rules (`on:`) over changes just applied; each change fires at most once per rule.
    public func evaluate(changes: [MilestoneChange], updatedAt now: Date) -> EngineDecisions {
        var decisions = EngineDecisions()
        let calendar = configuration.calendar
        let today = calendar.today(at: now)
        for change in changes {
            guard let milestone = change.current else { continue }
            let kinds = Self.changeKinds(change)
            let facts = MilestoneFacts(
                milestone: milestone, updatedAt: now, today: today, calendar: calendar, previous: change.previous
            )
            for rule in configuration.rules {
                guard case .change(let kind) = rule.trigger, kinds.contains(kind), case .notify = rule.action,
                      rule.condition.evaluate(facts) else { continue }
                let project = projects[milestone.projectID]
                if let reason = SuppressionPolicy.reason(
                    for: .announcement, milestone: milestone, project: project, suppressions: Suppressions(), now: now
                ) {
                    suppress(.announcement, rule: rule, milestone: milestone, project: project, reason: reason,
                             now: now, today: today, into: &decisions)
                    continue
                }
                let text = MessageText.change(
                    milestone: milestone, projectName: project?.name ?? milestone.projectID, fields: change.fields
                )
                compose(kind: .announcement, rule: rule, milestone: milestone, project: project, text: text, now: now,
                        into: &decisions)
            }
        }
        return decisions
    }

    /// Whether a holding rule sends now, given what it last did.
    static func shouldFire(_ state: RuleState?, due: CivilDate, policy: RepeatPolicy, now: Date) -> Bool {
        guard let state, state.due == due else { return true }
        switch policy {
        case .once: return false
        case .every: return state.nextEligibleAt.map { now >= $0 } ?? true
        }
    }

    /// The change kinds a milestone change counts as.
    static func changeKinds(_ change: MilestoneChange) -> Set<ChangeKind> {
        if change.kind == .created { return [.created] }
        var kinds = Set<ChangeKind>()
        for field in change.fields {
            switch field.field {
            case "status": kinds.insert(.statusChanged)
            case "due": kinds.insert(.dueChanged)
            case "owner": kinds.insert(.ownerChanged)
            default: break
            }
        }
        return kinds
    }

    /// One message per channel the rule's recipients resolve to.
    private func compose(
        kind: MessageKind, rule: Rule, milestone: Milestone, project: Project?, text: String, now: Date,
        into decisions: inout EngineDecisions
    ) {
        guard case .notify(let recipients) = rule.action else { return }
        let (addresses, unreachable) = resolver.resolve(recipients, milestone: milestone, project: project)
        for missing in unreachable {
            decisions.unreachable.append(
                "rule \(rule.name), \(milestone.projectID)/\(milestone.id): \(missing.recipient): \(missing.reason)"
            )
        }
        let projectRef = project.map { ProjectRef(id: $0.id, name: $0.name) }
            ?? ProjectRef(id: milestone.projectID, name: milestone.projectID)
        let milestoneRef = MilestoneRef(
            id: milestone.id, title: milestone.title, due: milestone.due, status: milestone.status,
            owner: milestone.owner
        )
        for address in addresses {
            let id = MessageID.make([
                rule.name, milestone.projectID, milestone.id, address.channel, kind.rawValue,
                String(now.timeIntervalSince1970),
            ])
            decisions.messages.append(OutgoingMessage(
                id: id, createdAt: now, kind: kind, rule: rule.name, project: projectRef, milestones: [milestoneRef],
                channel: address.channel, recipients: address.people, mentions: address.mentions, text: text
            ))
        }
    }
}

/// What the engine decided in one evaluation.
public struct EngineDecisions: Sendable {
    /// Rule states to write (only those that changed).
    public var ruleStates: [RuleState] = []
    /// Messages to put in the outbox.
    public var messages: [OutgoingMessage] = []
    /// Recipients that could not be reached, in words, for the log.
    public var unreachable: [String] = []
    /// Messages a snooze, an on-hold project or an open escalation stopped, for the log.
    public var suppressions: [Suppression] = []

    /// Creates an empty set of decisions.
    public init() {}
}
