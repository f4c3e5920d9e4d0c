/// One section of a digest as the channel formats show it: a title and a row per milestone or escalation, each
/// row worded once for every format. Sections are built in reporting order and only when not empty.
public struct DigestSection: Hashable, Sendable {
    /// One milestone or escalation of a section.
    public struct Row: Hashable, Sendable {
        public var title: String
        public var project: String
        public var owner: String?
        public var due: CivilDate?
        public var baseline: CivilDate?
        /// What the section says about it, without the due date and owner (`2 business days overdue`).
        public var detail: String
        /// True when the chat line names the due date and owner before the detail.
        public var showsDueAndOwner: Bool
        /// The digest's day: dates in another year carry their year.
        public var today: CivilDate

        /// `Design sign-off · Apollo ERP upgrade: due Tue 1 Dec, Alice Ng, in progress`, at most ``lineLimit``.
        public var line: String {
            var parts: [String] = []
            if showsDueAndOwner {
                if let due { parts.append("due \(due.display(today: today))") }
                if let owner { parts.append(owner) }
            }
            parts.append(detail)
            let line = MessageText.subject(title, project) + ": " + parts.joined(separator: ", ")
            return DigestSection.lineLimit.truncating(line)
        }
    }

    /// `completed`, `due_soon`, `slipped`, `overdue` or `escalations`: the section's name in templates.
    public var key: String
    public var title: String
    public var rows: [Row]
    /// How many rows were left out to fit a channel; 0 when none.
    public var omitted = 0

    /// One row's chat line limit, so that a long note cannot crowd a section out.
    public static let lineLimit = TextLimit.characters(500)

    /// The non-empty sections of `report`: completed, due soon, slipped or moved, overdue, open escalations. None
    /// when nothing changed since the previous digest: then the headline and one line say so, as in the text.
    public static func sections(of report: DigestReport) -> [DigestSection] {
        guard !report.unchanged else { return [] }
        return all(of: report).filter { !$0.rows.isEmpty }
    }

    /// Every section of `report` in reporting order, empty ones included.
    public static func all(of report: DigestReport) -> [DigestSection] {
        let today = DigestWording.day(report)
        return [
            DigestSection(key: "completed", title: "Completed", rows: report.completed.map { completed($0, today) }),
            DigestSection(key: "due_soon", title: "Due soon", rows: report.dueSoon.map { dueSoon($0, today) }),
            DigestSection(key: "slipped", title: "Slipped or moved", rows: report.slipped.map { slipped($0, today) }),
            DigestSection(key: "overdue", title: "Overdue", rows: report.overdue.map { overdue($0, today) }),
            DigestSection(
                key: "escalations", title: "Open escalations", rows: report.escalations.map { escalation($0, today) }
            ),
        ]
    }

    /// The longest shortening of `sections` that `fits`: all rows, else at most half the longest section's rows
    /// in each, halving again down to none. The last try is returned even when it does not fit.
    public static func fitting(_ sections: [DigestSection], _ fits: ([DigestSection]) -> Bool) -> [DigestSection] {
        var keep = sections.map(\.rows.count).max() ?? 0
        while true {
            let shortened = sections.map { $0.keeping(keep) }
            if keep == 0 || fits(shortened) { return shortened }
            keep /= 2
        }
    }

    /// True when any section left rows out.
    public static func isSummarised(_ sections: [DigestSection]) -> Bool {
        sections.contains { $0.omitted > 0 }
    }

    /// The rows' chat lines, then `…and 3 more` when rows were left out.
    public var lines: [String] {
        rows.map(\.line) + (omitted > 0 ? ["…and \(omitted) more"] : [])
    }

    /// This section with at most `count` rows, counting the ones left out.
    func keeping(_ count: Int) -> DigestSection {
        let kept = Array(rows.prefix(count))
        return DigestSection(key: key, title: title, rows: kept, omitted: omitted + rows.count - kept.count)
    }

    private static func completed(_ item: DigestItem, _ today: CivilDate) -> Row {
        let late = item.businessDays ?? 0
        let day = item.completedOn.map { "done \($0.display(today: today))" } ?? "done"
        let timing = late > 0 ? "\(MessageText.count(late, "business day")) late" : "on time"
        return row(item, detail: "\(day), \(timing)", showsDueAndOwner: false, today: today)
    }

    private static func dueSoon(_ item: DigestItem, _ today: CivilDate) -> Row {
        row(item, detail: item.milestone.status.words, showsDueAndOwner: true, today: today)
    }

    private static func slipped(_ item: DigestItem, _ today: CivilDate) -> Row {
        var parts: [String] = []
        if let baseline = item.baseline { parts.append("baseline \(baseline.display(today: today))") }
        if let previous = item.previousDue { parts.append("was \(previous.display(today: today))") }
        var detail = (parts + ["now \(item.milestone.due.display(today: today))"]).joined(separator: ", ")
        if let moved = item.businessDays, moved != 0 {
            detail += " (\(moved > 0 ? "+" : "−")\(MessageText.count(abs(moved), "business day")))"
        }
        if let note = item.note, !note.isEmpty { detail += "; \(note)" }
        return row(item, detail: detail, showsDueAndOwner: false, today: today)
    }

    private static func overdue(_ item: DigestItem, _ today: CivilDate) -> Row {
        let late = item.businessDays ?? 0
        let detail = late > 0 ? "\(MessageText.count(late, "business day")) overdue" : "overdue"
        return row(item, detail: detail, showsDueAndOwner: true, today: today)
    }

    private static func escalation(_ escalation: DigestEscalation, _ today: CivilDate) -> Row {
        let acknowledged = escalation.acknowledgedBy.map { "acknowledged by \($0)" } ?? "not acknowledged"
        return Row(
            title: escalation.milestone.title, project: escalation.project.name, owner: nil,
            due: escalation.milestone.due, baseline: nil,
            detail: "level \(escalation.level) of \(escalation.levels), \(acknowledged)", showsDueAndOwner: false,
            today: today
        )
    }

    private static func row(_ item: DigestItem, detail: String, showsDueAndOwner: Bool, today: CivilDate) -> Row {
        Row(
            title: item.milestone.title, project: item.project.name, owner: item.ownerName, due: item.milestone.due,
            baseline: item.baseline, detail: detail, showsDueAndOwner: showsDueAndOwner, today: today
        )
    }
}
