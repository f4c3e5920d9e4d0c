import Foundation
import HeraldCore
import HeraldStore

/// Reads what a digest is built from out of the store (live milestones, history since the previous digest,
/// escalations not yet resolved) and builds its report: what `herald digest preview` prints, and what a run sends.
public enum DigestReportReader {
    /// The report of `definition` at `at`, against `previous` (the last report sent for it; nil for a first digest).
    public static func report(
        for definition: DigestDefinition, configuration: Configuration, store: HeraldStore,
        previous: DigestReport?, at: Date, late: Bool = false
    ) throws -> DigestReport {
        DigestBuilder(configuration: configuration).report(
            for: definition, milestones: try store.trackedMilestones(), history: try store.history(since: previous?.at),
            previous: previous, escalations: Array(try store.currentEscalations().values), at: at, late: late
        )
    }
}
