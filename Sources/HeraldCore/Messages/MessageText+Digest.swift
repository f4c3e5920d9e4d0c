import Foundation

extension MessageText {
    /// A digest's headline in plain words: `weekly-sponsor digest (late): amber, worsening. REASON`. The full
    /// wording, times in `timeZone`, is wt-digest-content's.
    public static func digest(_ report: DigestReport, timeZone: TimeZone) -> String {
        let headline = report.headline
        var text = "\(report.name) digest\(report.late ? " (late)" : ""): \(headline.status.rawValue), "
            + "\(headline.trend.rawValue)."
        if !headline.reason.isEmpty { text += " \(headline.reason)" }
        return text
    }
}
