/// A request waiting for the loop thread, with the continuation that receives its result.
struct CurlSubmission: Sendable {
    let id: UInt64
    let request: HTTPRequest
    let continuation: CheckedContinuation<HTTPResult, Never>
    let submittedAt: ContinuousClock.Instant

    /// Resumes the waiting caller with an aborted result (`CURLE_ABORTED_BY_CALLBACK`).
    func abort(_ why: String) {
        continuation.resume(returning: .aborted(why, since: submittedAt))
    }
}

extension HTTPResult {
    /// `CURLE_ABORTED_BY_CALLBACK`: the code the engine reports for cancelled and shut-down transfers.
    static let abortedCode = 42

    /// A result for a transfer the engine gave up on before it completed.
    static func aborted(_ why: String, since start: ContinuousClock.Instant) -> HTTPResult {
        HTTPResult(
            status: nil, curlCode: abortedCode, curlMessage: "aborted: \(why)",
            latency: (ContinuousClock.now - start).seconds
        )
    }
}
