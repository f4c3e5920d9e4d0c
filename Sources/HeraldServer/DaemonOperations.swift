/// The running daemon as the operational routes see it: its dispatcher (`/readyz`, and waking it when a replay
/// queued work) and its metrics (`/metrics`).
public protocol DaemonOperations: Sendable {
    /// Whether the dispatcher is running: started and not finished.
    var isDispatcherRunning: Bool { get }
    /// Why the dispatcher cannot write the store now (`disk full: …`); nil while it can.
    var storeWriteFailure: String? { get }
    /// Tells the dispatcher that deliveries fell due now, so it leases them without waiting for its next poll.
    func wakeDispatcher()
    /// Every metric in the Prometheus text exposition format 0.0.4, its gauges read as of now.
    func metricsExposition() throws -> String
}
