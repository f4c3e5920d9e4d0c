/// One request for the ``CurlEngine``: where to send what, and how long to wait.
///
/// The URL is a secret in practice (webhook URLs carry tokens): the engine never logs it and keeps it out of
/// every message it produces.
public struct HTTPRequest: Sendable {
    /// Aborts a transfer that runs slower than `bytesPerSecond` for longer than `duration`.
    public struct LowSpeedLimit: Hashable, Sendable {
        /// The minimum average transfer speed, in bytes per second.
        public var bytesPerSecond: Int
        /// How long the transfer may stay below that speed.
        public var duration: Duration

        /// Creates a low-speed limit.
        public init(bytesPerSecond: Int, duration: Duration) {
            self.bytesPerSecond = bytesPerSecond
            self.duration = duration
        }
    }

    /// The full URL, including any token in its path or query.
    public var url: String
    /// The HTTP method; `POST` sends ``body`` as the request body.
    public var method: String
    /// Extra request headers, in order. Names and values must not contain CR or LF.
    public var headers: [HTTPHeader]
    /// The exact bytes to send.
    public var body: [UInt8]
    /// Time allowed to establish the connection (`CURLOPT_CONNECTTIMEOUT_MS`).
    public var connectTimeout: Duration
    /// Time allowed for the whole transfer, queueing included (`CURLOPT_TIMEOUT_MS`).
    public var totalTimeout: Duration
    /// Optional abort of trickling transfers (`CURLOPT_LOW_SPEED_LIMIT`/`_TIME`).
    public var lowSpeedLimit: LowSpeedLimit?
    /// The protocols the transfer may use, as for `CURLOPT_PROTOCOLS_STR` (for example `"http,https"`).
    public var allowedProtocols: String
    /// How much of the response body to keep; the rest is read and discarded.
    public var maxResponseBytes: Int
    /// Set for an SMTP submission (see ``SMTPRequest``): the body is uploaded as the mail message.
    var mail: MailEnvelope?

    /// Creates a request. Defaults: `POST`, 10 s to connect, 30 s in total, http/https only, 64 KiB of answer.
    public init(
        url: String,
        method: String = "POST",
        headers: [HTTPHeader] = [],
        body: [UInt8] = [],
        connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(30),
        lowSpeedLimit: LowSpeedLimit? = nil,
        allowedProtocols: String = "http,https",
        maxResponseBytes: Int = 64 * 1024
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.lowSpeedLimit = lowSpeedLimit
        self.allowedProtocols = allowedProtocols
        self.maxResponseBytes = maxResponseBytes
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so that a tiny positive duration never becomes 0 (which curl reads as
    /// "no limit"), and at least 1.
    var curlMilliseconds: Int {
        let millis = (seconds * 1000).rounded(.up)
        guard millis < Double(Int32.max) else { return Int(Int32.max) }
        return max(1, Int(millis))
    }

    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
