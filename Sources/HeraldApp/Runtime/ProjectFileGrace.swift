import Foundation
import HeraldCore

/// Decides when a project whose file vanished counts as removed. Editors that save by renaming and `git checkout`
/// take files away for a moment: a project missing from the project files is kept, as it was, for `projects_grace`,
/// and only a file still missing after that removes its milestones. A file back in time changes nothing.
///
/// A value: the runtime gives it each reading of the project files with the time, and does what it returns (keeps
/// the projects it names in force and in the store, logs its events).
struct ProjectFileGrace: Sendable {
    /// What became of a project whose file is missing, or was.
    enum Event: Hashable, Sendable {
        /// Its file is missing: it is kept as it was until `until`.
        case vanished(Project, until: Date)
        /// Its file is back within the grace: nothing was removed.
        case returned(Project)
        /// Its file stayed away for the whole grace: its milestones now count as removed.
        case removed(Project)
    }

    /// What to do after one reading of the project files.
    struct Outcome: Hashable, Sendable {
        /// The projects in force: the files' and the kept ones, sorted by id.
        var projects: [Project]
        /// The ids of the kept projects: missing from the files, not removed.
        var kept: Set<String>
        /// What happened since the previous reading: files back first, then missing ones, by project id.
        var events: [Event]
    }

    /// The projects in force after the previous reading, by id.
    private var inForce: [String: Project]
    /// When each kept project's file was first found missing.
    private var missingSince: [String: Date] = [:]

    /// Starts from the projects in force: at start-up, the files' and those the store still has (a file missing
    /// when the daemon starts gets its grace too).
    init(inForce: [Project]) {
        self.inForce = Dictionary(inForce.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Takes a reading of the project files at `now`: a project in force whose file is missing is kept until
    /// `grace` has passed since it was first missed, then removed; a kept project whose file is back is the file's.
    mutating func update(files: [Project], grace: TimeInterval, now: Date) -> Outcome {
        let present = Set(files.map(\.id))
        var events: [Event] = []
        var kept: [Project] = []
        for id in missingSince.keys.sorted() where present.contains(id) {
            missingSince[id] = nil
            if let project = inForce[id] { events.append(.returned(project)) }
        }
        for (id, project) in inForce.sorted(by: { $0.key < $1.key }) where !present.contains(id) {
            let since = missingSince[id] ?? now
            if now.timeIntervalSince(since) >= grace {
                missingSince[id] = nil
                events.append(.removed(project))
                continue
            }
            if missingSince[id] == nil { events.append(.vanished(project, until: since + grace)) }
            missingSince[id] = since
            kept.append(project)
        }
        let projects = (files + kept).sorted { $0.id < $1.id }
        inForce = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return Outcome(projects: projects, kept: Set(kept.map(\.id)), events: events)
    }

    /// When the earliest kept project's grace ends (the files should then be read again); nil when none is kept.
    func nextRemoval(grace: TimeInterval) -> Date? {
        missingSince.values.min().map { $0 + grace }
    }
}
