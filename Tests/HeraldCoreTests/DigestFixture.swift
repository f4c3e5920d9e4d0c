import Foundation
@testable import HeraldCore

/// Two projects with a week of fixture history, for digest tests. The digest runs Monday 30 November 2026 09:00
/// London; the previous one ran Monday 23 November 09:00.
enum DigestFixture {
    static let calendar = EngineFixture.calendar
    static let previousAt = EngineFixture.at("2026-11-23", 9)
    static let at = EngineFixture.at("2026-11-30", 9)

    static func milestone(
        _ project: String, _ id: String, due: String, baseline: String? = nil, status: MilestoneStatus = .inProgress,
        critical: Bool = false, owner: String = "alice", labels: [String: String] = [:]
    ) -> Milestone {
        Milestone(
            projectID: project, id: id, title: id.capitalized, owner: owner, due: day(due),
            baseline: baseline.map(day) ?? day(due), status: status, critical: critical, labels: labels
        )
    }

    /// Apollo, in file order: done late in the period, moved later (critical, 5 business days past baseline),
    /// two overdue (file order is not overdue order), pulled in, and one due soon listed last.
    /// Zeus: a critical launch due soon, and one done long ago.
    static let milestones: [Milestone] = [
        milestone("apollo", "requirements", due: "2026-11-20", status: .done, owner: "dan"),
        milestone("apollo", "design", due: "2026-12-04", baseline: "2026-11-27", critical: true),
        milestone("apollo", "vendor", due: "2026-11-27", owner: "bob"),
        milestone("apollo", "migration", due: "2026-11-24", status: .atRisk, owner: "dan"),
        milestone("apollo", "uat", due: "2027-02-12", status: .planned, labels: ["team": "finance"]),
        milestone("apollo", "training", due: "2026-12-02", status: .planned),
        milestone("zeus", "launch", due: "2026-12-10", status: .planned, critical: true, owner: "bob"),
        milestone("zeus", "archive", due: "2026-10-01", status: .done),
    ]

    static let projects = [
        Project(id: "apollo", name: "Apollo ERP upgrade", manager: "bob", sponsor: "carol"),
        Project(id: "zeus", name: "Zeus", manager: "bob", sponsor: "carol"),
    ]

    static let policy = EscalationPolicy(
        name: "missed-deadline",
        levels: [.init(after: nil, notify: [.owner]), .init(after: .days(1), notify: [.manager]),
                 .init(after: .days(3), notify: [.sponsor])]
    )

    static let configuration: Configuration = {
        var configuration = EngineFixture.configuration(rules: [], projects: projects)
        configuration.escalations = ["missed-deadline": policy]
        return configuration
    }()

    static func tracked(_ milestones: [Milestone] = milestones) -> [TrackedMilestone] {
        milestones.map { TrackedMilestone(milestone: $0, updatedAt: utc("2026-11-01T12:00:00Z")) }
    }

    static func entry(_ project: String, _ id: String, _ at: Date, _ field: String, _ old: String?, _ new: String?)
        -> HistoryEntry {
        HistoryEntry(
            projectID: project, milestoneID: id, at: at, source: "file:\(project).yaml",
            change: FieldChange(field: field, oldValue: old, newValue: new)
        )
    }

    /// The week since the previous digest: requirements done on Wednesday, design moved twice (Tue 1 Dec, then
    /// Fri 4 Dec) with a note, uat pulled in from 19 to 12 February.
    static let history: [HistoryEntry] = [
        entry("apollo", "requirements", EngineFixture.at("2026-11-25", 10), "status", "in_progress", "done"),
        entry("apollo", "design", EngineFixture.at("2026-11-24", 11), "due", "2026-11-27", "2026-12-01"),
        entry("apollo", "design", EngineFixture.at("2026-11-26", 15), "due", "2026-12-01", "2026-12-04"),
        entry("apollo", "design", EngineFixture.at("2026-11-26", 15), "note", nil, "vendor review ran late"),
        entry("apollo", "uat", EngineFixture.at("2026-11-27", 9), "due", "2027-02-19", "2027-02-12"),
    ]

    static func escalation(
        _ id: String, _ project: String, _ milestone: String, state: EscalationState = .open, levels: Int = 1,
        acknowledgedBy: String? = nil, rearmed: Bool = false, openedAt: Date = EngineFixture.at("2026-11-25", 9)
    ) -> EscalationRecord {
        EscalationRecord(
            id: id, key: RuleStateKey(rule: "overdue", projectID: project, milestoneID: milestone),
            policy: "missed-deadline", due: day("2026-11-24"), openedAt: openedAt, state: state,
            levelsNotified: levels,
            acknowledgement: acknowledgedBy.map {
                Acknowledgement(by: $0, at: EngineFixture.at("2026-11-26", 9), note: nil)
            },
            rearmed: rearmed
        )
    }

    static let escalations = [
        escalation("esc_ack", "apollo", "vendor", state: .acknowledged, levels: 3, acknowledgedBy: "bob"),
        escalation("esc_low", "apollo", "design", levels: 1, openedAt: EngineFixture.at("2026-11-20", 9)),
        escalation("esc_high", "apollo", "migration", levels: 2),
        escalation("esc_done", "apollo", "requirements", state: .resolved, levels: 2),
        escalation("esc_rearmed", "zeus", "launch", state: .acknowledged, levels: 1, acknowledgedBy: "bob",
                   rearmed: true),
        escalation("esc_gone", "hermes", "x", levels: 2),
    ]

    static func definition(
        scope: DigestScope = .all, window: Interval? = nil, tolerance: Int? = nil, timeZone: TimeZone? = nil
    ) -> DigestDefinition {
        DigestDefinition(
            name: "weekly-sponsor", schedule: "mon 09:00", timeZone: timeZone, to: [.audience("sponsors")],
            window: window, scope: scope, tolerance: tolerance
        )
    }

    /// The previous week's report with the given status.
    static func previous(_ status: RAGStatus = .amber) -> DigestReport {
        DigestReport(
            name: "weekly-sponsor", at: previousAt, since: nil, late: false,
            headline: DigestHeadline(status: status, rule: "", trend: .first, reason: ""), projects: []
        )
    }

    static func report(
        _ definition: DigestDefinition = definition(), milestones: [Milestone] = milestones,
        history: [HistoryEntry] = history, previous: DigestReport? = previous(),
        escalations: [EscalationRecord] = escalations, at: Date = at, late: Bool = false
    ) -> DigestReport {
        DigestBuilder(configuration: configuration).report(
            for: definition, milestones: tracked(milestones), history: history, previous: previous,
            escalations: escalations, at: at, late: late
        )
    }
}
