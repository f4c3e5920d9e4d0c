import HeraldCore

/// One message to submit over SMTP through the ``CurlEngine``: server, envelope, the RFC 5322 bytes, and
/// credentials. The engine sends it as an upload (`CURLOPT_UPLOAD`) restricted to the `smtp` and `smtps`
/// protocols; the password is handed to libcurl only and never appears in results or logs.
public struct SMTPRequest: Sendable {
    /// `smtp://host:port` or `smtps://host:port`.
    public var url: String
    /// STARTTLS required, implicit TLS, or plain text (loopback only, checked by the config).
    public var security: EmailSettings.Security
    /// The envelope sender (`MAIL FROM`).
    public var from: String
    /// The envelope recipients (`RCPT TO`), at least one.
    public var recipients: [String]
    /// The whole message, headers and body, with CRLF line endings.
    public var message: [UInt8]
    /// The SMTP login (`CURLOPT_USERNAME`), if any.
    public var username: Secret?
    /// The SMTP password (`CURLOPT_PASSWORD`), if any; handed to libcurl only.
    public var password: Secret?
    /// False skips TLS certificate and host name verification (loopback relays with self-signed certificates).
    public var verifiesPeer: Bool
    /// Time allowed to establish the connection.
    public var connectTimeout: Duration
    /// Time allowed for the whole session, queueing included.
    public var totalTimeout: Duration

    /// Creates a request. Defaults: certificates verified, 10 s to connect, 60 s in total.
    public init(
        url: String, security: EmailSettings.Security, from: String, recipients: [String], message: [UInt8],
        username: Secret? = nil, password: Secret? = nil, verifiesPeer: Bool = true,
        connectTimeout: Duration = .seconds(10), totalTimeout: Duration = .seconds(60)
    ) {
        self.url = url
        self.security = security
        self.from = from
        self.recipients = recipients
        self.message = message
        self.username = username
        self.password = password
        self.verifiesPeer = verifiesPeer
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
    }

    /// The engine's transfer for this request: an ``HTTPRequest`` carrying the message as its body and the
    /// SMTP envelope, limited to `smtp,smtps`.
    var transfer: HTTPRequest {
        var request = HTTPRequest(
            url: url, body: message, connectTimeout: connectTimeout, totalTimeout: totalTimeout,
            lowSpeedLimit: .init(bytesPerSecond: 1, duration: .seconds(30)), allowedProtocols: "smtp,smtps",
            maxResponseBytes: 1024
        )
        request.mail = MailEnvelope(
            from: from, recipients: recipients, security: security, username: username, password: password,
            verifiesPeer: verifiesPeer
        )
        return request
    }
}

/// The SMTP part of an engine transfer: what `CURLOPT_MAIL_FROM`, `CURLOPT_MAIL_RCPT`, `CURLOPT_USE_SSL` and
/// the credentials are set to.
struct MailEnvelope: Sendable {
    var from: String
    var recipients: [String]
    var security: EmailSettings.Security
    var username: Secret?
    var password: Secret?
    var verifiesPeer: Bool
}
