import Foundation

/// Turns a digest's report into its messages: one per channel its `to` resolves to, each naming the people it
/// reaches there, held like any message while everyone named is in quiet hours. Pure.
public struct DigestComposer: Sendable {
    public let configuration: Configuration
    /// The "Full digest" links; nil when the configuration has no `server.public_url` or no server key was had.
    public let links: DigestLinks?
    private let resolver: RecipientResolver
    private let reachability: Reachability

    /// Creates a composer for a configuration, whose reports link to their page with `links`.
    public init(configuration: Configuration, links: DigestLinks? = nil) {
        self.configuration = configuration
        self.links = links
        resolver = RecipientResolver(people: configuration.people, audiences: configuration.audiences)
        reachability = Reachability(
            calendar: configuration.calendar, people: configuration.people, channels: configuration.channels
        )
    }

    /// The messages of `report` for `definition`, created at `now`, and the recipients that reach no channel.
    ///
    /// `manager` and `sponsor` name those of every project the report covers; a person without a channel is
    /// reached on the project's channel only when the report covers one project. Message ids derive from the
    /// digest, `period` and channel, so a run decided again after a crash gets the same ids. The report gets its
    /// signed link under `server.public_url` (where a digest too long for a channel is summarised), and the text is
    /// worded by the `digest` template when `templates_dir` has one.
    public func messages(
        for report: DigestReport, definition: DigestDefinition, period: String, at now: Date
    ) -> (messages: [OutgoingMessage], unreachable: [String]) {
        var report = report
        report.link = report.link ?? links?.url(name: report.name, at: report.at, now: now)
        let covered = report.projects.compactMap { status in
            configuration.projects.first { $0.id == status.project.id }
        }
        var recipients: [Recipient] = []
        for recipient in definition.to {
            switch recipient {
            case .manager: recipients += covered.compactMap { $0.manager.map(Recipient.person) }
            case .sponsor: recipients += covered.compactMap { $0.sponsor.map(Recipient.person) }
            default: recipients.append(recipient)
            }
        }
        let single = covered.count == 1 ? covered.first : nil
        let (addresses, unreachable) = resolver.resolve(recipients, milestone: nil, project: single)
        let text = MessageText.digest(report, timeZone: definition.zone(default: configuration.calendar.timeZone))
        let messages = addresses.map { address in
            let hold = reachability.hold(channel: address.channel, recipients: address.people, at: now)
            var message = OutgoingMessage(
                id: MessageID.make(["digest", definition.name, period, address.channel]), createdAt: now,
                kind: .digest, rule: definition.name, project: single.map { ProjectRef(id: $0.id, name: $0.name) },
                milestones: [], channel: address.channel, recipients: address.people, mentions: address.mentions,
                text: text, digest: report, heldUntil: hold?.until, holdReason: hold?.reason
            )
            message.text = configuration.templates.text(for: message)
            return message
        }
        return (messages, unreachable.map { "digest \(definition.name): \($0.recipient): \($0.reason)" })
    }
}
