import Foundation
import Synchronization

/// Slows down guessing the API token at the dashboard's login form: after `limit` wrong tokens from one client
/// address within `window`, that address's logins are refused until the oldest of them is `window` old. Other
/// addresses, sessions already open and the bearer API are not affected, so nobody can lock everyone out.
final class LoginThrottle: Sendable {
    private let failures = Mutex<[String: [Date]]>([:])
    /// How many wrong tokens one address may give within `window`.
    let limit: Int
    /// How far back wrong tokens count.
    let window: TimeInterval

    /// Creates a throttle allowing `limit` wrong tokens per address per `window`.
    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// The seconds until `client` may try a login again (rounded up); nil when it may try now. Forgets the wrong
    /// tokens older than `window`, of every address.
    func retryAfter(for client: String, now: Date) -> Int? {
        failures.withLock { failures in
            let cutoff = now.addingTimeInterval(-window)
            failures = failures.compactMapValues { times in
                let recent = times.filter { $0 > cutoff }
                return recent.isEmpty ? nil : recent
            }
            guard let times = failures[client], times.count >= limit, let oldest = times.first else { return nil }
            return max(1, Int(oldest.addingTimeInterval(window).timeIntervalSince(now).rounded(.up)))
        }
    }

    /// Counts a wrong token given by `client` at `now`.
    func recordFailure(for client: String, now: Date) {
        failures.withLock { $0[client, default: []].append(now) }
    }
}
