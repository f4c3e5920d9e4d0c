import HeraldCore
import Yams

extension MainFileReader {
    /// The keys of `server:` read here: the digest and milestone links' lifetimes, the limits and the trusted
    /// proxies.
    static let serverLimitKeys = [
        "digest_link_ttl", "milestone_link_ttl", "idle_timeout", "request_timeout", "max_connections", "max_body_bytes",
        "trusted_proxies",
    ]

    /// `idle_timeout` and `request_timeout` (`30s`, `2m`), `max_connections` and `max_body_bytes` (positive whole
    /// numbers); each absent one keeps its default.
    func readServerLimits(_ fields: Fields) -> ServerLimits {
        var limits = ServerLimits()
        limits.idleTimeout = timeout(fields, "idle_timeout") ?? limits.idleTimeout
        limits.requestTimeout = timeout(fields, "request_timeout") ?? limits.requestTimeout
        limits.maxConnections = count(fields, "max_connections") ?? limits.maxConnections
        limits.maxBodyBytes = count(fields, "max_body_bytes") ?? limits.maxBodyBytes
        return limits
    }

    /// `trusted_proxies`: IP addresses or CIDR blocks (`10.0.0.7`, `192.168.0.0/16`, `fd00::/8`).
    func readTrustedProxies(_ node: Node) -> [AddressRange] {
        context.stringList(node, "'trusted_proxies'").compactMap { text, item in
            guard let range = AddressRange(parsing: text) else {
                context.error(
                    "trusted proxy '\(text)' must be an IP address or a CIDR block like 10.0.0.0/8", at: item
                )
                return nil
            }
            return range
        }
    }

    private func timeout(_ fields: Fields, _ key: String) -> Double? {
        guard let node = fields[key], let text = context.string(node, "'\(key)'") else { return nil }
        guard let seconds = Self.seconds(text), seconds > 0 else {
            context.error("'\(key)' must be a duration like 30s or 2m, not '\(text)'", at: node)
            return nil
        }
        return seconds
    }

    private func count(_ fields: Fields, _ key: String) -> Int? {
        guard let node = fields[key], let text = context.string(node, "'\(key)'") else { return nil }
        guard let value = Int(text), value > 0 else {
            context.error("'\(key)' must be a positive whole number, not '\(text)'", at: node)
            return nil
        }
        return value
    }
}
