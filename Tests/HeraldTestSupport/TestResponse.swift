/// One scripted answer of a ``TestHTTPReceiver``.
public struct TestResponse: Sendable {
    /// What the receiver does with the request.
    public enum Action: Sendable, Hashable {
        /// Sends the response (after ``TestResponse/delay``).
        case respond
        /// Never answers; keeps the connection open until the client closes it or the receiver stops.
        case hang
        /// Closes the connection without answering.
        case close
        /// Sends the status line and headers, then the body one byte per `interval` (a slow, trickling peer).
        case trickle(interval: Duration)
    }

    /// The status code sent.
    public var status: Int
    /// Extra response headers (`Content-Length` is added unless present).
    public var headers: [(name: String, value: String)]
    /// The response body.
    public var body: [UInt8]
    /// How long to wait before acting.
    public var delay: Duration
    /// Respond, hang or close.
    public var action: Action
    /// Sends `Connection: close` and closes the connection after responding.
    public var closeConnection: Bool

    /// Creates a response.
    public init(
        status: Int = 200,
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = Array("ok".utf8),
        delay: Duration = .zero,
        action: Action = .respond,
        closeConnection: Bool = false
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.action = action
        self.closeConnection = closeConnection
    }

    /// `200 ok`, the receiver's default.
    public static let ok = TestResponse()

    /// A response with `status`, `body` text and `headers`.
    public static func status(
        _ status: Int, body: String = "", headers: [(name: String, value: String)] = [], delay: Duration = .zero
    ) -> TestResponse {
        TestResponse(status: status, headers: headers, body: Array(body.utf8), delay: delay)
    }

    /// Never answers.
    public static let hang = TestResponse(action: .hang)

    /// Closes the connection without answering.
    public static let close = TestResponse(action: .close)

    /// `200` whose `bodyBytes`-byte body arrives one byte per `interval`.
    public static func trickle(every interval: Duration, bodyBytes: Int = 100) -> TestResponse {
        TestResponse(body: Array(repeating: UInt8(ascii: "."), count: bodyBytes), action: .trickle(interval: interval))
    }
}
