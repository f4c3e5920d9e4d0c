import Foundation

/// The signed content of a message's "Milestone page" link: which milestone, and until when the link works.
///
/// Written as a ``SignedToken`` whose payload has `pr` (the project id), `ms` (the milestone id) and `exp` in Unix
/// seconds. Without it (or a dashboard session) the milestone page is a 404.
public struct MilestoneToken: Hashable, Sendable {
    /// The milestone the link opens.
    public var key: MilestoneKey
    /// When the link stops working, in whole seconds.
    public var expires: Date

    /// Creates a token; `expires` is cut to whole seconds.
    public init(key: MilestoneKey, expires: Date) {
        self.key = key
        self.expires = Date(timeIntervalSince1970: expires.timeIntervalSince1970.rounded(.down))
    }

    /// The token text, signed with `key`.
    public func signed(with key: ServerKey) -> String {
        SignedToken.sign(
            Payload(pr: self.key.projectID, ms: self.key.milestoneID, exp: Int64(expires.timeIntervalSince1970)),
            with: key
        )
    }

    /// Checks `text` against `key` at `now`, as ``AckToken/verify(_:key:now:)`` does.
    public static func verify(_ text: String, key: ServerKey, now: Date) -> LinkVerdict<MilestoneToken> {
        guard let decoded = SignedToken.payload(of: text, as: Payload.self, key: key) else { return .invalid }
        let token = MilestoneToken(
            key: MilestoneKey(projectID: decoded.pr, milestoneID: decoded.ms),
            expires: Date(timeIntervalSince1970: Double(decoded.exp))
        )
        return LinkVerdict(token, expires: token.expires, now: now)
    }

    private struct Payload: Codable {
        var pr: String
        var ms: String
        var exp: Int64
    }
}
