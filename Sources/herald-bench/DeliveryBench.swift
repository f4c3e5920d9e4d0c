import Foundation
import HeraldApp
import HeraldCore
import HeraldDelivery
import HeraldStore
import HeraldTestSupport
import Logging

/// Delivery throughput with every state change committed, enqueue→delivered latency at a fixed
/// offered rate, and peak memory, against webhook receivers on 127.0.0.1. The daemon's metrics are recorded
/// (into a Prometheus registry) as in `herald serve`.
func deliveryBench(messages: Int, channels: Int, offeredRate: Int) async throws {
    let receivers = try (0..<channels).map { _ in try TestHTTPReceiver() }
    let directory = try TemporaryDirectory(prefix: "herald-delivery-bench")
    defer {
        receivers.forEach { $0.stop() }
        directory.remove()
    }
    var logger = Logger(label: "bench")
    logger.logLevel = .error
    let curl = CurlEngine(logger: logger)
    defer { curl.shutdown() }
    var entries: [String: SenderDirectory.Entry] = [:]
    let key = try! WebhookKey("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    for (index, receiver) in receivers.enumerated() {
        entries["hook\(index)"] = .init(
            sender: HTTPSender(url: Secret(receiver.url)!, format: .webhook(secrets: [key]), curl: curl),
            policy: .standard
        )
    }
    let senders = SenderDirectory(entries)
    // The receivers keep what they get; drop it as it comes so it does not count as Herald's memory.
    let drain = Task {
        while !Task.isCancelled {
            receivers.forEach { $0.clearRequests() }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
    defer { drain.cancel() }
    let backend = MetricsBackend.prometheus()
    let metrics = RuntimeMetrics(factory: backend.factory)

    // Throughput: the whole burst is in the outbox, then the dispatcher sends it.
    let burstStore = try HeraldStore(directory: directory.path + "/burst", observer: metrics)
    let enqueueSeconds = try await seconds {
        for start in stride(from: 0, to: messages, by: 1_000) {
            try burstStore.commit(
                ruleStates: [], messages: batch(start..<min(start + 1_000, messages), channels: channels),
                at: Date()
            )
        }
    }
    let sendSeconds = try await seconds {
        try await runDispatcher(store: burstStore, senders: senders, metrics: metrics, logger: logger) {
            try burstStore.deliveries(states: [.pending, .retrying], channel: nil, limit: 1).isEmpty
        }
    }
    let burstPeak = peakResidentMegabytes() // before the bench reads the results back
    let delivered = try burstStore.deliveries(states: [.delivered], channel: nil, limit: messages).count

    // Latency: messages offered at a fixed rate while the dispatcher runs.
    let latencyStore = try HeraldStore(directory: directory.path + "/latency", observer: metrics)
    let offered = min(messages, offeredRate * 10)
    try await runDispatcher(store: latencyStore, senders: senders, metrics: metrics, logger: logger) { dispatcher in
        let perTick = max(1, offeredRate / 100)
        var next = ContinuousClock.now
        for start in stride(from: 0, to: offered, by: perTick) {
            try latencyStore.commit(
                ruleStates: [], messages: batch(start..<min(start + perTick, offered), channels: channels), at: Date()
            )
            dispatcher.wakeup.signal()
            next += .milliseconds(10)
            try await Task.sleep(until: next)
        }
    } until: {
        try latencyStore.deliveries(states: [.pending, .retrying], channel: nil, limit: 1).isEmpty
    }
    let latencies = try latencyStore.deliveries(states: [.delivered], channel: nil, limit: offered)
        .compactMap { delivery in delivery.deliveredAt.map { $0.timeIntervalSince(delivery.createdAt) * 1000 } }
        .sorted()
    func percentile(_ p: Double) -> Double {
        latencies.isEmpty ? .nan : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
    }

    print("messages:                  \(messages) on \(channels) webhook channels (signed), receivers on 127.0.0.1")
    print(String(format: "enqueue (outbox commit):   %.3f s (%@)", enqueueSeconds, rate(messages, enqueueSeconds)))
    print(String(format: "burst delivered:           %d in %.3f s (%@, every attempt and outcome committed)",
                 delivered, sendSeconds, rate(delivered, sendSeconds)))
    print(String(format: "latency at %d/s offered:   p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d messages, enqueue→delivered)",
                 offeredRate, percentile(0.5), percentile(0.99), latencies.last ?? .nan, latencies.count))
    print(String(format: "peak resident memory:      %.1f MB during the burst, %.1f MB at the end of the bench",
                 burstPeak, peakResidentMegabytes()))
    let counted = backend.exposition().split(separator: "\n")
        .filter { $0.hasPrefix(DeliveryMetrics.deliveriesLabel) && $0.contains("outcome=\"delivered\"") }
        .compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.reduce(0, +)
    print("metrics:                   \(counted) deliveries counted delivered (\(delivered + latencies.count) stored)")
}

/// `count` test messages spread round-robin over the channels.
private func batch(_ range: Range<Int>, channels: Int) -> [OutgoingMessage] {
    let now = Date()
    return range.map { index in
        OutgoingMessage(
            id: MessageID.make(["bench", String(index), String(now.timeIntervalSince1970)]), createdAt: now,
            kind: .reminder, rule: "bench", project: ProjectRef(id: "bench", name: "Bench"), milestones: [],
            channel: "hook\(index % channels)", recipients: ["alice"], mentions: ["@alice"],
            text: "Benchmark message \(index) is due in 3 business days."
        )
    }
}

/// Runs a dispatcher while `produce` runs, until `done` holds, then stops it and waits for its last records.
private func runDispatcher(
    store: HeraldStore, senders: SenderDirectory, metrics: RuntimeMetrics, logger: Logger,
    produce: (Dispatcher) async throws -> Void = { _ in }, until done: () throws -> Bool
) async throws {
    let dispatcher = Dispatcher(queue: store, senders: senders, logger: logger, metrics: metrics.delivery)
    let task = Task { await dispatcher.run() }
    try await produce(dispatcher)
    while try !done() { try await Task.sleep(for: .milliseconds(2)) }
    dispatcher.stop()
    await task.value
}
