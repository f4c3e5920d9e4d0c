#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Unix signals as async sequences, through a process-wide `sigaction` handler and a self-pipe.
///
/// A handler works whatever threads already exist. (A signal mask or signalfd, as libdispatch's signal
/// sources use on Linux, leaves the signal's default action in every thread that started before it,
/// so a SIGHUP or SIGTERM could kill the daemon instead of reloading or draining it.)
enum ProcessSignals {
    /// One element (the signal number) per delivery of any of `signals`.
    static func stream(_ signals: [Int32]) -> AsyncStream<Int32> {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let id = subscribers.withLock { state -> Int in
            state.nextID += 1
            state.entries[state.nextID] = (Set(signals), continuation)
            return state.nextID
        }
        continuation.onTermination = { _ in
            _ = subscribers.withLock { $0.entries.removeValue(forKey: id) }
        }
        for signal in signals { install(signal) }
        return stream
    }

    private struct Subscribers {
        var nextID = 0
        var entries: [Int: (signals: Set<Int32>, continuation: AsyncStream<Int32>.Continuation)] = [:]
        var installed = Set<Int32>()
    }

    private static let subscribers = Mutex(Subscribers())

    /// Starts the pipe reader once; returns the pipe's write end.
    private static let pipeWriteEnd: Int32 = {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return -1 }
        let readEnd = fds[0]
        let reader = Thread {
            var number: UInt8 = 0
            while read(readEnd, &number, 1) == 1 {
                let signal = Int32(number)
                let targets = subscribers.withLock { $0.entries.values.filter { $0.signals.contains(signal) } }
                for target in targets { target.continuation.yield(signal) }
            }
        }
        reader.name = "herald-signals"
        reader.start()
        return fds[1]
    }()

    private static func install(_ signal: Int32) {
        signalPipeWriteEnd = pipeWriteEnd
        let isNew = subscribers.withLock { $0.installed.insert(signal).inserted }
        guard isNew else { return }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { number in
            var byte = UInt8(truncatingIfNeeded: number)
            _ = write(signalPipeWriteEnd, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(signal, &action, nil)
    }
}

/// Set before any handler is installed; read by the handler, which only calls async-signal-safe `write`.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1
