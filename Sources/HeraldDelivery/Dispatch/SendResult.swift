/// What one attempt to send a message to a channel came to.
public struct SendResult: Sendable, Hashable {
    public var verdict: DeliveryVerdict
    public var httpStatus: Int?
    public var curlCode: Int?
    /// The first KB of the answer.
    public var responseExcerpt: String?
    /// Milliseconds from start to answer.
    public var latencyMilliseconds: Double

    /// Creates a result.
    public init(
        verdict: DeliveryVerdict, httpStatus: Int? = nil, curlCode: Int? = nil, responseExcerpt: String? = nil,
        latencyMilliseconds: Double
    ) {
        self.verdict = verdict
        self.httpStatus = httpStatus
        self.curlCode = curlCode
        self.responseExcerpt = responseExcerpt
        self.latencyMilliseconds = latencyMilliseconds
    }
}
