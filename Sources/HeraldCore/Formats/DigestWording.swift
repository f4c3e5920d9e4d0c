import Foundation

/// The pieces of a digest every channel format shows, worded once: its title, its status line and the note of a
/// late or unchanged digest. The sections' lines are ``DigestSection``'s.
public enum DigestWording {
    /// `Digest weekly-sponsor · Mon 30 Nov` (the run's day in the report's zone), with `(late)` after a missed run.
    public static func title(_ report: DigestReport) -> String {
        "Digest \(report.name) · \(day(report).shortDisplay)" + (report.late ? " (late)" : "")
    }

    /// The run's day in the report's zone (UTC when it has none): the "today" its dates are shown from.
    public static func day(_ report: DigestReport) -> CivilDate {
        let zone = report.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        return CivilDate(report.at, in: zone)
    }

    /// `Amber, worsening`: the overall status and the trend against the previous digest.
    public static func status(_ report: DigestReport) -> String {
        "\(statusName(report.headline.status)), \(trendName(report.headline.trend))"
    }

    /// `Amber`.
    public static func statusName(_ status: RAGStatus) -> String {
        status.rawValue.prefix(1).uppercased() + status.rawValue.dropFirst()
    }

    /// `worsening`, or `first digest` when there is nothing to compare with.
    public static func trendName(_ trend: DigestTrend) -> String {
        trend == .first ? "first digest" : trend.rawValue
    }

    /// The status line, the reason and what the status means, in that order, without empty ones.
    public static func headline(_ report: DigestReport) -> [String] {
        [status(report), report.headline.reason, MessageText.meaning(report.headline)].filter { !$0.isEmpty }
    }

    /// `Apollo ERP upgrade: amber, Design sign-off is 5 business days behind its baseline`.
    public static func project(_ status: DigestProjectStatus) -> String {
        "\(status.project.name): \(projectStatus(status))"
    }

    /// `amber, Design sign-off is 5 business days behind its baseline`: a project's status without its name.
    public static func projectStatus(_ status: DigestProjectStatus) -> String {
        status.reason.isEmpty ? status.status.rawValue : "\(status.status.rawValue), \(status.reason)"
    }

    /// The notes a digest carries besides its sections: sent late, nothing changed.
    public static func notes(_ report: DigestReport) -> [String] {
        var notes: [String] = []
        if report.late { notes.append("Sent late: Herald was not running at the scheduled time.") }
        if report.unchanged { notes.append("Nothing changed since the previous digest.") }
        return notes
    }

    /// The label of the link to the whole digest.
    public static let linkLabel = "Full digest"
}
