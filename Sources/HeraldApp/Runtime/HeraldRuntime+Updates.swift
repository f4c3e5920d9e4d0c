import Foundation
import HeraldCore
import HeraldServer
import HeraldStore

/// The changes the HTTP API and chat commands make, on the runtime actor: a change never races a tick or a reload,
/// the change rules run in the change's transaction (as for the project files), and the rules run at once after it.
extension HeraldRuntime: ServerActions {
    /// Applies `update` to the stored milestone with the change rules (its `by` recorded as the history's actor), logs
    /// it, and evaluates the rules at once.
    public func update(_ key: MilestoneKey, with update: MilestoneUpdate, source: String) throws -> MilestoneChange? {
        let (change, decisions) = try apply(update, to: key, source: source)
        try settle(change.map { [$0] } ?? [], decisions: decisions, source: source)
        return change
    }

    /// Applies `update` to the escalation's milestone and acknowledges the escalation (unless the update marks the
    /// milestone done) on the actor, so no tick sees the change without the acknowledgement; then evaluates at once,
    /// which resolves the escalation of a milestone marked done.
    public func answer(
        _ escalationID: String, with update: MilestoneUpdate, acknowledger: String, source: String
    ) throws -> EscalationAnswer {
        guard let record = try store.escalation(id: escalationID) else {
            throw ServerActionError.notFound("unknown escalation '\(escalationID)'")
        }
        guard record.state == .open else { return .alreadyClosed(record) }
        let key = MilestoneKey(projectID: record.key.projectID, milestoneID: record.key.milestoneID)
        let (change, decisions) = try apply(update, to: key, source: source)
        if update.status != .done {
            let now = options.now()
            _ = try store.acknowledge(escalationID: escalationID, by: acknowledger, note: update.note, at: now)
            logger.info("acknowledged", metadata: ["escalation": "\(escalationID)", "by": "\(acknowledger)"])
        }
        try settle(change.map { [$0] } ?? [], decisions: decisions, source: source)
        return .answered(try store.escalation(id: escalationID) ?? record)
    }

    /// Snoozes the milestone as `herald snooze PROJECT/MILESTONE --until DATE` does, in the configured zone.
    public func snooze(_ key: MilestoneKey, until date: CivilDate, by person: String, note: String?) throws -> Snooze {
        _ = try storedMilestone(key)
        do {
            let snooze = try SnoozeDesk.snooze(
                SnoozeTarget(projectID: key.projectID, milestoneID: key.milestoneID), length: .untilDate(date),
                by: person, note: note, store: store, zone: configuration.calendar.timeZone, now: options.now()
            )
            logger.info("snoozed", metadata: ["target": "\(snooze.target)", "until": "\(date)", "by": "\(person)"])
            return snooze
        } catch let error as SnoozeError {
            throw ServerActionError.invalid(error.description)
        }
    }

    /// Logs what a source changed (one info line per project, each milestone at debug) and, when anything did, wakes
    /// the dispatcher for the change rules' messages and evaluates the scheduled rules and escalations at once.
    /// Returns `decisions` with that evaluation's.
    @discardableResult
    func settle(_ changes: [MilestoneChange], decisions: EngineDecisions, source: String) throws -> EngineDecisions {
        for change in changes {
            logger.debug(
                "milestone \(change.kind.rawValue)",
                metadata: [
                    "project": "\(change.projectID)", "milestone": "\(change.milestoneID)",
                    "fields": "\(change.fields.map(\.field).joined(separator: ","))", "source": "\(source)",
                ]
            )
        }
        for line in ChangeSummary.lines(changes) { logger.info("\(line)", metadata: ["source": "\(source)"]) }
        for problem in decisions.unreachable { logger.warning("recipient unreachable: \(problem)") }
        var decisions = decisions
        if !changes.isEmpty {
            dispatcher.wakeup.signal()
            decisions.append(try tick())
        }
        return decisions
    }

    /// Applies `update` to the stored milestone with the change rules (its `by` recorded as the history's actor) and
    /// returns the change with the change rules' decisions, not yet settled.
    private func apply(
        _ update: MilestoneUpdate, to key: MilestoneKey, source: String
    ) throws -> (MilestoneChange?, EngineDecisions) {
        let portfolio = try store.trackedMilestones().map(\.milestone)
        let stored = try storedMilestone(key, in: portfolio)
        let now = options.now()
        let engine = self.engine
        var decisions = EngineDecisions()
        let change = try store.apply(
            milestone: update.applied(to: stored), source: source, at: now, note: update.note, actor: update.by,
            releasing: false, decide: {
                decisions = engine.evaluate(changes: $0, updatedAt: now, milestones: portfolio)
                return decisions
            }
        )
        return (change, decisions)
    }

    /// The milestone `key` among `milestones` (the store's tracked ones, read when not given).
    private func storedMilestone(_ key: MilestoneKey, in milestones: [Milestone]? = nil) throws -> Milestone {
        let milestones = try milestones ?? store.trackedMilestones().map(\.milestone)
        guard let milestone = milestones.first(where: { $0.key == key }) else {
            throw ServerActionError.notFound("unknown milestone '\(key.projectID)/\(key.milestoneID)'")
        }
        return milestone
    }
}
