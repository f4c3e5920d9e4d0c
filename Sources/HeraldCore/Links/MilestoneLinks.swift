import Foundation

/// Makes the addresses of milestone pages under `server.public_url`: `PUBLIC_URL/milestones/PROJECT/MILESTONE?token=T`,
/// the token (``MilestoneToken``) naming the milestone and valid for `server.milestone_link_ttl` from the message.
///
/// The same key, milestone and time always give the same link, so messages stay deterministic.
public struct MilestoneLinks: SignedLinks {
    public let base: LinkBase
    public static var lifetimeSetting: KeyPath<ServerSettings, Interval> { \.milestoneLinkLifetime }

    public init(base: LinkBase) {
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
