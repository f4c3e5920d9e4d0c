extension Channel {
    /// Where a message on this channel reached its readers, as they would say it: `in #eng on Slack` (Slack, Discord
    /// and Mattermost show a channel with `#`), `in eng on Teams`, `in eng on Google Chat`, `by email`, `through the
    /// eng webhook`, `on the console`.
    public var place: String {
        switch kind {
        case .slack: "in #\(name) on Slack"
        case .discord: "in #\(name) on Discord"
        case .mattermost: "in #\(name) on Mattermost"
        case .teams: "in \(name) on Teams"
        case .googlechat: "in \(name) on Google Chat"
        case .email: "by email"
        case .webhook: "through the \(name) webhook"
        case .console: "on the console"
        }
    }
}
