import HeraldStore
import Logging
import ServiceLifecycle

/// Copies the store's write-ahead log into its database file every `interval`, on a connection of its own, so
/// commits (a milestone change and its announcements, a delivery's outcome) never wait for the log's disk syncs.
struct CheckpointService: Service {
    let store: HeraldStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                do {
                    try store.checkpoint()
                } catch {
                    logger.warning("write-ahead log checkpoint failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
