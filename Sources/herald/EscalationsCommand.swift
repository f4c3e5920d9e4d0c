import ArgumentParser
import HeraldApp
import HeraldStore

/// `herald escalations [--all] [--json]`: open escalations (or every one) with level and acknowledgement.
struct EscalationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalations",
        abstract: "List open escalations (with --all, closed ones too), newest first."
    )

    @OptionGroup var options: ConfigOption
    @Flag(help: "Include acknowledged and resolved escalations.") var all = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let location = try StateAccess.location(at: options.path)
        let store = try HeraldStore(directory: location.stateDirectory)
        let records = try store.escalations(states: all ? nil : [.open])
        if json {
            print(EscalationReport.json(records))
        } else if records.isEmpty {
            print(all ? "no escalations" : "no open escalations")
        } else {
            for record in records { print(EscalationReport.line(record, in: location.timeZone)) }
        }
    }
}
