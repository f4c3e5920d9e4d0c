import Foundation
import HeraldCore
import Testing
@testable import HeraldDelivery

@Suite struct TokenBucketTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aFullBucketAllowsOneAttemptThenWaitsForTheRate() {
        var bucket = TokenBucket(rate: Rate(count: 10, seconds: 1), now: start)
        do { let went = bucket.take(now: start); #expect(went) }
        do { let went = bucket.take(now: start); #expect(!went) }
        #expect(!bucket.allows(now: start.addingTimeInterval(0.05)))
        #expect(abs(bucket.nextToken(now: start).timeIntervalSince(start) - 0.1) < 1e-6)
        do { let went = bucket.take(now: start.addingTimeInterval(0.1)); #expect(went) }
    }

    @Test func attemptsAreSpacedByTheRateOverTime() {
        var bucket = TokenBucket(rate: Rate(count: 5, seconds: 2), now: start)
        var taken: [Double] = []
        var time = 0.0
        while taken.count < 5 {
            if bucket.take(now: start.addingTimeInterval(time)) { taken.append(time) }
            time += 0.01
        }
        for (earlier, later) in zip(taken, taken.dropFirst()) {
            #expect(later - earlier >= 0.4 - 1e-9)
        }
    }

    @Test func aBurstAllowsThatManyBackToBackButNeverMore() {
        var bucket = TokenBucket(rate: Rate(count: 5, seconds: 2), burst: 5, now: start)
        for _ in 0..<5 {
            let went = bucket.take(now: start)
            #expect(went)
        }
        do { let went = bucket.take(now: start); #expect(!went) }
        // A quiet hour refills to the burst only.
        let later = start.addingTimeInterval(3600)
        for _ in 0..<5 {
            let went = bucket.take(now: later)
            #expect(went)
        }
        do { let went = bucket.take(now: later); #expect(!went) }
    }

    @Test func aClockGoingBackwardsAddsNoTokens() {
        var bucket = TokenBucket(rate: Rate(count: 1, seconds: 1), now: start)
        do { let went = bucket.take(now: start); #expect(went) }
        do { let went = bucket.take(now: start.addingTimeInterval(-10)); #expect(!went) }
        do { let went = bucket.take(now: start.addingTimeInterval(0.5)); #expect(!went) }
        do { let went = bucket.take(now: start.addingTimeInterval(1)); #expect(went) }
    }

    @Test func typeDefaultsApplyWhenNoRateIsConfigured() {
        let slack = Channel(name: "eng", kind: .slack(url: Secret("https://hooks.slack.com/x")))
        #expect(slack.effectiveRate == Rate(count: 1, seconds: 1))
        var paced = slack
        paced.rate = Rate(count: 3, seconds: 1)
        #expect(paced.effectiveRate == Rate(count: 3, seconds: 1))
        #expect(Channel(name: "out", kind: .console).effectiveRate == nil)
    }
}
