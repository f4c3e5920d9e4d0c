import ArgumentParser

/// `herald`: the command line. Each subcommand parses its options and calls into HeraldApp.
@main
struct Herald: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "Project milestone reminders, escalations and digests, delivered to chat and email.",
        subcommands: [
            ServeCommand.self, CheckCommand.self, PlanCommand.self, LogCommand.self, DeliveriesCommand.self,
            ChannelsCommand.self, ReplayCommand.self, SendTestCommand.self, AckCommand.self, EscalationsCommand.self,
            SnoozeCommand.self, UnsnoozeCommand.self, SnoozesCommand.self, DigestCommand.self, CalendarURLCommand.self,
            HistoryCommand.self,
        ]
    )
}
