import Foundation
import HeraldCore

/// The outcomes recorded since the last summary: the dispatcher logs each delivery at debug and, once a ``period``
/// in which anything happened is over, one line at info that sums it up (`delivered 120, retrying 3, dead 0 in the
/// last 60 s`), so a busy daemon's log does not grow by a line per delivery.
struct DeliveryTally: Hashable, Sendable {
    /// How often a summary is due, in seconds.
    static let period: Double = 60

    private var delivered = 0
    private var retrying = 0
    private var dead = 0
    private var held = 0
    /// When the current period began.
    private var since: Date

    /// An empty tally whose first period begins at `since`.
    init(since: Date) {
        self.since = since
    }

    /// Counts one recorded outcome.
    mutating func count(_ outcome: DeliveryOutcome) {
        switch outcome {
        case .delivered: delivered += 1
        case .retry: retrying += 1
        case .dead: dead += 1
        case .held: held += 1
        }
    }

    /// The summary of the period once it is over at `now` (or at once when `final`, as the dispatcher stops), then
    /// a new period begins; nil while the period lasts, or when nothing happened in it.
    mutating func summary(at now: Date, final: Bool = false) -> String? {
        let seconds = now.timeIntervalSince(since)
        guard final || seconds >= Self.period else { return nil }
        defer { self = DeliveryTally(since: now) }
        guard delivered + retrying + dead + held > 0 else { return nil }
        let counts = "delivered \(delivered), retrying \(retrying), dead \(dead)" + (held > 0 ? ", held \(held)" : "")
        return counts + " in the last \(Int(seconds.rounded())) s"
    }
}
