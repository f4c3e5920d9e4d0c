import Foundation
import HeraldCore
import HeraldStore

/// What one digest run did.
public struct DigestOutcome: Sendable {
    /// The run as recorded (or as it would have been, when `recorded` is false).
    public var run: DigestRun
    /// The messages put in the outbox; empty for a run skipped as unchanged.
    public var messages: [OutgoingMessage]
    /// Recipients of `to` that reach no channel, in words.
    public var unreachable: [String]
    /// False when the period already had a run (decided elsewhere meanwhile): nothing was written.
    public var recorded: Bool
}

/// Runs digests against the store: reads what the builder needs, builds the report, composes one message per
/// channel, and records the run with its messages in one transaction. The daemon's tick runs the due ones;
/// `herald digest send` runs one now.
public struct DigestRunner: Sendable {
    public let configuration: Configuration
    public let store: HeraldStore
    /// The digests' "Full digest" links; nil sends digests without one.
    public let links: DigestLinks?

    /// Creates a runner whose digests link to their page with `links`.
    public init(configuration: Configuration, store: HeraldStore, links: DigestLinks? = nil) {
        self.configuration = configuration
        self.store = store
        self.links = links
    }

    /// Runs every digest whose period has fallen due at `now`
    /// (``DigestSchedule/due(at:in:trackedSince:lastScheduled:)``): on time at its slot, or late, once, for the
    /// latest period missed while the daemon was down.
    public func runDue(at now: Date) throws -> [DigestOutcome] {
        var outcomes: [DigestOutcome] = []
        for definition in configuration.digests {
            guard let schedule = definition.parsedSchedule else { continue }
            let zone = definition.zone(default: configuration.calendar.timeZone)
            let state = try store.digestRunState(
                name: definition.name, schedule: definition.scheduleKey(default: configuration.calendar.timeZone),
                at: now
            )
            guard let due = schedule.due(
                at: now, in: zone, trackedSince: state.trackedSince, lastScheduled: state.lastScheduledAt
            ) else { continue }
            outcomes.append(try run(
                definition, period: due.slot.period, scheduledAt: due.slot.instant, late: due.late,
                previous: state.previous, at: now
            ))
        }
        return outcomes
    }

    /// Runs digest `name` now, whatever its schedule (`herald digest send`): always sent, even when unchanged, and
    /// recorded as a manual run, so the next scheduled digest reports the changes since this one. Nil when the
    /// configuration has no such digest.
    public func send(name: String, at now: Date) throws -> DigestOutcome? {
        guard let definition = configuration.digests.first(where: { $0.name == name }) else { return nil }
        let state = try store.digestRunState(
            name: name, schedule: definition.scheduleKey(default: configuration.calendar.timeZone), at: now
        )
        return try run(
            definition, period: "manual:\(Int(now.timeIntervalSince1970))", scheduledAt: nil, late: false,
            previous: state.previous, at: now
        )
    }

    /// Builds, composes and records one run. A late run's report describes `now` (what the audience is told now);
    /// an on-time run's describes its slot.
    private func run(
        _ definition: DigestDefinition, period: String, scheduledAt: Date?, late: Bool, previous: DigestReport?,
        at now: Date
    ) throws -> DigestOutcome {
        let reportTime = late ? now : (scheduledAt ?? now)
        let report = try DigestReportReader.report(
            for: definition, configuration: configuration, store: store, previous: previous, at: reportTime, late: late
        )
        let skip = scheduledAt != nil && definition.skipWhenUnchanged && report.unchanged
        let composed = skip
            ? (messages: [], unreachable: [])
            : DigestComposer(configuration: configuration, links: links).messages(
                for: report, definition: definition, period: period, at: now
            )
        let run = DigestRun(
            digest: definition.name, period: period, scheduledAt: scheduledAt, runAt: now, report: report, sent: !skip,
            late: late
        )
        let recorded = try store.commit(digestRun: run, messages: composed.messages)
        return DigestOutcome(
            run: run, messages: recorded ? composed.messages : [], unreachable: composed.unreachable, recorded: recorded
        )
    }
}
