import Foundation

/// The organisation's working calendar: which weekdays are worked, the holidays, the working
/// hours and the zone in which dates are read.
public struct BusinessCalendar: Hashable, Sendable {
    /// The zone in which instants are read as dates and wall times.
    public var timeZone: TimeZone
    /// The weekdays that are worked.
    public var workdays: Set<Weekday> {
        didSet { dayIndex = BusinessDayIndex(workdays: workdays, holidays: holidays) }
    }
    /// Days off even when they fall on a workday.
    public var holidays: Set<CivilDate> {
        didSet { dayIndex = BusinessDayIndex(workdays: workdays, holidays: holidays) }
    }
    /// Working hours each workday (`09:00-17:30`); scheduled sends happen inside them.
    public var hours: DailyWindow
    /// Workweek and holidays precomputed for O(log h) business-day counting; derived, kept in step.
    private(set) var dayIndex: BusinessDayIndex

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
        self.dayIndex = BusinessDayIndex(workdays: workdays, holidays: holidays)
    }
}
