import Foundation
import HeraldCore

/// Project files that vanish for a moment: their projects are kept for `projects_grace` (`ProjectFileGrace`).
extension HeraldRuntime {
    /// Applies the project files again once a missing file's grace has ended, so its milestones count as removed
    /// then and not at the next edit; does nothing before. The project watcher calls it at every poll, and
    /// `herald plan` before each tick (the grace's end is a decision time). Returns what `applyProjects` decided.
    @discardableResult
    public func applyProjectsIfGraceEnded() throws -> EngineDecisions {
        guard let end = projectGraceEnd, options.now() >= end else { return EngineDecisions() }
        return try applyProjects()
    }

    /// Logs what became of the projects whose file is, or was, missing.
    func log(_ events: [ProjectFileGrace.Event]) {
        for event in events {
            switch event {
            case .vanished(let project, let until):
                logger.warning("project file missing; its milestones are kept until the grace ends", metadata: [
                    "project": "\(project.id)", "file": "\(project.sourceFile)",
                    "until": "\(until.formatted(.iso8601))",
                ])
            case .returned(let project):
                logger.info("project file back; nothing was removed", metadata: [
                    "project": "\(project.id)", "file": "\(project.sourceFile)",
                ])
            case .removed(let project):
                logger.notice("project file missing for longer than projects_grace; its milestones are removed",
                              metadata: ["project": "\(project.id)", "file": "\(project.sourceFile)"])
            }
        }
    }
}
