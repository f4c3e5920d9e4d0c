import Foundation
@testable import HeraldCore

/// The digest of the example config (`config/herald.yaml`, `config/projects/apollo.yaml`) as a weekly sponsor
/// digest would report it on Monday 30 November 2026, built by hand from fixed data: the builder is written in
/// parallel, and the rendering must not depend on its choices.
enum DigestRenderFixture {
    static let apollo = ProjectRef(id: "apollo", name: "Apollo ERP upgrade")

    static func milestone(_ id: String, _ title: String, due: String, status: MilestoneStatus, owner: String)
        -> MilestoneRef {
        MilestoneRef(id: id, title: title, due: day(due), status: status, owner: owner)
    }

    static let requirements = milestone(
        "requirements-baseline", "Requirements baseline", due: "2026-11-20", status: .done, owner: "dan"
    )
    static let design = milestone(
        "design-signoff", "Design sign-off", due: "2026-12-01", status: .inProgress, owner: "alice"
    )
    static let migration = milestone(
        "data-migration-plan", "Data migration plan", due: "2026-11-24", status: .atRisk, owner: "dan"
    )

    static let reason = "Design sign-off · Apollo ERP upgrade is 5 business days behind its baseline"

    static let report = DigestReport(
        name: "weekly-sponsor", at: utc("2026-11-30T09:00:00Z"), since: utc("2026-11-23T09:00:00Z"), late: false,
        headline: DigestHeadline(
            status: .amber, rule: "amber: a milestone slipped past its baseline or is at risk", trend: .worsening,
            reason: reason
        ),
        projects: [DigestProjectStatus(project: apollo, status: .amber, reason: reason)],
        completed: [
            DigestItem(project: apollo, milestone: requirements, ownerName: "Dan Okafor", baseline: day("2026-11-20"),
                       completedOn: day("2026-11-23"), businessDays: 1),
        ],
        dueSoon: [DigestItem(project: apollo, milestone: design, ownerName: "Alice Ng", baseline: day("2026-11-24"))],
        slipped: [
            DigestItem(project: apollo, milestone: design, ownerName: "Alice Ng", baseline: day("2026-11-24"),
                       previousDue: day("2026-11-27"), businessDays: 2, note: "Vendor review moved to Monday"),
        ],
        overdue: [
            DigestItem(project: apollo, milestone: migration, ownerName: "Dan Okafor", baseline: day("2026-11-24"),
                       businessDays: 4),
        ],
        escalations: [
            DigestEscalation(id: "esc_7f3a9c2e", project: apollo, milestone: migration, level: 3, levels: 3,
                             acknowledgedBy: nil),
        ]
    )

    /// The report as a message to `channel`, naming `mentions`.
    static func message(_ report: DigestReport = report, channel: String = "sponsors", mentions: [String] = [])
        -> OutgoingMessage {
        OutgoingMessage(
            id: "msg_digest_weekly_sponsor", createdAt: report.at, kind: .digest, rule: nil, project: apollo,
            milestones: [], channel: channel, recipients: ["carol"], mentions: mentions,
            text: "Digest weekly-sponsor: Amber, worsening. \(reason).", digest: report
        )
    }

    /// A report with `count` rows in every section, each with a long note, and `link`.
    static func long(count: Int, link: String?) -> DigestReport {
        var report = report
        let note = String(repeating: "a long note about what moved and why ", count: 8)
        func items(_ item: DigestItem) -> [DigestItem] {
            (0..<count).map { index in
                var copy = item
                copy.milestone.id += "-\(index)"
                copy.milestone.title += " \(index)"
                copy.note = note
                return copy
            }
        }
        report.completed = items(report.completed[0])
        report.dueSoon = items(report.dueSoon[0])
        report.slipped = items(report.slipped[0])
        report.overdue = items(report.overdue[0])
        report.escalations = (0..<count).map { index in
            var copy = report.escalations[0]
            copy.id += "\(index)"
            return copy
        }
        report.link = link
        return report
    }
}
