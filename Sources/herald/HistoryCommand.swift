import ArgumentParser
import Foundation
import HeraldApp
import HeraldStore

/// `herald history PROJECT[/MILESTONE] [--since 7d] [--json]`: what changed in a milestone (or a whole project), when,
/// from where and by whom, with its acknowledgements and snoozes, oldest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a milestone's (or a whole project's) changes, oldest first.",
        discussion: """
            Each line says when, which field, old → new, where the change came from (the project file, the API, \
            chat) and who made it; acknowledgements and snoozes are among them. Exit status 1 when the store has no \
            history of the project or milestone.
            """
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "PROJECT or PROJECT/MILESTONE.") var target: SnoozeTarget
    @Option(help: "Since a look-back (7d, 24h), a date or an RFC 3339 date-time.") var since: String?
    @Flag(help: "JSON for scripts.") var json = false

    func run() throws {
        let location = try StateAccess.location(at: options.path)
        let zone = location.timeZone
        let instant = try since.map { text in
            guard let instant = SinceParser.instant(text, now: Date(), zone: zone) else {
                throw ValidationError("--since must be like 7d, 24h, 2026-11-30 or 2026-11-30T09:00:00Z")
            }
            return instant
        }
        let store = try HeraldStore(directory: location.stateDirectory)
        let report: HistoryReport
        do {
            report = try HistoryReport(
                store: store, projectID: target.projectID, milestoneID: target.milestoneID, since: instant
            )
        } catch let error as HistoryReport.UnknownTarget {
            print("\(error)")
            throw ExitCode(1)
        }
        if json {
            print(report.json)
        } else if report.entries.isEmpty {
            print("no changes to \(target) since \(since ?? "it was first recorded")")
        } else {
            for line in report.lines(names: location.personNames, in: zone) { print(line) }
        }
    }
}
