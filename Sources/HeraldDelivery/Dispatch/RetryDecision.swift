import Foundation
import HeraldCore

/// Turns one attempt's verdict into the delivery's next state, following the channel's retry policy.
///
/// A wait the receiver asks for (`Retry-After`, a JSON `retry_after`) lengthens the wait before the next step of
/// the schedule but never skips a step: the next attempt waits `max(backoff, asked)`, the asked part capped at
/// ``RetryAfter/longestWait``.
public enum RetryDecision {
    /// - Parameters:
    ///   - attempt: the number of this attempt, 1 for the first.
    ///   - unit: a random number in [0, 1) for the jitter.
    public static func outcome(
        for verdict: DeliveryVerdict, attempt: Int, messageCreatedAt: Date, now: Date, policy: RetryPolicy,
        unit: Double
    ) -> DeliveryOutcome {
        switch verdict {
        case .success:
            return .delivered
        case .permanent(let reason):
            return .dead(reason: reason)
        case .gone(let reason):
            return .held(reason: reason)
        case .retryable(let reason, let retryAfter):
            guard let delay = policy.delay(beforeRetry: attempt, unit: unit) else {
                return .dead(reason: "gave up after \(attempt) attempts: \(reason)")
            }
            let wait = max(delay, retryAfter.flatMap(RetryAfter.bounded) ?? 0)
            let next = now.addingTimeInterval(wait)
            guard next.timeIntervalSince(messageCreatedAt) <= policy.maxAge else {
                return .dead(reason: "gave up after \(attempt) attempts (max age reached): \(reason)")
            }
            return .retry(at: next, reason: reason)
        }
    }
}
