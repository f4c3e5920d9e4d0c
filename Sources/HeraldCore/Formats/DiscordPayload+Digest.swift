/// A digest as a Discord message: the title and status as `content`, a first embed coloured by RAG with the
/// reason, rule and projects, then one embed per digest section.
extension DiscordPayload {
    /// The JSON bytes for a digest `message`: within every Discord limit; sections are shortened (with
    /// `…and N more`, the first embed's title linking to ``DigestReport/link`` when there is one) until the
    /// embeds fit ``embedsTotal``.
    static func digestBody(for message: OutgoingMessage, _ report: DigestReport) -> [UInt8] {
        let title = DigestWording.title(report)
        let content = ChatText.mentioning(message, "**\(escape(title))**: \(DigestWording.status(report))")
        func embeds(_ sections: [DigestSection]) -> [Embed] {
            let link = DigestSection.isSummarised(sections) ? report.link : nil
            let summary = Array(DigestWording.headline(report).dropFirst()) + DigestWording.notes(report)
            let projects = report.projects.prefix(maxFields).map { status in
                Field(name: status.project.name, value: DigestWording.projectStatus(status), inline: false)
            }
            let first = Embed(
                title: DigestWording.status(report), description: summary.joined(separator: "\n"), url: link,
                color: color(report.headline.status), fields: Array(projects)
            )
            return [first] + sections.prefix(maxEmbeds - 1).map {
                Embed(title: $0.title, description: $0.lines.map { "• " + $0 }.joined(separator: "\n"))
            }
        }
        let sections = DigestSection.fitting(DigestSection.sections(of: report)) {
            embeds($0).reduce(0) { $0 + $1.length } <= embedsTotal
        }
        let payload = Payload(
            content: contentLimit.truncating(content), embeds: embeds(sections),
            allowedMentions: AllowedMentions(message.mentions)
        )
        return JSONOutput.bytes(payload)
    }

    /// The most fields in one embed (Discord's).
    public static let maxFields = 25

    /// Green, amber or red as an embed colour.
    static func color(_ status: RAGStatus) -> Int {
        switch status {
        case .green: 0x2EB67D
        case .amber: 0xECB22E
        case .red: 0xE01E5A
        }
    }
}
