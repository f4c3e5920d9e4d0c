import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Thin POSIX socket helpers for ``TestHTTPReceiver`` and ``TestSMTPServer``.
enum ReceiverSocket {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A free ephemeral port on 127.0.0.1 (bound once, then released).
    static func reserveEphemeralPort() throws -> UInt16 {
        let fd = try bind(port: 0)
        defer { close(fd) }
        return try boundPort(fd)
    }

    /// A listening socket on 127.0.0.1:`port`.
    static func listen(port: UInt16) throws -> Int32 {
        let fd = try bind(port: port)
        guard Glibc.listen(fd, 1024) == 0 else {
            let error = errno
            close(fd)
            throw Failure(description: "listen: \(String(cString: strerror(error)))")
        }
        return fd
    }

    private static func bind(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let error = errno
            close(fd)
            throw Failure(description: "bind 127.0.0.1:\(port): \(String(cString: strerror(error)))")
        }
        return fd
    }

    private static func boundPort(_ fd: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw Failure(description: "getsockname: \(String(cString: strerror(errno)))") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Waits until `fd` is readable (true) or `stopFD` is readable or `timeout` passes (false).
    /// A nil timeout waits forever.
    static func waitReadable(_ fd: Int32, stopFD: Int32, timeout: Duration? = nil) -> Bool {
        var fds = [
            pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: stopFD, events: Int16(POLLIN), revents: 0),
        ]
        let milliseconds = timeout.map { Int32(min(Double(Int32.max), max(0, ($0 / .milliseconds(1)).rounded(.up)))) }
        while true {
            let count = poll(&fds, 2, milliseconds ?? -1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 || fds[1].revents != 0 { return false }
            return fds[0].revents != 0
        }
    }

    /// Sleeps for `duration` unless `stopFD` becomes readable first; false when stopped.
    static func sleep(_ duration: Duration, stopFD: Int32) -> Bool {
        var fds = [pollfd(fd: stopFD, events: Int16(POLLIN), revents: 0)]
        let deadline = ContinuousClock.now + duration
        while ContinuousClock.now < deadline {
            let remaining = (deadline - ContinuousClock.now) / .milliseconds(1)
            let count = poll(&fds, 1, Int32(max(1, min(remaining.rounded(.up), 60_000))))
            if count > 0 { return false }
        }
        return true
    }

    /// Writes all of `bytes`; false on error (never raises SIGPIPE).
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                send(fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
