import Foundation
import HeraldCore
import HeraldStore
import Logging

/// `herald plan`: runs the daemon's own runtime over a copy of the store with a simulated clock, so the plan agrees
/// with what the daemon would do by construction.
///
/// The live store is copied (or the simulation starts empty) into a temporary directory; a `HeraldRuntime` over the
/// copy, its console output discarded and its dispatcher never started, applies the project files at the window's
/// start, then ticks at every decision instant (`HeraldRuntime.nextDecisionTime(after:)`) in the window. The plan
/// is then the copy's waiting deliveries released inside the window. The live store is never written.
public enum PlanSimulator {
    /// Simulates `window` for `configuration` (whose `stateDirectory` holds the live store, if any).
    /// - Parameter logger: Receives the runtime's events; the plan's warnings are returned, not logged.
    public static func run(configuration: Configuration, window: PlanWindow, logger: Logger) async throws -> Plan {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("herald-plan-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try HeraldStore.copy(directory: configuration.stateDirectory, to: scratch)
        var simulated = configuration
        simulated.stateDirectory = scratch
        let clock = SimulatedClock(window.from)
        let runtime = try HeraldRuntime(
            configuration: simulated,
            options: RuntimeOptions(now: { clock.now }, random: { 0.5 }, consoleOutput: { _ in }),
            logger: logger
        )
        do {
            let plan = try await simulate(runtime, configuration: configuration, window: window, clock: clock)
            await runtime.shutdown()
            return plan
        } catch {
            await runtime.shutdown()
            throw error
        }
    }

    private static func simulate(
        _ runtime: HeraldRuntime, configuration: Configuration, window: PlanWindow, clock: SimulatedClock
    ) async throws -> Plan {
        var unreachable = Warnings()
        var escalations = EscalationDeadlineCheck(configuration: configuration)
        unreachable.add(try await runtime.applyProjects().unreachable)
        var entries: [PlanEntry] = []
        var time = window.from
        while time < window.until {
            clock.set(time)
            unreachable.add(try await runtime.applyProjectsIfGraceEnded().unreachable)
            unreachable.add(try await runtime.tick().unreachable)
            if escalations.isNeeded { escalations.observe(try runtime.store.trackedMilestones(), at: time) }
            entries += try deliverDue(runtime.store, at: time, from: window.from)
            time = try await runtime.nextDecisionTime(after: time)
        }
        var held: [String: (count: Int, reason: String?)] = [:]
        for waiting in try runtime.store.waitingDeliveries() where waiting.delivery.nextAttemptAt < window.until {
            switch waiting.delivery.state {
            case .held:
                held[waiting.delivery.channel, default: (0, waiting.delivery.lastError)].count += 1
            default:
                let sendAt = max(waiting.delivery.nextAttemptAt, window.from)
                entries.append(PlanEntry(sendAt: sendAt, message: waiting.message))
            }
        }
        let disabled = held.sorted { $0.key < $1.key }.map { channel, held in
            "channel \(channel) is disabled (\(held.reason ?? "no reason recorded")): \(held.count) "
                + "message\(held.count == 1 ? "" : "s") held until `herald channels enable \(channel)`"
        }
        return Plan(window: window, entries: entries, warnings: unreachable.all + escalations.warnings() + disabled)
    }

    /// Records the deliveries due at `time` as delivered, as the dispatcher would, so that what follows (an
    /// escalation's "told before", who is told it is resolved) sees them sent; returns them as plan entries.
    private static func deliverDue(_ store: HeraldStore, at time: Date, from: Date) throws -> [PlanEntry] {
        let due = try store.leaseDueDeliveries(now: time, limit: .max, leaseSeconds: 1)
        try store.record(due.map { lease in
            (AttemptRecord(
                deliveryID: lease.delivery.id, startedAt: lease.delivery.nextAttemptAt, latencyMilliseconds: 0,
                httpStatus: nil, curlCode: nil, error: nil, responseExcerpt: nil
            ), DeliveryOutcome.delivered)
        })
        return due.map { PlanEntry(sendAt: max($0.delivery.nextAttemptAt, from), message: $0.message) }
    }

    /// Warnings in the order first seen, each once.
    private struct Warnings {
        private(set) var all: [String] = []
        private var seen: Set<String> = []

        mutating func add(_ warnings: [String]) {
            for warning in warnings where seen.insert(warning).inserted { all.append(warning) }
        }
    }
}
