import ArgumentParser
import Foundation
import HeraldApp
import HeraldCore
import HeraldStore

/// `herald digest send NAME`: builds a digest now and puts its messages in the outbox.
struct DigestSendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send a digest now, whatever its schedule.",
        discussion: """
            Builds the digest as it stands and queues one message per channel its 'to' reaches; the daemon \
            delivers them (at once when it runs, else when it starts). The send is recorded, so the next scheduled \
            digest reports what changed since this one; it does not replace the next scheduled run. \
            Exit 1 for an unknown digest.
            """
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "The digest's name, as in 'digests:'.") var name: String

    func run() throws {
        let configuration = try StateAccess.configuration(at: options.path)
        let store = try HeraldStore(directory: configuration.stateDirectory)
        let key = try configuration.server.map { _ in
            try ServerKeyFile.load(stateDirectory: configuration.stateDirectory)
        }
        let links = key.flatMap { DigestLinks(configuration: configuration, key: $0) }
        let runner = DigestRunner(configuration: configuration, store: store, links: links)
        guard let outcome = try runner.send(name: name, at: Date()) else {
            print("no digest '\(name)' in \(configuration.file)")
            throw ExitCode(1)
        }
        for problem in outcome.unreachable { print("unreachable: \(problem)") }
        let count = outcome.messages.count
        print("digest \(name): \(count) message\(count == 1 ? "" : "s") queued"
            + (count == 0 ? "" : ": " + outcome.messages.map { "\($0.id) to \($0.channel)" }.joined(separator: ", ")))
    }
}
