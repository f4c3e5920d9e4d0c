import Foundation
import HeraldConfig
import HeraldCore
import Testing

/// The limits of `server:` (`idle_timeout`, `request_timeout`, `max_connections`, `max_body_bytes`), the digest
/// links' `digest_link_ttl` and `trusted_proxies`: documented defaults, read when set, errors at their place.
@Suite struct ServerLimitsConfigTests {
    static func server(_ text: String) throws -> Result<Configuration, ConfigError> {
        try ServerConfigTests.load("server: { listen: 127.0.0.1:9470\(text) }")
    }

    @Test func theDefaultsAreThoseDocumented() throws {
        let server = try #require(try Self.server("").get().server)
        #expect(server.limits == ServerLimits(
            idleTimeout: 30, requestTimeout: 60, maxConnections: 256, maxBodyBytes: 65_536
        ))
        #expect(server.digestLinkLifetime == .days(30))
        #expect(server.milestoneLinkLifetime == .days(30))
        #expect(server.trustedProxies.isEmpty)
    }

    @Test func setLimitsAreRead() throws {
        let server = try #require(try Self.server(
            ", idle_timeout: 10s, request_timeout: 2m, max_connections: 64, max_body_bytes: 1024, "
                + "digest_link_ttl: 7d, milestone_link_ttl: 2 business_days, trusted_proxies: [10.0.0.0/8, \"::1\"]"
        ).get().server)
        #expect(server.limits == ServerLimits(
            idleTimeout: 10, requestTimeout: 120, maxConnections: 64, maxBodyBytes: 1024
        ))
        #expect(server.digestLinkLifetime == .days(7))
        #expect(server.milestoneLinkLifetime == .businessDays(2))
        #expect(server.trustedProxies.map(\.description) == ["10.0.0.0/8", "::1"])
        #expect(server.trustedProxies.first?.contains("10.20.30.40") == true)
    }

    @Test(arguments: [
        (", idle_timeout: soon",
         "herald.yaml:1:49: error: 'idle_timeout' must be a duration like 30s or 2m, not 'soon'"),
        (", request_timeout: 0s",
         "herald.yaml:1:52: error: 'request_timeout' must be a duration like 30s or 2m, not '0s'"),
        (", max_connections: -1",
         "herald.yaml:1:52: error: 'max_connections' must be a positive whole number, not '-1'"),
        (", max_body_bytes: 64KiB",
         "herald.yaml:1:51: error: 'max_body_bytes' must be a positive whole number, not '64KiB'"),
        (", trusted_proxies: [10.0.0.0/8, proxy.local]",
         "herald.yaml:1:65: error: trusted proxy 'proxy.local' must be an IP address or a CIDR block like 10.0.0.0/8"),
    ])
    func aBadValueIsAnErrorAtItsPlace(text: String, expected: String) throws {
        guard case .failure(let error) = try Self.server(text) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.diagnostics.map(\.description) == [expected])
    }
}
