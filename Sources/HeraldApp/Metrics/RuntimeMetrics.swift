import Foundation
import HeraldCore
import HeraldDelivery
import HeraldStore
import Metrics

/// The daemon's metrics, made with a swift-metrics factory: the dispatcher's (`delivery`), messages committed to
/// the outbox by kind, deliveries withdrawn, the time of each tick's rule evaluation, and gauges read from the store.
public final class RuntimeMetrics: OutboxObserver {
    /// `herald_messages_total{kind}`.
    static let messagesLabel = "herald_messages_total"
    /// `herald_rule_evaluation_duration_seconds`, one sample per tick.
    static let ruleEvaluationLabel = "herald_rule_evaluation_duration_seconds"

    /// The dispatcher's attempts and outcomes (and the withdrawn deliveries).
    public let delivery: DeliveryMetrics
    /// The engine's evaluation of every scheduled rule and escalation in a tick.
    let ruleEvaluation: CoreMetrics.Timer
    private let messages: [MessageKind: Counter]
    private let queueDepth: Gauge
    private let oldestPendingAge: Gauge
    private let openEscalations: Gauge

    /// Makes every metric with `factory`; each message kind's counter starts at zero.
    public init(factory: any MetricsFactory) {
        delivery = DeliveryMetrics(factory: factory)
        ruleEvaluation = CoreMetrics.Timer(label: Self.ruleEvaluationLabel, factory: factory)
        messages = Dictionary(uniqueKeysWithValues: MessageKind.allCases.map { kind in
            (kind, Counter(label: Self.messagesLabel, dimensions: [("kind", kind.rawValue)], factory: factory))
        })
        queueDepth = Gauge(label: "herald_queue_depth", factory: factory)
        oldestPendingAge = Gauge(label: "herald_oldest_pending_age_seconds", factory: factory)
        openEscalations = Gauge(label: "herald_open_escalations", factory: factory)
    }

    /// Counts each committed message once, by kind, whichever path wrote it (a tick, a change, a digest, an
    /// announcement).
    public func committed(messages: [OutgoingMessage]) {
        for message in messages { self.messages[message.kind]?.increment() }
    }

    /// Counts the withdrawn deliveries as outcome `cancelled`.
    public func cancelled(channels: [String]) {
        for channel in channels { delivery.ended(.cancelled, channel: channel) }
    }

    /// Sets the gauges from what the store holds at `now`.
    func update(_ gauges: QueueGauges, now: Date) {
        queueDepth.record(gauges.waitingDeliveries)
        oldestPendingAge.record(gauges.oldestDueSince.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        openEscalations.record(gauges.openEscalations)
    }
}
