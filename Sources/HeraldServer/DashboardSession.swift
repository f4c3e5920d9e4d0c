import Crypto
import Foundation
import Hummingbird

/// The dashboard's session cookie `herald_session`: `EXPIRY.SIGNATURE`, where `EXPIRY` is Unix seconds and
/// `SIGNATURE` the base64url HMAC-SHA256 of `herald-dashboard-session:EXPIRY` keyed with the API token.
///
/// The browser never holds the token itself, a stolen cookie stops working when it expires, and changing
/// `api_token` ends every session at once; nothing is stored on the server.
struct DashboardSession {
    /// The cookie's name.
    static let cookieName = "herald_session"
    /// How long a login lasts.
    static let lifetime = 12 * 3600

    /// The configured API token, the signing key.
    let token: String

    /// The cookie value valid until `expiry`.
    func value(expiring expiry: Date) -> String {
        let seconds = Int(expiry.timeIntervalSince1970)
        return "\(seconds).\(Self.base64URL(Data(signature(seconds))))"
    }

    /// Whether `value` was signed with this token and has not expired at `now`.
    func isValid(_ value: String, now: Date) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let seconds = Int(parts[0]), seconds > Int(now.timeIntervalSince1970),
              let given = Self.data(base64URL: String(parts[1]))
        else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: message(seconds), using: key)
    }

    /// The `Set-Cookie` that logs in until `now` plus ``lifetime``; `Secure` when the server is reached over https.
    func cookie(now: Date, secure: Bool) -> Cookie {
        Cookie(
            name: Self.cookieName, value: value(expiring: now.addingTimeInterval(TimeInterval(Self.lifetime))),
            maxAge: Self.lifetime, path: "/", secure: secure, httpOnly: true, sameSite: .strict
        )
    }

    /// The `Set-Cookie` that logs out: empty and already expired.
    static func clearingCookie(secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    private var key: SymmetricKey { SymmetricKey(data: Data(token.utf8)) }

    private func message(_ seconds: Int) -> Data {
        Data("herald-dashboard-session:\(seconds)".utf8)
    }

    private func signature(_ seconds: Int) -> HMAC<SHA256>.MAC {
        HMAC<SHA256>.authenticationCode(for: message(seconds), using: key)
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func data(base64URL text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
