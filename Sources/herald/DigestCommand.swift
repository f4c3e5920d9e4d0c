import ArgumentParser

/// `herald digest`: stakeholder digests.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Stakeholder digests: preview what one would say.",
        subcommands: [DigestPreviewCommand.self]
    )
}
