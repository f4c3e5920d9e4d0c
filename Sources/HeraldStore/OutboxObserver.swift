import HeraldCore

/// Told what the outbox gained and lost, once the transaction that did it has committed (a transaction rolled back
/// tells nothing), on the writing connection's queue: keep it quick. The daemon counts these as metrics.
public protocol OutboxObserver: Sendable {
    /// These messages were committed to the outbox, each with its first delivery.
    func committed(messages: [OutgoingMessage])
    /// Deliveries to these channels (one entry per delivery) were withdrawn: they ended `cancelled`.
    func cancelled(channels: [String])
}
