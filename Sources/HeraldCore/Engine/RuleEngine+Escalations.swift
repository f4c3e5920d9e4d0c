import Foundation

extension RuleEngine {
    /// Steps every escalation through its machine (`EscalationMachine`, fed the events `EscalationStep` finds) and
    /// carries out what it returns: opens one where an `escalate:` rule newly holds, notifies the levels that fall
    /// due in their recipients' working time, tells those a notice reached that an acknowledged one is resolved,
    /// and closes those whose rule stopped holding or whose milestone is done, cancelled or removed (those a notice
    /// reached get one `resolved` message).
    ///
    /// - Parameter records: the current escalation of each (rule, milestone): open ones, and acknowledged ones
    ///   not yet announced or re-armed. Resolved escalations are not needed: they never change again.
    /// A snoozed milestone (or an on-hold project) opens no escalation, and an open one's ladder pauses until the
    /// snooze ends; what it stops is recorded as a suppression.
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
                let project = projects[milestone.projectID]
                let suppression = SuppressionPolicy.reason(
                    for: .escalation, milestone: milestone, project: project, suppressions: suppressions, now: now
                )
                let step = EscalationStep(
                    closed: milestone.status.isClosed ? "\(milestone.title) is \(milestone.status.rawValue)" : nil,
                    rule: rule.name, holds: !milestone.status.isClosed && rule.condition.evaluate(current),
                    suppressed: suppression != nil, due: milestone.due, now: now
                )
                guard record != nil || step.holds else { continue }
                let zoned = self.ladder(ladder, for: milestone, project: project)
                var machine = record.map(EscalationMachine.init(record:))
                if var existing = machine {
                    carryOut(step.run(&existing, on: zoned), of: &existing, from: record, rule: rule,
                             policy: ladder.policy, facts: current, graph: graph, now: now, into: &decisions)
                    machine = existing
                }
                if step.holds, machine?.allowsAnother ?? true {
                    if let suppression {
                        suppress(.escalation, rule: rule, recipients: ladder.policy.levels[0].notify,
                                 milestone: milestone, project: project, reason: suppression, now: now, today: today,
                                 into: &decisions)
                    } else {
                        var opened = EscalationMachine(record: EscalationRecord(
                            id: EscalationID.make([
                                rule.name, milestone.projectID, milestone.id, String(now.timeIntervalSince1970),
                            ]),
                            key: key, policy: ladder.policy.name, due: milestone.due, openedAt: now
                        ))
                        carryOut([opened.tick(now: now, on: zoned)], of: &opened, from: nil, rule: rule,
                                 policy: ladder.policy, facts: current, graph: graph, now: now, into: &decisions)
                        machine = opened
                    }
                }
                if machine?.isOpen == true {
                    open.insert(MilestoneKey(projectID: milestone.projectID, milestoneID: milestone.id))
                }
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

    /// `ladder` in the working time of its levels' recipients for `milestone`: each level at their zones.
    func ladder(_ ladder: EscalationLadder, for milestone: Milestone, project: Project?) -> EscalationLadder {
        ladder.reading(zones: ladder.policy.levels.map { level in
            zones(ofPeople: resolver.resolve(level.notify, milestone: milestone, project: project).addresses
                .flatMap(\.people))
        })
    }

    /// Turns a machine's `actions` into messages, then records the escalation when it changed from `stored` (or
    /// is new): the notices sent, the resolution told, the notices to withdraw.
    private func carryOut(
        _ actions: [EscalationMachine.Action], of machine: inout EscalationMachine, from stored: EscalationRecord?,
        rule: Rule, policy: EscalationPolicy, facts: MilestoneFacts, graph: DependencyGraph, now: Date,
        into decisions: inout EngineDecisions
    ) {
        var withdrawal: String?
        for action in actions {
            if case .notify(let rungs) = action {
                for rung in rungs {
                    machine.sent(notify(rung, of: machine.record, rule: rule, policy: policy, facts: facts,
                                        graph: graph, now: now, into: &decisions))
                }
            } else {
                withdrawal = conclude(action, of: machine.record, rule: rule, milestone: facts.milestone, graph: graph,
                                      now: now, into: &decisions) ?? withdrawal
            }
        }
        if machine.record != stored {
            decisions.escalations.append(EscalationUpdate(
                record: machine.record, expectedState: stored?.state, withdrawal: withdrawal
            ))
        }
    }

    /// Carries out what `action` says about an escalation's end: tells those its notices reached that it is
    /// resolved, and returns the reason to withdraw its unsent notices with, if it carries one.
    private func conclude(
        _ action: EscalationMachine.Action, of record: EscalationRecord, rule: Rule?, milestone: Milestone?,
        graph: DependencyGraph? = nil, now: Date, into decisions: inout EngineDecisions
    ) -> String? {
        switch action {
        case .announceResolution(let notices):
            announceResolution(of: record, to: notices, rule: rule, milestone: milestone, graph: graph, now: now,
                               into: &decisions)
            return nil
        case .close(let reason, let notices):
            announceResolution(of: record, to: notices, rule: rule, milestone: milestone, graph: graph, now: now,
                               into: &decisions)
            return reason
        case .withdrawUnsent(let reason):
            return reason
        case .notify, .pause, .resume, .nothing:
            return nil
        }
    }

    /// Composes the notice of `rung` for `record`, one message per channel its level reaches; returns the notices.
    private func notify(
        _ rung: EscalationLadder.Rung, of record: EscalationRecord, rule: Rule, policy: EscalationPolicy,
        facts: MilestoneFacts, graph: DependencyGraph, now: Date, into decisions: inout EngineDecisions
    ) -> [EscalationNotice] {
        let milestone = facts.milestone
        let reference = EscalationRef(
            id: record.id, policy: policy.name, level: rung.level + 1, levels: policy.levels.count,
            isRepeat: rung.isRepeat
        )
        let project = projects[milestone.projectID]
        let text = noticeText(reference, of: record, facts: facts, graph: graph)
        let first = decisions.messages.count
        compose(
            kind: .escalation, rule: rule, recipients: policy.levels[rung.level].notify, milestone: milestone,
            project: project, text: text, escalation: reference,
            idParts: [record.id, String(rung.level), String(rung.priorRepeats)], graph: graph, now: now,
            into: &decisions
        )
        return decisions.messages[first...].map { message in
            EscalationNotice(
                level: rung.level + 1, isRepeat: rung.isRepeat, at: now, channel: message.channel,
                people: message.recipients, mentions: message.mentions, messageID: message.id
            )
        }
    }

    /// What the notice `reference` of `record` says about the milestone of `facts`, naming those told before.
    func noticeText(
        _ reference: EscalationRef, of record: EscalationRecord, facts: MilestoneFacts, graph: DependencyGraph
    ) -> String {
        let milestone = facts.milestone
        return MessageText.escalation(
            reference, milestone: milestone, projectName: projects[milestone.projectID]?.name ?? milestone.projectID,
            facts: facts, prior: record.deliveredNotices, calendar: configuration.calendar,
            downstream: downstream(of: milestone, in: graph), hasAckLink: ackLinks != nil, names: personNames,
            channels: configuration.channels
        )
    }

    /// Closes an escalation whose milestone or rule no longer exists, telling those its notices reached.
    private func close(
        _ record: EscalationRecord, rule: Rule?, reason: String, now: Date, into decisions: inout EngineDecisions
    ) {
        var machine = EscalationMachine(record: record)
        // Nothing falls due on a closed escalation's ladder: its tick only tells those an acknowledgement owes.
        let spent = EscalationLadder(policy: EscalationPolicy(name: record.policy, levels: []),
                                     calendar: configuration.calendar)
        var withdrawal: String?
        for action in [machine.milestoneClosed(reason: reason, at: now), machine.tick(now: now, on: spent)] {
            withdrawal = conclude(action, of: machine.record, rule: rule, milestone: nil, now: now, into: &decisions)
                ?? withdrawal
        }
        if machine.record != record {
            decisions.escalations.append(EscalationUpdate(
                record: machine.record, expectedState: record.state, withdrawal: withdrawal
            ))
        }
    }

    /// One `resolved` message per channel `notices` reached, naming everyone there they were delivered to, except
    /// whoever acknowledged it: they know. Notices that never went out (withdrawn, still queued) tell no one, so
    /// they get no resolution either; one that arrives after the acknowledgement is told on a later tick. The text
    /// says what became of `milestone` (as it is now); its reference carries what `graph` says of it.
    func announceResolution(
        of record: EscalationRecord, to notices: [EscalationNotice], rule: Rule?, milestone: Milestone?,
        graph: DependencyGraph? = nil, now: Date, into decisions: inout EngineDecisions
    ) {
        guard !notices.isEmpty else { return }
        let acknowledger = record.acknowledgement?.by
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
        var addresses: [(address: ChannelAddress, notices: [String])] = []
        for notice in notices {
            let people = zip(notice.people, notice.mentions).filter { $0.0 != acknowledger }
            guard !people.isEmpty || notice.people.isEmpty else { continue }
            let index = addresses.firstIndex { $0.address.channel == notice.channel } ?? {
                addresses.append((ChannelAddress(channel: notice.channel, people: [], mentions: []), []))
                return addresses.count - 1
            }()
            addresses[index].notices.append(notice.messageID)
            for (key, mention) in people where !addresses[index].address.people.contains(key) {
                addresses[index].address.people.append(key)
                addresses[index].address.mentions.append(mention)
            }
        }
        let milestones = milestone.map { [MilestoneRef($0, in: graph)] } ?? []
        let projectRef = project.map { ProjectRef(id: $0.id, name: $0.name) }
            ?? ProjectRef(id: record.key.projectID, name: record.key.projectID)
        for (address, told) in addresses {
            emit(OutgoingMessage(
                id: MessageID.make([record.id, "resolved", address.channel] + told), createdAt: now, kind: .resolved,
                rule: record.key.rule, project: projectRef, milestones: milestones, channel: address.channel,
                recipients: address.people, mentions: address.mentions, text: text, escalation: reference
            ), rule: rule, into: &decisions, details: milestone.map { templateDetails(.resolved, of: $0) } ?? [])
        }
    }
}
