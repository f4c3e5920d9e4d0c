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
            and every reminder it held back.
            """
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "PROJECT or PROJECT/MILESTONE.") var target: String
    @Option(help: "Until the start of this date (YYYY-MM-DD) in the config's time zone.") var until: String?
    @Flag(help: "Until the milestone's due date changes.") var untilDueChange = false
    @Option(help: "Who asks for the snooze.") var by: String?
    @Option(help: "Why, for the log.") var note: String?

    func validate() throws {
        guard SnoozeTarget(parsing: target) != nil else {
            throw ValidationError("name PROJECT or PROJECT/MILESTONE, not '\(target)'")
        }
        switch (until, untilDueChange) {
        case (nil, false), (.some, true):
            throw ValidationError("give exactly one of --until DATE and --until-due-change")
        case (.some(let text), false) where CivilDate(iso: text) == nil:
            throw ValidationError("--until must be a date (YYYY-MM-DD), not '\(text)'")
        default:
            break
        }
    }

    func run() throws {
        let location = try StateAccess.location(at: options.path)
        let store = try HeraldStore(directory: location.stateDirectory)
        let length: SnoozeLength = until.flatMap(CivilDate.init(iso:)).map(SnoozeLength.untilDate) ?? .untilDueChange
        do {
            let snooze = try SnoozeDesk.snooze(
                SnoozeTarget(parsing: target)!, length: length, by: by, note: note, store: store,
                zone: location.timeZone, now: Date()
            )
            print("snoozed \(SnoozeReport.line(snooze, in: location.timeZone))")
        } catch let error as SnoozeError {
            print("\(error)")
            throw ExitCode(1)
        }
    }
}

/// `herald unsnooze PROJECT[/MILESTONE]`: lift a snooze.
struct UnsnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsnooze",
        abstract: "Lift the snooze on a milestone or a whole project; its reminders are due again at once."
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "PROJECT or PROJECT/MILESTONE.") var target: String

    func validate() throws {
        guard SnoozeTarget(parsing: target) != nil else {
            throw ValidationError("name PROJECT or PROJECT/MILESTONE, not '\(target)'")
        }
    }

    func run() throws {
        let location = try StateAccess.location(at: options.path)
        let store = try HeraldStore(directory: location.stateDirectory)
        do {
            let lifted = try SnoozeDesk.unsnooze(SnoozeTarget(parsing: target)!, store: store, now: Date())
            print(lifted ? "unsnoozed \(target)" : "\(target) is not snoozed")
        } catch let error as SnoozeError {
            print("\(error)")
            throw ExitCode(1)
        }
    }
}

/// `herald snoozes`: the snoozes in force.
struct SnoozesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snoozes", abstract: "List the snoozes in force."
    )

    @OptionGroup var options: ConfigOption
    @Flag(help: "JSON for scripts.") var json = false

    func run() throws {
        let location = try StateAccess.location(at: options.path)
        let store = try HeraldStore(directory: location.stateDirectory)
        let snoozes = try store.activeSnoozes(at: Date())
        if json {
            print(SnoozeReport.json(snoozes))
        } else {
            for snooze in snoozes { print(SnoozeReport.line(snooze, in: location.timeZone)) }
        }
    }
}
