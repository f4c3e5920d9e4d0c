/// The wording of escalation notices and of their resolution.
extension MessageText {
    /// `Escalation level 2 of 3 (missed-deadline): Design sign-off (Apollo ERP upgrade) is 2 business days
    /// overdue; …` with the dates, what tripped, who was told before, and how to acknowledge with `herald ack`
    /// (each channel format shows the acknowledgement link, which differs per channel, beside the text).
    public static func escalation(
        _ escalation: EscalationRef, milestone: Milestone, projectName: String, facts: MilestoneFacts, rule: Rule,
        prior: [EscalationNotice], calendar: BusinessCalendar
    ) -> String {
        let level = escalation.isRepeat
            ? "Escalation level \(escalation.level) of \(escalation.levels), repeated"
            : "Escalation level \(escalation.level) of \(escalation.levels)"
        var text = "\(level) (\(escalation.policy)): " + reminder(milestone: milestone, projectName: projectName,
                                                                   facts: facts)
        let baseline = milestone.baseline?.display(today: facts.today) ?? "none"
        var dates = "Baseline \(baseline), forecast \(milestone.due.display(today: facts.today))"
        if facts.businessDaysOverdue > 0 {
            dates += ", \(count(facts.businessDaysOverdue, "business day")) late"
        }
        text += " \(dates). Tripped by rule \(rule.name): \(rule.condition.source)."
        if !prior.isEmpty {
            let told = prior.map { notice in
                "\(notice.people.isEmpty ? notice.channel : notice.people.joined(separator: ", ")) "
                    + "(level \(notice.level), \(calendar.shortDisplay(notice.at, today: facts.today)) "
                    + "on \(notice.channel))"
            }
            text += " Told before: \(told.joined(separator: "; "))."
        }
        return text + " Acknowledge: herald ack \(escalation.id) --by NAME."
    }

    /// `Resolved: escalation esc_… (missed-deadline) for Design sign-off (Apollo ERP upgrade): acknowledged by
    /// bob on Tue 1 Dec 10:12 ("on it").`
    public static func resolved(_ record: EscalationRecord, subject: String, calendar: BusinessCalendar) -> String {
        var text = "Resolved: escalation \(record.id) (\(record.policy)) for \(subject): "
        if let ack = record.acknowledgement {
            text += "acknowledged by \(ack.by) on \(calendar.shortDisplay(ack.at))"
            if let note = ack.note, !note.isEmpty { text += " (\"\(note)\")" }
        } else {
            text += record.closeReason ?? "closed"
        }
        return text + ". No further escalation notices will be sent."
    }
}
