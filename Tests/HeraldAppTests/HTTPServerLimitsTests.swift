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
        func readUntilClosed() -> String? {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                if count == 0 { return String(decoding: received, as: UTF8.self) }
                if count < 0 { return errno == ECONNRESET ? String(decoding: received, as: UTF8.self) : nil }
                received += buffer[0..<count]
            }
        }

        func close() {
            Glibc.close(descriptor)
        }
    }

    struct ReceiverFailure: Error, CustomStringConvertible {
        let description: String
    }

    @Test func slowAndIdleClientsCannotStarveTheServer() async throws {
        let receiver = try TestHTTPReceiver()
        let port = Int.random(in: 40_000...59_999)
        let base = "http://127.0.0.1:\(port)"
        let fixture = try AppFixture(
            receiverURL: receiver.url, milestones: "  - { id: design, owner: alice, due: 2026-12-04 }",
            extraRules: """
                server: { listen: "127.0.0.1:\(port)", api_token: s3cret, idle_timeout: 2s, request_timeout: 1s }
                """
        )
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-01", 10))
        let (group, _) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: clock), logger: Logger(label: "test")
        )
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var health = await HTTPServerEndToEndTests.get(base + "/healthz")
            for _ in 0..<50 where health == nil {
                try await Task.sleep(for: .milliseconds(100))
                health = await HTTPServerEndToEndTests.get(base + "/healthz")
            }
            #expect(health?.status == 200)
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
                #expect(socket.readUntilClosed() == "", "an idle or trickling connection is closed, unanswered")
                socket.close()
            }
            let answer = slowBody.readUntilClosed()
            #expect(answer?.hasPrefix("HTTP/1.1 408") == true, "\(answer ?? "not closed")")
            slowBody.close()
            #expect(await HTTPServerEndToEndTests.get(base + "/healthz")?.status == 200)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
