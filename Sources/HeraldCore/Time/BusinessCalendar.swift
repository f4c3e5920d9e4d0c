import Foundation

/// The organisation's working calendar: which weekdays are worked, the holidays, the working
/// hours and the zone in which dates are read.
public struct BusinessCalendar: Hashable, Sendable {
    public var timeZone: TimeZone
    public var workdays: Set<Weekday>
    public var holidays: Set<CivilDate>
    /// Working hours each workday (`09:00-17:30`); scheduled sends happen inside them.
    public var hours: DailyWindow

    /// Creates a calendar; the default is Monday to Friday, 09:00-17:30, no holidays.
    public init(
        timeZone: TimeZone,
        workdays: Set<Weekday> = [.mon, .tue, .wed, .thu, .fri],
        holidays: Set<CivilDate> = [],
        hours: DailyWindow = DailyWindow(start: 9 * 60, end: 17 * 60 + 30)
    ) {
        self.timeZone = timeZone
        self.workdays = workdays
        self.holidays = holidays
        self.hours = hours
    }
}
