import Foundation

/// One (escalate rule, milestone) pair in one evaluation: from the escalation as stored and whether its rule
/// holds now, decides what happens and records it in the decisions.
///
/// - No escalation (or a resolved one) and the rule holds: a new one opens at `now`.
/// - Open: closes (`resolved`, announced to everyone notified) when the milestone is done or cancelled or the
///   rule stopped holding; otherwise notifies whatever levels or repeat fell due.
/// - Acknowledged: the acknowledgement is announced once; once the rule stops holding or the due date moves it
///   re-arms, and a rule that holds again then opens a new escalation.
/// - Suppressed (snoozed, project on hold): nothing opens and no level is notified; the notices it stops are
///   recorded as suppressions. An open escalation's ladder pauses, and resumes where it stood when the
///   suppression ends (see `EscalationLadder`). Closing still happens.
struct EscalationStep {
    let engine: RuleEngine
    let rule: Rule
    let ladder: EscalationLadder
    let facts: MilestoneFacts
    /// The portfolio's dependencies: what a notice says a slip delays.
    let graph: DependencyGraph
    let now: Date
    let today: CivilDate
    /// Why escalation notices about this milestone are stopped now, if they are.
    let suppression: SuppressionReason?
    /// Whether the milestone has an open escalation from this rule after the step.
    private(set) var isOpen = false

    init(
        engine: RuleEngine, rule: Rule, ladder: EscalationLadder, facts: MilestoneFacts, graph: DependencyGraph,
        now: Date, today: CivilDate, suppression: SuppressionReason?
    ) {
        self.engine = engine
        self.rule = rule
        self.ladder = ladder
        self.facts = facts
        self.graph = graph
        self.now = now
        self.today = today
        self.suppression = suppression
    }

    private var milestone: Milestone { facts.milestone }

    /// Runs the step for the stored `record` given whether the rule `holds`.
    mutating func run(record: EscalationRecord?, holds: Bool, into decisions: inout EngineDecisions) {
        guard let record else {
            if holds { open(into: &decisions) }
            return
        }
        switch record.state {
        case .open:
            if milestone.status.isClosed {
                resolve(record, reason: "\(milestone.title) is \(milestone.status.rawValue)", into: &decisions)
            } else if !holds {
                resolve(record, reason: "rule \(rule.name) no longer holds", into: &decisions)
            } else {
                advance(record, expectedState: .open, into: &decisions)
            }
        case .acknowledged:
            var updated = record
            if !updated.resolutionSent {
                updated.resolutionSent = true
                engine.announceResolution(
                    of: updated, rule: rule, milestone: milestone, graph: graph, now: now, into: &decisions
                )
            }
            if !holds || milestone.due != record.due { updated.rearmed = true }
            if updated != record {
                decisions.escalations.append(EscalationUpdate(record: updated, expectedState: .acknowledged))
            }
            if updated.rearmed, holds { open(into: &decisions) }
        case .resolved:
            if holds { open(into: &decisions) }
        }
    }

    private mutating func open(into decisions: inout EngineDecisions) {
        if let suppression {
            suppress(level: 0, reason: suppression, into: &decisions)
            return
        }
        let key = RuleStateKey(rule: rule.name, projectID: milestone.projectID, milestoneID: milestone.id)
        let record = EscalationRecord(
            id: EscalationID.make([rule.name, milestone.projectID, milestone.id, String(now.timeIntervalSince1970)]),
            key: key, policy: ladder.policy.name, due: milestone.due, openedAt: now
        )
        advance(record, expectedState: nil, into: &decisions)
    }

    /// Notifies the rungs that fell due and records the escalation when it changed (or is new).
    private mutating func advance(
        _ record: EscalationRecord, expectedState: EscalationState?, into decisions: inout EngineDecisions
    ) {
        isOpen = true
        var updated = record
        if suppression != nil, updated.pausedAt == nil {
            updated.pausedAt = now
        } else if suppression == nil, let pausedAt = updated.pausedAt {
            updated.pausedFor += now.timeIntervalSince(pausedAt)
            updated.pausedAt = nil
        }
        for rung in ladder.due(updated, now: now) {
            if let suppression {
                suppress(level: rung.level, reason: suppression, into: &decisions)
                break
            }
            notify(rung, record: &updated, into: &decisions)
        }
        if updated != record || expectedState == nil {
            decisions.escalations.append(EscalationUpdate(record: updated, expectedState: expectedState))
        }
    }

    private func notify(
        _ rung: EscalationLadder.Rung, record: inout EscalationRecord, into decisions: inout EngineDecisions
    ) {
        let policy = ladder.policy
        let reference = EscalationRef(
            id: record.id, policy: policy.name, level: rung.level + 1, levels: policy.levels.count,
            isRepeat: rung.isRepeat
        )
        let project = engine.projects[milestone.projectID]
        let text = MessageText.escalation(
            reference, milestone: milestone, projectName: project?.name ?? milestone.projectID, facts: facts,
            prior: record.deliveredNotices, calendar: engine.configuration.calendar,
            downstream: engine.downstream(of: milestone, in: graph), hasAckLink: engine.ackLinks != nil,
            names: engine.personNames, channels: engine.configuration.channels
        )
        let first = decisions.messages.count
        engine.compose(
            kind: .escalation, rule: rule, recipients: policy.levels[rung.level].notify, milestone: milestone,
            project: project, text: text, escalation: reference,
            idParts: [record.id, String(rung.level), String(record.repeats)], graph: graph, now: now,
            into: &decisions
        )
        for message in decisions.messages[first...] {
            record.notices.append(EscalationNotice(
                level: rung.level + 1, isRepeat: rung.isRepeat, at: now, channel: message.channel,
                people: message.recipients, mentions: message.mentions, messageID: message.id
            ))
        }
        if rung.isRepeat { record.repeats += 1 } else { record.levelsNotified = rung.level + 1 }
        record.lastNotifiedAt = now
    }

    /// Records that `reason` stopped the notice of `level` (0-based).
    private func suppress(level: Int, reason: SuppressionReason, into decisions: inout EngineDecisions) {
        engine.suppress(
            .escalation, rule: rule, recipients: ladder.policy.levels[level].notify, milestone: milestone,
            project: engine.projects[milestone.projectID], reason: reason, now: now, today: today, into: &decisions
        )
    }

    private func resolve(_ record: EscalationRecord, reason: String, into decisions: inout EngineDecisions) {
        var updated = record
        updated.state = .resolved
        updated.closedAt = now
        updated.closeReason = reason
        updated.resolutionSent = true
        engine.announceResolution(
            of: updated, rule: rule, milestone: milestone, graph: graph, now: now, into: &decisions
        )
        decisions.escalations.append(EscalationUpdate(record: updated, expectedState: .open))
    }
}
