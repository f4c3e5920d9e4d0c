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

    /// `Design sign-off · Apollo ERP upgrade: status in progress → done.` for change announcements, then (each when
    /// it applies) how far behind its baseline a moved milestone now is, what the change puts at risk downstream, who
    /// made it and where, and `Note: …` when it came with one (an API or chat update). People are named by `names`
    /// (person key to name; a key without one is shown as it is); dates have their year when it is not `today`'s.
    ///
    /// - A due date moved with `slipDays` (business days behind the baseline) above 0 adds `It is now 10 business
    ///   days behind its baseline, Fri 15 Jan 2027.`
    /// - A due date moved later, or a status turned at risk, blocked or on hold, adds what it puts at risk: the open
    ///   milestones `downstream` names (`It is on the critical path; this puts at risk Go-live · Apollo ERP upgrade
    ///   and 2 more.`).
    /// - `source` and `actor` (``MilestoneChange``'s) add `Changed by Hannah Lee through the API.`, `Changed in
    ///   apollo.yaml.` or `Changed by Mike Chen in chat.`
    public static func change(
        milestone: Milestone, projectName: String, fields: [FieldChange], today: CivilDate, slipDays: Int = 0,
        source: String? = nil, actor: String? = nil, names: [String: String] = [:], downstream: Downstream = .none
    ) -> String {
        let subject = Self.subject(milestone.title, projectName)
        let described = fields.compactMap { change -> String? in
            switch change.field {
            case "status":
                return "status \(statusWords(change.oldValue)) → \(statusWords(change.newValue))"
            case "due":
                return "due \(dateWords(change.oldValue, today)) → \(dateWords(change.newValue, today))"
            case "owner":
                let name = { (key: String?) in key.map { names[$0] ?? $0 } ?? "none" }
                return "owner \(name(change.oldValue)) → \(name(change.newValue))"
            default:
                return nil
            }
        }
        guard !described.isEmpty else {
            return "\(subject) was added, due \(milestone.due.display(today: today))."
                + origin(source: source, actor: actor, names: names, verb: "Added")
        }
        var text = "\(subject): \(described.joined(separator: "; "))."
        if let baseline = milestone.baseline, slipDays > 0, fields.contains(where: { $0.field == "due" }) {
            let date = baseline.display(today: today)
            text += " It is now \(count(slipDays, "business day")) behind its baseline, \(date)."
        }
        if puts(atRisk: fields), !downstream.blocked.isEmpty {
            let critical = downstream.isCritical ? "It is on the critical path; this" : "This"
            text += " \(critical) puts at risk \(listed(downstream.blocked))."
        }
        text += origin(source: source, actor: actor, names: names, verb: "Changed")
        return text + (fields.last { $0.field == "note" }?.newValue.map { " Note: \($0)" } ?? "")
    }

    /// Whether `fields` make the milestones downstream likelier to slip: a due date moved later, or a status turned
    /// at risk, blocked or on hold.
    private static func puts(atRisk fields: [FieldChange]) -> Bool {
        fields.contains { change in
            switch change.field {
            case "due":
                guard let old = change.oldValue.flatMap({ CivilDate(iso: $0) }),
                      let new = change.newValue.flatMap({ CivilDate(iso: $0) }) else { return false }
                return new > old
            case "status":
                let status = change.newValue.flatMap { MilestoneStatus(rawValue: $0) }
                return status.map { [.atRisk, .blocked, .onHold].contains($0) } ?? false
            default:
                return false
            }
        }
    }

    /// ` Changed by Hannah Lee through the API.`, ` Changed in apollo.yaml.`, ` Changed by Mike Chen in chat.`,
    /// ` Changed by Hannah Lee.` (`verb` first); empty when neither `source` nor `actor` says anything.
    public static func origin(source: String?, actor: String?, names: [String: String], verb: String) -> String {
        let source = source ?? ""
        if source.hasPrefix("file:") { return " \(verb) in \(source.dropFirst("file:".count))." }
        let chatPerson: String? = source.hasPrefix("chat:") ? String(source.dropFirst("chat:".count)) : nil
        let person = (actor ?? chatPerson).map { " by " + (names[$0] ?? $0) } ?? ""
        let place = source == "api" ? " through the API" : source.hasPrefix("chat:") ? " in chat" : ""
        return person.isEmpty && place.isEmpty ? "" : " \(verb)\(person)\(place)."
    }

    /// An ISO date (`2026-12-04`) as a reader says it; `none` for none.
    private static func dateWords(_ value: String?, _ today: CivilDate) -> String {
        value.flatMap { CivilDate(iso: $0) }?.display(today: today) ?? "none"
    }

    /// A status value as a reader says it (`in_progress` → `in progress`); `none` for none.
    private static func statusWords(_ value: String?) -> String {
        guard let value else { return "none" }
        return MilestoneStatus(rawValue: value)?.words ?? value
    }

    /// `1 business day`, `3 business days`.
    public static func count(_ n: Int, _ unit: String) -> String {
        n == 1 ? "1 \(unit)" : "\(n) \(unit)s"
    }
}
