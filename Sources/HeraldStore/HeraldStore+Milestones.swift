import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// Applies the complete set of project files: upserts every project, records each milestone's changes in its
    /// history, and removes what is gone, in one transaction.
    ///
    /// - A milestone not stored (or stored as removed) is `created`: one history row per set field, old value nil.
    /// - A stored milestone whose fields differ is `updated`: one history row per changed field.
    /// - An unchanged milestone yields nothing, and its `updated_at` stays as it was.
    /// - A stored milestone missing from its project, or whose project is no longer in `projects` (nor in
    ///   `keeping`), is `removed` (history field `removed`); the project itself is then marked removed.
    /// - `status`, `due` and `owner`, which the API and chat commands change, are taken from the file only when the
    ///   file states them differently from its previous apply: otherwise the stored value stays, so an API change
    ///   lasts until the file itself changes that field (`FileStatedFields`), across a removal and return too.
    ///
    /// - Parameters:
    ///   - projects: Every project currently known (the whole projects directory). Milestones are taken as
    ///     belonging to the project that lists them, whatever their `projectID` says.
    ///   - keeping: Ids of projects absent from `projects` that are left as they are, neither changed nor removed
    ///     (their file vanished moments ago: `projects_grace`).
    ///   - source: The history source for a project's changes, such as `file:apollo.yaml`.
    ///   - at: When the change is recorded.
    ///   - decide: Turns the changes into rule states, messages and suppressions (the change rules); they are
    ///     written in the same transaction, so a change and the announcements it causes are stored together or not
    ///     at all. A changed `due` lifts the milestone's snoozes that last until it changes.
    ///   - releasing: Whether the announcements that are not held are released at once; when false they wait for
    ///     the release step of the tick that follows (the daemon's, which bundles them with that tick's messages).
    /// - Returns: The changes, project by project in the given order; removals after a project's other changes.
    @discardableResult
    public func apply(
        projects: [Project], keeping: Set<String> = [], source: (Project) -> String, at: Date, releasing: Bool = true,
        decide: ([MilestoneChange]) -> EngineDecisions = { _ in EngineDecisions() }
    ) throws -> [MilestoneChange] {
        try writer.write { db in
            let changes = try applyChanges(projects: projects, keeping: keeping, source: source, at: at, db)
            try cancelPendingWork(closedBy: changes, at: at, db)
            let decisions = decide(changes)
            try insert(
                ruleStates: decisions.ruleStates, messages: try encode(decisions.messages), at: at,
                releasing: releasing, db
            )
            try insert(suppressions: decisions.suppressions, db)
            return changes
        }
    }

    private func applyChanges(
        projects: [Project], keeping: Set<String>, source: (Project) -> String, at: Date, _ db: Database
    ) throws -> [MilestoneChange] {
        var changes: [MilestoneChange] = []
        for project in projects {
            try upsert(project: project, db)
            let projectSource = source(project)
            var stored = try storedMilestones(projectID: project.id, db)
            for (position, var milestone) in project.milestones.enumerated() {
                milestone.projectID = project.id
                let previous = stored.removeValue(forKey: milestone.id)
                let merged = previous.flatMap { previous in
                    previous.fileStated?.keepingUnchangedFields(of: milestone, stored: previous.milestone)
                } ?? milestone
                if let change = try apply(
                    merged, stored: previous, position: position,
                    origin: HistoryOrigin(source: projectSource, at: at), db
                ) {
                    changes.append(change)
                }
                try recordFileStated(milestone, stored: previous, db)
            }
            for old in stored.values.sorted(by: { $0.position < $1.position }) where !old.isRemoved {
                changes.append(try remove(old.milestone, origin: HistoryOrigin(source: projectSource, at: at), db))
            }
        }
        let present = Set(projects.map(\.id)).union(keeping)
        let gone = try Row.fetchAll(db, sql: "SELECT * FROM projects WHERE removed_at IS NULL ORDER BY id")
            .filter { !present.contains($0["id"]) }
        for row in gone {
            let project = Project(
                id: row["id"], name: row["name"], manager: row["manager"], sponsor: row["sponsor"],
                channel: row["channel"], sourceFile: row["source_file"]
            )
            let projectSource = source(project)
            let stored = try storedMilestones(projectID: project.id, db).values.sorted { $0.position < $1.position }
            for old in stored where !old.isRemoved {
                changes.append(try remove(old.milestone, origin: HistoryOrigin(source: projectSource, at: at), db))
            }
            try db.execute(
                sql: "UPDATE projects SET removed_at = ? WHERE id = ?",
                arguments: [at.timeIntervalSince1970, project.id]
            )
        }
        return changes
    }

    /// Applies one milestone (an API or chat update) with the same diff and history as `apply(projects:…)`.
    ///
    /// A removed milestone that is applied again is `created` anew.
    /// - Parameters:
    ///   - note: Recorded as a history line of field `note` (new value the note), whether or not a field changed,
    ///     and the last of the change's fields, so change rules can quote it.
    ///   - actor: Who made the change (a person key or a free name), recorded on each of its history lines.
    ///   - decide: Turns the change (when there is one) into rule states, messages and suppressions (the change
    ///     rules); they are written in the same transaction as the change.
    ///   - releasing: As for ``apply(projects:keeping:source:at:releasing:decide:)``.
    /// - Returns: The change, or nil when nothing differs.
    /// - Throws: `HeraldStoreError.unknownProject` when its project is not stored or was removed.
    @discardableResult
    public func apply(
        milestone: Milestone, source: String, at: Date, note: String? = nil, actor: String? = nil,
        releasing: Bool = true, decide: ([MilestoneChange]) -> EngineDecisions = { _ in EngineDecisions() }
    ) throws -> MilestoneChange? {
        try writer.write { db in
            let live = try Bool.fetchOne(
                db, sql: "SELECT removed_at IS NULL FROM projects WHERE id = ?", arguments: [milestone.projectID]
            )
            guard live == true else { throw HeraldStoreError.unknownProject(milestone.projectID) }
            let previous = try storedMilestone(projectID: milestone.projectID, id: milestone.id, db)
            let position = try previous?.position ?? Int.fetchOne(
                db, sql: "SELECT coalesce(max(position) + 1, 0) FROM milestones WHERE project_id = ?",
                arguments: [milestone.projectID]
            ) ?? 0
            let origin = HistoryOrigin(source: source, actor: actor, at: at)
            var change = try apply(milestone, stored: previous, position: position, origin: origin, db)
            if let note {
                let line = FieldChange(field: "note", oldValue: nil, newValue: note)
                try appendHistory(projectID: milestone.projectID, milestoneID: milestone.id, [line], origin, db)
                change?.fields.append(line)
            }
            guard let change else { return nil }
            try cancelPendingWork(closedBy: [change], at: at, db)
            let decisions = decide([change])
            try insert(
                ruleStates: decisions.ruleStates, messages: try encode(decisions.messages), at: at,
                releasing: releasing, db
            )
            try insert(suppressions: decisions.suppressions, db)
            return change
        }
    }

    /// Every milestone that is not removed, by project id and then file order, with its history facts.
    public func trackedMilestones() throws -> [TrackedMilestone] {
        try writer.read(trackedMilestones)
    }

    /// ``trackedMilestones()`` inside the caller's transaction.
    func trackedMilestones(_ db: Database) throws -> [TrackedMilestone] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM milestones WHERE removed_at IS NULL ORDER BY project_id, position, id
            """)
            .map { row in
                TrackedMilestone(
                    milestone: try milestone(from: row), updatedAt: Self.date(row, "updated_at"),
                    history: try Self.historyFacts(from: row)
                )
            }
    }

    /// Every project that is not removed, by id, with its live milestones in file order.
    public func projects() throws -> [Project] {
        try writer.read { db in
            var milestones: [String: [Milestone]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT * FROM milestones WHERE removed_at IS NULL ORDER BY project_id, position, id
                """) {
                let milestone = try milestone(from: row)
                milestones[milestone.projectID, default: []].append(milestone)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM projects WHERE removed_at IS NULL ORDER BY id").map { row in
                let id: String = row["id"]
                let statusText: String = row["status"]
                guard let status = ProjectStatus(rawValue: statusText) else {
                    throw HeraldStoreError.corruptValue(column: "projects.status", value: statusText)
                }
                return Project(
                    id: id, name: row["name"], manager: row["manager"], sponsor: row["sponsor"],
                    channel: row["channel"], status: status, milestones: milestones[id] ?? [],
                    sourceFile: row["source_file"]
                )
            }
        }
    }

    /// The history of one milestone, or of every milestone of the project when `milestoneID` is nil,
    /// in the order it was recorded.
    public func history(projectID: String, milestoneID: String?) throws -> [HistoryEntry] {
        try writer.read { db in
            var sql = "SELECT * FROM milestone_history WHERE project_id = ?"
            var arguments: StatementArguments = [projectID]
            if let milestoneID {
                sql += " AND milestone_id = ?"
                arguments += [milestoneID]
            }
            sql += " ORDER BY seq"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.historyEntry(from:))
        }
    }

    /// Every milestone's history recorded after `since` (all of it when nil), in the order it was recorded: what a
    /// digest compares against its previous one. Removed milestones' lines included.
    public func history(since: Date?) throws -> [HistoryEntry] {
        try writer.read { db in
            let rows = if let since {
                try Row.fetchAll(
                    db, sql: "SELECT * FROM milestone_history WHERE at > ? ORDER BY seq",
                    arguments: [since.timeIntervalSince1970]
                )
            } else {
                try Row.fetchAll(db, sql: "SELECT * FROM milestone_history ORDER BY seq")
            }
            return rows.map(Self.historyEntry(from:))
        }
    }

    /// The history line of a `milestone_history` row.
    static func historyEntry(from row: Row) -> HistoryEntry {
        HistoryEntry(
            projectID: row["project_id"], milestoneID: row["milestone_id"], at: date(row, "at"), source: row["source"],
            change: FieldChange(field: row["field"], oldValue: row["old_value"], newValue: row["new_value"]),
            actor: row["actor"]
        )
    }
}

// MARK: - The shared diff

extension HeraldStore {
    /// A stored milestone row with what the diff needs besides the milestone.
    struct StoredMilestone {
        var milestone: Milestone
        var position: Int
        var isRemoved: Bool
        var history: MilestoneHistoryFacts
        /// What its project file last stated; nil before the file was applied with `file_values` kept.
        var fileStated: FileStatedFields?
    }

    /// A project's stored milestones, removed ones included, by id.
    func storedMilestones(projectID: String, _ db: Database) throws -> [String: StoredMilestone] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM milestones WHERE project_id = ?", arguments: [projectID]
        )
        var result: [String: StoredMilestone] = [:]
        for row in rows {
            let stored = try storedMilestone(from: row)
            result[stored.milestone.id] = stored
        }
        return result
    }

    /// One stored milestone, removed or not; nil when never stored.
    func storedMilestone(projectID: String, id: String, _ db: Database) throws -> StoredMilestone? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM milestones WHERE project_id = ? AND id = ?", arguments: [projectID, id]
        ).map(storedMilestone(from:))
    }

    private func storedMilestone(from row: Row) throws -> StoredMilestone {
        StoredMilestone(
            milestone: try milestone(from: row), position: row["position"], isRemoved: row["removed_at"] != nil,
            history: try Self.historyFacts(from: row),
            fileStated: try (row["file_values"] as String?).map { try decode(FileStatedFields.self, from: $0) }
        )
    }

    /// Keeps what the file states for `milestone` on its row, when that changed.
    private func recordFileStated(_ milestone: Milestone, stored: StoredMilestone?, _ db: Database) throws {
        let stated = FileStatedFields(milestone)
        guard stored?.fileStated != stated else { return }
        try db.execute(
            sql: "UPDATE milestones SET file_values = ? WHERE project_id = ? AND id = ?",
            arguments: [try json(stated), milestone.projectID, milestone.id]
        )
    }

    /// Where a change's history lines come from: its source (`file:apollo.yaml`, `api`, `chat:alice`), who made it
    /// (nil for a file) and when.
    struct HistoryOrigin {
        var source: String
        var actor: String?
        var at: Date
    }

    /// Compares `milestone` with its stored row and writes the difference and its history.
    func apply(
        _ milestone: Milestone, stored: StoredMilestone?, position: Int, origin: HistoryOrigin, _ db: Database
    ) throws -> MilestoneChange? {
        let at = origin.at
        let previous = stored.flatMap { $0.isRemoved ? nil : $0.milestone }
        let fields = try fieldChanges(from: previous, to: milestone)
        guard !fields.isEmpty else {
            if let stored, stored.position != position {
                try db.execute(
                    sql: "UPDATE milestones SET position = ? WHERE project_id = ? AND id = ?",
                    arguments: [position, milestone.projectID, milestone.id]
                )
            }
            return nil
        }
        // A removed milestone created anew keeps its history, as the history rows do.
        let history = (stored?.history ?? MilestoneHistoryFacts(statusChangedAt: at)).applying(fields, at: at)
        try upsert(milestone: milestone, position: position, history: history, at: at, db)
        if fields.contains(where: { $0.field == "due" }) {
            try liftDueChangeSnoozes(
                projectID: milestone.projectID, milestoneID: milestone.id, due: milestone.due, at: at, db
            )
        }
        try appendHistory(projectID: milestone.projectID, milestoneID: milestone.id, fields, origin, db)
        return MilestoneChange(
            projectID: milestone.projectID, milestoneID: milestone.id, kind: previous == nil ? .created : .updated,
            fields: fields, previous: previous, current: milestone, history: history, source: origin.source,
            actor: origin.actor
        )
    }

    /// Marks a live milestone removed and records it.
    func remove(_ milestone: Milestone, origin: HistoryOrigin, _ db: Database) throws -> MilestoneChange {
        let at = origin.at.timeIntervalSince1970
        try db.execute(
            sql: "UPDATE milestones SET removed_at = ?, updated_at = ? WHERE project_id = ? AND id = ?",
            arguments: [at, at, milestone.projectID, milestone.id]
        )
        let fields = [FieldChange(field: "removed", oldValue: nil, newValue: nil)]
        try appendHistory(projectID: milestone.projectID, milestoneID: milestone.id, fields, origin, db)
        return MilestoneChange(
            projectID: milestone.projectID, milestoneID: milestone.id, kind: .removed, fields: fields,
            previous: milestone, current: nil, source: origin.source, actor: origin.actor
        )
    }

    private func upsert(project: Project, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO projects (id, name, manager, sponsor, channel, source_file, status, removed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
                ON CONFLICT (id) DO UPDATE SET
                    name = excluded.name, manager = excluded.manager, sponsor = excluded.sponsor,
                    channel = excluded.channel, source_file = excluded.source_file, status = excluded.status,
                    removed_at = NULL
                """,
            arguments: [
                project.id, project.name, project.manager, project.sponsor, project.channel, project.sourceFile,
                project.status.rawValue,
            ]
        )
    }

    private func upsert(
        milestone m: Milestone, position: Int, history: MilestoneHistoryFacts, at: Date, _ db: Database
    ) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO milestones (project_id, id, position, title, phase, owner, due, due_instant, baseline, status,
                critical, depends_on, deliverables, labels, created_at, updated_at, removed_at, due_moves,
                due_moved_from, due_moved_to, status_changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)
            ON CONFLICT (project_id, id) DO UPDATE SET
                position = excluded.position, title = excluded.title, phase = excluded.phase, owner = excluded.owner,
                due = excluded.due, due_instant = excluded.due_instant, baseline = excluded.baseline,
                status = excluded.status, critical = excluded.critical, depends_on = excluded.depends_on,
                deliverables = excluded.deliverables, labels = excluded.labels, updated_at = excluded.updated_at,
                removed_at = NULL, due_moves = excluded.due_moves, due_moved_from = excluded.due_moved_from,
                due_moved_to = excluded.due_moved_to, status_changed_at = excluded.status_changed_at
            """)
        let values: [(any DatabaseValueConvertible)?] = [
            m.projectID, m.id, position, m.title, m.phase, m.owner, m.due.description,
            m.dueInstant?.timeIntervalSince1970, m.baseline?.description, m.status.rawValue, m.critical,
            try json(m.dependsOn), try json(m.deliverables), try json(m.labels),
            at.timeIntervalSince1970, at.timeIntervalSince1970, history.timesMoved,
            history.lastMove?.from.description, history.lastMove?.to.description,
            history.statusChangedAt.timeIntervalSince1970,
        ]
        try statement.execute(arguments: StatementArguments(values))
    }

    private func appendHistory(
        projectID: String, milestoneID: String, _ fields: [FieldChange], _ origin: HistoryOrigin, _ db: Database
    ) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO milestone_history (project_id, milestone_id, at, source, actor, field, old_value, new_value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for field in fields {
            try statement.execute(arguments: [
                projectID, milestoneID, origin.at.timeIntervalSince1970, origin.source, origin.actor, field.field,
                field.oldValue, field.newValue,
            ])
        }
    }
}
