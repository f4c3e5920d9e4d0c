import HeraldCore
import Logging

extension HeraldRuntime {
    /// The state directory's server key (made there when missing) when the configuration has a `server:` section,
    /// read again on every reload so that a `server.key` deleted or replaced takes effect at SIGHUP; nil without one.
    static func serverKey(for configuration: Configuration) throws -> ServerKey? {
        guard configuration.server != nil else { return nil }
        return try ServerKeyFile.load(stateDirectory: configuration.stateDirectory)
    }

    /// The rule engine for `configuration`. With `server.public_url` set and a server key, its escalation notices
    /// carry acknowledgement links and its messages about one milestone a link to the milestone's page, signed with
    /// `key`; without a key they go without links rather than not at all.
    static func engine(for configuration: Configuration, key: ServerKey?) -> RuleEngine {
        guard let key, let links = AckLinks(configuration: configuration, key: key) else {
            return RuleEngine(configuration: configuration)
        }
        return RuleEngine(
            configuration: configuration, ackLinks: links,
            milestoneLinks: MilestoneLinks(configuration: configuration, key: key)
        )
    }

    /// The digests' "Full digest" links for `configuration`, signed with `key`; nil without `server.public_url` or a
    /// key (then digests carry no link).
    static func digestLinks(for configuration: Configuration, key: ServerKey?) -> DigestLinks? {
        key.flatMap { DigestLinks(configuration: configuration, key: $0) }
    }
}
