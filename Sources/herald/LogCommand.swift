import ArgumentParser
import Foundation
import HeraldApp
import HeraldConfig
import HeraldDelivery
import HeraldStore

/// `herald log`: the communication flow, who was told what, when, where, and whether it arrived; with the messages
/// that were suppressed, and why, the milestones' changes, the snoozes and the acknowledgements.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Show the communication flow, chat-style."
    )

    @OptionGroup var options: ConfigOption
    @Option(help: "Only this project.") var project: String?
    @Option(help: "Only this milestone.") var milestone: String?
    @Option(help: "Only this channel.") var channel: String?
    @Option(help: "Since a look-back (7d, 24h), a date or an RFC 3339 date-time.") var since: String?
    @Option(help: "Only events in this state: \(LogState.allCases.map(\.rawValue).joined(separator: ", ")).")
    var state: String?
    @Option(help: """
        Only events about this person (a key under people): messages to them, changes of milestones they own or \
        made, their snoozes, acknowledgements and commands.
        """)
    var person: String?
    @Flag(help: "Keep printing new messages and state changes.") var follow = false
    @Flag(help: "JSON for scripts.") var json = false
    @Flag(help: "CSV (RFC 4180) for a spreadsheet, times in the config's time zone.") var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be used together") }
    }

    func run() async throws {
        let location = try StateAccess.location(at: options.path)
        let zone = location.timeZone
        let names = location.personNames
        var filter = LogFilter(projectID: project, milestoneID: milestone, channel: channel, person: person)
        if let person, names[person] == nil {
            print("no person '\(person)' in the config's people")
            throw ExitCode(1)
        }
        if let state {
            guard let logState = LogState(rawValue: state) else {
                let known = LogState.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--state must be one of \(known), not '\(state)'")
            }
            filter.state = logState
        }
        if let since {
            guard let instant = SinceParser.instant(since, now: Date(), zone: zone) else {
                throw ValidationError("--since must be like 7d, 24h, 2026-11-30 or 2026-11-30T09:00:00Z")
            }
            filter.since = instant
        }
        let store = try HeraldStore(directory: location.stateDirectory)
        let events = try store.timeline(filter)
        if json {
            print(LogReport.json(events, names: names))
            return
        }
        if csv {
            print(LogReport.csv(events, names: names, in: zone), terminator: "")
            return
        }
        var shown: [String: String] = [:]
        for event in events {
            let line = LogReport.line(event, names: names, in: zone)
            shown[event.key] = line
            StandardOutput.writeLine(line)
        }
        guard follow else { return }
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(1))
            for event in try store.timeline(filter) {
                let line = LogReport.line(event, names: names, in: zone)
                if shown[event.key] != line {
                    shown[event.key] = line
                    StandardOutput.writeLine(line)
                }
            }
        }
    }
}
