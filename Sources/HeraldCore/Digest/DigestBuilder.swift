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
    /// Dates ("today", the window, completion days) are read in the digest's zone, business days in the config's
    /// calendar. Sections hold only milestones in scope; see each section's builder for its selection and order.
    ///
    /// - Parameters:
    ///   - milestones: every live milestone (the builder applies the digest's scope).
    ///   - history: milestone history recorded since `previous?.at` (all of it for a first digest); entries at or
    ///     before `previous?.at` are ignored.
    ///   - previous: the last report sent for this digest, for the trend and "nothing changed".
    ///   - escalations: escalations not yet resolved.
    ///   - late: true when this run replaces one missed while the daemon was down.
    public func report(
        for definition: DigestDefinition, milestones: [TrackedMilestone], history: [HistoryEntry],
        previous: DigestReport?, escalations: [EscalationRecord], at: Date, late: Bool
    ) -> DigestReport {
        var calendar = configuration.calendar
        calendar.timeZone = definition.timeZone ?? calendar.timeZone
        let today = calendar.today(at: at)
        let scope = self.scope(definition.scope, milestones: milestones, today: today, calendar: calendar)
        let projectIDs = Set(scope.projects.map(\.id))
        let recent = DigestHistory(
            history.filter { entry in
                projectIDs.contains(entry.projectID) && previous.map { entry.at > $0.at } ?? true
            }
        )
        let windowEnd = calendar.today(at: calendar.adding(definition.window ?? .days(14), to: at))
        let tolerance = definition.tolerance ?? 5
        let findings = scope.subjects.compactMap { DigestFinding($0, tolerance: tolerance) }
        let headline = self.headline(
            findings: findings, subjects: scope.subjects, tolerance: tolerance, previous: previous
        )
        var report = DigestReport(
            name: definition.name, at: at, since: previous?.at, late: late, headline: headline,
            projects: scope.projects.map { project in
                projectStatus(project, findings: findings, subjects: scope.subjects, tolerance: tolerance)
            },
            completed: completed(scope.subjects, history: recent, calendar: calendar),
            dueSoon: dueSoon(scope.subjects, today: today, through: windowEnd, history: recent),
            slipped: slipped(scope.subjects, history: recent, calendar: calendar),
            overdue: overdue(scope.subjects, today: today, calendar: calendar, history: recent),
            escalations: openEscalations(escalations, subjects: scope.subjects),
            windowEnd: windowEnd, timeZone: calendar.timeZone.identifier
        )
        if let previous { report.unchanged = report.isUnchanged(since: previous, history: recent) }
        return report
    }
}
