import Foundation

/// One request a ``TestHTTPReceiver`` received.
public struct ReceivedRequest: Sendable {
    /// The request method, as sent.
    public var method: String
    /// The request target (path and query).
    public var path: String
    /// The headers, names lowercased; repeated fields joined with `", "`.
    public var headers: [String: String]
    /// The body bytes.
    public var body: [UInt8]
    /// Wall-clock arrival time (when the body was complete).
    public var arrivedAt: Date
    /// Monotonic arrival time, for measuring spacing between requests.
    public var arrivalInstant: ContinuousClock.Instant
    /// Which accepted connection carried it (1 for the first connection of the receiver's life).
    public var connectionNumber: Int

    /// The body decoded as UTF-8.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}
