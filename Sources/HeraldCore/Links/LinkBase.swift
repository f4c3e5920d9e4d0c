import Foundation

/// What every signed link Herald puts in a message shares: the key its token is signed with, `server.public_url`
/// without a trailing slash, and how long the link works after it was made (business time counted on the calendar).
public struct LinkBase: Sendable {
    /// The key the tokens are signed with.
    public let key: ServerKey
    /// `server.public_url`, without a trailing slash.
    public let publicURL: String
    /// How long a link works after it was made.
    public let lifetime: Interval
    let calendar: BusinessCalendar

    /// Links under `publicURL` valid for `lifetime` (business time counted on `calendar`).
    public init(key: ServerKey, publicURL: String, lifetime: Interval, calendar: BusinessCalendar) {
        self.key = key
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.lifetime = lifetime
        self.calendar = calendar
    }

    /// The base `configuration` gives, its lifetime read by `lifetime`; nil without a `server.public_url`.
    init?(configuration: Configuration, key: ServerKey, lifetime: (ServerSettings) -> Interval) {
        guard let server = configuration.server, let publicURL = server.publicURL else { return nil }
        self.init(key: key, publicURL: publicURL, lifetime: lifetime(server), calendar: configuration.calendar)
    }

    /// When a link made at `now` stops working.
    func expiry(from now: Date) -> Date {
        calendar.adding(lifetime, to: now)
    }
}
