import HeraldCore
import Logging

extension HeraldRuntime {
    /// The rule engine for `configuration`. With `server.public_url` set, its escalation notices carry
    /// acknowledgement links signed with the state directory's server key (made there when missing); a key that
    /// cannot be had is logged, and the notices go without links rather than not at all.
    static func engine(for configuration: Configuration, logger: Logger) -> RuleEngine {
        guard configuration.server?.publicURL != nil else { return RuleEngine(configuration: configuration) }
        do {
            let key = try ServerKeyFile.load(stateDirectory: configuration.stateDirectory)
            return RuleEngine(configuration: configuration, ackLinks: AckLinks(configuration: configuration, key: key))
        } catch {
            logger.error("escalation notices go without acknowledgement links", metadata: ["error": "\(error)"])
            return RuleEngine(configuration: configuration)
        }
    }
}
