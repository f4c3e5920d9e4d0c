import Foundation
import Logging
import ServiceLifecycle

/// Applies the project files at start-up, then evaluates the rules at once, every tick interval, and at each
/// decision time that comes sooner (`HeraldRuntime.nextDecisionTime(after:)`), so a repeat or a new day is acted
/// on when it falls due rather than up to a tick later. (Edits and reloads evaluate at once through the runtime.)
struct SchedulerService: Service {
    let runtime: HeraldRuntime
    let interval: Duration
    let now: @Sendable () -> Date
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
                try? await Task.sleep(for: await pause())
            }
        }
    }

    /// How long to sleep before the next tick.
    private func pause() async -> Duration {
        let time = now()
        guard let next = try? await runtime.nextDecisionTime(after: time) else { return interval }
        return Self.pause(interval: interval, from: time, until: next)
    }

    /// The tick interval, or the time until `next` when that is shorter (never negative).
    static func pause(interval: Duration, from time: Date, until next: Date) -> Duration {
        min(interval, .seconds(max(0, next.timeIntervalSince(time))))
    }
}
