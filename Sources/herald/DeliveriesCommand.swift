import ArgumentParser
import Foundation
import HeraldApp
import HeraldCore
import HeraldStore

/// `herald deliveries`: inspect deliveries by state and channel.
struct DeliveriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries", abstract: "List deliveries (pending, retrying, delivered, dead, held)."
    )

    @OptionGroup var options: ConfigOption
    @Option(help: "Comma-separated states: pending,retrying,delivered,dead,held.") var state: String?
    @Option(help: "Only this channel.") var channel: String?
    @Option(help: "At most this many, newest first.") var limit = 100
    @Flag(help: "JSON for scripts.") var json = false

    func run() throws {
        let location = try StateAccess.location(at: options.path)
        var states: Set<DeliveryState>?
        if let state {
            states = []
            for name in state.split(separator: ",") {
                guard let parsed = DeliveryState(rawValue: String(name)) else {
                    throw ValidationError("unknown state '\(name)' (pending, retrying, delivered, dead, held)")
                }
                states?.insert(parsed)
            }
        }
        let store = try HeraldStore(directory: location.stateDirectory)
        let zone = location.timeZone
        let deliveries = try store.deliveries(states: states, channel: channel, limit: limit)
        if json {
            print(DeliveryReport.json(deliveries))
        } else {
            for delivery in deliveries { print(DeliveryReport.line(delivery, in: zone)) }
        }
    }
}
