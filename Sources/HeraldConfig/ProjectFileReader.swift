import Foundation
import HeraldCore
import Yams

/// Reads one project file and checks its references against the main config, its ids against the safe
/// set (``isValidID(_:)``) and its fields against the config's ``InputLimits``.
struct ProjectFileReader {
    let context: YAMLContext
    let calendar: BusinessCalendar
    let references: References
    let limits: InputLimits
    /// Where the `depends_on` items and declared milestones are recorded, for the checks across projects.
    let dependencies: DependencyItems

    private static let projectKeys = ["project", "name", "manager", "sponsor", "channel", "status", "milestones"]
    private static let milestoneKeys = [
        "id", "title", "phase", "owner", "due", "baseline", "status", "critical", "depends_on", "deliverables", "labels",
    ]

    func read(_ root: Node) -> Project? {
        guard let fields = context.mapping(root, "a project file", allowed: Self.projectKeys),
              let id = fields.string("project", required: true, in: "the project file"),
              checkID(id, of: "project", at: fields["project"]) else { return nil }
        let name = fields.string("name", in: "the project")
        if let name { checkLength(name, "'name'", limit: limits.textLength, key: "text_length", at: fields["name"]) }
        var project = Project(id: id, name: name ?? id, sourceFile: context.file)
        project.manager = person(fields, "manager")
        project.sponsor = person(fields, "sponsor")
        if let node = fields["channel"], let channel = context.string(node, "'channel'") {
            if context.check(channel, at: node, known: references.channels, kind: "channel") {
                project.channel = channel
            }
        }
        if let node = fields["status"], let text = context.string(node, "'status'") {
            if let status = ProjectStatus(rawValue: text) {
                project.status = status
            } else {
                let all = ProjectStatus.allCases.map(\.rawValue).joined(separator: ", ")
                context.error("unknown project status '\(text)' (use one of \(all))", at: node)
            }
        }
        let items = fields["milestones"].flatMap { context.sequence($0, "'milestones'") } ?? []
        var idNodes: [String: Node] = [:]
        for item in items {
            guard let milestone = readMilestone(item, projectID: id) else { continue }
            if idNodes[milestone.id] != nil {
                context.error("duplicate milestone id '\(milestone.id)' in project '\(id)'",
                              at: item.value(forKey: "id"))
                continue
            }
            idNodes[milestone.id] = item
            project.milestones.append(milestone)
        }
        for declared in items.compactMap({ $0.value(forKey: "id")?.scalar?.string }) {
            dependencies.declare(declared, in: id)
        }
        return project
    }

    /// Project and milestone ids are letters (any script), digits, `-`, `_` and `.`, starting with a letter or
    /// digit: safe as a URL path segment and on a command line, never `..` or `a/b`.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { return false }
        return id.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
        }
    }

    /// Reports an id outside the safe set or over `limits.idLength`; true when it is fine.
    private func checkID(_ id: String, of kind: String, at node: Node?) -> Bool {
        guard Self.isValidID(id) else {
            context.error("\(kind) id '\(id.debugDescription.dropFirst().dropLast())' may hold only letters, digits, "
                + "'-', '_' and '.', and must start with a letter or digit", at: node)
            return false
        }
        return checkLength(id, "\(kind) id", limit: limits.idLength, key: "id_length", at: node)
    }

    /// Reports a text over `limit` characters (the limit `limits.KEY`); true when it is within it.
    @discardableResult
    private func checkLength(_ text: String, _ what: String, limit: Int, key: String, at node: Node?) -> Bool {
        guard text.count > limit else { return true }
        context.error("\(what) is \(text.count) characters long, over limits.\(key) (\(limit))", at: node)
        return false
    }

    /// The items of a `deliverables` or `depends_on` list, each within `limits.textLength`; reports a list over
    /// `limits.listLength`.
    private func list(_ node: Node, _ what: String) -> [(String, Node)] {
        let items = context.stringList(node, what)
        if items.count > limits.listLength {
            context.error("\(what) has \(items.count) items, over limits.list_length (\(limits.listLength))", at: node)
        }
        for (text, item) in items {
            checkLength(text, "each item of \(what)", limit: limits.textLength, key: "text_length", at: item)
        }
        return items
    }

    /// A `manager`/`sponsor`/`owner` field naming a person from the config.
    private func person(_ fields: Fields, _ key: String, required: Bool = false, in what: String = "the project")
        -> String? {
        guard let name = fields.string(key, required: required, in: what) else { return nil }
        guard let node = fields[key], context.check(name, at: node, known: references.people, kind: "person") else {
            return nil
        }
        return name
    }

    /// One milestone; its `depends_on` items are recorded in ``dependencies`` (checked once all files are read).
    private func readMilestone(_ node: Node, projectID: String) -> Milestone? {
        guard let fields = context.mapping(node, "a milestone", allowed: Self.milestoneKeys),
              let id = fields.string("id", required: true, in: "a milestone"),
              checkID(id, of: "milestone", at: fields["id"]) else { return nil }
        let what = "milestone '\(id)'"
        let title = fields.string("title", in: what) ?? id
        checkLength(title, "'title'", limit: limits.titleLength, key: "title_length", at: fields["title"])
        let phase = fields.string("phase", in: what)
        if let phase {
            checkLength(phase, "'phase'", limit: limits.textLength, key: "text_length", at: fields["phase"])
        }
        let owner = person(fields, "owner", required: true, in: what)
        let due = fields["due"].flatMap(deadline)
        if fields["due"] == nil { context.error("\(what) is missing 'due'", at: node) }
        let baseline = fields["baseline"].flatMap { baselineNode -> CivilDate? in
            guard let text = context.string(baselineNode, "'baseline'") else { return nil }
            guard let date = CivilDate(iso: text) else {
                context.error("'baseline' must be a date (YYYY-MM-DD), not '\(text)'", at: baselineNode)
                return nil
            }
            return date
        }
        var status = MilestoneStatus.planned
        if let statusNode = fields["status"], let text = context.string(statusNode, "'status'") {
            if let parsed = MilestoneStatus(rawValue: text) {
                status = parsed
            } else {
                let all = MilestoneStatus.allCases.map(\.rawValue).joined(separator: ", ")
                context.error("unknown status '\(text)' (use one of \(all))", at: statusNode)
            }
        }
        var labels: [String: String] = [:]
        if let labelNode = fields["labels"] {
            let entries = context.namedEntries(labelNode, "'labels'")
            if entries.count > limits.listLength {
                context.error("'labels' has \(entries.count) items, over limits.list_length (\(limits.listLength))",
                              at: labelNode)
            }
            for (key, keyNode, value) in entries {
                checkLength(key, "a label's name", limit: limits.textLength, key: "text_length", at: keyNode)
                labels[key] = context.string(value, "label '\(key)'")
                if let text = labels[key] {
                    checkLength(text, "label '\(key)'", limit: limits.textLength, key: "text_length", at: value)
                }
            }
        }
        let dependsOn = readDependsOn(fields["depends_on"], of: MilestoneKey(projectID: projectID, milestoneID: id))
        let deliverables = fields["deliverables"].map { list($0, "'deliverables'") } ?? []
        guard let owner, let due else { return nil }
        return Milestone(
            projectID: projectID, id: id, title: title, phase: phase, owner: owner,
            due: due.date, dueInstant: due.instant, baseline: baseline, status: status,
            critical: fields.bool("critical") ?? false,
            dependsOn: dependsOn, deliverables: deliverables.map(\.0),
            labels: labels
        )
    }

    /// `2026-12-04`, or `2026-12-04T17:00:00+01:00` (an exact instant; its date is read in the config's zone).
    private func deadline(_ node: Node) -> Deadline? {
        guard let text = context.string(node, "'due'") else { return nil }
        if let deadline = Deadline(text, in: calendar.timeZone) { return deadline }
        context.error("'due' must be a date (YYYY-MM-DD) or a date-time with offset "
            + "(2026-12-04T17:00:00+01:00), not '\(text)'", at: node)
        return nil
    }

    /// The items of a `depends_on` list (within the limits, see `list`), each recorded with its place for the checks
    /// across projects.
    private func readDependsOn(_ node: Node?, of key: MilestoneKey) -> [String] {
        guard let node else { return [] }
        return list(node, "'depends_on'").map { reference, item in
            dependencies.add(reference, of: key, file: context.file, at: item)
            return reference
        }
    }
}
