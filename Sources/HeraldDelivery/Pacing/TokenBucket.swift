import Foundation
import HeraldCore

/// Paces one channel: a token bucket refilled at the channel's rate. A value type driven by an injected clock.
///
/// Each attempt takes a token; tokens refill continuously at `count / seconds` per second up to `burst`. With the
/// default burst of 1, attempts are spaced evenly by the rate (`10/s`: 100 ms apart).
public struct TokenBucket: Hashable, Sendable {
    /// The rate it paces to.
    public let rate: Rate
    /// The most tokens it holds: attempts that may start back to back after a quiet spell.
    public let burst: Double
    private var tokens: Double
    private var updatedAt: Date

    /// Creates a full bucket.
    public init(rate: Rate, burst: Int = 1, now: Date) {
        self.rate = rate
        self.burst = Double(max(burst, 1))
        tokens = self.burst
        updatedAt = now
    }

    /// Tokens added per second.
    public var refillPerSecond: Double { Double(rate.count) / rate.seconds }

    /// Takes a token when one is available at `now`; returns whether an attempt may start.
    public mutating func take(now: Date) -> Bool {
        refill(now: now)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// Whether a token is available at `now` (takes none).
    public func allows(now: Date) -> Bool {
        var copy = self
        copy.refill(now: now)
        return copy.tokens >= 1
    }

    /// When the next token is available: `now` when one already is.
    public func nextToken(now: Date) -> Date {
        var copy = self
        copy.refill(now: now)
        guard copy.tokens < 1 else { return now }
        return now.addingTimeInterval((1 - copy.tokens) / refillPerSecond)
    }

    private mutating func refill(now: Date) {
        let elapsed = max(0, now.timeIntervalSince(updatedAt))
        tokens = min(burst, tokens + elapsed * refillPerSecond)
        updatedAt = max(updatedAt, now)
    }
}
