import Foundation

extension RuleEngine {
    /// Steps every escalation: opens one where an `escalate:` rule newly holds, notifies the levels that fall
    /// due, announces acknowledgements, and closes those whose rule stopped holding or whose milestone is done,
    /// cancelled or removed (everyone notified gets one `resolved` message).
    ///
    /// - Parameter records: the current escalation of each (rule, milestone): open ones, and acknowledged ones
    ///   not yet announced or re-armed. Resolved escalations are not needed: they never change again.
    /// A snoozed milestone (or an on-hold project) opens no escalation and notifies no level; what it stops is
    /// recorded as a suppression, and levels that fell due meanwhile go out when the snooze ends.
    ///
    /// - Returns: the milestones with an open escalation after this step (their plain reminders are inhibited).
    func stepEscalations(
        milestones: [TrackedMilestone], records: [RuleStateKey: EscalationRecord], graph: DependencyGraph, now: Date,
        today: CivilDate, suppressions: Suppressions, into decisions: inout EngineDecisions
    ) -> Set<MilestoneKey> {
        var open = Set<MilestoneKey>()
        var seen = Set<RuleStateKey>()
        for tracked in milestones {
            let milestone = tracked.milestone
            var facts: MilestoneFacts?
            for (rule, ladder) in escalationRules {
                let key = RuleStateKey(rule: rule.name, projectID: milestone.projectID, milestoneID: milestone.id)
                let record = records[key]
                if record != nil { seen.insert(key) }
                if record == nil, milestone.status.isClosed { continue }
                let current = facts ?? MilestoneFacts(
                    milestone: milestone, updatedAt: tracked.updatedAt, today: today, calendar: configuration.calendar,
                    history: tracked.history
                )
                facts = current
                let holds = !milestone.status.isClosed && rule.condition.evaluate(current)
                let suppression = SuppressionPolicy.reason(
                    for: .escalation, milestone: milestone, project: projects[milestone.projectID],
                    suppressions: suppressions, now: now
                )
                var step = EscalationStep(
                    engine: self, rule: rule, ladder: ladder, facts: current, graph: graph, now: now, today: today,
                    suppression: suppression
                )
                step.run(record: record, holds: holds, into: &decisions)
                if step.isOpen { open.insert(MilestoneKey(projectID: milestone.projectID, milestoneID: milestone.id)) }
            }
        }
        for key in records.keys.sorted(by: { records[$0]!.id < records[$1]!.id }) where !seen.contains(key) {
            let rule = escalationRules.first { $0.rule.name == key.rule }?.rule
            close(records[key]!, rule: rule,
                  reason: rule == nil ? "its rule was removed from the config" : "the milestone was removed",
                  now: now, into: &decisions)
        }
        return open
    }

    /// Closes an escalation whose milestone or rule no longer exists, announcing it to everyone notified.
    private func close(
        _ record: EscalationRecord, rule: Rule?, reason: String, now: Date, into decisions: inout EngineDecisions
    ) {
        var closed = record
        if record.state == .open {
            closed.state = .resolved
            closed.closedAt = now
            closed.closeReason = reason
        }
        closed.rearmed = true
        if !closed.resolutionSent {
            closed.resolutionSent = true
            announceResolution(of: closed, rule: rule, milestone: nil, now: now, into: &decisions)
        }
        decisions.escalations.append(EscalationUpdate(record: closed, expectedState: record.state))
    }

    /// One `resolved` message per channel the escalation reached, naming everyone a notice was delivered to there,
    /// except whoever acknowledged it: they know. Notices that never went out (withdrawn, still queued) tell no one,
    /// so they get no resolution either. The milestone's reference carries what `graph` says of it.
    func announceResolution(
        of record: EscalationRecord, rule: Rule?, milestone: Milestone?, graph: DependencyGraph? = nil, now: Date,
        into decisions: inout EngineDecisions
    ) {
        let acknowledger = record.acknowledgement?.by
        let told = record.notices.filter { $0.deliveredAt != nil }
        guard !told.isEmpty else { return }
        let project = projects[record.key.projectID]
        let levels = configuration.escalations[record.policy]?.levels.count ?? record.levelsNotified
        let reference = EscalationRef(
            id: record.id, policy: record.policy, level: record.levelsNotified, levels: levels
        )
        let text = MessageText.resolved(
            record, subject: milestone.map { MessageText.subject($0.title, project?.name ?? $0.projectID) }
                ?? "\(record.key.projectID)/\(record.key.milestoneID)",
            milestone: milestone, calendar: configuration.calendar, names: personNames
        )
        var addresses: [ChannelAddress] = []
        for notice in told {
            let people = zip(notice.people, notice.mentions).filter { $0.0 != acknowledger }
            guard !people.isEmpty || notice.people.isEmpty else { continue }
            let index = addresses.firstIndex { $0.channel == notice.channel } ?? {
                addresses.append(ChannelAddress(channel: notice.channel, people: [], mentions: []))
                return addresses.count - 1
            }()
            for (key, mention) in people where !addresses[index].people.contains(key) {
                addresses[index].people.append(key)
                addresses[index].mentions.append(mention)
            }
        }
        let milestones = milestone.map { [MilestoneRef($0, in: graph)] } ?? []
        let projectRef = project.map { ProjectRef(id: $0.id, name: $0.name) }
            ?? ProjectRef(id: record.key.projectID, name: record.key.projectID)
        for address in addresses {
            emit(OutgoingMessage(
                id: MessageID.make([record.id, "resolved", address.channel]), createdAt: now, kind: .resolved,
                rule: record.key.rule, project: projectRef, milestones: milestones, channel: address.channel,
                recipients: address.people, mentions: address.mentions, text: text, escalation: reference
            ), rule: rule, into: &decisions)
        }
    }
}
