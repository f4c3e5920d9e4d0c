/// The plain-words text of messages about milestones (mentions are added per channel format).
public enum MessageText {
    /// `Design sign-off · Apollo ERP upgrade is due in 3 business days, Fri 4 Dec.` and its variants
    /// for today and overdue, plus the slip from baseline and the status when they need attention, then what is
    /// needed (the deliverables) and what a slip delays (``Downstream``).
    public static func reminder(
        milestone: Milestone, projectName: String, facts: MilestoneFacts, downstream: Downstream = .none
    ) -> String {
        let subject = Self.subject(milestone.title, projectName)
        let date = milestone.due.display(today: facts.today)
        var text: String
        if facts.daysOverdue > 0 {
            let late = facts.businessDaysOverdue
            text = late > 0
                ? "\(subject) is \(count(late, "business day")) overdue; it was due \(date)."
                : "\(subject) is overdue; it was due \(date)."
        } else if facts.daysUntilDue == 0 {
            text = "\(subject) is due today, \(date)."
        } else if facts.businessDaysUntilDue == 0 {
            text = "\(subject) is due \(date), before the next business day."
        } else {
            text = "\(subject) is due in \(count(facts.businessDaysUntilDue, "business day")), \(date)."
        }
        if let baseline = milestone.baseline, facts.slipDays > 0 {
            let slip = count(facts.slipDays, "business day")
            text += " It has slipped \(slip) from its baseline, \(baseline.display(today: facts.today))."
        }
        switch milestone.status {
        case .atRisk: text += " Status: at risk."
        case .blocked: text += " Status: blocked."
        case .onHold: text += " Status: on hold."
        default: break
        }
        return text + impact(deliverables: milestone.deliverables, downstream: downstream)
    }

    /// `Design sign-off · Apollo ERP upgrade: status in progress → done.` for change announcements, followed by
    /// `Note: …` when the change came with one (an API or chat update); dates have their year when it is not
    /// `today`'s.
    ///
    /// A due date moved with `slipDays` (business days behind the baseline) above 0 adds `It is now 10 business
    /// days behind its baseline, Fri 15 Jan 2027.`
    public static func change(
        milestone: Milestone, projectName: String, fields: [FieldChange], today: CivilDate, slipDays: Int = 0
    ) -> String {
        let subject = Self.subject(milestone.title, projectName)
        let described = fields.compactMap { change -> String? in
            switch change.field {
            case "status":
                return "status \(statusWords(change.oldValue)) → \(statusWords(change.newValue))"
            case "due":
                let old = change.oldValue.flatMap { CivilDate(iso: $0) }?.display(today: today) ?? "none"
                let new = change.newValue.flatMap { CivilDate(iso: $0) }?.display(today: today) ?? "none"
                return "due \(old) → \(new)"
            case "owner":
                return "owner \(change.oldValue ?? "none") → \(change.newValue ?? "none")"
            default:
                return nil
            }
        }
        if described.isEmpty { return "\(subject) was added, due \(milestone.due.display(today: today))." }
        let note = fields.last { $0.field == "note" }?.newValue.map { " Note: \($0)" } ?? ""
        var slip = ""
        if let baseline = milestone.baseline, slipDays > 0, fields.contains(where: { $0.field == "due" }) {
            let date = baseline.display(today: today)
            slip = " It is now \(count(slipDays, "business day")) behind its baseline, \(date)."
        }
        return "\(subject): \(described.joined(separator: "; "))." + slip + note
    }

    /// A status value as a reader says it (`in_progress` → `in progress`); `none` for none.
    private static func statusWords(_ value: String?) -> String {
        guard let value else { return "none" }
        return MilestoneStatus(rawValue: value)?.words ?? value
    }

    /// `1 business day`, `3 business days`.
    static func count(_ n: Int, _ unit: String) -> String {
        n == 1 ? "1 \(unit)" : "\(n) \(unit)s"
    }
}
