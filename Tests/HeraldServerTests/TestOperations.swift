import HeraldServer
import Synchronization

/// The daemon's side as a test sets it: a dispatcher that runs or not and counts its wake-ups, and fixed metrics.
final class TestOperations: DaemonOperations {
    private let running = Atomic<Bool>(true)
    private let wakes = Atomic<Int>(0)
    private let writeFailure = Mutex<String?>(nil)
    /// What `metricsExposition()` answers.
    static let exposition = "# TYPE herald_queue_depth gauge\nherald_queue_depth 1\n"

    var isDispatcherRunning: Bool { running.load(ordering: .relaxed) }

    /// How often the dispatcher was woken.
    var wakeCount: Int { wakes.load(ordering: .relaxed) }

    var storeWriteFailure: String? { writeFailure.withLock { $0 } }

    func setDispatcherRunning(_ value: Bool) {
        running.store(value, ordering: .relaxed)
    }

    func setStoreWriteFailure(_ value: String?) {
        writeFailure.withLock { $0 = value }
    }

    func wakeDispatcher() {
        wakes.add(1, ordering: .relaxed)
    }

    func metricsExposition() throws -> String {
        Self.exposition
    }
}
