import Foundation

/// What a calendar feed covers: every live project, or one.
public enum CalendarScope: Hashable, Sendable {
    /// Every live project: `/calendar.ics`.
    case all
    /// The project with this id: `/projects/{p}/calendar.ics`.
    case project(String)

    /// `/calendar.ics` or `/projects/{p}/calendar.ics` (the id percent-encoded).
    public var path: String {
        switch self {
        case .all:
            return "/calendar.ics"
        case .project(let id):
            let segment = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? id
            return "/projects/\(segment)/calendar.ics"
        }
    }

    /// What the key signs: a tag that tells the two scopes apart whatever a project is called.
    var signed: [UInt8] {
        switch self {
        case .all: Array("herald-calendar\nall".utf8)
        case .project(let id): Array("herald-calendar\nproject\n\(id)".utf8)
        }
    }
}

/// Subscription keys for calendar feeds: calendar apps cannot send a bearer token, so a feed's URL carries
/// `?key=K`, K being base64url(HMAC-SHA256(server key, scope)). A key opens exactly one scope and never expires;
/// a new server key revokes every one.
public enum CalendarLink {
    /// The key for `scope`.
    public static func key(for scope: CalendarScope, with serverKey: ServerKey) -> String {
        Base64URL.encode(serverKey.authenticationCode(for: scope.signed))
    }

    /// Whether `given` is the key for `scope` (compared in constant time).
    public static func isValid(_ given: String, for scope: CalendarScope, with serverKey: ServerKey) -> Bool {
        guard let code = Base64URL.decode(given) else { return false }
        return serverKey.isValid(code, for: scope.signed)
    }

    /// `PUBLIC_URL/calendar.ics?key=K` (or the project's feed): the address to subscribe to.
    public static func url(publicURL: String, scope: CalendarScope, with serverKey: ServerKey) -> String {
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        return "\(base)\(scope.path)?key=\(key(for: scope, with: serverKey))"
    }
}
