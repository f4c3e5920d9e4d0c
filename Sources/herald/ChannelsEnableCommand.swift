import ArgumentParser
import Foundation
import HeraldStore

/// `herald channels enable NAME`: re-enables a disabled channel and releases its held messages.
struct ChannelsEnableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "Enable a disabled channel; its held messages go out again (same message ids).",
        discussion: "Works whether or not the daemon runs: a running daemon picks them up on its next round."
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "The channel name.") var name: String

    func run() throws {
        let location = try StateAccess.location(at: options.path)
        let store = try HeraldStore(directory: location.stateDirectory)
        let wasDisabled = try store.channelStatuses().contains { $0.channel == name && $0.isDisabled }
        let released = try store.enable(channel: name, now: Date())
        if !wasDisabled, released == 0 {
            print("channel '\(name)' is not disabled")
            return
        }
        print("channel '\(name)' enabled; \(released) held message\(released == 1 ? "" : "s") released")
    }
}
