import Foundation
import Synchronization

/// Slows down guessing the API token at the dashboard's login form: after `limit` wrong tokens within `window`,
/// every login is refused until the oldest of them is `window` old. Counted for the whole server (the routes do not
/// see the client's address, and behind a proxy it would be the proxy's); sessions already open and the bearer API
/// are not affected.
final class LoginThrottle: Sendable {
    private let failures = Mutex<[Date]>([])
    /// How many wrong tokens are allowed within `window`.
    let limit: Int
    /// How far back wrong tokens count.
    let window: TimeInterval

    /// Creates a throttle allowing `limit` wrong tokens per `window`.
    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// The seconds until a login may be tried again (rounded up); nil when one may be tried now.
    func retryAfter(now: Date) -> Int? {
        failures.withLock { failures in
            failures.removeAll { $0 <= now.addingTimeInterval(-window) }
            guard failures.count >= limit, let oldest = failures.first else { return nil }
            return max(1, Int(oldest.addingTimeInterval(window).timeIntervalSince(now).rounded(.up)))
        }
    }

    /// Counts a wrong token given at `now`.
    func recordFailure(now: Date) {
        failures.withLock { $0.append(now) }
    }
}
