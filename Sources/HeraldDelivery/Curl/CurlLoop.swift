import CCurlShim
import Foundation
import Logging

/// The body of the engine's thread: owns the multi handle and every easy handle, and loops
/// drain → start → perform → collect → poll until asked to stop.
///
/// At most `maxPerHost` transfers per host are in the multi handle at once; the rest wait here in arrival
/// order, their waiting time counting toward their total timeout.
final class CurlLoop {
    private let multi: MultiHandleRef
    private let mailbox: CurlMailbox
    private let pollTimeoutMilliseconds: Int32
    private let maxPerHost: Int
    private let logger: Logger
    private var transfers: [UInt: CurlTransfer] = [:]
    private var keysByID: [UInt64: UInt] = [:]
    private var hosts: [String: CurlHostQueue] = [:]
    /// ``CurlHostQueue/key(for:)`` by URL: senders post to few URLs, and deriving a key costs more than a lookup.
    private var hostKeys: [String: String] = [:]
    private var waitingCount = 0
    private var lastExpirySweep = ContinuousClock.now

    /// How often waiting submissions are checked against their total timeout.
    private static let expirySweepInterval = Duration.milliseconds(50)

    init(multi: MultiHandleRef, mailbox: CurlMailbox, configuration: CurlEngine.Configuration, logger: Logger) {
        self.multi = multi
        self.mailbox = mailbox
        self.pollTimeoutMilliseconds = Int32(min(1000, configuration.pollTimeout.curlMilliseconds))
        self.maxPerHost = configuration.maxHostConnections > 0 ? configuration.maxHostConnections : Int.max
        self.logger = logger
    }

    /// Runs until the mailbox asks to stop, then aborts what is left and cleans up the multi handle.
    func run() {
        logger.debug("curl engine loop started")
        while true {
            let batch = mailbox.drain()
            for submission in batch.submissions {
                submit(submission)
            }
            for id in batch.cancelled {
                cancel(id)
            }
            if batch.stopping { break }
            var running: Int32 = 0
            let performCode = curl_multi_perform(multi.raw, &running)
            if performCode != CURLM_OK {
                logger.error("curl_multi_perform failed", metadata: ["code": "\(performCode.rawValue)"])
            }
            collectCompleted()
            expireWaiting()
            let timeout = waitingCount > 0
                ? min(pollTimeoutMilliseconds, Int32(Self.expirySweepInterval.curlMilliseconds))
                : pollTimeoutMilliseconds
            let pollCode = curl_multi_poll(multi.raw, nil, 0, timeout, nil)
            if pollCode != CURLM_OK {
                logger.error("curl_multi_poll failed", metadata: ["code": "\(pollCode.rawValue)"])
                usleep(10_000)
            }
        }
        var aborted = 0
        for key in Array(transfers.keys) {
            if let transfer = remove(key) {
                transfer.submission.abort("engine shut down")
                aborted += 1
            }
        }
        for key in Array(hosts.keys) {
            for submission in hosts[key]?.removeAll(where: { _ in true }) ?? [] {
                submission.abort("engine shut down")
                aborted += 1
            }
        }
        hosts.removeAll()
        waitingCount = 0
        for submission in mailbox.finish() {
            submission.abort("engine shut down")
            aborted += 1
        }
        curl_multi_cleanup(multi.raw)
        logger.debug("curl engine loop stopped", metadata: ["aborted": "\(aborted)"])
    }

    // MARK: - Admission

    private func submit(_ submission: CurlSubmission) {
        let key = hostKey(for: submission.request.url)
        if hosts[key, default: CurlHostQueue()].active < maxPerHost {
            start(submission, hostKey: key)
        } else {
            hosts[key, default: CurlHostQueue()].append(submission)
            waitingCount += 1
        }
        dropIfIdle(key)
    }

    private func hostKey(for url: String) -> String {
        if let key = hostKeys[url] { return key }
        if hostKeys.count >= Self.maxRememberedURLs { hostKeys.removeAll(keepingCapacity: true) }
        let key = CurlHostQueue.key(for: url)
        hostKeys[url] = key
        return key
    }

    /// How many URLs' host keys are remembered (Google Chat and Discord URLs vary with their query).
    private static let maxRememberedURLs = 1024

    /// Starts waiting submissions of `key` while it has free slots.
    private func promote(_ key: String) {
        while let queue = hosts[key], queue.active < maxPerHost, queue.waitingCount > 0,
            let next = hosts[key]?.popFirst()
        {
            waitingCount -= 1
            start(next, hostKey: key)
        }
        dropIfIdle(key)
    }

    private func dropIfIdle(_ key: String) {
        if hosts[key]?.isIdle == true { hosts[key] = nil }
    }

    private func cancel(_ id: UInt64) {
        if let key = keysByID[id], let transfer = remove(key) {
            transfer.submission.abort("request cancelled")
            promote(transfer.hostKey)
            return
        }
        for key in Array(hosts.keys) {
            let removed = hosts[key]?.removeAll { $0.id == id } ?? []
            for submission in removed {
                waitingCount -= 1
                submission.abort("request cancelled")
            }
            if !removed.isEmpty {
                dropIfIdle(key)
                return
            }
        }
    }

    /// Fails waiting submissions whose total timeout ran out before a slot freed up (curl code 28).
    private func expireWaiting() {
        guard waitingCount > 0 else { return }
        let now = ContinuousClock.now
        guard now - lastExpirySweep >= Self.expirySweepInterval else { return }
        lastExpirySweep = now
        for key in Array(hosts.keys) {
            let expired = hosts[key]?.removeAll { now - $0.submittedAt >= $0.request.totalTimeout } ?? []
            waitingCount -= expired.count
            for submission in expired {
                submission.continuation.resume(returning: Self.queueTimeout(submission, now: now))
            }
            dropIfIdle(key)
        }
    }

    private static func queueTimeout(_ submission: CurlSubmission, now: ContinuousClock.Instant) -> HTTPResult {
        HTTPResult(
            status: nil, curlCode: 28,
            curlMessage: "Timeout was reached: no free connection to the host within the total timeout",
            latency: (now - submission.submittedAt).seconds
        )
    }

    // MARK: - Transfers

    /// Creates, configures and adds the easy handle, or resumes the caller with the failure.
    private func start(_ submission: CurlSubmission, hostKey: String) {
        let now = ContinuousClock.now
        let remaining = submission.request.totalTimeout - (now - submission.submittedAt)
        guard remaining > .zero else {
            submission.continuation.resume(returning: Self.queueTimeout(submission, now: now))
            return
        }
        guard let easy = curl_easy_init() else {
            fail(submission, code: 27, message: "out of memory (curl_easy_init)")
            return
        }
        let transfer = CurlTransfer(
            submission: submission, easy: easy, hostKey: hostKey, timeoutMilliseconds: remaining.curlMilliseconds
        )
        if let failure = transfer.configure() {
            fail(submission, code: failure.code, message: failure.message)
            return
        }
        let added = curl_multi_add_handle(multi.raw, easy)
        guard added == CURLM_OK else {
            fail(submission, code: 2, message: "curl_multi_add_handle: \(String(cString: curl_multi_strerror(added)))")
            return
        }
        transfers[transfer.key] = transfer
        keysByID[transfer.id] = transfer.key
        hosts[hostKey, default: CurlHostQueue()].active += 1
    }

    private func fail(_ submission: CurlSubmission, code: Int, message: String) {
        submission.continuation.resume(returning: HTTPResult(
            status: nil, curlCode: code, curlMessage: message,
            latency: (ContinuousClock.now - submission.submittedAt).seconds
        ))
    }

    private func collectCompleted() {
        var easy: UnsafeMutableRawPointer?
        var code = CURLE_OK
        var finishedHosts: Set<String> = []
        while herald_multi_next_done(multi.raw, &easy, &code) != 0 {
            guard let easy, let transfer = remove(UInt(bitPattern: easy)) else { continue }
            transfer.submission.continuation.resume(returning: transfer.result(code: code))
            finishedHosts.insert(transfer.hostKey)
        }
        for key in finishedHosts {
            promote(key)
        }
    }

    /// Detaches a transfer from the multi handle and the loop's tables; the caller resumes its continuation
    /// exactly once, and dropping the transfer cleans up its easy handle.
    private func remove(_ key: UInt) -> CurlTransfer? {
        guard let transfer = transfers.removeValue(forKey: key) else { return nil }
        keysByID[transfer.id] = nil
        hosts[transfer.hostKey]?.active -= 1
        _ = curl_multi_remove_handle(multi.raw, transfer.easy)
        return transfer
    }
}
