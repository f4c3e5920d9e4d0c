import Foundation

/// A receiver's own account of its rate limit, as Discord (and GitHub-style APIs) send it:
/// `X-RateLimit-Remaining` with `X-RateLimit-Reset-After` (seconds) or `X-RateLimit-Reset` (Unix time).
public enum RateLimitHeaders {
    /// Seconds until the quota refills when the answer says none is left (`X-RateLimit-Remaining: 0`);
    /// nil when quota remains or the answer says nothing about it.
    public static func exhausted(_ result: HTTPResult, now: Date) -> Double? {
        guard let remaining = result.header("x-ratelimit-remaining").flatMap({ Double($0.trimmingWhitespace()) }),
              remaining <= 0 else { return nil }
        if let after = result.header("x-ratelimit-reset-after").flatMap({ Double($0.trimmingWhitespace()) }) {
            return max(0, after)
        }
        if let reset = result.header("x-ratelimit-reset").flatMap({ Double($0.trimmingWhitespace()) }) {
            return max(0, reset - now.timeIntervalSince1970)
        }
        return nil
    }
}
