import Foundation
import HeraldCore
import HeraldDelivery

/// Builds the sender of each configured channel.
enum ChannelSenders {
    /// One entry per channel key, each with its retry policy.
    static func make(
        for configuration: Configuration, curl: CurlEngine, consoleOutput: @escaping @Sendable (String) -> Void
    ) -> [String: SenderDirectory.Entry] {
        let readers = MessageReaders(
            people: configuration.people, audiences: configuration.audiences, projects: configuration.projects
        )
        return configuration.channels.mapValues { channel in
            let sender: any ChannelSender
            switch channel.kind {
            case .console:
                sender = ConsoleSender(zone: configuration.calendar.timeZone, output: consoleOutput)
            case .webhook(let url, let secrets):
                sender = HTTPSender(url: url, format: .webhook(secrets: secrets), curl: curl)
            case .slack(let url):
                sender = HTTPSender(url: url, format: .slack, curl: curl)
            case .teams(let url):
                sender = HTTPSender(url: url, format: .teams(readers: readers), curl: curl)
            case .discord(let url):
                sender = HTTPSender(url: url, format: .discord, curl: curl)
            case .mattermost(let url):
                sender = HTTPSender(url: url, format: .mattermost, curl: curl)
            case .googlechat(let url):
                sender = HTTPSender(url: url, format: .googlechat, curl: curl)
            case .email(let settings):
                sender = EmailSender(settings: settings, readers: readers, curl: curl)
            }
            return SenderDirectory.Entry(sender: sender, policy: channel.retry, rate: channel.effectiveRate)
        }
    }
}
