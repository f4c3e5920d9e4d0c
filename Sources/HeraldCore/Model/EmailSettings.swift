/// How an `email` channel reaches its SMTP server and whom it writes to.
public struct EmailSettings: Hashable, Sendable {
    /// How the SMTP connection is protected.
    public enum Security: String, Hashable, Sendable {
        /// `smtp://`: the session must upgrade with STARTTLS (`CURLUSESSL_ALL`), or the attempt fails.
        case startTLS
        /// `smtps://`: TLS from the first byte.
        case implicitTLS
        /// `smtp://` with `starttls: false`: plain text, accepted only for loopback hosts (tests, local relays).
        case plaintext
    }

    /// The server URL (`smtp://host:587` or `smtps://host`), without credentials.
    public var server: String
    /// STARTTLS, implicit TLS, or loopback-only plain text.
    public var security: Security
    /// The envelope and `From:` address.
    public var from: String
    /// Fixed recipients; when empty, the message's recipients are written to at their `email` from `people`.
    public var to: [String]
    /// The SMTP login, when the server wants one.
    public var username: Secret?
    /// The SMTP password (`password` or `password_file`); never printed.
    public var password: Secret?
    /// Skips TLS certificate verification; the config accepts it only for loopback hosts.
    public var insecureSkipVerify: Bool

    /// Creates settings.
    public init(
        server: String, security: Security, from: String, to: [String] = [], username: Secret? = nil,
        password: Secret? = nil, insecureSkipVerify: Bool = false
    ) {
        self.server = server
        self.security = security
        self.from = from
        self.to = to
        self.username = username
        self.password = password
        self.insecureSkipVerify = insecureSkipVerify
    }
}
