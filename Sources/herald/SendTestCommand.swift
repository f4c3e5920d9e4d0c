import ArgumentParser
import Foundation
import HeraldApp
import HeraldCore
import Logging

/// `herald send-test CHANNEL [--to ADDRESS]`: one test message, sent now through the channel's sender (not the outbox).
struct SendTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-test",
        abstract: "Send one test message to a channel now; exit 0 when delivered, 1 when not."
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "The channel name.") var channel: String
    @Option(name: .customLong("to"), help: "An email channel's test goes to this address (repeat for several).")
    var to: [String] = []

    func run() async throws {
        let configuration = try StateAccess.configuration(at: options.path)
        let logger = Logger(label: "herald") { _ in SwiftLogNoOpLogHandler() }
        if let problem = ChannelTest.problem(channel: channel, configuration: configuration, to: to) {
            print(problem)
            throw ExitCode(1)
        }
        guard let result = await ChannelTest.send(
            channel: channel, configuration: configuration, logger: logger, to: to
        ) else {
            print("no channel '\(channel)' in \(configuration.file)")
            throw ExitCode(1)
        }
        let status = result.httpStatus.map { "HTTP \($0)" } ?? (result.curlCode.map { "curl \($0)" } ?? "no status")
        print("\(result.verdict.isSuccess ? "delivered" : "not delivered"): \(status) in "
            + "\(Int(result.latencyMilliseconds.rounded())) ms")
        if let reason = result.verdict.reason { print("reason: \(TerminalText.safe(reason))") }
        if let answer = result.responseExcerpt { print("answer: \(TerminalText.safe(String(answer.prefix(200))))") }
        if !result.verdict.isSuccess { throw ExitCode(1) }
    }
}
