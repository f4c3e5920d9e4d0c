import Foundation

/// One escalation as a state machine. The engine feeds it what an evaluation found (time passing, its rule no
/// longer holding, its milestone closed, a snooze and its lift, a moved due date) and the store feeds it an
/// acknowledgement; each event moves the record and returns what the caller must do, as an `Action`. The machine
/// composes no message and touches no store: the caller turns the actions into messages and writes.
///
/// The record is what the store keeps; `state` reads it as the machine's states. Each tick sets its `nextAt`:
/// when the machine next wants one.
public struct EscalationMachine: Sendable {
    /// Where the escalation stands.
    public enum State: Hashable, Sendable {
        /// Climbing its ladder: `levels` levels notified so far, the last repeated `repeats` times.
        case open(levels: Int, repeats: Int)
        /// Its ladder stands still since `since` (its milestone snoozed, its project on hold), `levels` notified.
        case paused(levels: Int, since: Date)
        /// Taken by someone: no further level. Re-armed once its rule stopped holding or its due date moved.
        case acknowledged(by: String, rearmed: Bool)
        /// Closed because its rule stopped holding or its milestone closed.
        case resolved(reason: String)
    }

    /// What the caller does after an event.
    public enum Action: Hashable, Sendable {
        /// Send these rungs, in order: levels that fell due, or one repeat of the last level.
        case notify([EscalationLadder.Rung])
        /// Withdraw the notices not yet sent, with this reason (`withdrawn: acknowledged by Bob`).
        case withdrawUnsent(reason: String)
        /// Tell the people these notices reached that the escalation is resolved.
        case announceResolution(to: [EscalationNotice])
        /// The escalation closed: withdraw its unsent notices with the reason, and tell the people these notices
        /// reached that it is resolved.
        case close(withdrawing: String, announcingTo: [EscalationNotice])
        /// The ladder stopped where it stood.
        case pause
        /// The ladder climbs again, every level and repeat as much later as it stood still.
        case resume
        case nothing
    }

    /// The escalation as the store keeps it.
    public private(set) var record: EscalationRecord

    /// A machine over `record`: as read from the store, or new (then its first tick notifies its first level).
    public init(record: EscalationRecord) {
        self.record = record
    }

    /// Where the escalation stands, read from its record.
    public var state: State {
        switch record.state {
        case .open:
            if let since = record.pausedAt { return .paused(levels: record.levelsNotified, since: since) }
            return .open(levels: record.levelsNotified, repeats: record.repeats)
        case .acknowledged:
            return .acknowledged(by: record.acknowledgement?.by ?? "", rearmed: record.rearmed)
        case .resolved:
            return .resolved(reason: record.closeReason ?? "")
        }
    }

    /// Whether it climbs or stands paused: its milestone's plain reminders stay inhibited.
    public var isOpen: Bool { record.state == .open }

    /// Whether a new escalation of the same rule and milestone may open: this one is resolved, or acknowledged and
    /// re-armed, and done telling those its notices reached.
    public var allowsAnother: Bool {
        switch state {
        case .resolved: record.resolutionSent
        case .acknowledged(_, let rearmed): rearmed && record.resolutionSent
        case .open, .paused: false
        }
    }

    /// Time passes to `now` on `ladder` (its policy's timing in its recipients' working time). Open: the levels
    /// that fell due, else a due repeat of the last, are to be notified (their notices are recorded with
    /// `sent(_:)`). Acknowledged or resolved: whoever a notice has reached is told it is resolved, a notice that
    /// was still being sent when it closed included, once it arrives.
    public mutating func tick(now: Date, on ladder: EscalationLadder) -> Action {
        defer { record.nextAt = record.state == .open ? ladder.nextTime(record) : nil }
        switch state {
        case .open:
            let rungs = ladder.due(record, now: now)
            guard !rungs.isEmpty else { return .nothing }
            for rung in rungs {
                if rung.isRepeat { record.repeats += 1 } else { record.levelsNotified = rung.level + 1 }
            }
            record.lastNotifiedAt = now
            record.repeatPausedFor = 0
            return .notify(rungs)
        case .acknowledged, .resolved:
            guard !record.resolutionSent else { return .nothing }
            let told = tellResolved(at: now)
            return told.isEmpty ? .nothing : .announceResolution(to: told)
        case .paused:
            return .nothing
        }
    }

    /// Records the notices a `notify` action sent, oldest first.
    public mutating func sent(_ notices: [EscalationNotice]) {
        record.notices += notices
    }

    /// Someone took it (`herald ack`, the ack page, chat): an open or paused escalation stops climbing and its
    /// unsent notices are withdrawn; those its notices reached are told on the next tick. Already closed: nothing.
    public mutating func acknowledged(by name: String, note: String?, at: Date) -> Action {
        guard record.state == .open else { return .nothing }
        record.state = .acknowledged
        record.acknowledgement = Acknowledgement(by: name, at: at, note: note)
        record.closedAt = at
        record.closeReason = "acknowledged by \(name)"
        record.nextAt = nil
        return .withdrawUnsent(reason: "withdrawn: \(record.closeReason!)")
    }

    /// Its milestone was snoozed, or its project put on hold, at `at`: an open ladder stands still.
    public mutating func snoozed(at: Date) -> Action {
        guard case .open = state else { return .nothing }
        record.pausedAt = at
        record.nextAt = nil
        return .pause
    }

    /// The snooze (or the hold) ended at `at`: a paused ladder climbs again, its next level and its next repeat
    /// as much later as it stood still, so the pause never fires several levels at once.
    public mutating func lifted(at: Date) -> Action {
        guard case .paused(_, let since) = state else { return .nothing }
        let stood = at.timeIntervalSince(since)
        record.pausedFor += stood
        record.repeatPausedFor += stood
        record.pausedAt = nil
        return .resume
    }

    /// Its rule no longer holds at `at`: an open escalation closes; an acknowledged one re-arms.
    public mutating func ruleStoppedHolding(reason: String, at: Date) -> Action {
        close(reason: reason, at: at)
    }

    /// Its milestone was done, cancelled or removed at `at`: an open escalation closes; an acknowledged one
    /// re-arms.
    public mutating func milestoneClosed(reason: String, at: Date) -> Action {
        close(reason: reason, at: at)
    }

    /// Its milestone's due date moved: an acknowledged escalation re-arms, so a missed new date escalates anew.
    public mutating func dueMoved() -> Action {
        if case .acknowledged = state { record.rearmed = true }
        return .nothing
    }

    private mutating func close(reason: String, at: Date) -> Action {
        switch state {
        case .open, .paused:
            record.state = .resolved
            record.closedAt = at
            record.closeReason = reason
            record.nextAt = nil
            let told = tellResolved(at: at)
            return .close(withdrawing: "withdrawn: \(reason)", announcingTo: told)
        case .acknowledged:
            record.rearmed = true
            return .nothing
        case .resolved:
            return .nothing
        }
    }

    /// The notices that reached their channel and whose people have not been told it is resolved, now marked
    /// told. The resolution is complete once no notice is still being sent.
    private mutating func tellResolved(at now: Date) -> [EscalationNotice] {
        var told: [EscalationNotice] = []
        for index in record.notices.indices
        where record.notices[index].deliveredAt != nil && record.notices[index].resolvedAt == nil {
            record.notices[index].resolvedAt = now
            told.append(record.notices[index])
        }
        record.resolutionSent = !record.notices.contains(where: \.isPending)
        return told
    }
}
