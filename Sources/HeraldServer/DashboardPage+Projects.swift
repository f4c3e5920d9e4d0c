import Foundation
import HeraldCore

extension DashboardPage {
    /// Each project with a table of its milestones: status colour, baseline and forecast dates, days late, slip,
    /// what each blocks and whether it is on the critical path (``DependencyGraph``), and a bar on one date axis
    /// shared by every project (baseline tick, forecast diamond, slip between, today).
    var projectsSection: String {
        guard !projects.isEmpty else {
            return "<section id=\"projects\"><h2>Projects</h2><p>No projects.</p></section>"
        }
        let milestones = projects.flatMap(\.milestones).map(\.milestone)
        let axis = DateAxis(milestones, today: today)
        let graph = DependencyGraph(milestones: milestones)
        let legend = [DashboardStatus.done, .onTrack, .atRisk, .blocked, .overdue, .onHold]
            .map { "<span>\(badge($0))</span>" }.joined()
        var html = "<section id=\"projects\"><h2>Projects</h2><p class=\"legend\">\(legend)"
            + "<span>▮ baseline · ◆ forecast · ┆ today</span>"
            + "<span>\(Self.criticalPathMark): on a project's critical path</span></p>"
        for view in projects {
            let project = view.project
            let people = [project.manager.map { "manager \($0)" }, project.sponsor.map { "sponsor \($0)" }]
                .compactMap { $0 } + [project.status.words]
            html += """
                <article class="project" id="project-\(Self.escape(project.id))">
                <h3>\(Self.escape(project.name)) <small>\(Self.escape(project.id)) · \
                \(Self.escape(people.joined(separator: " · ")))</small></h3>
                <table><tr><th>Milestone</th><th>Owner</th><th>Status</th><th>Baseline</th><th>Forecast</th>\
                <th>Late</th><th>Slip</th><th class="bar"><div class="axis"><span>\(axis.start.shortDisplay)</span>\
                <span class="now" style="left:\(axis.percent(today))%">today</span>\
                <span>\(axis.end.shortDisplay)</span></div></th></tr>
                """
            html += view.milestones.map { row($0, axis: axis, graph: graph) }.joined(separator: "\n")
            html += "</table></article>\n"
        }
        return html + "</section>"
    }

    private var today: CivilDate { CivilDate(now, in: zone) }

    /// The colour the critical path is marked in: around the forecast diamond and in the words.
    private static let criticalPathColour = "#6a1b9a"

    /// How the critical path is marked in words, in the legend and beside a milestone's title.
    private static let criticalPathMark = "<small class=\"critical-path\" "
        + "style=\"color:\(criticalPathColour);font-weight:600\">critical path</small>"

    /// At most this many of the milestones a milestone blocks are named; the rest are counted.
    private static let blocksShown = 5

    private func row(_ facts: MilestoneFacts, axis: DateAxis, graph: DependencyGraph) -> String {
        let milestone = facts.milestone
        let status = DashboardStatus(facts)
        let late = DashboardStatus.late(facts).map(Self.escape) ?? "–"
        let slip = facts.slipDays == 0 ? "–" : "\(facts.slipDays > 0 ? "+" : "")\(facts.slipDays) bd"
        var marks = "<span class=\"today\" style=\"left:\(axis.percent(today))%\"></span>"
        if let baseline = milestone.baseline {
            let (from, to) = (min(baseline, milestone.due), max(baseline, milestone.due))
            marks += "<span class=\"slip\" style=\"left:\(axis.percent(from))%;"
                + "width:\(axis.width(from: from, to: to))%\"></span>"
            marks += "<span class=\"base\" title=\"baseline \(baseline)\" style=\"left:\(axis.percent(baseline))%\">"
                + "</span>"
        }
        let onPath = graph.isOnCriticalPath(milestone.key)
        marks += "<span class=\"fc\" title=\"forecast \(milestone.due)\(onPath ? ", critical path" : "")\" "
            + "style=\"left:\(axis.percent(milestone.due))%;background:\(status.colour)"
            + "\(onPath ? ";box-shadow:0 0 0 2px \(Self.criticalPathColour)" : "")\"></span>"
        let cells = [
            "<td>\(Self.escape(milestone.title))\(milestone.critical ? " <small>critical</small>" : "")"
                + "\(onPath ? " " + Self.criticalPathMark : "")<br><small>\(Self.escape(milestone.id))</small>"
                + "\(blocks(graph.blocks(milestone.key)))</td>",
            "<td>\(Self.escape(milestone.owner))</td>",
            "<td>\(badge(status))</td>",
            "<td>\(milestone.baseline.map(\.description) ?? "–")</td>",
            "<td>\(milestone.due)</td>",
            "<td class=\"late\">\(late)</td>",
            "<td>\(slip)</td>",
            "<td class=\"bar\"><div class=\"track\">\(marks)</div></td>",
        ]
        return "<tr class=\"milestone\(onPath ? " on-critical-path" : "")\" id=\"milestone-"
            + "\(Self.escape(milestone.projectID))-\(Self.escape(milestone.id))\">\(cells.joined())</tr>"
    }

    /// `<br><small class="blocks">blocks dcm/cutover, apollo/go-live and 3 more</small>`; empty when it blocks
    /// nothing.
    private func blocks(_ keys: [MilestoneKey]) -> String {
        guard !keys.isEmpty else { return "" }
        let named = keys.prefix(Self.blocksShown).map { Self.escape($0.description) }.joined(separator: ", ")
        let more = keys.count > Self.blocksShown ? " and \(keys.count - Self.blocksShown) more" : ""
        return "<br><small class=\"blocks\">blocks \(named)\(more)</small>"
    }

    private func badge(_ status: DashboardStatus) -> String {
        "<span class=\"badge status-\(status.rawValue)\" style=\"background:\(status.colour)\">\(status.label)</span>"
    }
}

/// The days the timeline bars span: every baseline, forecast and today, with two days either side.
private struct DateAxis {
    let start: CivilDate
    let end: CivilDate

    init(_ milestones: [Milestone], today: CivilDate) {
        let dates = milestones.flatMap { [$0.due] + ($0.baseline.map { [$0] } ?? []) } + [today]
        start = (dates.min() ?? today).adding(days: -2)
        end = (dates.max() ?? today).adding(days: 2)
    }

    /// Where `date` falls, in percent of the axis, as CSS reads it.
    func percent(_ date: CivilDate) -> String {
        format(Double(start.days(to: date)) / Double(start.days(to: end)) * 100)
    }

    /// The width from `from` to `to`, in percent of the axis.
    func width(from: CivilDate, to: CivilDate) -> String {
        format(Double(from.days(to: to)) / Double(start.days(to: end)) * 100)
    }

    private func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
