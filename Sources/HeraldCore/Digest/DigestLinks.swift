import Foundation

/// Makes the addresses where a whole digest can be read, under `server.public_url`:
/// `PUBLIC_URL/digests/NAME/TIME?token=TOKEN`, the token (``DigestToken``) naming the run and valid for
/// `server.digest_link_ttl` from the run.
public struct DigestLinks: SignedLinks {
    public let base: LinkBase
    public static var lifetimeSetting: KeyPath<ServerSettings, Interval> { \.digestLinkLifetime }

    public init(base: LinkBase) {
        self.base = base
    }

    /// `https://herald.example.com/digests/weekly-sponsor/2026-11-30T09:00:00Z?token=…`: the page of the run of
    /// digest `name` reported at `at`, its link decided at `now`.
    public func url(name: String, at: Date, now: Date) -> String {
        let segment = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? name
        let token = DigestToken(name: name, at: at, expires: base.expiry(from: now))
        return "\(base.publicURL)/digests/\(segment)/\(ISO8601.string(at))?token=\(token.signed(with: base.key))"
    }
}
