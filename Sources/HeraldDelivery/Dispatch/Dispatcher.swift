import Foundation
import HeraldCore
import Logging
import Metrics
import Synchronization

/// Sends due deliveries concurrently and records every attempt and its outcome.
///
/// Work comes only from the durable queue: a delivery is leased, sent, and its result recorded;
/// a crash before the record leaves the lease to expire (or be reclaimed at start-up), so the
/// delivery goes out again with the same message id. At-least-once, never lost.
///
/// When results cannot be recorded (a full disk), they are kept in memory and recorded as soon as the store can be
/// written again, tried every ``recordRetryDelay``; meanwhile nothing new is leased and the deliveries kept are not
/// sent again, so a full disk sends no duplicates. ``storeWriteFailure`` says why while it lasts.
public final class Dispatcher: Sendable {
    private let queue: any DeliveryQueue
    private let senders: SenderDirectory
    private let now: @Sendable () -> Date
    private let random: @Sendable () -> Double
    private let logger: Logger
    private let maxInFlight: Int
    private let leaseSeconds: Double
    private let stopping = Atomic<Bool>(false)
    private let running = Atomic<Bool>(false)
    private let writeFailure = Mutex<String?>(nil)
    private let metrics: DeliveryMetrics
    private let onChannelDisabled: @Sendable (ChannelStatus) -> Void
    /// Each channel's pacing and circuit breaker.
    public let gates: ChannelGates
    /// Signal it when new deliveries were enqueued.
    public let wakeup = Wakeup()

    /// Creates a dispatcher.
    /// - Parameters:
    ///   - now: the clock; `random` gives numbers in [0, 1) for retry jitter.
    ///   - maxInFlight: the most attempts under way at once.
    ///   - leaseSeconds: how long a leased delivery stays reserved (longer than any attempt can take).
    ///   - breaker: the circuit breaker each channel starts with.
    ///   - onChannelDisabled: called after a gone endpoint disabled a channel (its deliveries are held).
    ///   - metrics: where each attempt's latency and each recorded outcome are counted.
    public init(
        queue: any DeliveryQueue, senders: SenderDirectory, logger: Logger, maxInFlight: Int = 256,
        leaseSeconds: Double = 300, now: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        breaker: CircuitBreaker = CircuitBreaker(),
        onChannelDisabled: @escaping @Sendable (ChannelStatus) -> Void = { _ in },
        metrics: DeliveryMetrics = DeliveryMetrics(factory: NOOPMetricsHandler.instance)
    ) {
        self.gates = ChannelGates(breaker: breaker)
        self.onChannelDisabled = onChannelDisabled
        self.queue = queue
        self.senders = senders
        self.logger = logger
        self.maxInFlight = maxInFlight
        self.leaseSeconds = leaseSeconds
        self.now = now
        self.random = random
        self.metrics = metrics
    }

    /// Whether `run()` is under way: it has started and not returned.
    public var isRunning: Bool {
        running.load(ordering: .acquiring)
    }

    /// Why the dispatcher's last write to the store (a lease, a record of results) failed, `disk full: …`, while it
    /// cannot write (results wait in memory to be recorded meanwhile); nil while its writes succeed.
    public var storeWriteFailure: String? {
        writeFailure.withLock { $0 }
    }

    private enum Event: Sendable {
        case woke
        case attempted(Finished)
    }

    /// An attempt's result waiting to be recorded, with its delivery's channel for the metrics.
    private typealias Finished = (attempt: AttemptRecord, outcome: DeliveryOutcome, channel: String)

    /// Runs until `stop()` (then finishes the attempts under way) or cancellation.
    ///
    /// Leases and records are batched: new work is leased when a batch of slots is free, and results are
    /// recorded together once a batch has gathered or the oldest has waited `recordDelay`.
    public func run() async {
        running.store(true, ordering: .releasing)
        defer { running.store(false, ordering: .releasing) }
        await withTaskGroup(of: Event.self) { group in
            var inFlight = 0
            /// Deliveries leased and not yet recorded: never attempted twice at once, even when the clock jumps
            /// past their lease.
            var unrecorded = Set<Int64>()
            var waiting = false
            var finished: [Finished] = []
            var oldestFinished = ContinuousClock.now
            /// Set while the last try to record failed: when to try again. Nothing is leased meanwhile.
            var retryRecordingAt: ContinuousClock.Instant?
            var tally = DeliveryTally(since: now())
            while true {
                let stop = stopping.load(ordering: .acquiring) || Task.isCancelled
                let free = maxInFlight - inFlight
                if !stop, retryRecordingAt == nil, free >= min(Self.batch, maxInFlight) || inFlight == 0 {
                    for (delivery, message) in lease(limit: free) where unrecorded.insert(delivery.id).inserted {
                        group.addTask { await self.attempt(delivery, message) }
                        inFlight += 1
                    }
                }
                let due = retryRecordingAt.map { ContinuousClock.now >= $0 }
                    ?? (finished.count >= Self.batch || inFlight == 0
                        || ContinuousClock.now - oldestFinished >= Self.recordDelay)
                if !finished.isEmpty, due || stop {
                    if record(finished) {
                        for result in finished {
                            unrecorded.remove(result.attempt.deliveryID)
                            tally.count(result.outcome)
                        }
                        finished.removeAll(keepingCapacity: true)
                        retryRecordingAt = nil
                    } else {
                        retryRecordingAt = .now + Self.recordRetryDelay
                    }
                }
                if let summary = tally.summary(at: now(), final: stop && inFlight == 0) {
                    logger.info("\(summary)")
                }
                if stop, inFlight == 0 {
                    // Results still unrecorded (the store cannot be written) are lost here: their leases expire and
                    // the deliveries go out again after a restart, at-least-once.
                    group.cancelAll()
                    return
                }
                if !waiting, !stop {
                    let timeout = finished.isEmpty ? sleepDuration()
                        : retryRecordingAt == nil ? Self.recordDelay : Self.recordRetryDelay
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
                case .attempted(let result):
                    inFlight -= 1
                    if finished.isEmpty {
                        oldestFinished = .now
                        if waiting { wakeup.signal() } // the waiter may sleep long: shorten it to recordDelay
                    }
                    finished.append(result)
                }
            }
        }
    }

    /// Leases and records are done this many at a time.
    private static let batch = 64
    /// The longest a finished attempt waits to be recorded with others.
    private static let recordDelay = Duration.milliseconds(5)
    /// How long results that could not be recorded wait before the next try.
    private static let recordRetryDelay = Duration.milliseconds(250)

    /// Stops leasing new work; `run()` returns once the attempts under way are recorded.
    public func stop() {
        stopping.store(true, ordering: .releasing)
        wakeup.signal()
    }

    /// Leases due deliveries of the channels that may start attempts, and starts what their gates admit; the rest
    /// (a paced channel's later messages in one lease, say) is postponed, spaced by the channel's rate, so each is
    /// leased again about when it may start.
    private func lease(limit: Int) -> [(delivery: DeliveryRecord, message: OutgoingMessage)] {
        let time = now()
        let leased: [(delivery: DeliveryRecord, message: OutgoingMessage)]
        do {
            leased = try queue.leaseDueDeliveries(
                now: time, limit: limit, leaseSeconds: leaseSeconds, excluding: Set(gates.blocked(now: time).keys)
            )
            writeSucceeded()
        } catch {
            writeFailed("cannot lease deliveries", error)
            return []
        }
        var admitted: [(delivery: DeliveryRecord, message: OutgoingMessage)] = []
        var postponed: [String: [Int64]] = [:]
        for item in leased {
            let rate = senders.entry(for: item.delivery.channel)?.rate
            if gates.admit(item.delivery.channel, rate: rate, now: time) {
                admitted.append(item)
            } else {
                postponed[item.delivery.channel, default: []].append(item.delivery.id)
            }
        }
        if !postponed.isEmpty {
            let times = postponed.flatMap { channel, ids in
                zip(ids, gates.schedule(channel, count: ids.count, now: time)).map { (id: $0, until: $1) }
            }
            do {
                try queue.postpone(times)
            } catch {
                logger.error("cannot postpone paced deliveries", metadata: ["error": "\(error)"])
            }
        }
        return admitted
    }

    /// Until the next delivery is due or a blocked channel may go again, between 5 ms and 1 s.
    private func sleepDuration() -> Duration {
        let time = now()
        let blocked = gates.blocked(now: time)
        let next = (try? queue.nextAttemptTime(excluding: Set(blocked.keys))) ?? nil
        let wake = ([next] + blocked.values.map(Optional.some)).compactMap { $0 }.min()
        let seconds = wake.map { $0.timeIntervalSince(time) } ?? 1
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
        let answered = now()
        if let probe = gates.record(
            delivery.channel, verdict: result.verdict, quotaResetsIn: result.quotaResetsIn, now: answered
        ) {
            logger.warning(
                "circuit breaker open: no attempts to the channel until a probe",
                metadata: ["channel": "\(delivery.channel)", "probe_at": "\(ISO8601.string(probe))"]
            )
            pause(delivery.channel, ChannelPause(until: probe, reason: Self.breakerReason))
        }
        if let wait = result.quotaResetsIn, wait > 0 {
            pause(delivery.channel, ChannelPause(until: answered.addingTimeInterval(wait), reason: Self.quotaReason))
        }
        let number = delivery.attempts + 1
        // A message's age counts from its release, a replay's from the replay, a released hold's from its release.
        let outcome = RetryDecision.outcome(
            for: result.verdict, attempt: number, messageCreatedAt: delivery.ageOrigin(of: message), now: now(),
            policy: entry?.policy ?? .standard, unit: random()
        )
        let attempt = AttemptRecord(
            deliveryID: delivery.id, startedAt: started, latencyMilliseconds: result.latencyMilliseconds,
            httpStatus: result.httpStatus, curlCode: result.curlCode, error: result.verdict.reason,
            responseExcerpt: result.recordedExcerpt
        )
        log(message: message, attempt: number, result: result, outcome: outcome)
        return .attempted((attempt, outcome, delivery.channel))
    }

    /// Why a channel pauses after its receiver said its quota is spent.
    private static let quotaReason = "the receiver's rate limit quota is spent (X-RateLimit-Remaining: 0)"
    /// Why a channel pauses after its circuit breaker opened.
    private static let breakerReason = "circuit breaker open after repeated retryable failures"

    /// Makes the pause of `channel` visible: in the store for `herald channels` and the dashboard, and as a metric.
    private func pause(_ channel: String, _ pause: ChannelPause) {
        metrics.paused(channel: channel, until: pause.until)
        do {
            try queue.pause(channel: channel, pause)
        } catch {
            logger.error("cannot record a channel's pause", metadata: ["channel": "\(channel)", "error": "\(error)"])
        }
    }

    /// Records the results in one transaction; once committed, their latencies and outcomes are counted.
    /// - Returns: False when the store could not be written: the results are to be kept and recorded later.
    private func record(_ results: [Finished]) -> Bool {
        do {
            let disabled = try queue.record(results.map { ($0.attempt, $0.outcome) })
            writeSucceeded()
            for result in results {
                metrics.recorded(
                    DeliveryMetrics.Outcome(result.outcome), channel: result.channel,
                    latencyMilliseconds: result.attempt.latencyMilliseconds
                )
            }
            for status in disabled {
                logger.error(
                    "channel disabled: its endpoint is gone; its messages are held",
                    metadata: [
                        "channel": "\(status.channel)", "reason": "\(status.disabledReason ?? "")",
                        "held": "\(status.heldCount)",
                    ]
                )
                onChannelDisabled(status)
                wakeup.signal() // the announcement may be waiting in the outbox
            }
        } catch {
            // Kept in memory and tried again: sending them again after their lease would duplicate them.
            writeFailed(
                "cannot record attempts: their results are kept and recorded once the store can be written", error
            )
            return false
        }
        let retries = results.contains {
            if case .retry = $0.outcome { return true }
            return false
        }
        if retries { wakeup.signal() } // a retry may fall due before the current sleep ends
        return true
    }

    /// Notes that a write to the store failed with `error` (``storeWriteFailure``); logs `what` on the first failure
    /// of a run, not on every retry.
    private func writeFailed(_ what: String, _ error: any Error) {
        let failure = "\(error)"
        let first = writeFailure.withLock { stored in
            defer { stored = failure }
            return stored == nil
        }
        if first { logger.error("\(what)", metadata: ["error": "\(failure)"]) }
    }

    /// Notes that a write to the store succeeded; logs the end of a run of failures.
    private func writeSucceeded() {
        guard let failure = writeFailure.withLock({ $0.take() }) else { return }
        logger.notice("the store can be written again", metadata: ["was": "\(failure)"])
    }

    /// Logs one attempt: at debug when delivered or to be retried (the minute's summary counts them at info), at
    /// error when the delivery is dead or held (someone has to act).
    private func log(message: OutgoingMessage, attempt: Int, result: SendResult, outcome: DeliveryOutcome) {
        let level: Logger.Level = switch outcome {
        case .delivered, .retry: .debug
        case .dead, .held: .error
        }
        // The metadata is a handful of strings per attempt: build it only when it will be logged.
        guard logger.logLevel <= level else { return }
        var metadata: Logger.Metadata = [
            "message": "\(message.id)", "channel": "\(message.channel)", "attempt": "\(attempt)",
            "latency_ms": "\(Int(result.latencyMilliseconds))",
        ]
        if let status = result.httpStatus { metadata["status"] = "\(status)" }
        if let note = result.note { metadata["note"] = "\(note)" }
        switch outcome {
        case .delivered:
            logger.debug("delivered", metadata: metadata)
        case .retry(let at, let reason):
            metadata["reason"] = "\(reason)"
            metadata["next_attempt"] = "\(ISO8601.string(at))"
            logger.debug("attempt failed, will retry", metadata: metadata)
        case .dead(let reason):
            metadata["reason"] = "\(reason)"
            logger.error("delivery dead", metadata: metadata)
        case .held(let reason):
            metadata["reason"] = "\(reason)"
            logger.error("endpoint gone: delivery held", metadata: metadata)
        }
    }
}
