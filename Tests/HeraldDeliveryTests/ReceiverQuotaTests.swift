import Foundation
import HeraldCore
import Testing
@testable import HeraldDelivery

@Suite struct ReceiverQuotaTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func result(_ headers: [(String, String)]) -> HTTPResult {
        HTTPResult(status: 200, headers: headers.map { HTTPHeader(name: $0.0, value: $0.1) })
    }

    @Test func aSpentQuotaIsReadFromResetAfterOrReset() {
        #expect(RateLimitHeaders.exhausted(
            result([("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "1.5")]), now: now) == 1.5)
        #expect(RateLimitHeaders.exhausted(
            result([("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1800000004")]), now: now) == 4)
    }

    /// A spent quota's wait is capped like `Retry-After`: at two hours, never negative, never NaN.
    @Test(arguments: [
        ("inf", 7200), ("Infinity", 7200), ("1e300", 7200), ("99999999999", 7200), ("7201", 7200), ("-5", 0),
        ("-inf", 0), ("30", 30),
    ] as [(String, Double)])
    func aSpentQuotaWaitsTwoHoursAtMost(_ value: String, _ expected: Double) {
        let headers = [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", value)]
        #expect(RateLimitHeaders.exhausted(result(headers), now: now) == expected)
    }

    @Test func aSpentQuotaResetCenturiesAheadWaitsTwoHours() {
        #expect(RateLimitHeaders.exhausted(
            result([("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "99999999999")]), now: now) == 7200)
    }

    @Test(arguments: ["NaN", "nan", "-nan"])
    func aQuotaWaitThatIsNoNumberIsIgnored(_ value: String) {
        #expect(RateLimitHeaders.exhausted(
            result([("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", value)]), now: now) == nil)
        let gates = ChannelGates()
        #expect(gates.admit("discord", rate: nil, now: now))
        gates.record("discord", verdict: .success, quotaResetsIn: .infinity, now: now)
        #expect(gates.blocked(now: now + 7200).isEmpty, "the gate caps what it is given too")
    }

    @Test func quotaLeftOrNothingSaidMeansNoWait() {
        #expect(RateLimitHeaders.exhausted(
            result([("X-RateLimit-Remaining", "3"), ("X-RateLimit-Reset-After", "1.5")]), now: now) == nil)
        #expect(RateLimitHeaders.exhausted(result([]), now: now) == nil)
        #expect(RateLimitHeaders.exhausted(result([("X-RateLimit-Remaining", "0")]), now: now) == nil)
    }

    @Test func theGateHoldsTheChannelUntilTheQuotaRefills() {
        let gates = ChannelGates()
        #expect(gates.admit("discord", rate: nil, now: now))
        gates.record("discord", verdict: .success, quotaResetsIn: 2, now: now)
        #expect(!gates.admit("discord", rate: nil, now: now + 1.9))
        #expect(gates.blocked(now: now + 1) == ["discord": now + 2])
        #expect(gates.schedule("discord", count: 2, now: now + 1) == [now + 2, now + 2])
        #expect(gates.admit("other", rate: nil, now: now + 1), "other channels are not held")
        #expect(gates.admit("discord", rate: nil, now: now + 2))
        #expect(gates.blocked(now: now + 2).isEmpty)
    }
}
