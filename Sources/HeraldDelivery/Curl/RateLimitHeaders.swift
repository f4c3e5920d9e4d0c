import Foundation

/// A receiver's own account of its rate limit, as Discord (and GitHub-style APIs) send it:
/// `X-RateLimit-Remaining` with `X-RateLimit-Reset-After` (seconds) or `X-RateLimit-Reset` (Unix time).
public enum RateLimitHeaders {
    /// Seconds until the quota refills when the answer says none is left (`X-RateLimit-Remaining: 0`), at most
    /// ``RetryAfter/longestWait`` (`inf` or a huge number is capped, a negative one is 0); nil when quota remains,
    /// the answer says nothing about it, or what it says is not a number (`NaN`).
    public static func exhausted(_ result: HTTPResult, now: Date) -> Double? {
        guard let remaining = number(result, "x-ratelimit-remaining"), remaining <= 0 else { return nil }
        if let after = number(result, "x-ratelimit-reset-after") {
            return RetryAfter.bounded(after)
        }
        if let reset = number(result, "x-ratelimit-reset") {
            return RetryAfter.bounded(reset - now.timeIntervalSince1970)
        }
        return nil
    }

    /// The header `name` as a number, NaN left out.
    private static func number(_ result: HTTPResult, _ name: String) -> Double? {
        result.header(name).flatMap { Double($0.trimmingWhitespace()) }.flatMap { $0.isNaN ? nil : $0 }
    }
}
