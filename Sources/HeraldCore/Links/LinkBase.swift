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

/// A kind of signed link (acknowledgement, digest, milestone page): its ``LinkBase``, and which `server` setting
/// says how long it works. Each kind is made the same two ways.
public protocol SignedLinks: Sendable {
    /// The key, the public URL and the links' lifetime.
    var base: LinkBase { get }
    /// The `server` setting that says how long a link of this kind works (`ack_link_ttl`, …).
    static var lifetimeSetting: KeyPath<ServerSettings, Interval> { get }
    /// Links on `base`.
    init(base: LinkBase)
}

extension SignedLinks {
    /// Links under `publicURL` valid for `lifetime` (business time counted on `calendar`).
    public init(key: ServerKey, publicURL: String, lifetime: Interval, calendar: BusinessCalendar) {
        self.init(base: LinkBase(key: key, publicURL: publicURL, lifetime: lifetime, calendar: calendar))
    }

    /// The links `configuration` asks for: nil when it has no `server.public_url` (then messages carry none).
    public init?(configuration: Configuration, key: ServerKey) {
        let setting = Self.lifetimeSetting
        guard let base = LinkBase(configuration: configuration, key: key, lifetime: { $0[keyPath: setting] }) else {
            return nil
        }
        self.init(base: base)
    }
}
