import Foundation
import HeraldCore
import Synchronization

/// Each channel's token bucket and circuit breaker: whether an attempt to it may start now.
public final class ChannelGates: Sendable {
    private struct Gate {
        var rate: Rate?
        var bucket: TokenBucket?
        var breaker: CircuitBreaker
        /// The receiver said its quota is spent until then.
        var quotaResetsAt: Date?

        func quotaAllows(now: Date) -> Bool {
            quotaResetsAt.map { now >= $0 } ?? true
        }
    }

    private let gates = Mutex<[String: Gate]>([:])
    private let breaker: CircuitBreaker

    /// Creates gates whose breakers start as `breaker`.
    public init(breaker: CircuitBreaker = CircuitBreaker()) {
        self.breaker = breaker
    }

    /// Takes a token and starts an attempt to `channel` paced at `rate` when both allow it at `now`.
    public func admit(_ channel: String, rate: Rate?, now: Date) -> Bool {
        gates.withLock { gates in
            var gate = gates[channel] ?? Gate(rate: nil, bucket: nil, breaker: breaker)
            if gate.rate != rate {
                gate.rate = rate
                gate.bucket = rate.map { TokenBucket(rate: $0, now: now) }
            }
            defer { gates[channel] = gate }
            guard gate.quotaAllows(now: now), gate.breaker.allows(now: now), gate.bucket?.allows(now: now) ?? true
            else { return false }
            _ = gate.bucket?.take(now: now)
            return gate.breaker.start(now: now)
        }
    }

    /// Feeds an attempt's verdict to the channel's breaker (retryable failures count, anything answered resets),
    /// and holds the channel back until `quotaResetsIn` seconds from `now` (at most ``RetryAfter/longestWait``)
    /// when the receiver said its quota is spent.
    /// - Returns: When this opened the breaker, the time it lets a probe through; nil otherwise.
    @discardableResult
    public func record(_ channel: String, verdict: DeliveryVerdict, quotaResetsIn: Double? = nil, now: Date) -> Date? {
        gates.withLock { gates in
            guard var gate = gates[channel] else { return nil }
            if let wait = quotaResetsIn.flatMap(RetryAfter.bounded) {
                let resetsAt = now.addingTimeInterval(wait)
                gate.quotaResetsAt = max(gate.quotaResetsAt ?? resetsAt, resetsAt)
            }
            let wasOpen = gate.breaker.reopensAt != nil
            if case .retryable = verdict {
                gate.breaker.recordFailure(now: now)
            } else {
                gate.breaker.recordSuccess()
            }
            gates[channel] = gate
            return wasOpen ? nil : gate.breaker.reopensAt
        }
    }

    /// The channels no attempt may start to at `now`, each with when it may next be worth asking again.
    public func blocked(now: Date) -> [String: Date] {
        gates.withLock { gates in
            var blocked: [String: Date] = [:]
            for (channel, gate) in gates {
                if !gate.quotaAllows(now: now), let resetsAt = gate.quotaResetsAt {
                    blocked[channel] = resetsAt
                } else if !gate.breaker.allows(now: now) {
                    blocked[channel] = gate.breaker.reopensAt ?? now.addingTimeInterval(1)
                } else if let bucket = gate.bucket, !bucket.allows(now: now) {
                    blocked[channel] = bucket.nextToken(now: now)
                }
            }
            return blocked
        }
    }

    /// When each of `count` waiting attempts to `channel` may start, in order: spaced by the channel's rate from
    /// its next token (or all at once when its breaker reopens, or when it is not paced).
    public func schedule(_ channel: String, count: Int, now: Date) -> [Date] {
        gates.withLock { gates in
            guard let gate = gates[channel] else { return Array(repeating: now, count: count) }
            if !gate.quotaAllows(now: now), let resetsAt = gate.quotaResetsAt {
                return Array(repeating: resetsAt, count: count)
            }
            if !gate.breaker.allows(now: now) {
                return Array(repeating: gate.breaker.reopensAt ?? now.addingTimeInterval(1), count: count)
            }
            guard let bucket = gate.bucket else { return Array(repeating: now, count: count) }
            let first = bucket.nextToken(now: now)
            return (0..<count).map { first.addingTimeInterval(Double($0) / bucket.refillPerSecond) }
        }
    }

    /// The channel's breaker state, for logs and tests.
    public func breakerState(_ channel: String) -> CircuitBreaker.State? {
        gates.withLock { $0[channel]?.breaker.state }
    }
}
