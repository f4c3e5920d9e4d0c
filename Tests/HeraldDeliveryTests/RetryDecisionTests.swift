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

    @Test func theStandardScheduleWithItsJitterBounds() {
        let standard = RetryPolicy.standard
        let steps: [Double] = [5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400]
        #expect(standard.schedule == steps)
        for (index, base) in steps.enumerated() {
            let low = standard.delay(beforeRetry: index + 1, unit: 0)
            let middle = standard.delay(beforeRetry: index + 1, unit: 0.5)
            let high = standard.delay(beforeRetry: index + 1, unit: 0.999_999)
            #expect(low == base * 0.8, "−20% at the bottom of the jitter")
            #expect(middle == base)
            #expect(high! < base * 1.2 && high! > base * 1.199, "+20% at the top")
        }
        #expect(standard.delay(beforeRetry: steps.count + 1, unit: 0.5) == nil)
    }

    @Test func eachRetryIsScheduledFromTheInjectedClock() {
        let jittery = RetryPolicy(schedule: [5, 300], jitter: 0.2, maxAge: 100 * 3600)
        let later = now + 42
        let outcome = RetryDecision.outcome(
            for: .retryable(reason: "HTTP 503", retryAfter: nil), attempt: 2, messageCreatedAt: now, now: later,
            policy: jittery, unit: 0
        )
        #expect(outcome == .retry(at: later + 240, reason: "HTTP 503"))
    }

    @Test func aSpentScheduleOrTheMaxAgeEndsDeadWithTheReason() {
        #expect(outcome(.retryable(reason: "HTTP 500", retryAfter: nil), attempt: 3)
            == .dead(reason: "gave up after 3 attempts: HTTP 500"))
        let short = RetryPolicy(schedule: [5, 300], jitter: 0, maxAge: 60)
        let aged = RetryDecision.outcome(
            for: .retryable(reason: "HTTP 500", retryAfter: nil), attempt: 2, messageCreatedAt: now, now: now + 30,
            policy: short, unit: 0.5
        )
        #expect(aged == .dead(reason: "gave up after 2 attempts (max age reached): HTTP 500"))
    }

    @Test func permanentFailuresAreDeadAtOnce() {
        #expect(outcome(.permanent(reason: "HTTP 404 Not Found")) == .dead(reason: "HTTP 404 Not Found"))
    }
}
