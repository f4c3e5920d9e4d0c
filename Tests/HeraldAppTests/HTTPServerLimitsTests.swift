import Foundation
#if canImport(Glibc)
import Glibc
#endif
import HeraldApp
import HeraldTestSupport
import Logging
import Testing

/// The server's limits over real sockets on 127.0.0.1: 120 idle or slow clients do not starve `/healthz`, the idle
/// ones are closed after `idle_timeout`, and a request whose body never completes gets a 408 after
/// `request_timeout`.
@Suite struct HTTPServerLimitsTests {
    /// A blocking TCP client socket; reads give up after 30 s so that a broken server fails the test, not hangs it.
    struct ClientSocket {
        let descriptor: Int32

        init(port: Int) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else {
                Glibc.close(descriptor)
                throw ReceiverFailure(description: "connect: \(String(cString: strerror(errno)))")
            }
        }

        func send(_ text: String) {
            _ = text.utf8CString.withUnsafeBufferPointer { Glibc.send(descriptor, $0.baseAddress, $0.count - 1, 0) }
        }

        /// Everything the server sends until it closes the connection; nil when it has not closed within 30 s.
        /// The blocking reads run on a Dispatch thread, so they never hold a thread of the pool the server runs on.
        func readUntilClosed() async -> String? {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: blockingReadUntilClosed()) }
            }
        }

        private func blockingReadUntilClosed() -> String? {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                if count == 0 { return String(decoding: received, as: UTF8.self) }
                if count < 0 { return errno == ECONNRESET ? String(decoding: received, as: UTF8.self) : nil }
                received += buffer[0..<count]
            }
        }

        /// Whether the server has closed the connection already (its end is read, or it was reset), without waiting.
        func isClosed() -> Bool {
            var byte: UInt8 = 0
            let count = recv(descriptor, &byte, 1, Int32(MSG_DONTWAIT))
            return count == 0 || (count < 0 && errno == ECONNRESET)
        }

        func close() {
            Glibc.close(descriptor)
        }
    }

    /// Builds and runs the daemon with `server` settings (besides `listen` and `api_token: s3cret`; may be empty),
    /// waits until it listens (probing with sockets closed at once, so they hold no connection), runs `body` with its
    /// port, then shuts it down.
    static func withServer(_ server: String, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let port = try FreePort.onLoopback()
        let settings = ["listen: \"127.0.0.1:\(port)\"", "api_token: s3cret", server].filter { !$0.isEmpty }
        let fixture = try AppFixture(
            receiverURL: receiver.url, milestones: "  - { id: design, owner: alice, due: 2026-12-04 }",
            extraRules: "server: { \(settings.joined(separator: ", ")) }"
        )
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-01", 10))
        let (group, _) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: clock), logger: Logger(label: "test")
        )
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var probe = try? ClientSocket(port: port)
            for _ in 0..<50 where probe == nil {
                try await Task.sleep(for: .milliseconds(100))
                probe = try? ClientSocket(port: port)
            }
            try #require(probe != nil, "the server listens")
            probe?.close()
            try await body(port)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    struct ReceiverFailure: Error, CustomStringConvertible {
        let description: String
    }

    @Test func slowAndIdleClientsCannotStarveTheServer() async throws {
        try await Self.withServer("idle_timeout: 4s, request_timeout: 3s") { port in
            let base = "http://127.0.0.1:\(port)"
            let idle = try (0..<120).map { _ in try ClientSocket(port: port) }
            for (index, socket) in idle.enumerated() where index.isMultiple(of: 2) {
                socket.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            }
            let slowBody = try ClientSocket(port: port)
            slowBody.send(
                "PATCH /api/v1/projects/apollo/milestones/design HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer s3cret\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
            )
            #expect(await HTTPServerEndToEndTests.get(base + "/healthz")?.status == 200, "others are still served")
            #expect(
                await HTTPServerEndToEndTests.get(base + "/api/v1/projects", token: "s3cret")?.status == 200
            )
            for socket in idle {
                let answer = await socket.readUntilClosed()
                #expect(answer == "", "an idle or trickling connection is closed, unanswered")
                socket.close()
            }
            let answer = await slowBody.readUntilClosed()
            #expect(answer?.hasPrefix("HTTP/1.1 408") == true, "\(answer ?? "not closed")")
            slowBody.close()
            #expect(await HTTPServerEndToEndTests.get(base + "/healthz")?.status == 200)
        }
    }

    @Test func connectionsBeyondTheCapWaitUntilOneCloses() async throws {
        try await Self.withServer("idle_timeout: 1s, max_connections: 2") { port in
            // More than the cap, as the server may accept a few connections at once before it checks the count.
            let idle = try (0..<8).map { _ in try ClientSocket(port: port) }
            let waiting = try ClientSocket(port: port)
            waiting.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            let answer = await waiting.readUntilClosed()
            #expect(answer?.hasPrefix("HTTP/1.1 200") == true, "\(answer ?? "not answered")")
            #expect(idle.contains { $0.isClosed() }, "the third was taken only once an idle one was closed")
            for socket in idle { socket.close() }
            waiting.close()
        }
    }
}
