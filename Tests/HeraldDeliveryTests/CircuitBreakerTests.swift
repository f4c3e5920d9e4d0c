import Foundation
import HeraldCore
import Testing
@testable import HeraldDelivery

@Suite struct CircuitBreakerTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    @Test func opensAfterTheThresholdOfConsecutiveFailures() {
        var breaker = CircuitBreaker(threshold: 3, coolDown: 30)
        for _ in 0..<2 {
            do { let went = breaker.start(now: start); #expect(went) }
            breaker.recordFailure(now: start)
        }
        #expect(breaker.state == .closed(failures: 2))
        do { let went = breaker.start(now: start); #expect(went) }
        breaker.recordFailure(now: start)
        #expect(breaker.state == .open(until: at(30)))
        #expect(!breaker.allows(now: at(29.9)))
        do { let went = breaker.start(now: at(29.9)); #expect(!went) }
    }

    @Test func failuresOfAttemptsStartedBeforeItOpenedDoNotLengthenTheCoolDown() {
        var breaker = CircuitBreaker(threshold: 1, coolDown: 30)
        breaker.recordFailure(now: start)
        breaker.recordFailure(now: at(1))
        breaker.recordFailure(now: at(2))
        #expect(breaker.reopensAt == at(30))
    }

    @Test func aSuccessResetsTheCount() {
        var breaker = CircuitBreaker(threshold: 2)
        breaker.recordFailure(now: start)
        breaker.recordSuccess()
        breaker.recordFailure(now: start)
        #expect(breaker.state == .closed(failures: 1))
    }

    @Test func afterTheCoolDownOneProbeGoesAndItsSuccessCloses() {
        var breaker = CircuitBreaker(threshold: 1, coolDown: 30)
        breaker.recordFailure(now: start)
        do { let went = breaker.start(now: at(30)); #expect(went) }
        #expect(breaker.state == .halfOpen(probing: true))
        do { let went = breaker.start(now: at(31)); #expect(!went, "only one probe at a time") }
        breaker.recordSuccess()
        #expect(breaker.state == .closed(failures: 0))
        do { let went = breaker.start(now: at(31)); #expect(went) }
    }

    @Test func aFailedProbeReopensForTwiceTheCoolDownUpToTheMaximum() {
        var breaker = CircuitBreaker(threshold: 1, coolDown: 30, maxCoolDown: 100)
        breaker.recordFailure(now: start)
        var time = 30.0
        for expected in [60.0, 100, 100] {
            do { let went = breaker.start(now: at(time)); #expect(went) }
            breaker.recordFailure(now: at(time))
            #expect(breaker.reopensAt == at(time + expected))
            time += expected
        }
        // A success after a probe brings the cool-down back to its first length.
        do { let went = breaker.start(now: at(time)); #expect(went) }
        breaker.recordSuccess()
        breaker.recordFailure(now: at(time))
        #expect(breaker.reopensAt == at(time + 30))
    }

    @Test func gatesCombinePacingAndTheBreakerPerChannel() {
        let gates = ChannelGates(breaker: CircuitBreaker(threshold: 1, coolDown: 10))
        let rate = Rate(count: 1, seconds: 1)
        #expect(gates.admit("a", rate: rate, now: start))
        #expect(!gates.admit("a", rate: rate, now: start), "paced")
        #expect(gates.admit("b", rate: nil, now: start), "another channel is not held up")
        #expect(gates.blocked(now: start) == ["a": at(1)])
        #expect(gates.schedule("a", count: 3, now: start) == [at(1), at(2), at(3)])
        #expect(gates.schedule("c", count: 2, now: start) == [start, start], "unknown channels are not paced")
        gates.record("b", verdict: .retryable(reason: "down", retryAfter: nil), now: start)
        #expect(gates.blocked(now: start) == ["a": at(1), "b": at(10)])
        #expect(!gates.admit("b", rate: nil, now: at(5)))
        #expect(gates.admit("b", rate: nil, now: at(10)), "the probe")
        #expect(gates.breakerState("b") == .halfOpen(probing: true))
    }
}
