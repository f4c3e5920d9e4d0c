import Foundation

/// Builds a digest's report from the milestones as they stand, their history since the previous digest, the
/// previous report, and the escalations. Pure: the caller reads the store and passes the time.
public struct DigestBuilder: Sendable {
    public let configuration: Configuration

    /// Creates a builder for a configuration.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The report of `definition` at `at`.
    ///
    /// - Parameters:
    ///   - milestones: every live milestone (the builder applies the digest's scope).
    ///   - history: milestone history recorded since `previous?.at` (all of it for a first digest).
    ///   - previous: the last report sent for this digest, for the trend and the previous forecasts.
    ///   - escalations: escalations not yet resolved.
    ///   - late: true when this run replaces one missed while the daemon was down.
    public func report(
        for definition: DigestDefinition, milestones: [TrackedMilestone], history: [HistoryEntry],
        previous: DigestReport?, escalations: [EscalationRecord], at: Date, late: Bool
    ) -> DigestReport {
        // Scaffold for the parallel work on digests: wt-digest-content replaces this body.
        let projects = configuration.projects.map {
            DigestProjectStatus(project: ProjectRef(id: $0.id, name: $0.name), status: .green, reason: "")
        }
        return DigestReport(
            name: definition.name, at: at, since: previous?.at, late: late,
            headline: DigestHeadline(status: .green, rule: "", trend: previous == nil ? .first : .steady, reason: ""),
            projects: projects
        )
    }
}
