import CCurlShim
import Dispatch
import Foundation
import Logging

/// The libcurl engine: one dedicated thread owns a `CURLM` and every easy handle, and runs all transfers
/// concurrently on it; callers `await` results without any blocking call on the Swift concurrency pool.
///
/// Every transfer always gets `NOSIGNAL`, connect and total timeouts, the request's protocol allow-list (for
/// redirects too) and no redirect following. Connections are kept in the multi handle's cache and reused.
/// Call ``shutdown()`` when done; every pending ``perform(_:)`` then returns an aborted result (curl code 42).
public final class CurlEngine: Sendable {
    /// Tuning for the multi handle and its loop.
    public struct Configuration: Sendable {
        /// Simultaneous transfers per scheme, host and port, also set as `CURLMOPT_MAX_HOST_CONNECTIONS`;
        /// 0 means unlimited. Transfers beyond it wait in the engine in arrival order, and the wait counts
        /// toward their total timeout.
        public var maxHostConnections: Int
        /// `CURLMOPT_MAX_TOTAL_CONNECTIONS`: simultaneous connections overall; 0 means unlimited.
        public var maxTotalConnections: Int
        /// The longest single `curl_multi_poll` wait; capped at 1 second.
        public var pollTimeout: Duration

        /// Creates a configuration; defaults: 8 connections per host, no overall cap, 1 s poll.
        public init(maxHostConnections: Int = 8, maxTotalConnections: Int = 0, pollTimeout: Duration = .seconds(1)) {
            self.maxHostConnections = maxHostConnections
            self.maxTotalConnections = maxTotalConnections
            self.pollTimeout = pollTimeout
        }
    }

    private let mailbox: CurlMailbox
    /// Signalled by the loop thread when it has finished; used as a latch (each waiter re-signals).
    private let exited = DispatchSemaphore(value: 0)

    /// `curl_global_init(CURL_GLOBAL_DEFAULT)`, run once per process (Swift runs a static initialiser once).
    private static let globalInitCode: Int = Int(herald_global_init_default().rawValue)

    /// Runs `curl_global_init(CURL_GLOBAL_DEFAULT)` if it has not run yet; returns its `CURLcode` (0 = OK).
    ///
    /// libcurl wants this before other threads start: call it early in `main`. The first engine calls it
    /// otherwise.
    @discardableResult
    public static func initializeLibcurl() -> Int {
        globalInitCode
    }

    /// Starts the engine's thread. The `logger` never receives URLs.
    public init(configuration: Configuration = Configuration(), logger: Logger) {
        precondition(Self.globalInitCode == 0, "curl_global_init failed with code \(Self.globalInitCode)")
        guard let raw = curl_multi_init() else {
            preconditionFailure("curl_multi_init failed")
        }
        let multi = MultiHandleRef(raw: raw)
        _ = herald_multi_setopt_long(raw, CURLMOPT_MAX_HOST_CONNECTIONS, max(0, configuration.maxHostConnections))
        _ = herald_multi_setopt_long(raw, CURLMOPT_MAX_TOTAL_CONNECTIONS, max(0, configuration.maxTotalConnections))
        let mailbox = CurlMailbox(multi: multi)
        self.mailbox = mailbox
        let exited = self.exited
        let thread = Thread {
            CurlLoop(multi: multi, mailbox: mailbox, configuration: configuration, logger: logger).run()
            exited.signal()
        }
        thread.name = "herald-curl"
        thread.start()
    }

    deinit {
        shutdown()
    }

    /// Runs `request` and returns its result; never throws; a failure is described in the result.
    ///
    /// Cancelling the calling task aborts the transfer (curl code 42, "request cancelled").
    public func perform(_ request: HTTPRequest) async -> HTTPResult {
        let start = ContinuousClock.now
        let id = mailbox.makeID()
        let mailbox = self.mailbox
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                mailbox.submit(CurlSubmission(id: id, request: request, continuation: continuation, submittedAt: start))
            }
        } onCancel: {
            mailbox.cancel(id)
        }
    }

    /// Submits `request` over SMTP on the engine's thread and returns its result: ``HTTPResult/status`` holds
    /// the last SMTP reply code and ``HTTPResult/body`` the server's last reply line. Never throws.
    public func perform(_ request: SMTPRequest) async -> HTTPResult {
        await perform(request.transfer)
    }

    /// Stops the engine: transfers still queued or in flight end at once with an aborted result (curl code 42,
    /// "engine shut down"), and later calls to ``perform(_:)`` return that result immediately.
    ///
    /// Blocks until the loop thread has exited, which takes at most one loop iteration (it is woken at once).
    /// Safe to call more than once and from several threads.
    public func shutdown() {
        _ = mailbox.requestStop()
        exited.wait()
        exited.signal()
    }
}
