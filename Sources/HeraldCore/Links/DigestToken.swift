import Foundation

/// The signed content of a digest's "Full digest" link: which digest, which run, and until when the link works.
///
/// Written as a ``SignedToken`` whose payload has `dig` (the digest's name), `at` (the run's report time) and `exp`,
/// both in Unix seconds. Without it (or a dashboard session) the digest page is a 404.
public struct DigestToken: Hashable, Sendable {
    /// The digest's name.
    public var name: String
    /// The report time of the run, in whole seconds.
    public var at: Date
    /// When the link stops working, in whole seconds.
    public var expires: Date

    /// Creates a token; the times are cut to whole seconds.
    public init(name: String, at: Date, expires: Date) {
        self.name = name
        self.at = Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))
        self.expires = Date(timeIntervalSince1970: expires.timeIntervalSince1970.rounded(.down))
    }

    /// The token text, signed with `key`.
    public func signed(with key: ServerKey) -> String {
        SignedToken.sign(
            Payload(dig: name, at: Int64(at.timeIntervalSince1970), exp: Int64(expires.timeIntervalSince1970)),
            with: key
        )
    }

    /// Checks `text` against `key` at `now`, as ``AckToken/verify(_:key:now:)`` does.
    public static func verify(_ text: String, key: ServerKey, now: Date) -> LinkVerdict<DigestToken> {
        guard let decoded = SignedToken.payload(of: text, as: Payload.self, key: key) else { return .invalid }
        let token = DigestToken(
            name: decoded.dig, at: Date(timeIntervalSince1970: Double(decoded.at)),
            expires: Date(timeIntervalSince1970: Double(decoded.exp))
        )
        return LinkVerdict(token, expires: token.expires, now: now)
    }

    private struct Payload: Codable {
        var dig: String
        var at: Int64
        var exp: Int64
    }
}
