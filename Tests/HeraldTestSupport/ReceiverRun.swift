import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One listening period of a ``TestHTTPReceiver`` or ``TestSMTPServer``: the listening socket, a stop pipe every
/// thread polls, and the count of live threads (the accept thread and one per connection).
final class ReceiverRun: Sendable {
    let listenFD: Int32
    /// Readable once the run is stopping (a byte is written and never read).
    let stopReadFD: Int32
    private let stopWriteFD: Int32
    private let liveThreads = Mutex(0)

    init(port: UInt16) throws {
        listenFD = try ReceiverSocket.listen(port: port)
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else {
            close(listenFD)
            throw ReceiverSocket.Failure(description: "pipe: \(String(cString: strerror(errno)))")
        }
        stopReadFD = pipeFDs[0]
        stopWriteFD = pipeFDs[1]
    }

    /// Accepts connections on a thread of its own and runs `serve(fd, stopFD)` for each on another thread,
    /// closing the socket when it returns. `serve` should return once `stopFD` becomes readable.
    func startAccepting(_ serve: @escaping @Sendable (_ fd: Int32, _ stopFD: Int32) -> Void) {
        spawn { [self] in
            while ReceiverSocket.waitReadable(listenFD, stopFD: stopReadFD) {
                let fd = accept(listenFD, nil, nil)
                guard fd >= 0 else { continue }
                var one: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                spawn { [self] in
                    serve(fd, stopReadFD)
                    close(fd)
                }
            }
        }
    }

    /// Stops every thread of the run and waits (up to 5 s) for them to finish, then closes the sockets.
    func stop() {
        var byte: UInt8 = 1
        _ = write(stopWriteFD, &byte, 1)
        let deadline = ContinuousClock.now + .seconds(5)
        while liveThreads.withLock({ $0 }) > 0 && ContinuousClock.now < deadline {
            usleep(1000)
        }
        close(listenFD)
        close(stopReadFD)
        close(stopWriteFD)
    }

    private func spawn(_ body: @escaping @Sendable () -> Void) {
        liveThreads.withLock { $0 += 1 }
        let thread = Thread { [self] in
            body()
            liveThreads.withLock { $0 -= 1 }
        }
        thread.name = "test-receiver"
        thread.start()
    }
}
