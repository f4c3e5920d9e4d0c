import Foundation

/// Makes the addresses where a whole digest can be read, under `server.public_url`:
/// `PUBLIC_URL/digests/NAME/TIME?token=TOKEN`, the token (``DigestToken``) naming the run and valid for
/// `server.digest_link_ttl` from the run.
public struct DigestLinks: Sendable {
    /// The key the tokens are signed with.
    public let key: ServerKey
    /// `server.public_url`, without a trailing slash.
    public let publicURL: String
    /// How long a link works after its run.
    public let lifetime: Interval
    let calendar: BusinessCalendar

    /// Links under `publicURL` valid for `lifetime` (business time counted on `calendar`).
    public init(key: ServerKey, publicURL: String, lifetime: Interval, calendar: BusinessCalendar) {
        self.key = key
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.lifetime = lifetime
        self.calendar = calendar
    }

    /// The links `configuration` asks for: nil when it has no `server.public_url` (then digests carry none).
    public init?(configuration: Configuration, key: ServerKey) {
        guard let server = configuration.server, let publicURL = server.publicURL else { return nil }
        self.init(
            key: key, publicURL: publicURL, lifetime: server.digestLinkLifetime, calendar: configuration.calendar
        )
    }

    /// `https://herald.example.com/digests/weekly-sponsor/2026-11-30T09:00:00Z?token=…`: the page of the run of
    /// digest `name` reported at `at`, its link decided at `now`.
    public func url(name: String, at: Date, now: Date) -> String {
        let segment = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? name
        let token = DigestToken(name: name, at: at, expires: calendar.adding(lifetime, to: now))
        return "\(publicURL)/digests/\(segment)/\(ISO8601.string(at))?token=\(token.signed(with: key))"
    }
}
