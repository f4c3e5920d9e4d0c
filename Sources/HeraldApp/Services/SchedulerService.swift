import Logging
import ServiceLifecycle

/// Applies the project files at start-up, then evaluates the rules at once and every tick interval.
/// (Edits and reloads evaluate at once through the runtime.)
struct SchedulerService: Service {
    let runtime: HeraldRuntime
    let interval: Duration
    let logger: Logger

    func run() async throws {
        do {
            try await runtime.applyProjects()
        } catch {
            logger.error("cannot apply the project files", metadata: ["error": "\(error)"])
        }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await runtime.tick()
                } catch {
                    logger.error("rule evaluation failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
