import Foundation

/// Stops attempts to a channel that keeps failing. A value type driven by an injected clock.
///
/// Closed, it counts consecutive retryable failures; at `threshold` it opens for a cool-down. Once the cool-down
/// is over it is half-open: one probe attempt may start. The probe's success closes it; its failure opens it again
/// for twice the cool-down, up to `maxCoolDown`. While open (or probing) no attempt starts.
public struct CircuitBreaker: Hashable, Sendable {
    /// Where the breaker stands.
    public enum State: Hashable, Sendable {
        /// Attempts go; `failures` consecutive retryable failures so far.
        case closed(failures: Int)
        /// No attempt until `until`.
        case open(until: Date)
        /// The cool-down is over: one probe may start (or is under way when `probing`).
        case halfOpen(probing: Bool)
    }

    /// The state now.
    public private(set) var state: State = .closed(failures: 0)
    /// Consecutive retryable failures that open it.
    public let threshold: Int
    /// The first cool-down.
    public let coolDown: Double
    /// The longest cool-down.
    public let maxCoolDown: Double
    private var currentCoolDown: Double

    /// Creates a closed breaker.
    public init(threshold: Int = 5, coolDown: Double = 30, maxCoolDown: Double = 600) {
        self.threshold = max(threshold, 1)
        self.coolDown = coolDown
        self.maxCoolDown = maxCoolDown
        currentCoolDown = coolDown
    }

    /// Whether an attempt may start at `now` (takes nothing; see ``start(now:)``).
    public func allows(now: Date) -> Bool {
        switch state {
        case .closed: true
        case .open(let until): now >= until
        case .halfOpen(let probing): !probing
        }
    }

    /// Starts an attempt when allowed: once the cool-down is over this is the probe. Returns whether it may start.
    public mutating func start(now: Date) -> Bool {
        guard allows(now: now) else { return false }
        switch state {
        case .closed: break
        case .open, .halfOpen: state = .halfOpen(probing: true)
        }
        return true
    }

    /// When an attempt may start again while open; nil when closed or probing.
    public var reopensAt: Date? {
        if case .open(let until) = state { return until }
        return nil
    }

    /// Records an attempt that was answered (success, or a failure retrying cannot fix): closes the breaker.
    public mutating func recordSuccess() {
        state = .closed(failures: 0)
        currentCoolDown = coolDown
    }

    /// Records a retryable failure at `now`.
    public mutating func recordFailure(now: Date) {
        switch state {
        case .closed(let failures):
            if failures + 1 >= threshold {
                state = .open(until: now.addingTimeInterval(currentCoolDown))
            } else {
                state = .closed(failures: failures + 1)
            }
        case .halfOpen:
            currentCoolDown = min(currentCoolDown * 2, maxCoolDown)
            state = .open(until: now.addingTimeInterval(currentCoolDown))
        case .open:
            break // an attempt started before the breaker opened: already counted in
        }
    }
}
