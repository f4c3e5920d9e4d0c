import Foundation
import HeraldCore
import HeraldStore

/// `herald digest preview`: the report a digest would carry, built from a copy of the store with the project files
/// applied as the daemon would apply them, so a preview is current whether or not the daemon runs and never writes
/// the live store.
public enum DigestPreview {
    /// The report of `definition` at `at`, against the last one it sent (as the daemon would build it then).
    ///
    /// The live store in `configuration.stateDirectory` (or an empty one) is copied into a temporary directory and
    /// the project files applied to the copy at `min(now, at)`, so changes not yet seen by a daemon count as made
    /// before the digest.
    public static func report(
        for definition: DigestDefinition, configuration: Configuration, at: Date, now: Date
    ) throws -> DigestReport {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("herald-digest-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try HeraldStore.copy(directory: configuration.stateDirectory, to: scratch)
        let store = try HeraldStore(directory: scratch)
        try store.apply(projects: configuration.projects, source: \.historySource, at: min(now, at))
        let previous = try store.digestRunState(
            name: definition.name, schedule: definition.scheduleKey(default: configuration.calendar.timeZone), at: now
        ).previous
        return try DigestReportReader.report(
            for: definition, configuration: configuration, store: store, previous: previous, at: at
        )
    }

    /// When the digest next runs after `now` (what "the next digest" describes); `now` when its schedule never
    /// runs again.
    public static func nextRun(of definition: DigestDefinition, configuration: Configuration, after now: Date) -> Date {
        let zone = definition.zone(default: configuration.calendar.timeZone)
        return definition.parsedSchedule?.next(after: now, in: zone)?.instant ?? now
    }
}
