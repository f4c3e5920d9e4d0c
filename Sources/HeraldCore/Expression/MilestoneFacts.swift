import Foundation

/// Everything a `when` expression can read about one milestone at one moment, computed once.
///
/// Build one per milestone per evaluation pass and evaluate every rule against it. Copies are
/// cheap: the facts live in one shared, immutable box.
public struct MilestoneFacts: Sendable {
    let storage: Storage

    /// Computes the facts of `milestone` on `today`; `previous` feeds the `previous.` variables.
    ///
    /// `history` feeds `moved_days`, `times_moved` and `status_changed_at`; without it the milestone counts as
    /// never moved, its status last changed at `updatedAt`.
    public init(
        milestone: Milestone, updatedAt: Date, today: CivilDate, calendar: borrowing BusinessCalendar,
        previous: Milestone? = nil, history: MilestoneHistoryFacts? = nil
    ) {
        let zone = calendar.timeZone
        let updatedOn = CivilDate(updatedAt, in: zone)
        self.init(
            milestone: milestone, updatedAt: updatedAt, updatedOn: updatedOn, today: today, calendar: calendar,
            previous: previous, history: history,
            statusChangedOn: history.map { CivilDate($0.statusChangedAt, in: zone) } ?? updatedOn
        )
    }

    /// The facts with the calendar dates of `updatedAt` and of the last status change already known.
    init(
        milestone: Milestone, updatedAt: Date, updatedOn: CivilDate, today: CivilDate,
        calendar: borrowing BusinessCalendar, previous: Milestone?, history: MilestoneHistoryFacts?,
        statusChangedOn: CivilDate
    ) {
        let current = DerivedNumbers(milestone, updatedOn: updatedOn, today: today, calendar: calendar)
        var previousNumbers: DerivedNumbers?
        if let previous {
            previousNumbers = DerivedNumbers(previous, updatedOn: updatedOn, today: today, calendar: calendar)
        }
        let historyNumbers = HistoryNumbers(
            movedDays: history?.lastMove.map { calendar.businessDays(from: $0.from, to: $0.to) } ?? 0,
            timesMoved: history?.timesMoved ?? 0, statusChangedOn: statusChangedOn
        )
        storage = Storage(
            milestone: milestone, previous: previous, updatedAt: updatedAt, today: today, current: current,
            previousNumbers: previousNumbers, history: historyNumbers
        )
    }

    /// The milestone as it stands now.
    public var milestone: Milestone { storage.milestone }
    /// The milestone before the change being handled; nil outside change-triggered evaluation.
    public var previous: Milestone? { storage.previous }
    /// When any field of the milestone last changed.
    public var updatedAt: Date { storage.updatedAt }
    /// The date the rules are evaluated for, in the calendar's zone.
    public var today: CivilDate { storage.today }

    /// Calendar days from today to the due date; negative once it has passed.
    public var daysUntilDue: Int { storage.current.daysUntilDue }
    /// Business days from today to the due date (`businessDays(from: today, to: due)`).
    public var businessDaysUntilDue: Int { storage.current.businessDaysUntilDue }
    /// Calendar days past the due date; 0 until it has passed.
    public var daysOverdue: Int { storage.current.daysOverdue }
    /// Business days past the due date (`max(0, businessDays(from: due, to: today))`).
    public var businessDaysOverdue: Int { storage.current.businessDaysOverdue }
    /// Business days from baseline to due (`businessDays(from: baseline, to: due)`); 0 without a baseline.
    public var slipDays: Int { storage.current.slipDays }
    /// Calendar days from the date of `updatedAt` (in the calendar's zone) to today.
    public var daysSinceUpdate: Int { storage.current.daysSinceUpdate }
    /// Business days the due date moved at its last change (`businessDays(from: old, to: new)`: later is
    /// positive); 0 when it never moved.
    public var movedDays: Int { storage.history.movedDays }
    /// How many times the due date changed.
    public var timesMoved: Int { storage.history.timesMoved }
    /// The date (in the calendar's zone) the status last changed; the creation date when it never has.
    public var statusChangedOn: CivilDate { storage.history.statusChangedOn }

    /// The immutable facts, boxed once so evaluation passes a single reference around.
    final class Storage: Sendable {
        let milestone: Milestone
        let previous: Milestone?
        let updatedAt: Date
        let today: CivilDate
        let current: DerivedNumbers
        let previousNumbers: DerivedNumbers?
        let history: HistoryNumbers

        init(
            milestone: Milestone, previous: Milestone?, updatedAt: Date, today: CivilDate, current: DerivedNumbers,
            previousNumbers: DerivedNumbers?, history: HistoryNumbers
        ) {
            self.milestone = milestone
            self.previous = previous
            self.updatedAt = updatedAt
            self.today = today
            self.current = current
            self.previousNumbers = previousNumbers
            self.history = history
        }
    }

    /// The numbers derived from one milestone's dates.
    struct DerivedNumbers: Sendable {
        let daysUntilDue: Int
        let businessDaysUntilDue: Int
        let daysOverdue: Int
        let businessDaysOverdue: Int
        let slipDays: Int
        let daysSinceUpdate: Int

        init(
            _ milestone: borrowing Milestone, updatedOn: CivilDate, today: CivilDate,
            calendar: borrowing BusinessCalendar
        ) {
            daysUntilDue = today.days(to: milestone.due)
            businessDaysUntilDue = calendar.businessDays(from: today, to: milestone.due)
            daysOverdue = max(0, -daysUntilDue)
            // businessDays(from: due, to: today) is exactly -businessDays(from: today, to: due).
            businessDaysOverdue = max(0, -businessDaysUntilDue)
            slipDays = milestone.baseline.map { calendar.businessDays(from: $0, to: milestone.due) } ?? 0
            daysSinceUpdate = updatedOn.days(to: today)
        }
    }

    /// The numbers derived from the milestone's history; they describe the milestone as it is now only.
    struct HistoryNumbers: Sendable {
        let movedDays: Int
        let timesMoved: Int
        let statusChangedOn: CivilDate
    }
}
