/// A value that must never be printed: webhook URLs (their path is the token), signing keys, passwords.
///
/// `description` is redacted, so string interpolation in logs and errors is safe by default. A secret is never
/// empty: there is no way to make one from an empty string, so nothing ever compares against, or signs with, an
/// empty value.
public struct Secret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    ExpressibleByStringLiteral {
    /// The secret itself, never empty; read it only where it is used on the wire.
    public let value: String

    /// Wraps `value`; nil when it is empty.
    public init?(_ value: String) {
        guard !value.isEmpty else { return nil }
        self.value = value
    }

    /// A secret written in code (tests, fixtures); an empty literal is a programming error.
    public init(stringLiteral value: String) {
        precondition(!value.isEmpty, "a Secret is never empty")
        self.value = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }

    /// For a URL secret, the scheme and host only (`https://hooks.slack.com/…`), safe to log.
    public var redactedURL: String {
        guard let schemeEnd = value.range(of: "://") else { return "<redacted>" }
        let rest = value[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" }
        let hostOnly = host.split(separator: "@").last.map(String.init) ?? String(host)
        return "\(value[..<schemeEnd.upperBound])\(hostOnly)/…"
    }
}
