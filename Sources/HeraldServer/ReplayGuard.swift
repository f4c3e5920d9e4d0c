import Foundation
import Synchronization

/// Remembers the request signatures seen while they could still be accepted, so the same signed request is taken
/// once only. In memory: a restart forgets them, which a replay within minutes of a restart could exploit.
final class ReplayGuard: Sendable {
    private let seen = Mutex<[String: Date]>([:])
    /// How long after its timestamp a signed request is still accepted.
    let window: TimeInterval

    /// Creates a guard for requests accepted until `window` after their timestamp.
    init(window: TimeInterval) {
        self.window = window
    }

    /// True the first time `signature` (of a request stamped `timestamp`) is offered; false for a replay. Forgets the
    /// signatures whose requests have expired.
    func isFirstSight(of signature: String, stampedAt timestamp: Date, now: Date) -> Bool {
        seen.withLock { seen in
            seen = seen.filter { $0.value >= now }
            guard seen[signature] == nil else { return false }
            seen[signature] = timestamp.addingTimeInterval(window)
            return true
        }
    }
}
