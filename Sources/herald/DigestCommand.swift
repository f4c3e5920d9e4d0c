import ArgumentParser

/// `herald digest`: stakeholder digests on demand.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Stakeholder digests: preview what the next one would say, or send one now.",
        subcommands: [DigestPreviewCommand.self, DigestSendCommand.self]
    )
}
