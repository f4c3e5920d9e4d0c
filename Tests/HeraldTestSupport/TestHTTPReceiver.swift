import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 for delivery tests: an ephemeral port, keep-alive, `Content-Length`
/// bodies, and a script of answers (status, headers, body, delay, hang, close) before a default answer.
///
/// It can be created stopped (`start: false`: the port then refuses connections) and stopped and started again
/// on the same port, to play a receiver that is down and then comes back.
public final class TestHTTPReceiver: Sendable {
    /// The port, fixed for the receiver's life.
    public let port: UInt16
    /// The path of ``url``.
    public let path: String
    let core: ReceiverCore

    /// Creates a receiver on `port` (0: an ephemeral one) and starts it unless `start` is false.
    public init(port: UInt16 = 0, path: String = "/hook", start: Bool = true) throws {
        self.path = path
        let chosen = port == 0 ? try ReceiverSocket.reserveEphemeralPort() : port
        self.port = chosen
        core = ReceiverCore(port: chosen)
        if start {
            try core.start()
        }
    }

    deinit {
        core.stop()
    }

    /// `http://127.0.0.1:PORT/hook` (with the receiver's path).
    public var url: String { url(path: path) }

    /// `http://127.0.0.1:PORT` followed by `path`.
    public func url(path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Starts listening (again) on ``port``. Does nothing when already running.
    public func start() throws { try core.start() }

    /// Stops listening and closes every connection (hanging ones included). Safe to call twice.
    public func stop() { core.stop() }

    /// True between ``start()`` and ``stop()``.
    public var isRunning: Bool { core.isRunning }

    /// Appends scripted answers, used one per request in arrival order before the default answer.
    public func enqueue(_ responses: TestResponse...) { core.enqueue(responses) }

    /// Appends scripted answers, used one per request in arrival order before the default answer.
    public func enqueue(_ responses: [TestResponse]) { core.enqueue(responses) }

    /// The answer once the script is used up (initially `200 ok`).
    public var defaultResponse: TestResponse {
        get { core.state.withLock { $0.defaultResponse } }
        set { core.state.withLock { $0.defaultResponse = newValue } }
    }

    /// Every request received so far, in arrival order.
    public var requests: [ReceivedRequest] { core.state.withLock { $0.requests } }

    /// Connections accepted so far (over the receiver's whole life).
    public var connectionCount: Int { core.state.withLock { $0.connectionCount } }

    /// Forgets the requests received so far.
    public func clearRequests() { core.state.withLock { $0.requests.removeAll() } }

    /// Waits until at least `count` requests have arrived or `timeout` passes; returns the requests so far.
    public func waitForRequests(count: Int, timeout: Duration = .seconds(20)) async -> [ReceivedRequest] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let received = requests
            if received.count >= count || ContinuousClock.now >= deadline { return received }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// The receiver's shared state and its current run; threads hold this, not the receiver, so that dropping the
/// receiver stops it.
final class ReceiverCore: Sendable {
    struct State {
        var plan: [TestResponse] = []
        var defaultResponse = TestResponse.ok
        var requests: [ReceivedRequest] = []
        var connectionCount = 0
        var run: ReceiverRun?
    }

    let port: UInt16
    let state = Mutex(State())

    init(port: UInt16) {
        self.port = port
    }

    var isRunning: Bool { state.withLock { $0.run != nil } }

    func start() throws {
        try state.withLock { state in
            guard state.run == nil else { return }
            let run = try ReceiverRun(port: port)
            state.run = run
            run.startAccepting { [self] fd, stopFD in
                var connection = ReceiverConnection(fd: fd, number: connectionAccepted(), stopFD: stopFD, core: self)
                connection.serve()
            }
        }
    }

    func stop() {
        let run = state.withLock { state in
            defer { state.run = nil }
            return state.run
        }
        run?.stop()
    }

    func enqueue(_ responses: [TestResponse]) {
        state.withLock { $0.plan += responses }
    }

    /// Records a request and returns the answer for it.
    func record(_ request: ReceivedRequest) -> TestResponse {
        state.withLock { state in
            state.requests.append(request)
            return state.plan.isEmpty ? state.defaultResponse : state.plan.removeFirst()
        }
    }

    /// Counts a new connection and returns its number.
    func connectionAccepted() -> Int {
        state.withLock { state in
            state.connectionCount += 1
            return state.connectionCount
        }
    }
}
