import Foundation
import HeraldCore
import Testing
@testable import HeraldDelivery

@Suite struct RetryDecisionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let policy = RetryPolicy(schedule: [5, 300], jitter: 0, maxAge: 100 * 3600)

    func outcome(_ verdict: DeliveryVerdict, attempt: Int = 1) -> DeliveryOutcome {
        RetryDecision.outcome(
            for: verdict, attempt: attempt, messageCreatedAt: now, now: now, policy: policy, unit: 0.5
        )
    }

    @Test func theLongerOfBackoffAndRetryAfterIsWaited() {
        #expect(outcome(.retryable(reason: "busy", retryAfter: 60)) == .retry(at: now + 60, reason: "busy"))
        #expect(outcome(.retryable(reason: "busy", retryAfter: 1)) == .retry(at: now + 5, reason: "busy"))
    }

    @Test func retryAfterIsCappedAtTwoHours() {
        let verdict = DeliveryVerdict.retryable(reason: "busy", retryAfter: 86_400)
        #expect(outcome(verdict) == .retry(at: now + 7200, reason: "busy"))
    }

    @Test func aReceiverWaitUsesOnlyTheStepOfTheFailedAttempt() {
        // The second attempt, after a long Retry-After, still gets the schedule's second step.
        let verdict = DeliveryVerdict.retryable(reason: "busy", retryAfter: 10)
        #expect(outcome(verdict, attempt: 2) == .retry(at: now + 300, reason: "busy"))
    }

    @Test func aGoneEndpointHoldsTheDelivery() {
        #expect(outcome(.gone(reason: "HTTP 410 Gone")) == .held(reason: "HTTP 410 Gone"))
    }
}
