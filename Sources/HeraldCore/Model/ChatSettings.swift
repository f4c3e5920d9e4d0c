/// The `server.chat` section: the secrets that prove a slash command came from its platform. A platform without
/// its secret refuses every command (401).
public struct ChatSettings: Hashable, Sendable {
    /// Slack's app signing secret, checked against `X-Slack-Signature`.
    public var slackSigningSecret: Secret?
    /// The Mattermost slash command's token, compared with the payload's `token`.
    public var mattermostToken: Secret?

    /// Creates chat settings.
    public init(slackSigningSecret: Secret? = nil, mattermostToken: Secret? = nil) {
        self.slackSigningSecret = slackSigningSecret
        self.mattermostToken = mattermostToken
    }
}
