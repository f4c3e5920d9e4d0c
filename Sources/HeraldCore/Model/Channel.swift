import Foundation

/// Where messages go: a chat webhook, a generic signed webhook, email, or the console.
public struct Channel: Hashable, Sendable {
    /// The config key (`eng`).
    public var name: String
    public var kind: Kind
    /// Most messages per period this channel accepts (`1/s`); nil for no pacing.
    public var rate: Rate?
    /// When to retry a failed attempt.
    public var retry: RetryPolicy
    /// Local hours in which nothing is sent here (`22:00-07:00`); messages wait until they end.
    public var quietHours: DailyWindow?
    /// The zone of `quietHours`; nil for the configuration's zone.
    public var timeZone: TimeZone?

    /// Creates a channel.
    public init(
        name: String, kind: Kind, rate: Rate? = nil, retry: RetryPolicy = .standard, quietHours: DailyWindow? = nil,
        timeZone: TimeZone? = nil
    ) {
        self.name = name
        self.kind = kind
        self.rate = rate
        self.retry = retry
        self.quietHours = quietHours
        self.timeZone = timeZone
    }

    /// The transport and format of a channel.
    public enum Kind: Hashable, Sendable {
        /// Generic JSON (README "The generic webhook") signed with Standard Webhooks; several keys during a
        /// rotation.
        case webhook(url: Secret, secrets: [WebhookKey])
        /// Slack incoming webhook (Block Kit with a text fallback).
        case slack(url: Secret)
        /// Microsoft Teams Workflows webhook (an Adaptive Card).
        case teams(url: Secret)
        /// Discord webhook (content with embeds).
        case discord(url: Secret)
        /// Mattermost incoming webhook (markdown text).
        case mattermost(url: Secret)
        /// Google Chat space webhook (text, threaded per milestone).
        case googlechat(url: Secret)
        /// Email over SMTP through libcurl (RFC 5322, text and HTML alternatives).
        case email(EmailSettings)
        /// The chat-style line on standard output.
        case console

        /// The config spelling of the type.
        public var typeName: String {
            switch self {
            case .webhook: return "webhook"
            case .slack: return "slack"
            case .teams: return "teams"
            case .discord: return "discord"
            case .mattermost: return "mattermost"
            case .googlechat: return "googlechat"
            case .email: return "email"
            case .console: return "console"
            }
        }
    }
}

/// A rate such as `1/s` or `5/2s`: at most `count` messages per `seconds`.
public struct Rate: Hashable, Sendable, CustomStringConvertible {
    public var count: Int
    public var seconds: Double

    /// Creates a rate.
    public init(count: Int, seconds: Double) {
        self.count = count
        self.seconds = seconds
    }

    /// Parses `N/s`, `N/m`, `N/h`, `N/Ks` (e.g. `5/2s`).
    public init?(parsing text: String) {
        let parts = text.replacingOccurrences(of: " ", with: "").split(separator: "/")
        guard parts.count == 2, let count = Int(parts[0]), count > 0 else { return nil }
        let unit = parts[1]
        let digits = unit.prefix { $0.isNumber }
        let multiple = digits.isEmpty ? 1 : Int(digits) ?? 0
        let perUnit: Double
        switch unit.dropFirst(digits.count) {
        case "s": perUnit = 1
        case "m": perUnit = 60
        case "h": perUnit = 3600
        default: return nil
        }
        guard multiple > 0 else { return nil }
        self.init(count: count, seconds: Double(multiple) * perUnit)
    }

    public var description: String {
        seconds == 1 ? "\(count)/s" : "\(count)/\(Int(seconds))s"
    }
}
