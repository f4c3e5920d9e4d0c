/// The wording of escalation notices and of their resolution, written for the people notified: no rule
/// expression, escalation id or command (the generic webhook's data carries those).
extension MessageText {
    /// `Escalation level 2 of 3: Design sign-off · Apollo ERP upgrade is 2 business days overdue; it was due …`:
    /// the reminder's facts (each once), what is needed and what a slip delays, who was told before, and how to
    /// answer, people named by their `names` (person key to name; a key without one is shown as it is). With
    /// `hasAckLink` each channel format shows the acknowledgement link beside the text; without one the text says
    /// whom to tell, since only the people running Herald can record an acknowledgement then.
    public static func escalation(
        _ escalation: EscalationRef, milestone: Milestone, projectName: String, facts: MilestoneFacts,
        prior: [EscalationNotice], calendar: BusinessCalendar, downstream: Downstream = .none,
        hasAckLink: Bool = false, names: [String: String] = [:]
    ) -> String {
        let level = escalation.isRepeat
            ? "Escalation level \(escalation.level) of \(escalation.levels), repeated"
            : "Escalation level \(escalation.level) of \(escalation.levels)"
        var text = "\(level): " + reminder(
            milestone: milestone, projectName: projectName, facts: facts, downstream: downstream
        )
        if !prior.isEmpty {
            let told = prior.map { notice in
                let people = notice.people.map { names[$0] ?? $0 }
                return "\(people.isEmpty ? notice.channel : people.joined(separator: ", ")) "
                    + "(level \(notice.level), \(calendar.shortDisplay(notice.at, today: facts.today)) "
                    + "on \(notice.channel))"
            }
            text += " Told before: \(told.joined(separator: "; "))."
        }
        return text + (hasAckLink
            ? " Acknowledge it to stop further notices."
            : " To stop further notices, tell the person who runs Herald for this project that it is in hand.")
    }

    /// `Resolved: the escalation about Design sign-off · Apollo ERP upgrade: acknowledged by bob on Tue 1 Dec 10:12
    /// ("on it").`
    public static func resolved(_ record: EscalationRecord, subject: String, calendar: BusinessCalendar) -> String {
        var text = "Resolved: the escalation about \(subject): "
        if let ack = record.acknowledgement {
            text += "acknowledged by \(ack.by) on \(calendar.shortDisplay(ack.at))"
            if let note = ack.note, !note.isEmpty { text += " (\"\(note)\")" }
        } else {
            text += record.closeReason ?? "closed"
        }
        return text + ". No further escalation notices will be sent."
    }
}
