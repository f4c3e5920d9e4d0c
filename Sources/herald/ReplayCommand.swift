import ArgumentParser
import Foundation
import HeraldApp
import HeraldStore

/// `herald replay`: sends messages again as new deliveries (same message ids, so receivers can deduplicate).
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Send deliveries again as new deliveries of the same messages.",
        discussion: """
            With delivery ids (42 or #42, see `herald deliveries`) or message ids (msg_…, the webhook-id a receiver \
            logs: its latest delivery), replays those deliveries whatever became of them (dead, or delivered and \
            lost by the receiver), unless their message already waits to go to that channel; with --since and/or --channel, \
            replays the dead deliveries that match and were not replayed yet. Each replay is a new delivery (a new \
            attempt chain) of the same message, so the receiver sees the same webhook-id; the log names who asked. \
            Exit 1 when an id is unknown or already waiting.
            """
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "Delivery ids (see `herald deliveries`) or message ids (msg_…).")
    var ids: [ReplayTarget] = []
    @Option(help: "Dead deliveries created since a look-back (7d, 24h), a date or an RFC 3339 date-time.")
    var since: String?
    @Option(help: "Dead deliveries of this channel.") var channel: String?
    @Option(help: "Who asks for the replay, for the log (default: $USER).") var by: String?

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
        let name = by ?? ProcessInfo.processInfo.environment["USER"]
        guard ids.isEmpty else {
            let replayed = try ids.map { try replay($0, by: name, store: store) }
            if replayed.contains(false) { throw ExitCode(1) }
            return
        }
        var instant: Date?
        if let since {
            guard let parsed = SinceParser.instant(since, now: Date(), zone: location.timeZone) else {
                throw ValidationError("--since must be like 7d, 24h, 2026-11-30 or 2026-11-30T09:00:00Z")
            }
            instant = parsed
        }
        let created = try store.replay(since: instant, channel: channel, by: name, now: Date())
        print("\(created.count) deliver\(created.count == 1 ? "y" : "ies") queued"
            + (created.isEmpty ? "" : ": " + created.map { "#\($0)" }.joined(separator: " ")))
    }

    /// Replays `target` and prints what came of it; false when it is unknown or already waiting.
    private func replay(_ target: ReplayTarget, by name: String?, store: HeraldStore) throws -> Bool {
        let id = target.description
        do {
            let outcome = switch target {
            case .delivery(let delivery): try store.replay(deliveryID: delivery, by: name, now: Date())
            case .message(let message): try store.replay(messageID: message, by: name, now: Date())
            }
            switch outcome {
            case .queued(let replay):
                print("\(id): queued as #\(replay.id) (\(replay.state.rawValue))")
                return true
            case .alreadyWaiting(let waiting):
                print("\(id): its message already waits in #\(waiting.id) (\(waiting.state.rawValue))")
                return false
            }
        } catch let error as HeraldStoreError {
            print("\(id): \(error)")
            return false
        }
    }
}

/// What `herald replay` names: a delivery (`42`, `#42`) or a message (`msg_…`, the `webhook-id` receivers see).
enum ReplayTarget: ExpressibleByArgument, CustomStringConvertible {
    case delivery(Int64)
    case message(String)

    init?(argument: String) {
        if argument.hasPrefix("msg_"), argument.count > 4 {
            self = .message(argument)
        } else if let id = Int64(argument.hasPrefix("#") ? String(argument.dropFirst()) : argument), id > 0 {
            self = .delivery(id)
        } else {
            return nil
        }
    }

    /// `#42` or `msg_…`, as the output names it.
    var description: String {
        switch self {
        case .delivery(let id): "#\(id)"
        case .message(let id): id
        }
    }
}
