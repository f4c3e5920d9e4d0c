import Crypto
import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// The dashboard's session cookie `herald_session`: `ID.SIGNATURE`, where `ID` is 32 random bytes (base64url), new
/// for every login, and `SIGNATURE` the base64url HMAC-SHA256 of `herald-dashboard-session:ID` keyed with the API
/// token.
///
/// The store keeps the SHA-256 of each open session's id (never the id) with its expiry: logging out deletes it, so
/// a copied cookie stops working then; it also stops when it expires, and changing `api_token` ends every session at
/// once (the signatures no longer match). The browser never holds the token itself.
struct DashboardSession {
    /// The cookie's name.
    static let cookieName = "herald_session"
    /// How long a login lasts.
    static let lifetime = 12 * 3600

    /// The configured API token (never empty), the signing key.
    let token: String
    /// Where the open sessions are kept.
    let store: HeraldStore

    /// Opens a new session at `now` and returns the `Set-Cookie` that holds it until `now` plus ``lifetime``;
    /// `Secure` when the server is reached over https.
    func open(now: Date, secure: Bool) throws -> Cookie {
        var generator = SystemRandomNumberGenerator()
        let id = Base64URL.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try store.openDashboardSession(
            digest: Self.digest(of: id), at: now, expires: now.addingTimeInterval(TimeInterval(Self.lifetime))
        )
        return Cookie(
            name: Self.cookieName, value: "\(id).\(Base64URL.encode(Array(signature(id))))", maxAge: Self.lifetime,
            path: "/", secure: secure, httpOnly: true, sameSite: .strict
        )
    }

    /// Whether `value` is a cookie signed with this token whose session is open at `now`.
    func isOpen(_ value: String, now: Date) throws -> Bool {
        guard let id = signedID(value) else { return false }
        return try store.isDashboardSessionOpen(digest: Self.digest(of: id), at: now)
    }

    /// Ends the session of `value` (logout), when it is one signed with this token.
    func close(_ value: String) throws {
        guard let id = signedID(value) else { return }
        try store.closeDashboardSession(digest: Self.digest(of: id))
    }

    /// The `Set-Cookie` that logs out: empty and already expired.
    static func clearingCookie(secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The id of `value` when its signature (checked in constant time) is this token's.
    private func signedID(_ value: String) -> String? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let given = Base64URL.decode(parts[1]) else { return nil }
        let id = String(parts[0])
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: message(id), using: key) ? id : nil
    }

    private var key: SymmetricKey { SymmetricKey(data: Data(token.utf8)) }

    private func message(_ id: String) -> Data {
        Data("herald-dashboard-session:\(id)".utf8)
    }

    private func signature(_ id: String) -> HMAC<SHA256>.MAC {
        HMAC<SHA256>.authenticationCode(for: message(id), using: key)
    }

    /// What the store keeps of a session id.
    private static func digest(of id: String) -> String {
        Base64URL.encode(Array(SHA256.hash(data: Data(id.utf8))))
    }
}
