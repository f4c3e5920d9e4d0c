import Logging
import Synchronization

/// Keeps every message logged through its `logger`, for tests that assert what the daemon said.
final class LogRecorder: Sendable {
    private let messages = Mutex<[(level: Logger.Level, text: String)]>([])

    /// A logger whose messages (at `trace` and above) this recorder keeps.
    var logger: Logger {
        Logger(label: "test") { _ in Handler(recorder: self) }
    }

    /// The texts logged at `level`.
    func texts(at level: Logger.Level) -> [String] {
        messages.withLock { $0.filter { $0.level == level }.map(\.text) }
    }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.messages.withLock { $0.append((event.level, "\(event.message)")) }
        }
    }
}
