import ArgumentParser
import Foundation
import HeraldApp
import HeraldStore

/// `herald channels`: each channel's state (enabled or disabled, why, how many messages are held).
struct ChannelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channels", abstract: "List channels with their state; enable a disabled one.",
        subcommands: [ChannelsListCommand.self, ChannelsEnableCommand.self], defaultSubcommand: ChannelsListCommand.self
    )
}

/// `herald channels [list]`.
struct ChannelsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List channels: enabled or disabled, the reason, and held messages."
    )

    @OptionGroup var options: ConfigOption
    @Flag(help: "JSON for scripts.") var json = false

    func run() throws {
        let configuration = try StateAccess.configuration(at: options.path)
        let store = try HeraldStore(directory: configuration.stateDirectory)
        let statuses = ChannelReport.statuses(
            configured: configuration.channels, stored: try store.channelStatuses(),
            pauses: try store.channelPauses(at: Date())
        )
        let types = configuration.channels.mapValues(\.kind.typeName)
        if json {
            print(ChannelReport.json(statuses, types: types))
        } else {
            for status in statuses {
                print(ChannelReport.line(status, type: types[status.channel], in: configuration.calendar.timeZone))
            }
        }
    }
}
