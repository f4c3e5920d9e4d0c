/// The shape of a value a template can name: a plain value (text, a number, a flag), an object with named values,
/// or a list of values of one shape.
public indirect enum TemplateVariable: Hashable, Sendable {
    /// Text, a number or a flag.
    case value
    /// Named values (`milestone`: `title`, `due`, …).
    case object([String: TemplateVariable])
    /// Values of one shape (`milestones`, `deliverables`).
    case list(TemplateVariable)
}

/// Which values each kind's template has: exactly the names ``context(for:details:)`` gives that kind (a value
/// absent from one message, such as `rule` or `slip`, is still that kind's).
extension MessageTemplates {
    /// The values a template of `kind` can use, by name.
    public static func variables(of kind: MessageKind) -> [String: TemplateVariable] {
        var names = common
        switch kind {
        case .reminder, .announcement:
            names.merge(aboutMilestones) { $1 }
        case .escalation:
            names.merge(aboutMilestones) { $1 }
            names["escalation"] = escalation
            names["link"] = .value
            names["actions"] = .list(.object(["label": .value, "text": .value, "url": .value]))
        case .resolved:
            names.merge(aboutMilestones) { $1 }
            names["escalation"] = escalation
        case .digest:
            names["project"] = project
            names["digest"] = digest
        case .test:
            names["rule"] = nil
        case .bundle:
            names["project"] = project
            names["milestones"] = .list(.object(milestoneReference))
            names["milestone"] = .object(milestoneReference)
            names["items"] = .list(.object([
                "id": .value, "kind": .value, "rules": .list(.value), "text": .value, "project": project,
                "milestones": .list(.object(milestoneReference)), "milestone": .object(milestoneReference),
                "escalation": escalation,
            ]))
        }
        return names
    }

    private static let common: [String: TemplateVariable] = [
        "text": .value, "kind": .value, "rule": .value, "channel": .value, "recipients": .list(.value),
        "mentions": .value,
    ]

    private static let project = TemplateVariable.object(["id": .value, "name": .value])

    /// What a message says of a milestone (a bundle's items say only this).
    private static let milestoneReference = values(
        "id", "title", "due", "due_display", "status", "status_words", "owner"
    )

    /// A milestone of a message, with the details of its composition.
    private static let milestone = TemplateVariable.object(milestoneReference.merging(values(
        "owner_name", "critical", "baseline", "baseline_display", "slip"
    )) { $1 }.merging(["deliverables": .list(.value), "depends_on": .list(.value), "blocks": .list(.value)]) { $1 })

    private static let aboutMilestones: [String: TemplateVariable] = [
        "project": project, "milestones": .list(milestone), "milestone": milestone,
    ]

    private static let escalation = TemplateVariable.object(
        values("id", "policy", "level", "levels", "repeat", "ack_url")
    )

    private static let digestRow = TemplateVariable.list(.object(
        values("title", "project", "owner", "due", "baseline", "detail", "line")
    ))

    private static let digest = TemplateVariable.object(values(
        "name", "title", "status", "status_line", "trend", "rule", "reason", "late", "unchanged", "link"
    ).merging([
        "projects": .list(.object(values("id", "name", "status", "reason"))),
        "sections": .list(.object(values("key", "title", "omitted").merging(["lines": .list(.value)]) { $1 })),
        "completed": digestRow, "due_soon": digestRow, "slipped": digestRow, "overdue": digestRow,
        "escalations": digestRow,
    ]) { $1 })

    /// Plain values named `names`.
    private static func values(_ names: String...) -> [String: TemplateVariable] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, .value) })
    }
}
