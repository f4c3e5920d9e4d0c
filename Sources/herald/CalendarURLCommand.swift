import ArgumentParser
import HeraldApp

/// `herald calendar-url [PROJECT]`: the address calendar apps subscribe to.
struct CalendarURLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar-url",
        abstract: "Print the address to subscribe to the milestones as a calendar.",
        discussion: """
            The address is server.public_url's /calendar.ics (or /projects/PROJECT/calendar.ics) with a key that \
            opens that feed only; it needs no API token. Anyone with the address can read the feed: share it like \
            a password. Deleting STATE_DIR/server.key revokes every such address (and every acknowledgement link) \
            at the next start.
            """
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "A project id: its feed only (default: every project).") var project: String?

    func run() throws {
        let configuration = try StateAccess.configuration(at: options.path)
        do {
            print(try CalendarSubscription.url(configuration: configuration, project: project))
        } catch {
            print("herald calendar-url: \(error)")
            throw ExitCode(1)
        }
    }
}
