import Foundation
import HeraldCore

/// A time given on the command line (`herald plan --from`, `herald digest preview --at`).
public enum InstantArgument {
    /// Reads a date (`2026-11-30`: its midnight in the calendar's zone), an RFC 3339 date-time
    /// (`2026-11-30T09:00:00Z`, `2026-11-30T09:00:00.5+01:00`: see ``RFC3339``) or a local one (`2026-11-30T09:00`,
    /// in the calendar's zone); nil when it is none of these.
    public static func instant(_ text: String, calendar: BusinessCalendar) -> Date? {
        if let date = CivilDate(iso: text) { return calendar.instant(of: date, minuteOfDay: 0) }
        if let instant = RFC3339.instant(text) { return instant }
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let date = CivilDate(iso: parts[0]) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2, clock.allSatisfy({ $0.count == 2 }), let hour = Int(clock[0]),
              let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return calendar.instant(of: date, minuteOfDay: hour * 60 + minute)
    }
}
