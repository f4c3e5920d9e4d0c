import Foundation
import HeraldCore
import Logging
import Synchronization

/// Sends due deliveries concurrently and records every attempt and its outcome.
///
/// Work comes only from the durable queue: a delivery is leased, sent, and its result recorded;
/// a crash before the record leaves the lease to expire (or be reclaimed at start-up), so the
/// delivery goes out again with the same message id. At-least-once, never lost.
public final class Dispatcher: Sendable {
    private let queue: any DeliveryQueue
    private let senders: SenderDirectory
    private let now: @Sendable () -> Date
    private let random: @Sendable () -> Double
    private let logger: Logger
    private let maxInFlight: Int
    private let leaseSeconds: Double
    private let stopping = Atomic<Bool>(false)
    /// Signal it when new deliveries were enqueued.
    public let wakeup = Wakeup()

    /// Creates a dispatcher.
    /// - Parameters:
    ///   - now: the clock; `random` gives numbers in [0, 1) for retry jitter.
    ///   - maxInFlight: the most attempts under way at once.
    ///   - leaseSeconds: how long a leased delivery stays reserved (longer than any attempt can take).
    public init(
        queue: any DeliveryQueue, senders: SenderDirectory, logger: Logger, maxInFlight: Int = 256,
        leaseSeconds: Double = 300, now: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.queue = queue
        self.senders = senders
        self.logger = logger
        self.maxInFlight = maxInFlight
        self.leaseSeconds = leaseSeconds
        self.now = now
        self.random = random
    }

    private enum Event: Sendable {
        case woke
        case attempted(AttemptRecord, DeliveryOutcome)
    }

    /// Runs until `stop()` (then finishes the attempts under way) or cancellation.
    public func run() async {
        await withTaskGroup(of: Event.self) { group in
            var inFlight = 0
            var waiting = false
            while true {
                let stop = stopping.load(ordering: .acquiring) || Task.isCancelled
                if !stop, inFlight < maxInFlight {
                    for (delivery, message) in lease(limit: maxInFlight - inFlight) {
                        group.addTask { await self.attempt(delivery, message) }
                        inFlight += 1
                    }
                }
                if stop, inFlight == 0 {
                    group.cancelAll()
                    return
                }
                if !waiting, !stop {
                    let timeout = sleepDuration()
                    group.addTask {
                        await self.wakeup.wait(timeout: timeout)
                        return .woke
                    }
                    waiting = true
                }
                guard let event = await group.next() else { return }
                switch event {
                case .woke:
                    waiting = false
                case .attempted(let attempt, let outcome):
                    inFlight -= 1
                    record(attempt, outcome)
                }
            }
        }
    }

    /// Stops leasing new work; `run()` returns once the attempts under way are recorded.
    public func stop() {
        stopping.store(true, ordering: .releasing)
        wakeup.signal()
    }

    private func lease(limit: Int) -> [(delivery: DeliveryRecord, message: OutgoingMessage)] {
        do {
            return try queue.leaseDueDeliveries(now: now(), limit: limit, leaseSeconds: leaseSeconds)
        } catch {
            logger.error("cannot lease deliveries", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// Until the next delivery is due, between 5 ms and 1 s.
    private func sleepDuration() -> Duration {
        let next = (try? queue.nextAttemptTime()) ?? nil
        let seconds = next.map { $0.timeIntervalSince(now()) } ?? 1
        return .milliseconds(Int64(min(max(seconds, 0.005), 1) * 1000))
    }

    private func attempt(_ delivery: DeliveryRecord, _ message: OutgoingMessage) async -> Event {
        let started = now()
        let entry = senders.entry(for: delivery.channel)
        let result = await entry?.sender.send(message, now: started)
            ?? SendResult(
                verdict: .retryable(reason: "channel '\(delivery.channel)' is not configured", retryAfter: nil),
                latencyMilliseconds: 0
            )
        let number = delivery.attempts + 1
        let outcome = RetryDecision.outcome(
            for: result.verdict, attempt: number, messageCreatedAt: message.createdAt, now: now(),
            policy: entry?.policy ?? .standard, unit: random()
        )
        let attempt = AttemptRecord(
            deliveryID: delivery.id, startedAt: started, latencyMilliseconds: result.latencyMilliseconds,
            httpStatus: result.httpStatus, curlCode: result.curlCode, error: result.verdict.reason,
            responseExcerpt: result.responseExcerpt
        )
        log(message: message, attempt: number, result: result, outcome: outcome)
        return .attempted(attempt, outcome)
    }

    private func record(_ attempt: AttemptRecord, _ outcome: DeliveryOutcome) {
        do {
            try queue.record([(attempt, outcome)])
        } catch {
            // The lease expires and the delivery is attempted again: at-least-once, never lost.
            logger.error("cannot record an attempt", metadata: ["delivery": "\(attempt.deliveryID)", "error": "\(error)"])
        }
        if case .retry = outcome { wakeup.signal() }
    }

    private func log(message: OutgoingMessage, attempt: Int, result: SendResult, outcome: DeliveryOutcome) {
        var metadata: Logger.Metadata = [
            "message": "\(message.id)", "channel": "\(message.channel)", "attempt": "\(attempt)",
            "latency_ms": "\(Int(result.latencyMilliseconds))",
        ]
        if let status = result.httpStatus { metadata["status"] = "\(status)" }
        switch outcome {
        case .delivered:
            logger.info("delivered", metadata: metadata)
        case .retry(let at, let reason):
            metadata["reason"] = "\(reason)"
            metadata["next_attempt"] = "\(ISO8601.string(at))"
            logger.warning("attempt failed, will retry", metadata: metadata)
        case .dead(let reason):
            metadata["reason"] = "\(reason)"
            logger.error("delivery dead", metadata: metadata)
        }
    }
}
