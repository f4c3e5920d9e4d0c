import ArgumentParser
import Foundation
import HeraldApp
import HeraldStore

/// `herald ack ESCALATION [--by NAME] [--note TEXT]`: stops an escalation's ladder.
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge an escalation: no further levels are notified.",
        discussion: """
            Works whether or not the daemon runs. Everyone the escalation already notified gets one 'resolved' \
            message from the daemon's next evaluation. Exit 1 for an unknown id.
            """
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "The escalation id (esc_…), as its messages and `herald escalations` show it.") var id: String
    @Option(help: "Who takes it (default: $USER).") var by: String?
    @Option(help: "A note for the people notified.") var note: String?

    func run() throws {
        let location = try StateAccess.location(at: options.path)
        let store = try HeraldStore(directory: location.stateDirectory)
        let name = by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        let outcome: HeraldStore.AcknowledgeOutcome
        do {
            outcome = try store.acknowledge(escalationID: id, by: name, note: note, at: Date())
        } catch let error as HeraldStoreError {
            print("herald ack: \(error)")
            throw ExitCode(1)
        }
        print(EscalationReport.acknowledgement(outcome, in: location.timeZone))
    }
}
