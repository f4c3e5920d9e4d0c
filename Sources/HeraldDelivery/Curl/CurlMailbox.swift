import CCurlShim
import Synchronization

/// The hand-over point between callers and the loop thread: submissions, cancellations and the stop request,
/// all under one lock. The loop drains everything in one batch per iteration.
final class CurlMailbox: Sendable {
    /// What the loop picks up in one iteration.
    struct Batch {
        var submissions: [CurlSubmission]
        var cancelled: [UInt64]
        var stopping: Bool
    }

    private enum Phase {
        case running
        case stopping
        case finished
    }

    private struct State {
        var pending: [CurlSubmission] = []
        var cancelled: [UInt64] = []
        var wakeupPending = false
        var phase = Phase.running
        var nextID: UInt64 = 1
    }

    private let state = Mutex(State())
    private let multi: MultiHandleRef

    init(multi: MultiHandleRef) {
        self.multi = multi
    }

    /// A fresh transfer id.
    func makeID() -> UInt64 {
        state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
    }

    /// Queues `submission` for the loop, or resumes it at once when the engine is stopping or the calling
    /// task is already cancelled.
    func submit(_ submission: CurlSubmission) {
        let refusal: String? = state.withLock { state in
            guard case .running = state.phase else { return "engine shut down" }
            guard !Task.isCancelled else { return "request cancelled" }
            state.pending.append(submission)
            wakeLocked(&state)
            return nil
        }
        if let refusal {
            submission.abort(refusal)
        }
    }

    /// Asks the loop to abort transfer `id` if it is still running.
    func cancel(_ id: UInt64) {
        state.withLock { state in
            guard case .running = state.phase else { return }
            state.cancelled.append(id)
            wakeLocked(&state)
        }
    }

    /// Takes everything queued since the last call.
    func drain() -> Batch {
        state.withLock { state in
            let batch = Batch(
                submissions: state.pending, cancelled: state.cancelled, stopping: state.phase != .running
            )
            state.pending.removeAll(keepingCapacity: true)
            state.cancelled.removeAll()
            state.wakeupPending = false
            return batch
        }
    }

    /// Asks the loop to stop; true for the first call only.
    func requestStop() -> Bool {
        state.withLock { state in
            guard case .running = state.phase else { return false }
            state.phase = .stopping
            wakeLocked(&state)
            return true
        }
    }

    /// Marks the mailbox finished (no more wake-ups touch the multi handle) and returns the submissions that
    /// arrived after the last drain, for the loop to abort.
    func finish() -> [CurlSubmission] {
        state.withLock { state in
            state.phase = .finished
            defer { state.pending.removeAll() }
            return state.pending
        }
    }

    /// Wakes the loop's `curl_multi_poll` unless a wake-up is already on its way. Call with the lock held.
    private func wakeLocked(_ state: inout State) {
        guard !state.wakeupPending, state.phase != .finished else { return }
        state.wakeupPending = true
        _ = curl_multi_wakeup(multi.raw)
    }
}
