/// The HTTP server's limits (keys of `server:`), so that a slow or greedy client cannot starve the others. They take
/// effect when the server starts (a reload keeps the running ones), except `max_body_bytes`, read on every request.
public struct ServerLimits: Hashable, Sendable {
    /// `idle_timeout`, seconds (default 30): a connection that sends no complete request head for this long, idle
    /// between requests or trickling its headers, is closed.
    public var idleTimeout: Double
    /// `request_timeout`, seconds (default 60): a request not answered this long after its head arrived (a body sent
    /// slowly included) is answered 408 and its connection closed.
    public var requestTimeout: Double
    /// `max_connections` (default 256): connections beyond it wait to be accepted until another closes.
    public var maxConnections: Int
    /// `max_body_bytes` (default 65536): a larger request body is answered 413 naming the limit.
    public var maxBodyBytes: Int

    /// Creates limits; the defaults are those documented.
    public init(
        idleTimeout: Double = 30, requestTimeout: Double = 60, maxConnections: Int = 256, maxBodyBytes: Int = 65_536
    ) {
        self.idleTimeout = idleTimeout
        self.requestTimeout = requestTimeout
        self.maxConnections = maxConnections
        self.maxBodyBytes = maxBodyBytes
    }
}
