import HeraldCore
import Yams

extension MainFileReader {
    /// `server.chat`: `slack: { signing_secret | signing_secret_file }`, `mattermost: { token | token_file }`.
    func readChat(_ node: Node) -> ChatSettings {
        var settings = ChatSettings()
        guard let fields = context.mapping(node, "'chat'", allowed: ["slack", "mattermost"]) else { return settings }
        if let slack = fields["slack"], let platform = context.mapping(
            slack, "'slack'", allowed: ["signing_secret", "signing_secret_file"]
        ) {
            settings.slackSigningSecret = platform.secret("signing_secret", in: "'slack'", required: true)
        }
        if let mattermost = fields["mattermost"], let platform = context.mapping(
            mattermost, "'mattermost'", allowed: ["token", "token_file"]
        ) {
            settings.mattermostToken = platform.secret("token", in: "'mattermost'", required: true)
        }
        return settings
    }

    /// Reports a `chat_id` given to two people (or twice to one): a command must map to one person.
    func checkChatIDs(_ people: Node) {
        guard case .mapping(let mapping) = people else { return }
        var owners: [String: String] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string, let ids = value.value(forKey: "chat_id") else { continue }
            let items: [Node] = if case .sequence(let sequence) = ids { Array(sequence) } else { [ids] }
            for item in items {
                guard let id = item.scalar?.string else { continue }
                if let owner = owners[id] {
                    context.error("chat_id '\(id)' is already \(owner)'s; one id names one person", at: item)
                } else {
                    owners[id] = key
                }
            }
        }
    }
}
