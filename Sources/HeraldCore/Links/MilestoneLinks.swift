import Foundation

/// Makes the addresses of milestone pages under `server.public_url`: `PUBLIC_URL/milestones/PROJECT/MILESTONE?token=T`,
/// the token (``MilestoneToken``) naming the milestone and valid for `server.milestone_link_ttl` from the message.
///
/// The same key, milestone and time always give the same link, so messages stay deterministic.
public struct MilestoneLinks: Sendable {
    /// The key, the public URL and the links' lifetime.
    public let base: LinkBase

    /// Links under `publicURL` valid for `lifetime` (business time counted on `calendar`).
    public init(key: ServerKey, publicURL: String, lifetime: Interval, calendar: BusinessCalendar) {
        base = LinkBase(key: key, publicURL: publicURL, lifetime: lifetime, calendar: calendar)
    }

    /// The links `configuration` asks for: nil when it has no `server.public_url` (then messages carry none).
    public init?(configuration: Configuration, key: ServerKey) {
        guard let base = LinkBase(configuration: configuration, key: key, lifetime: \.milestoneLinkLifetime) else {
            return nil
        }
        self.base = base
    }

    /// `https://herald.example.com/milestones/apollo/design-signoff?token=…`: the page of `key`, its link made at
    /// `now`.
    public func url(_ key: MilestoneKey, now: Date) -> String {
        let segment = { (id: String) in
            id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? id
        }
        let token = MilestoneToken(key: key, expires: base.expiry(from: now))
        return "\(base.publicURL)/milestones/\(segment(key.projectID))/\(segment(key.milestoneID))"
            + "?token=\(token.signed(with: base.key))"
    }
}
