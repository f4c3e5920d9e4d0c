import ArgumentParser
import Foundation
import HeraldApp
import HeraldStore

/// `herald replay`: sends messages again as new deliveries (same message ids, so receivers can deduplicate).
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Send dead deliveries again as new deliveries of the same messages.",
        discussion: """
            With delivery ids, replays those deliveries whatever their state; with --since and/or --channel, \
            replays the dead deliveries that match. Each replay is a new delivery (a new attempt chain) of the same \
            message, so the receiver sees the same webhook-id.
            """
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "Delivery ids (see `herald deliveries`).") var ids: [Int64] = []
    @Option(help: "Dead deliveries created since a look-back (7d, 24h), a date or an RFC 3339 date-time.")
    var since: String?
    @Option(help: "Dead deliveries of this channel.") var channel: String?

    func validate() throws {
        if ids.isEmpty, since == nil, channel == nil {
            throw ValidationError("name delivery ids, or --since and/or --channel")
        }
        if !ids.isEmpty, since != nil || channel != nil {
            throw ValidationError("give delivery ids or filters, not both")
        }
    }

    func run() throws {
        let location = try StateAccess.location(at: options.path)
        let store = try HeraldStore(directory: location.stateDirectory)
        let created: [Int64]
        if ids.isEmpty {
            var instant: Date?
            if let since {
                guard let parsed = SinceParser.instant(since, now: Date(), zone: location.timeZone) else {
                    throw ValidationError("--since must be like 7d, 24h, 2026-11-30 or 2026-11-30T09:00:00Z")
                }
                instant = parsed
            }
            created = try store.replay(since: instant, channel: channel)
        } else {
            do {
                created = try store.replay(deliveryIDs: ids)
            } catch let error as HeraldStoreError {
                print("\(error)")
                throw ExitCode(1)
            }
        }
        print("\(created.count) deliver\(created.count == 1 ? "y" : "ies") queued"
            + (created.isEmpty ? "" : ": " + created.map { "#\($0)" }.joined(separator: " ")))
    }
}
