import Foundation
import HeraldCore

extension DashboardPage {
    /// The escalations in force: id, milestone, policy, level reached of the policy's levels, acknowledgement,
    /// age, and when it last notified anyone.
    var escalationsSection: String {
        guard !escalations.isEmpty else {
            return "<section id=\"escalations\"><h2>Escalations</h2><p>No open escalations.</p></section>"
        }
        let titles = Dictionary(
            projects.flatMap(\.milestones).map { ("\($0.milestone.projectID)/\($0.milestone.id)", $0.milestone.title) },
            uniquingKeysWith: { first, _ in first }
        )
        let rows = escalations.map { record in
            let target = "\(record.key.projectID)/\(record.key.milestoneID)"
            let levels = policyLevels[record.policy].map { " of \($0)" } ?? ""
            let repeats = record.repeats > 0 ? ", repeated \(record.repeats)×" : ""
            let ack = record.acknowledgement.map { ack in
                "acknowledged by \(ack.by), \(ConsoleLine.localTime(ack.at, in: zone))"
                    + (ack.note.map { ": \($0)" } ?? "")
            } ?? "awaiting acknowledgement"
            let cells = [
                "<td><code>\(Self.escape(record.id))</code></td>",
                "<td>\(Self.escape(titles[target] ?? record.key.milestoneID))<br><small>\(Self.escape(target))"
                    + " · rule \(Self.escape(record.key.rule))</small></td>",
                "<td>\(Self.escape(record.policy))</td>",
                "<td>level \(record.levelsNotified)\(levels)\(repeats)</td>",
                "<td class=\"ack-\(record.state.rawValue)\">\(Self.escape(ack))</td>",
                "<td>\(age(since: record.openedAt))</td>",
                "<td>\(record.lastNotifiedAt.map { ConsoleLine.localTime($0, in: zone) } ?? "–")</td>",
            ]
            return "<tr class=\"escalation\" id=\"\(Self.escape(record.id))\">\(cells.joined())</tr>"
        }
        return """
            <section id="escalations"><h2>Escalations</h2>
            <table><tr><th>Id</th><th>Milestone</th><th>Policy</th><th>Level</th><th>Acknowledgement</th><th>Age</th>\
            <th>Last notified</th></tr>
            \(rows.joined(separator: "\n"))
            </table></section>
            """
    }
}
