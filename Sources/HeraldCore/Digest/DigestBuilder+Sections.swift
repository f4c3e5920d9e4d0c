import Foundation

extension DigestBuilder {
    /// Milestones done now whose status changed to done in the period, in the order they were completed (then
    /// reporting order); `businessDays` is how late against the baseline (the due date when there is none), 0 when
    /// on time.
    func completed(_ subjects: [DigestSubject], history: DigestHistory, calendar: BusinessCalendar) -> [DigestItem] {
        subjects
            .compactMap { subject -> (subject: DigestSubject, on: CivilDate)? in
                guard subject.milestone.status == .done, let at = history.completedAt(subject.key) else { return nil }
                return (subject, calendar.today(at: at))
            }
            .sorted { ($0.on, $0.subject.order) < ($1.on, $1.subject.order) }
            .map { subject, on in
                let planned = subject.milestone.baseline ?? subject.milestone.due
                return item(
                    subject, history: history, completedOn: on,
                    businessDays: max(0, calendar.businessDays(from: planned, to: on))
                )
            }
    }

    /// Open milestones due from today through the window's last day, soonest first (then reporting order).
    func dueSoon(
        _ subjects: [DigestSubject], today: CivilDate, through end: CivilDate, history: DigestHistory
    ) -> [DigestItem] {
        subjects
            .filter { !$0.milestone.status.isClosed && (today...end).contains($0.milestone.due) }
            .sorted { ($0.milestone.due, $0.order) < ($1.milestone.due, $1.order) }
            .map { item($0, history: history) }
    }

    /// Open milestones whose due date differs from the one they had when the period began, largest move later
    /// first (moves earlier last, then reporting order); `businessDays` is the move, new − previous.
    func slipped(_ subjects: [DigestSubject], history: DigestHistory, calendar: BusinessCalendar) -> [DigestItem] {
        subjects
            .compactMap { subject -> (subject: DigestSubject, from: CivilDate, moved: Int)? in
                guard !subject.milestone.status.isClosed, let from = history.dueAtStart(subject.key),
                      from != subject.milestone.due else { return nil }
                return (subject, from, calendar.businessDays(from: from, to: subject.milestone.due))
            }
            .sorted { (-$0.moved, $0.subject.order) < (-$1.moved, $1.subject.order) }
            .map { subject, from, moved in item(subject, history: history, previousDue: from, businessDays: moved) }
    }

    /// Open milestones past their due date, most overdue first (then reporting order); `businessDays` is how many
    /// business days overdue (0 when only non-business days have passed).
    func overdue(
        _ subjects: [DigestSubject], today: CivilDate, calendar: BusinessCalendar, history: DigestHistory
    ) -> [DigestItem] {
        subjects
            .filter { !$0.milestone.status.isClosed && $0.milestone.due < today }
            .sorted { ($0.milestone.due, $0.order) < ($1.milestone.due, $1.order) }
            .map { subject in
                let late = max(0, calendar.businessDays(from: subject.milestone.due, to: today))
                return item(subject, history: history, businessDays: late)
            }
    }

    /// One section line for `subject`, with its owner's display name, baseline and latest note in the period.
    private func item(
        _ subject: DigestSubject, history: DigestHistory, previousDue: CivilDate? = nil,
        completedOn: CivilDate? = nil, businessDays: Int? = nil
    ) -> DigestItem {
        DigestItem(
            project: subject.project, milestone: subject.reference,
            ownerName: configuration.people[subject.milestone.owner]?.name ?? subject.milestone.owner,
            baseline: subject.milestone.baseline, previousDue: previousDue, completedOn: completedOn,
            businessDays: businessDays, note: history.note(subject.key)
        )
    }
}
