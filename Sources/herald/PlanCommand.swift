import ArgumentParser
import Foundation
import HeraldApp
import HeraldDelivery
import Logging

/// `herald plan`: a dry run listing every message the rules would send in a window; sends nothing.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Dry run: every message the rules would send in a window, when, to whom, through which channel.",
        discussion: """
            Runs the daemon's own rules over a copy of the store with a simulated clock: nothing is sent and the \
            store is not written. Warns about recipients that cannot be reached, escalations too long for the time \
            left before the due date, and disabled channels. With --by person, prints instead how many messages each \
            person would receive, per channel, and their busiest day; a bundle counts as one message.
            """
    )

    @OptionGroup var options: ConfigOption
    @Option(help: "Start: a date (its midnight in the config's zone) or an RFC 3339 date-time (default: now).")
    var from: String?
    @Option(help: "How far ahead: 30d, 2w, 12h, 5 business_days.") var horizon = "30d"
    @Option(help: "person: each person's volume over the window instead of the messages.") var by: Grouping?
    @Flag(help: "JSON for scripts.") var json = false

    /// What `--by` groups the plan by.
    enum Grouping: String, ExpressibleByArgument {
        case person
    }

    func run() async throws {
        CurlEngine.initializeLibcurl()
        let configuration = try StateAccess.configuration(at: options.path)
        let window: PlanWindow
        do {
            window = try PlanWindow(from: from, horizon: horizon, now: Date(), calendar: configuration.calendar)
        } catch {
            throw ValidationError(error.description)
        }
        let logger = Logger(label: "herald") { _ in SwiftLogNoOpLogHandler() }
        let plan = try await PlanSimulator.run(configuration: configuration, window: window, logger: logger)
        let zone = configuration.calendar.timeZone
        switch (by, json) {
        case (.person, true): print(PlanReport.peopleJSON(plan, names: configuration.people, in: zone))
        case (.person, false): print(PlanReport.people(plan, names: configuration.people, in: zone))
        case (nil, true): print(PlanReport.json(plan))
        case (nil, false): print(PlanReport.text(plan, in: zone))
        }
    }
}
