import Foundation
import HeraldCore
import Metrics
import Synchronization

/// The delivery metrics, recorded through swift-metrics into whatever backend `factory` is:
/// `herald_deliveries_total{channel, outcome}`, `herald_delivery_attempt_duration_seconds{channel}` and
/// `herald_channel_paused_until_seconds{channel}`.
///
/// A channel's metrics are made the first time it is seen, every outcome at once, so each series starts at zero.
public final class DeliveryMetrics: Sendable {
    /// How an attempt (or a withdrawal) left a delivery: the `outcome` label.
    public enum Outcome: String, CaseIterable, Sendable {
        /// The receiver accepted it.
        case delivered
        /// It failed and another attempt is scheduled.
        case retry
        /// Given up on.
        case dead
        /// Its endpoint is gone: the channel was disabled and the delivery held.
        case held
        /// Withdrawn before it was sent (its milestone was closed or removed).
        case cancelled

        /// The label value of an attempt's outcome.
        public init(_ outcome: DeliveryOutcome) {
            switch outcome {
            case .delivered: self = .delivered
            case .retry: self = .retry
            case .dead: self = .dead
            case .held: self = .held
            }
        }
    }

    /// The counter's name.
    public static let deliveriesLabel = "herald_deliveries_total"
    /// The attempt latency histogram's name.
    public static let attemptDurationLabel = "herald_delivery_attempt_duration_seconds"
    /// The name of the gauge of when each channel's last pause ends (Unix seconds; 0 before any pause).
    public static let pausedUntilLabel = "herald_channel_paused_until_seconds"

    private let factory: any MetricsFactory
    private let channels = Mutex<[String: ChannelMetrics]>([:])

    /// Records into `factory`'s backend (`NOOPMetricsHandler.instance` records nothing).
    public init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// An attempt to `channel` that took `latencyMilliseconds` was recorded with `outcome`.
    public func recorded(_ outcome: Outcome, channel: String, latencyMilliseconds: Double) {
        let metrics = metrics(of: channel)
        metrics.attemptDuration.recordMilliseconds(latencyMilliseconds)
        metrics.deliveries[outcome]?.increment()
    }

    /// A delivery to `channel` ended with `outcome` without an attempt (it was withdrawn).
    public func ended(_ outcome: Outcome, channel: String) {
        metrics(of: channel).deliveries[outcome]?.increment()
    }

    /// No attempt goes to `channel` before `until` (a spent quota, an open breaker).
    public func paused(channel: String, until: Date) {
        metrics(of: channel).pausedUntil.record(until.timeIntervalSince1970)
    }

    private func metrics(of channel: String) -> ChannelMetrics {
        channels.withLock { channels in
            if let known = channels[channel] { return known }
            let made = ChannelMetrics(channel: channel, factory: factory)
            channels[channel] = made
            return made
        }
    }
}

/// One channel's counters, by outcome, its attempt latency timer and its pause gauge.
private final class ChannelMetrics: Sendable {
    let deliveries: [DeliveryMetrics.Outcome: Counter]
    let attemptDuration: Timer
    let pausedUntil: Gauge

    init(channel: String, factory: any MetricsFactory) {
        deliveries = Dictionary(uniqueKeysWithValues: DeliveryMetrics.Outcome.allCases.map { outcome in
            (outcome, Counter(
                label: DeliveryMetrics.deliveriesLabel,
                dimensions: [("channel", channel), ("outcome", outcome.rawValue)], factory: factory
            ))
        })
        attemptDuration = Timer(
            label: DeliveryMetrics.attemptDurationLabel, dimensions: [("channel", channel)], factory: factory
        )
        pausedUntil = Gauge(
            label: DeliveryMetrics.pausedUntilLabel, dimensions: [("channel", channel)], factory: factory
        )
        pausedUntil.record(0)
    }
}
