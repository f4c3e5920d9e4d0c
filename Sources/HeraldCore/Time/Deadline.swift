import Foundation

/// When a milestone is due, as a project file or an API update states it: a date, or an exact instant with the
/// date it falls on.
public struct Deadline: Hashable, Sendable {
    /// The due date (for an instant, its date in the zone it was read in).
    public var date: CivilDate
    /// The exact deadline when a date-time with an offset was given; nil for a plain date.
    public var instant: Date?

    /// A plain date, or `instant` falling on `date`.
    public init(date: CivilDate, instant: Date? = nil) {
        self.date = date
        self.instant = instant
    }

    /// Reads `2026-12-04`, or an RFC 3339 date-time such as `2026-12-04T17:00:00+01:00` or
    /// `2026-12-04T17:00:00.250Z` (an exact instant whose date is read in `zone`); nil for anything else.
    public init?(_ text: String, in zone: TimeZone) {
        if let date = CivilDate(iso: text) {
            self.init(date: date)
            return
        }
        guard let instant = RFC3339.instant(text) else { return nil }
        self.init(date: CivilDate(instant, in: zone), instant: instant)
    }
}
