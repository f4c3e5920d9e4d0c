import Foundation
import Glibc
import Testing
@testable import HeraldApp

@Suite struct SystemdAndSignalTests {
    /// A datagram socket standing in for systemd's `NOTIFY_SOCKET`.
    final class FakeNotifySocket {
        let path: String
        let fd: Int32

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8))").path
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            try #require(bound == 0)
        }

        func receive() -> String {
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            return count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : ""
        }

        deinit {
            close(fd)
            unlink(path)
        }
    }

    @Test func notifierSendsStatesToTheSocketAndReadsTheWatchdogInterval() throws {
        let socket = try FakeNotifySocket()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "30000000"])
        #expect(notifier.watchdogInterval == .seconds(15))
        #expect(notifier.notify("READY=1"))
        #expect(socket.receive() == "READY=1")
        #expect(notifier.notify("STOPPING=1"))
        #expect(socket.receive() == "STOPPING=1")
    }

    @Test func withoutNotifySocketNothingIsSent() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(notifier.socketPath == nil)
        #expect(notifier.watchdogInterval == nil)
        #expect(notifier.notify("READY=1") == false)
    }

    @Test func aSignalArrivesOnTheStreamInsteadOfKillingTheProcess() async throws {
        // SIGWINCH's default action is to be ignored, so a broken handler fails the test instead of the run.
        let signals = ProcessSignals.stream([SIGWINCH])
        kill(getpid(), SIGWINCH)
        var iterator = signals.makeAsyncIterator()
        #expect(await iterator.next() == SIGWINCH)
    }
}
