import ArgumentParser
import Foundation
import HeraldApp
import HeraldCore
import HeraldStore

/// `herald snooze PROJECT[/MILESTONE] (--until DATE | --until-due-change)`: hold back reminders and escalations.
struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Hold back a milestone's (or a whole project's) reminders and escalations.",
        discussion: """
            Until the start of a date in the config's time zone, or until the milestone's due date changes. \
            Announcements of changes still go out. Works whether or not the daemon runs; the log shows the snooze \
            and the reminders it held back.
            """
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "PROJECT or PROJECT/MILESTONE.") var target: SnoozeTarget
    @Option(help: "Until the start of this date (YYYY-MM-DD) in the config's time zone.") var until: CivilDate?
    @Flag(help: "Until the milestone's due date changes.") var untilDueChange = false
    @Option(help: "Who asks for the snooze.") var by: String?
    @Option(help: "Why, for the log.") var note: String?

    func validate() throws {
        if (until == nil) != untilDueChange {
            throw ValidationError("give exactly one of --until DATE and --until-due-change")
        }
    }

    func run() throws {
        let location = try StateAccess.location(at: options.path)
        let store = try HeraldStore(directory: location.stateDirectory)
        do {
            let snooze = try SnoozeDesk.snooze(
                target, length: until.map(SnoozeLength.untilDate) ?? .untilDueChange, by: by, note: note,
                store: store, zone: location.timeZone, now: Date()
            )
            print("snoozed \(SnoozeReport.line(snooze, in: location.timeZone))")
        } catch let error as SnoozeError {
            print("\(error)")
            throw ExitCode(1)
        }
    }
}
