import Foundation

/// RFC 3339 UTC timestamps, `2026-11-30T09:00:00Z`.
public enum ISO8601 {
    /// Formats `date` in UTC to whole seconds.
    public static func string(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.dayNumber * 86_400
        let (h, m, s) = (rest / 3600, rest % 3600 / 60, rest % 60)
        return "\(day)T\(h.zeroPadded(2)):\(m.zeroPadded(2)):\(s.zeroPadded(2))Z"
    }
}
