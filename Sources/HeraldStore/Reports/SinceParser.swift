import Foundation
import HeraldCore

/// Reads `--since`: a look-back (`30m`, `24h`, `7d`), a date (`2026-11-30`, local midnight), or an
/// RFC 3339 date-time (read strictly: see ``RFC3339``).
public enum SinceParser {
    /// The instant meant, or nil when `text` is none of the accepted forms.
    public static func instant(_ text: String, now: Date, zone: TimeZone) -> Date? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        if let unit = text.last, let scale = units[unit], let count = Double(text.dropLast()), count >= 0 {
            return now.addingTimeInterval(-count * scale)
        }
        if let date = CivilDate(iso: text) {
            let calendar = BusinessCalendar(timeZone: zone)
            return calendar.instant(of: date, minuteOfDay: 0)
        }
        return RFC3339.instant(text)
    }
}
