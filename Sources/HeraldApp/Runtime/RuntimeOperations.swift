import Foundation
import HeraldDelivery
import HeraldServer
import HeraldStore

/// The daemon's dispatcher and metrics as the HTTP routes see them.
struct RuntimeOperations: DaemonOperations {
    let dispatcher: Dispatcher
    let store: HeraldStore
    let metrics: RuntimeMetrics
    let backend: MetricsBackend
    let now: @Sendable () -> Date

    var isDispatcherRunning: Bool { dispatcher.isRunning }

    var storeWriteFailure: String? { dispatcher.storeWriteFailure }

    func wakeDispatcher() {
        dispatcher.wakeup.signal()
    }

    /// Reads the gauges from the store on each scrape (nothing is spent on them between scrapes, and the dispatcher's
    /// loop runs no extra query), then renders every metric.
    func metricsExposition() throws -> String {
        let time = now()
        metrics.update(try store.queueGauges(now: time), now: time)
        return backend.exposition()
    }
}
