import HeraldDelivery
import Metrics
import Prometheus

/// Where the daemon's metrics go and how they are read back: the swift-metrics factory every metric of the daemon
/// is made with, and everything recorded through it as Prometheus text. The daemon's code records through
/// `factory`, never through the global `MetricsSystem`, so each daemon (a test's too) has metrics of its own;
/// `herald serve` also bootstraps `MetricsSystem` with the same factory, for libraries that use the global one.
public struct MetricsBackend: Sendable {
    /// The factory the daemon's metrics are made with.
    public let factory: any MetricsFactory
    /// Everything recorded, in the Prometheus text exposition format 0.0.4.
    public let exposition: @Sendable () -> String

    /// A backend made of `factory` and a reader of what it recorded.
    public init(factory: any MetricsFactory, exposition: @escaping @Sendable () -> String) {
        self.factory = factory
        self.exposition = exposition
    }

    /// A fresh Prometheus registry, with histogram buckets for attempts (5 ms to 30 s) and rule evaluations (1 ms to
    /// 10 s).
    public static func prometheus() -> MetricsBackend {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [
            DeliveryMetrics.attemptDurationLabel: [
                .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
                .seconds(30),
            ],
            RuntimeMetrics.ruleEvaluationLabel: [
                .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
                .seconds(5), .seconds(10),
            ],
        ]
        return MetricsBackend(factory: factory, exposition: { registry.emitToString() })
    }
}
