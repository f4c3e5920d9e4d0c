import ArgumentParser
import Foundation
import HeraldApp
import HeraldCore

/// `herald digest preview NAME [--at T]`: what the digest would say, built from the state as it stands.
struct DigestPreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Print what a digest would say; sends nothing and writes nothing.",
        discussion: """
            Builds the digest from the milestones, their history, the escalations and the last digest sent in the \
            state directory, with the project files as they are now, whether or not the daemon runs; the state is \
            not written. Prints its plain text, or with --json its structure as the generic webhook's data.digest.
            """
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "The digest's name (`name:` under `digests:`).") var name: String
    @Option(help: "The time it describes: a date or an RFC 3339 date-time (default: its next scheduled run).")
    var at: String?
    @Flag(help: "Print the structured report as JSON.") var json = false

    func run() throws {
        let configuration = try StateAccess.configuration(at: options.path)
        guard let definition = configuration.digests.first(where: { $0.name == name }) else {
            let known = configuration.digests.map(\.name)
            throw ValidationError(
                "no digest named '\(name)'" + (known.isEmpty ? "" : "; digests: \(known.joined(separator: ", "))")
            )
        }
        let now = Date()
        var time = DigestPreview.nextRun(of: definition, configuration: configuration, after: now)
        if let at {
            guard let parsed = InstantArgument.instant(at, calendar: configuration.calendar) else {
                throw ValidationError(
                    "--at: '\(at)' is not a date (2026-11-30) or an RFC 3339 date-time (2026-11-30T09:00:00Z, "
                        + "2026-11-30T09:00)"
                )
            }
            time = parsed
        }
        let report = try DigestPreview.report(for: definition, configuration: configuration, at: time, now: now)
        if json {
            print(String(decoding: WebhookPayload.digestJSON(report), as: UTF8.self))
        } else {
            print(MessageText.digest(report, timeZone: definition.timeZone ?? configuration.calendar.timeZone))
        }
    }
}
