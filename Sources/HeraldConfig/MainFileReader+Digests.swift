import HeraldCore
import Yams

extension MainFileReader {
    private static let digestKeys = [
        "name", "schedule", "timezone", "to", "window", "projects", "tolerance", "skip_when_unchanged",
    ]

    /// The `digests:` list. Project ids under `projects:` are checked once the project files are read
    /// (`checkDigestProjects`).
    func readDigests(_ node: Node, references: References) -> [DigestDefinition] {
        guard let items = context.sequence(node, "'digests'") else { return [] }
        var names = Set<String>()
        return items.compactMap { item in
            guard let fields = context.mapping(item, "a digest", allowed: Self.digestKeys),
                  let name = fields.string("name", required: true, in: "a digest") else { return nil }
            let what = "digest '\(name)'"
            if !names.insert(name).inserted { context.error("duplicate digest name '\(name)'", at: fields["name"]) }
            let schedule = readSchedule(fields, in: what)
            let zone = fields["timezone"].map { timeZone($0) }
            let to = readDigestRecipients(fields, references: references, in: what)
            let window = fields["window"].map { interval($0, "'window'") }
            let scope = fields["projects"].map { readScope($0, in: what) } ?? .all
            let tolerance = fields["tolerance"].map(readTolerance)
            let skip = fields.bool("skip_when_unchanged")
            guard let schedule, let to, zone != .some(nil), window != .some(nil), let scope,
                  tolerance != .some(nil) else { return nil }
            return DigestDefinition(
                name: name, schedule: schedule, timeZone: zone ?? nil, to: to, window: window ?? nil, scope: scope,
                tolerance: tolerance ?? nil, skipWhenUnchanged: skip ?? false
            )
        }
    }

    /// `schedule`, checked by parsing it; an error's column is mapped from inside the text to the file.
    private func readSchedule(_ fields: Fields, in what: String) -> String? {
        guard let text = fields.string("schedule", required: true, in: what), let node = fields["schedule"] else {
            return nil
        }
        do {
            _ = try DigestSchedule(parsing: text)
            return text
        } catch {
            let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
            context.error(
                "in 'schedule': \(error.message)", at: node, columnOffset: error.column - 1 + (quoted ? 1 : 0)
            )
            return nil
        }
    }

    /// `to`: recipients as in `notify`, except `owner` (a digest is about many milestones, not one).
    private func readDigestRecipients(_ fields: Fields, references: References, in what: String) -> [Recipient]? {
        guard let node = fields["to"] else {
            context.error("\(what) is missing 'to'", at: fields.node)
            return nil
        }
        guard let recipients = readRecipients(node, references: references) else { return nil }
        if recipients.contains(.owner) {
            context.error("\(what) cannot be sent to 'owner' (it covers many milestones); use manager, sponsor, "
                + "a person, audience:KEY or channel:KEY", at: node)
            return nil
        }
        return recipients
    }

    /// `projects: all`, `projects: [ids]` or `projects: { when: EXPR }`.
    private func readScope(_ node: Node, in what: String) -> DigestScope? {
        switch node {
        case .scalar:
            guard let text = context.string(node, "'projects'") else { return nil }
            guard text == "all" else {
                context.error("'projects' must be all, a list of project ids, or { when: EXPRESSION }, not '\(text)'",
                              at: node)
                return nil
            }
            return .all
        case .sequence:
            let ids = context.stringList(node, "'projects'").map(\.0)
            if ids.isEmpty { context.error("'projects' lists no project", at: node) }
            return ids.isEmpty ? nil : .projects(ids)
        case .mapping:
            guard let fields = context.mapping(node, "'projects'", allowed: ["when"]) else { return nil }
            return readCondition(fields, required: true, in: "'projects' of \(what)").map(DigestScope.when)
        case .alias:
            context.error("'projects' must be all, a list of project ids, or { when: EXPRESSION }", at: node)
            return nil
        }
    }

    /// `tolerance`: business days, `5` or `5 business_days`.
    private func readTolerance(_ node: Node) -> Int? {
        guard let text = context.string(node, "'tolerance'") else { return nil }
        if let days = Int(text), days >= 0 { return days }
        if case .businessDays(let days)? = Interval(parsing: text), days >= 0 { return days }
        context.error("'tolerance' must be a number of business days such as 5 or 5 business_days, not '\(text)'",
                      at: node)
        return nil
    }

    /// Reports every id under a digest's `projects:` list that no project file defines.
    func checkDigestProjects(_ root: Node, known: Set<String>) {
        for item in root.value(forKey: "digests")?.sequence ?? [] {
            for node in item.value(forKey: "projects")?.sequence ?? [] {
                guard let id = node.scalar?.string else { continue }
                _ = context.check(id, at: node, known: known, kind: "project")
            }
        }
    }
}
