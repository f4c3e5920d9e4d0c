import Foundation
import HeraldCore

extension HeraldRuntime {
    /// The first instant after `time` at which a tick may decide something a tick at `time` did not.
    ///
    /// This is THE extension point for everything that falls due on its own clock. The daemon's scheduler wakes no
    /// later than this instant, and `herald plan` steps its simulated clock through these instants only, so the
    /// plan agrees with the daemon exactly when every such time is listed here. A feature that makes decisions
    /// fall due at a time of their own (the end of a snooze, ...) adds its next instant to the candidates below,
    /// with the store query it needs; otherwise the plan never sees it.
    ///
    /// The candidates now: the next local midnight in the calendar's zone (the date facts, `today`,
    /// `days_until_due`, `days_since_update` and the rest, change then, and snoozes until a date end then), the
    /// earliest time after `time` at which a repeating rule may fire again, the next slot of each digest's schedule
    /// (in its zone), the next level or repeat of each open escalation (in its recipients' working time, as its
    /// last evaluation set it), and the end of a missing project file's grace (`projects_grace`: its milestones then
    /// count as removed). Quiet-hour holds need no instant here: they delay deliveries, not decisions.
    public func nextDecisionTime(after time: Date) throws -> Date {
        let calendar = configuration.calendar
        let midnight = calendar.instant(of: calendar.today(at: time).adding(days: 1), minuteOfDay: 0)
        var candidates: [Date?] = [midnight, try store.nextRuleEligibleTime(after: time), projectGraceEnd]
        for digest in configuration.digests {
            let zone = digest.zone(default: calendar.timeZone)
            candidates.append(digest.parsedSchedule?.next(after: time, in: zone)?.instant)
        }
        candidates += try store.currentEscalations().values.map(\.nextAt)
        return candidates.compactMap { $0 }.filter { $0 > time }.min() ?? midnight
    }
}
