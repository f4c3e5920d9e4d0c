import Foundation
import HeraldCore

/// The read-only page of one milestone at `/milestones/PROJECT/MILESTONE`, the target of a message's "Milestone
/// page" link: written for the owner or sponsor who opens it, in words (no rule, no id but the escalation's level),
/// every value HTML-escaped.
struct MilestonePage {
    /// The milestone and what rules would see of it today.
    let facts: MilestoneFacts
    /// Every live milestone, for what this one depends on and blocks, in any project.
    let graph: DependencyGraph
    /// Each project's name by id.
    let projectNames: [String: String]
    /// Each person's name by key.
    let names: [String: String]
    /// The escalation open on it, if any, with how many levels its policy has.
    let escalation: (record: EscalationRecord, levels: Int?)?
    /// Its recent history, newest first.
    let history: [HistoryEntry]
    /// The zone times are shown in.
    let zone: TimeZone

    /// How many history lines the page shows.
    static let historyShown = 20

    private var milestone: Milestone { facts.milestone }
    private var today: CivilDate { facts.today }

    /// The whole page.
    var html: String {
        let title = MessageText.subject(milestone.title, projectName(milestone.projectID))
        let rows = [
            ("Due", dueWords), ("Baseline", baselineWords), ("Status", milestone.status.words),
            ("Owner", name(milestone.owner)),
        ].compactMap { label, value in value.map { "<tr><th>\(label)</th><td>\(escape($0))</td></tr>" } }
        let sections = [
            "<table class=\"facts\">\(rows.joined())</table>", escalationSection, deliverablesSection,
            dependenciesSection, historySection,
        ]
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>\(Self.css)</style>
            </head><body>
            <h1>\(escape(title))</h1>
            \(sections.compactMap { $0 }.joined(separator: "\n"))
            </body></html>
            """
    }

    /// `Fri 4 Dec, due today`, `Mon 30 Nov, 3 business days overdue`, `Fri 11 Dec, in 8 business days`; a closed
    /// milestone's date alone.
    private var dueWords: String? {
        let date = milestone.due.display(today: today)
        guard !milestone.status.isClosed else { return date }
        if facts.daysOverdue > 0 {
            let late = facts.businessDaysOverdue
            return late > 0 ? "\(date), \(MessageText.count(late, "business day")) overdue" : "\(date), overdue"
        }
        if facts.daysUntilDue == 0 { return "\(date), due today" }
        return "\(date), in \(MessageText.count(facts.businessDaysUntilDue, "business day"))"
    }

    /// `Mon 23 Nov, slipped 5 business days` or `Fri 4 Dec, on track`; nil without a baseline.
    private var baselineWords: String? {
        guard let baseline = milestone.baseline else { return nil }
        let date = baseline.display(today: today)
        return facts.slipDays > 0 ? "\(date), slipped \(MessageText.count(facts.slipDays, "business day"))" : "\(date)"
    }

    private var escalationSection: String? {
        guard let (record, levels) = escalation else { return nil }
        let level = "Level \(record.levelsNotified)" + (levels.map { " of \($0)" } ?? "")
        let told = record.notices.filter { $0.level == record.levelsNotified }
            .flatMap { $0.people.isEmpty ? ["the \($0.channel) channel"] : $0.people.map(name) }
        let toldWords = told.isEmpty ? "" : "; told \(Self.unique(told).joined(separator: ", "))"
        let state = record.acknowledgement.map { ack in
            "Acknowledged by \(name(ack.by)), \(ConsoleLine.localTime(ack.at, in: zone))"
                + (ack.note.map { ": \($0)" } ?? "") + "."
        } ?? "Awaiting acknowledgement."
        return "<section id=\"escalation\"><h2>Escalation</h2><p>\(escape("\(level)\(toldWords). \(state)"))</p>"
            + "</section>"
    }

    private var deliverablesSection: String? {
        guard !milestone.deliverables.isEmpty else { return nil }
        return "<section id=\"deliverables\"><h2>Deliverables</h2>\(list(milestone.deliverables))</section>"
    }

    private var dependenciesSection: String {
        let dependsOn = graph.dependencies(of: milestone.key).map(describe)
        let blocks = graph.blocks(milestone.key).map(describe)
        let critical = graph.isOnCriticalPath(milestone.key)
            ? "<p class=\"critical\">On the critical path: a slip delays the project.</p>" : ""
        return """
            <section id="dependencies"><h2>Dependencies</h2>\(critical)
            <h3>Depends on</h3>\(dependsOn.isEmpty ? "<p>Nothing.</p>" : list(dependsOn))
            <h3>Blocks</h3>\(blocks.isEmpty ? "<p>Nothing.</p>" : list(blocks))
            </section>
            """
    }

    private var historySection: String {
        guard !history.isEmpty else {
            return "<section id=\"history\"><h2>Recent changes</h2><p>No changes recorded.</p></section>"
        }
        let rows = historyRows.map { cells in "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
        return """
            <section id="history"><h2>Recent changes</h2>
            <table><tr><th>When (\(escape(zone.identifier)))</th><th>What</th><th>Change</th><th>By</th></tr>
            \(rows.joined(separator: "\n"))
            </table></section>
            """
    }

    /// The history as the page lists it (when, what, change, who), newest first, at most ``historyShown`` lines:
    /// the milestone's creation (every field its first recorded change set) as one `added` line with its due date,
    /// a note as itself, any other change `from → to`.
    private var historyRows: [[String]] {
        let added = history.last.map { first in
            history.filter { $0.at == first.at && $0.source == first.source && $0.change.oldValue == nil }
        } ?? []
        var rows = history.filter { !added.contains($0) }.map { entry in
            let change = entry.change
            let text = change.field == "note"
                ? change.newValue ?? ""
                : value(change.field, change.oldValue) + " → " + value(change.field, change.newValue)
            return [ConsoleLine.localTime(entry.at, in: zone), Self.fieldWords(change.field), text, who(entry)]
        }
        if let first = added.first {
            let due = added.first { $0.change.field == "due" }.map { "due " + value("due", $0.change.newValue) }
            rows.append([ConsoleLine.localTime(first.at, in: zone), "added", due ?? "", who(first, verb: "Added")])
        }
        return Array(rows.prefix(Self.historyShown))
    }

    /// `Go-live · Apollo ERP upgrade, due Fri 18 Dec, in progress (critical path)`.
    private func describe(_ key: MilestoneKey) -> String {
        guard let other = graph.milestone(key) else { return key.description }
        let critical = graph.isOnCriticalPath(key) ? " (critical path)" : ""
        return MessageText.subject(other.title, projectName(other.projectID))
            + ", due \(other.due.display(today: today)), \(other.status.words)\(critical)"
    }

    /// A history value as a reader says it: a status in words, a date as a date, an owner by name, a list as a
    /// list.
    private func value(_ field: String, _ value: String?) -> String {
        guard let value else { return "none" }
        switch field {
        case "status": return MilestoneStatus(rawValue: value)?.words ?? value
        case "due", "baseline": return CivilDate(iso: value)?.display(today: today) ?? value
        case "owner": return name(value)
        case "critical": return value == "true" ? "yes" : value == "false" ? "no" : value
        case "depends_on", "deliverables":
            guard let items = try? JSONDecoder().decode([String].self, from: Data(value.utf8)) else { return value }
            return items.isEmpty ? "none" : items.joined(separator: ", ")
        default: return value
        }
    }

    /// Who made a change and where, as announcements say it: `Changed by Hannah Lee through the API.`, `Changed in
    /// apollo.yaml.`, `Added by Mike Chen in chat.`
    private func who(_ entry: HistoryEntry, verb: String = "Changed") -> String {
        MessageText.origin(source: entry.source, actor: entry.actor, names: names, verb: verb)
            .trimmingCharacters(in: .whitespaces)
    }

    private func name(_ key: String) -> String {
        names[key] ?? key
    }

    private func projectName(_ id: String) -> String {
        projectNames[id] ?? id
    }

    private func list(_ items: [String]) -> String {
        "<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
    }

    private func escape(_ text: String) -> String {
        DashboardPage.escape(text)
    }

    /// `depends_on` → `depends on`.
    private static func fieldWords(_ field: String) -> String {
        field.replacingOccurrences(of: "_", with: " ")
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    private static let css = """
        body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:760px;padding:0 16px;color:#212121}
        h1{font-size:22px}h2{font-size:17px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:24px}
        h3{font-size:14px;margin:12px 0 4px}table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #eee;vertical-align:top}
        th{font-weight:600;color:#555}.facts th{width:120px}.critical{color:#c62828;font-weight:600}
        """
}
