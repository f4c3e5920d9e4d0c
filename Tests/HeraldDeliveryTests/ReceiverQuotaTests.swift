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
