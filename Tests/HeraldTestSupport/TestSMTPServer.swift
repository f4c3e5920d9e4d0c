import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A plain-text SMTP sink on 127.0.0.1 for delivery tests: an ephemeral port, EHLO/HELO, optional AUTH PLAIN,
/// MAIL FROM, RCPT TO, DATA with dot-unstuffing, RSET, NOOP and QUIT, and scriptable replies per stage (for
/// example `451` at the end of the first DATA, then the default `250`). It never offers STARTTLS.
public final class TestSMTPServer: Sendable {
    /// A point of the SMTP session whose reply can be scripted.
    public enum Stage: Hashable, Sendable {
        /// The `220` greeting when a client connects.
        case greeting
        /// The answer to `EHLO`.
        case ehlo
        /// The answer to the credentials of `AUTH PLAIN`.
        case auth
        /// The answer to `MAIL FROM`.
        case mailFrom
        /// The answer to each `RCPT TO`.
        case rcptTo
        /// The answer to `DATA` itself (`354` to go on).
        case data
        /// The answer after the message's terminating `.`.
        case endOfData
    }

    /// The port, fixed for the server's life.
    public let port: UInt16
    let core: SMTPServerCore

    /// Starts a server on an ephemeral port; `advertisesAuth` adds `AUTH PLAIN` to the `EHLO` answer.
    public init(advertisesAuth: Bool = false) throws {
        port = try ReceiverSocket.reserveEphemeralPort()
        core = SMTPServerCore(advertisesAuth: advertisesAuth)
        try core.start(port: port)
    }

    deinit {
        core.stop()
    }

    /// `smtp://127.0.0.1:PORT`.
    public var url: String { "smtp://127.0.0.1:\(port)" }

    /// Appends scripted replies for `stage`, used one per occurrence before that stage's default reply.
    /// A reply is the full text, such as `"451 4.3.0 try again later"`; multi-line replies use `\r\n`.
    public func script(_ stage: Stage, _ replies: String...) {
        core.state.withLock { $0.script[stage, default: []] += replies }
    }

    /// Every message received through `DATA`, in arrival order.
    public var messages: [ReceivedMail] { core.state.withLock { $0.messages } }

    /// Sessions (connections) accepted so far.
    public var sessionCount: Int { core.state.withLock { $0.sessionCount } }

    /// Every command line received, in order (`AUTH` credentials included, for tests that check them).
    public var commands: [String] { core.state.withLock { $0.commands } }

    /// Stops listening and closes every session.
    public func stop() { core.stop() }

    /// Waits until at least `count` messages have arrived or `timeout` passes; returns the messages so far.
    public func waitForMessages(count: Int, timeout: Duration = .seconds(20)) async -> [ReceivedMail] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let received = messages
            if received.count >= count || ContinuousClock.now >= deadline { return received }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// The server's shared state and its run; sessions hold this, not the server, so dropping the server stops it.
final class SMTPServerCore: Sendable {
    struct State {
        var script: [TestSMTPServer.Stage: [String]] = [:]
        var messages: [ReceivedMail] = []
        var commands: [String] = []
        var sessionCount = 0
        var run: ReceiverRun?
    }

    let advertisesAuth: Bool
    let state = Mutex(State())

    init(advertisesAuth: Bool) {
        self.advertisesAuth = advertisesAuth
    }

    func start(port: UInt16) throws {
        let run = try ReceiverRun(port: port)
        state.withLock { $0.run = run }
        run.startAccepting { [self] fd, stopFD in
            let number = state.withLock { state in
                state.sessionCount += 1
                return state.sessionCount
            }
            var session = SMTPSession(fd: fd, number: number, stopFD: stopFD, core: self)
            session.serve()
        }
    }

    func stop() {
        let run = state.withLock { state in
            defer { state.run = nil }
            return state.run
        }
        run?.stop()
    }

    /// The next scripted reply for `stage`, or `fallback`.
    func reply(_ stage: TestSMTPServer.Stage, fallback: String) -> String {
        state.withLock { state in
            guard var replies = state.script[stage], !replies.isEmpty else { return fallback }
            let reply = replies.removeFirst()
            state.script[stage] = replies
            return reply
        }
    }

    func record(command: String) {
        state.withLock { $0.commands.append(command) }
    }

    func record(_ mail: ReceivedMail) {
        state.withLock { $0.messages.append(mail) }
    }
}
