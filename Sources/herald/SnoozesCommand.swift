import ArgumentParser
import Foundation
import HeraldApp
import HeraldStore

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
