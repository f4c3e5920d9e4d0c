/// What one attempt to send a message to a channel came to.
public struct SendResult: Sendable, Hashable {
    public var verdict: DeliveryVerdict
    public var httpStatus: Int?
    public var curlCode: Int?
    /// The first KB of the answer.
    public var responseExcerpt: String?
    /// Milliseconds from start to answer.
    public var latencyMilliseconds: Double
    /// A remark on the outcome worth keeping with the attempt (a success the receiver cannot confirm).
    public var note: String?
    /// Seconds until the receiver's quota refills, when it said none is left: no attempt starts before then.
    public var quotaResetsIn: Double?

    /// Creates a result.
    public init(
        verdict: DeliveryVerdict, httpStatus: Int? = nil, curlCode: Int? = nil, responseExcerpt: String? = nil,
        latencyMilliseconds: Double, note: String? = nil, quotaResetsIn: Double? = nil
    ) {
        self.verdict = verdict
        self.httpStatus = httpStatus
        self.curlCode = curlCode
        self.responseExcerpt = responseExcerpt
        self.latencyMilliseconds = latencyMilliseconds
        self.note = note
        self.quotaResetsIn = quotaResetsIn
    }

    /// What the attempt records as its response: the note, then the answer's excerpt, whichever exist.
    public var recordedExcerpt: String? {
        let parts = [note, responseExcerpt].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
