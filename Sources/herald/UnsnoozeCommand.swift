import ArgumentParser
import Foundation
import HeraldApp
import HeraldStore

/// `herald unsnooze PROJECT[/MILESTONE]`: lift a snooze.
struct UnsnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsnooze",
        abstract: "Lift the snooze on a milestone or a whole project; its reminders are due again at once."
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "PROJECT or PROJECT/MILESTONE.") var target: SnoozeTarget

    func run() throws {
        let location = try StateAccess.location(at: options.path)
        let store = try HeraldStore(directory: location.stateDirectory)
        do {
            let lifted = try SnoozeDesk.unsnooze(target, store: store, now: Date())
            print(lifted ? "unsnoozed \(target)" : "\(target) is not snoozed")
        } catch let error as SnoozeError {
            print("\(error)")
            throw ExitCode(1)
        }
    }
}
