import Foundation
import HeraldCore

/// The `console` channel: prints the chat-style line on standard output.
public struct ConsoleSender: ChannelSender {
    private let zone: TimeZone
    private let output: @Sendable (String) -> Void

    /// Creates a console sender writing lines through `output` (standard output by default).
    public init(zone: TimeZone, output: @escaping @Sendable (String) -> Void = StandardOutput.writeLine) {
        self.zone = zone
        self.output = output
    }

    public func send(_ message: OutgoingMessage, now: Date) async -> SendResult {
        output(ConsoleLine.channelLine(for: message, in: zone))
        return SendResult(verdict: .success, latencyMilliseconds: 0)
    }
}

/// Unbuffered line writes to standard output, so lines appear at once under systemd too.
public enum StandardOutput {
    /// Writes `line` and a newline, then flushes.
    @Sendable public static func writeLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
