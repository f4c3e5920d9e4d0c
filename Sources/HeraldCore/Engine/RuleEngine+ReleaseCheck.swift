import Foundation

extension RuleEngine {
    /// Checks `message` against the facts at release: a reminder or escalation notice about a milestone that is
    /// closed or removed since, or a notice whose escalation is no longer open, is withdrawn; a reminder whose
    /// milestone changed since it was decided is withdrawn when its rule no longer holds (as of the decision's
    /// date, so only the change counts, not the time that passed) and written again from the milestone as it
    /// stands otherwise; so is a notice of an open escalation, with those told before as they stand. Every other
    /// message goes as decided.
    public func check(_ message: OutgoingMessage, against facts: ReleaseFacts) -> ReleaseCheck {
        guard message.kind == .reminder || message.kind == .escalation,
              let project = message.project, let decided = message.milestones.first else { return .asDecided }
        let key = MilestoneKey(projectID: project.id, milestoneID: decided.id)
        guard let tracked = facts.milestones[key] else { return .withdrawn("superseded: \(decided.title) was removed") }
        let milestone = tracked.milestone
        if milestone.status.isClosed {
            return .withdrawn(milestone.status == .done ? "superseded: marked done" : "superseded: cancelled")
        }
        if message.kind == .escalation {
            if let reason = escalationClosed(message, key: key, facts: facts) { return .withdrawn(reason) }
            guard tracked.updatedAt > message.createdAt else { return .asDecided }
            return rewrittenNotice(message, milestone: tracked, key: key, facts: facts).map(ReleaseCheck.rewritten)
                ?? .asDecided
        }
        guard tracked.updatedAt > message.createdAt else { return .asDecided }
        guard let rule = configuration.rules.first(where: { $0.name == message.rule }) else {
            return .withdrawn("superseded: the rule that asked for it was removed")
        }
        let calendar = configuration.calendar
        let decidedFacts = MilestoneFacts(
            milestone: milestone, updatedAt: tracked.updatedAt, today: calendar.today(at: message.createdAt),
            calendar: calendar, history: tracked.history
        )
        guard rule.condition.evaluate(decidedFacts) else {
            return .withdrawn(Self.supersededReason(was: decided, now: milestone, today: decidedFacts.today) {
                personNames[$0] ?? $0
            })
        }
        return .rewritten(rewritten(message, milestone: tracked, facts: facts))
    }

    /// The reminder `message` written again from `tracked` as it stands, as of its reader's date.
    private func rewritten(_ message: OutgoingMessage, milestone tracked: TrackedMilestone,
                           facts: ReleaseFacts) -> OutgoingMessage {
        let milestone = tracked.milestone
        let project = projects[milestone.projectID]
        var message = message
        message.text = MessageText.reminder(
            milestone: milestone, projectName: project?.name ?? milestone.projectID,
            facts: MilestoneFacts(
                milestone: milestone, updatedAt: tracked.updatedAt, today: readerDate(of: message),
                calendar: configuration.calendar, history: tracked.history
            ),
            downstream: downstream(of: milestone, in: facts.graph)
        )
        message.milestones = [MilestoneRef(milestone, in: facts.graph)]
        message.text = configuration.templates.text(
            for: message, details: templateDetails(.reminder, of: milestone, graph: facts.graph)
        )
        return message
    }

    /// The escalation notice `message` written again from `tracked` as it stands; nil when its escalation is not
    /// known.
    private func rewrittenNotice(
        _ message: OutgoingMessage, milestone tracked: TrackedMilestone, key: MilestoneKey, facts: ReleaseFacts
    ) -> OutgoingMessage? {
        guard let rule = message.rule, let reference = message.escalation,
              let record = facts.escalations[RuleStateKey(rule: rule, projectID: key.projectID,
                                                          milestoneID: key.milestoneID)] else { return nil }
        let milestone = tracked.milestone
        var message = message
        message.text = noticeText(reference, of: record, facts: MilestoneFacts(
            milestone: milestone, updatedAt: tracked.updatedAt, today: readerDate(of: message),
            calendar: configuration.calendar, history: tracked.history
        ), graph: facts.graph)
        message.milestones = [MilestoneRef(milestone, in: facts.graph)]
        message.text = configuration.templates.text(
            for: message, details: templateDetails(.escalation, of: milestone, graph: facts.graph)
        )
        return message
    }

    /// Why the escalation `message` notifies is no longer open (`superseded: acknowledged by Dan Okafor`); nil while
    /// it is.
    private func escalationClosed(_ message: OutgoingMessage, key: MilestoneKey, facts: ReleaseFacts) -> String? {
        guard let rule = message.rule, let id = message.escalation?.id else { return nil }
        let record = facts.escalations[RuleStateKey(rule: rule, projectID: key.projectID, milestoneID: key.milestoneID)]
        guard let record, record.id == id else { return "superseded: the escalation was closed" }
        switch record.state {
        case .open: return nil
        case .acknowledged:
            let by = record.acknowledgement.map { " by \(personNames[$0.by] ?? $0.by)" } ?? ""
            return "superseded: acknowledged\(by)"
        case .resolved: return "superseded: the escalation was closed"
        }
    }

    /// Why a reminder decided about `decided` no longer applies to `milestone`, in a project manager's words:
    /// `superseded: due moved to Thu 10 Dec`.
    static func supersededReason(
        was decided: MilestoneRef, now milestone: Milestone, today: CivilDate, name: (String) -> String
    ) -> String {
        if milestone.due != decided.due { return "superseded: due moved to \(milestone.due.display(today: today))" }
        if milestone.status != decided.status { return "superseded: now \(milestone.status.words)" }
        if milestone.owner != decided.owner { return "superseded: now owned by \(name(milestone.owner))" }
        return "superseded: \(milestone.title) changed and no longer needs this reminder"
    }
}
