/// The wording of escalation notices and of their resolution, written for the people notified: no rule
/// expression, escalation id or command (the generic webhook's data carries those).
extension MessageText {
    /// `Escalation level 2 of 3: Design sign-off · Apollo ERP upgrade is 2 business days overdue; it was due …`:
    /// the reminder's facts (each once), what is needed and what a slip delays, who was told before, and how to
    /// answer, people named by their `names` (person key to name; a key without one is shown as it is) and channels
    /// by their place in `channels` (``Channel/place``: `in #eng on Slack`; a key without one as `on eng`). With
    /// `hasAckLink` each channel format shows the acknowledgement link beside the text; without one the text says
    /// whom to tell, since only the people running Herald can record an acknowledgement then.
    public static func escalation(
        _ escalation: EscalationRef, milestone: Milestone, projectName: String, facts: MilestoneFacts,
        prior: [EscalationNotice], calendar: BusinessCalendar, downstream: Downstream = .none,
        hasAckLink: Bool = false, names: [String: String] = [:], channels: [String: Channel] = [:]
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
                let place = channels[notice.channel]?.place ?? "on \(notice.channel)"
                let when = "level \(notice.level), \(calendar.shortDisplay(notice.at, today: facts.today))"
                return people.isEmpty
                    ? "everyone \(place) (\(when))" : "\(people.joined(separator: ", ")) (\(when), \(place))"
            }
            text += " Told before: \(told.joined(separator: "; "))."
        }
        return text + " " + answer(hasAckLink: hasAckLink)
    }

    /// How to answer an escalation notice: with its link, acknowledge it, give a new date or mark it done; without
    /// one, tell whoever runs Herald.
    public static func answer(hasAckLink: Bool) -> String {
        hasAckLink
            ? "Acknowledge it, give a new date or mark it done to stop further notices."
            : "To stop further notices, tell the person who runs Herald for this project that it is in hand."
    }

    /// `Resolved: the escalation about Design sign-off · Apollo ERP upgrade: acknowledged by Bob Roe on Tue 1 Dec
    /// 10:12 ("on it").` For an escalation that closed without an acknowledgement, what happened to `milestone` (as it
    /// is now) in words: `it is done`, `it was cancelled`, `its due date moved from Tue 24 Nov to Thu 10 Dec`, `it no
    /// longer needs escalating; it is on hold, due Tue 24 Nov`; without the milestone (removed), the record's reason.
    /// People are named by `names` (person key to name); dates are shown from the day it closed.
    public static func resolved(
        _ record: EscalationRecord, subject: String, milestone: Milestone? = nil, calendar: BusinessCalendar,
        names: [String: String] = [:]
    ) -> String {
        var text = "Resolved: the escalation about \(subject): "
        if let ack = record.acknowledgement {
            text += "acknowledged by \(names[ack.by] ?? ack.by) on \(calendar.shortDisplay(ack.at))"
            if let note = ack.note, !note.isEmpty { text += " (\"\(note)\")" }
        } else if let milestone {
            let today = calendar.today(at: record.closedAt ?? record.openedAt)
            text += outcome(of: milestone, openedDue: record.due, today: today)
        } else {
            text += record.closeReason ?? "closed"
        }
        return text + ". No further escalation notices will be sent."
    }

    /// What became of a milestone whose escalation opened when it was due `openedDue`.
    private static func outcome(of milestone: Milestone, openedDue: CivilDate, today: CivilDate) -> String {
        switch milestone.status {
        case .done: return "it is done"
        case .cancelled: return "it was cancelled"
        default:
            if milestone.due != openedDue {
                return "its due date moved from \(openedDue.display(today: today)) to "
                    + milestone.due.display(today: today)
            }
            let due = milestone.due.display(today: today)
            return "it no longer needs escalating; it is \(milestone.status.words), due \(due)"
        }
    }
}
