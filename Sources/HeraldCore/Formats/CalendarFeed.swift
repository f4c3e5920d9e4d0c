import Foundation

/// Milestones as an iCalendar feed (RFC 5545) that calendar apps subscribe to: one all-day event per milestone on
/// its due date.
///
/// Each event's UID (`MILESTONE@PROJECT.herald`) never changes and its SEQUENCE counts the due date's moves, so a
/// subscribed calendar moves the event instead of adding another. A cancelled milestone's event is CANCELLED;
/// every other one is CONFIRMED, its SUMMARY marked with the status when that needs attention.
public enum CalendarFeed {
    /// What the feed is made of.
    public struct Content: Sendable {
        /// The calendar's name (`X-WR-CALNAME`).
        public var name: String
        /// The projects covered, each with the milestones shown.
        public var projects: [Project]
        /// The tracked state of those milestones (when each last changed, how often its due date moved).
        public var milestones: [TrackedMilestone]
        /// For the owners' names.
        public var people: [String: Person]
        /// For the slip in business days.
        public var calendar: BusinessCalendar
        /// `server.public_url`, each event's URL; nil for none.
        public var publicURL: String?

        /// Creates the content of a feed.
        public init(
            name: String, projects: [Project], milestones: [TrackedMilestone], people: [String: Person],
            calendar: BusinessCalendar, publicURL: String?
        ) {
            self.name = name
            self.projects = projects
            self.milestones = milestones
            self.people = people
            self.calendar = calendar
            self.publicURL = publicURL
        }
    }

    /// The `text/calendar` body of `content` generated at `now` (every DTSTAMP).
    public static func ics(_ content: Content, now: Date) -> String {
        var ics = ICalendarText()
        ics.property("BEGIN", "VCALENDAR")
        ics.property("VERSION", "2.0")
        ics.property("PRODID", "-//Herald//Herald \(HeraldVersion.current)//EN")
        ics.property("CALSCALE", "GREGORIAN")
        ics.property("METHOD", "PUBLISH")
        ics.text("X-WR-CALNAME", content.name)
        ics.property("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
        ics.property("X-PUBLISHED-TTL", "PT1H")
        let projects = Dictionary(content.projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for tracked in content.milestones {
            guard let project = projects[tracked.milestone.projectID] else { continue }
            event(tracked, project: project, content: content, now: now, into: &ics)
        }
        ics.property("END", "VCALENDAR")
        return ics.text
    }

    private static func event(
        _ tracked: TrackedMilestone, project: Project, content: Content, now: Date, into ics: inout ICalendarText
    ) {
        let milestone = tracked.milestone
        ics.property("BEGIN", "VEVENT")
        ics.text("UID", "\(milestone.id)@\(project.id).herald")
        ics.property("DTSTAMP", utc(now))
        ics.property("DTSTART;VALUE=DATE", date(milestone.due))
        ics.property("DTEND;VALUE=DATE", date(milestone.due.adding(days: 1)))
        ics.text("SUMMARY", marker(milestone.status) + "\(milestone.title) · \(project.name)")
        ics.text("DESCRIPTION", description(milestone, project: project, content: content))
        ics.property("STATUS", milestone.status == .cancelled ? "CANCELLED" : "CONFIRMED")
        ics.property("TRANSP", "TRANSPARENT")
        ics.property("SEQUENCE", String(tracked.history.timesMoved))
        ics.property("LAST-MODIFIED", utc(tracked.updatedAt))
        if let url = content.publicURL { ics.property("URL", url.hasSuffix("/") ? url : url + "/") }
        ics.property("END", "VEVENT")
    }

    /// `✓ `, `✗ `, `⚠ `, `⛔ `, `⏸ ` for done, cancelled, at risk, blocked and on hold; nothing otherwise.
    static func marker(_ status: MilestoneStatus) -> String {
        switch status {
        case .done: "✓ "
        case .cancelled: "✗ "
        case .atRisk: "⚠ "
        case .blocked: "⛔ "
        case .onHold: "⏸ "
        case .planned, .inProgress: ""
        }
    }

    /// Project, owner, status, phase, baseline and slip, one per line.
    private static func description(_ milestone: Milestone, project: Project, content: Content) -> String {
        var lines = [
            "Project: \(project.name)",
            "Owner: \(content.people[milestone.owner]?.name ?? milestone.owner)",
            "Status: \(milestone.status.words)" + (milestone.critical ? ", critical" : ""),
        ]
        if let phase = milestone.phase { lines.append("Phase: \(phase)") }
        if let baseline = milestone.baseline {
            let slip = content.calendar.businessDays(from: baseline, to: milestone.due)
            lines.append("Baseline: \(baseline)")
            lines.append("Slip: \(MessageText.count(slip, "business day"))")
        }
        return lines.joined(separator: "\n")
    }

    /// `20261204`.
    private static func date(_ date: CivilDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }

    /// `20261204T090000Z`.
    private static func utc(_ instant: Date) -> String {
        ISO8601.string(instant).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }
}
