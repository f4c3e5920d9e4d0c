import ArgumentParser

/// `herald digest`: stakeholder digests on demand.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Send a digest now.",
        subcommands: [DigestSendCommand.self]
    )
}
