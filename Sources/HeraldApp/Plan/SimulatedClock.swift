import Foundation
import Synchronization

/// A clock that shows what it is set to: the time a simulation has reached.
final class SimulatedClock: Sendable {
    private let current: Mutex<Date>

    /// Creates a clock showing `start`.
    init(_ start: Date) {
        current = Mutex(start)
    }

    /// The time shown.
    var now: Date { current.withLock { $0 } }

    /// Moves the clock to `time`.
    func set(_ time: Date) {
        current.withLock { $0 = time }
    }
}
