import HeraldCore

extension HTTPSender.Format {
    /// The body of `message` in this format.
    func body(for message: OutgoingMessage) -> [UInt8] {
        switch self {
        case .webhook: WebhookPayload.body(for: message)
        case .slack: SlackPayload.body(for: message)
        case .teams(let readers): TeamsPayload.body(for: message, readers: readers)
        case .discord: DiscordPayload.body(for: message)
        case .mattermost: MattermostPayload.body(for: message)
        case .googlechat: GoogleChatPayload.body(for: message)
        }
    }

    /// The configured `url` with the query this format needs for `message`: Discord's `wait=true` (so that a
    /// message Discord does not save is an error), Google Chat's thread of the message's milestone.
    func url(_ url: String, for message: OutgoingMessage) -> String {
        switch self {
        case .discord:
            return URLQuery.setting([("wait", "true")], in: url)
        case .googlechat:
            guard let key = GoogleChatPayload.threadKey(for: message) else { return url }
            let parameters = [("threadKey", key), ("messageReplyOption", "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD")]
            return URLQuery.setting(parameters, in: url)
        case .webhook, .slack, .teams, .mattermost:
            return url
        }
    }

    /// What to record about a successful answer that does not confirm delivery: Teams Workflows accept with an
    /// empty 202 and never report whether the flow posted the message.
    func note(on result: HTTPResult) -> String? {
        guard case .teams = self, result.status == 202, result.body.isEmpty else { return nil }
        return "202 accepted (unconfirmed: Teams does not report delivery)"
    }
}
