import Foundation
import HeraldCore

extension HeraldRuntime {
    /// The first instant after `time` at which a tick may decide something a tick at `time` did not.
    ///
    /// This is THE extension point for everything that falls due on its own clock. The daemon's scheduler wakes no
    /// later than this instant, and `herald plan` steps its simulated clock through these instants only, so the
    /// plan agrees with the daemon exactly when every such time is listed here. A feature that makes decisions
    /// fall due at a time of their own (an escalation level's time, the end of a snooze, ...) adds its next
    /// instant to the candidates below, with the store query it needs; otherwise the plan never sees it.
    ///
    /// The candidates now: the next local midnight in the calendar's zone (the date facts, `today`,
    /// `days_until_due`, `days_since_update` and the rest, change then), and the earliest time after `time` at
    /// which a repeating rule may fire again.
    public func nextDecisionTime(after time: Date) throws -> Date {
        let calendar = configuration.calendar
        let midnight = calendar.instant(of: calendar.today(at: time).adding(days: 1), minuteOfDay: 0)
        let candidates: [Date?] = [midnight, try store.nextRuleEligibleTime(after: time)]
        return candidates.compactMap { $0 }.min() ?? midnight
    }
}
