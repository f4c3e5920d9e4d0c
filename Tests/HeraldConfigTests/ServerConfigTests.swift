import Foundation
import HeraldConfig
import HeraldCore
import Testing

/// `server.ack_link_ttl`: how long acknowledgement links work; seven days unless set, an interval when set.
@Suite struct ServerConfigTests {
    static func load(_ server: String) throws -> Result<Configuration, ConfigError> {
        let (result, directory) = try ConfigFixture.load(main: server + "\n" + ConfigFixture.main)
        directory.remove()
        return result
    }

    @Test(arguments: [
        ("server: { listen: 127.0.0.1:9470 }", Interval.days(7)),
        ("server: { listen: 127.0.0.1:9470, ack_link_ttl: 48h }", .hours(48)),
        ("server: { listen: 127.0.0.1:9470, ack_link_ttl: 2 business_days }", .businessDays(2)),
    ])
    func theLinkLifetimeIsRead(server: String, lifetime: Interval) throws {
        #expect(try Self.load(server).get().server?.ackLinkLifetime == lifetime)
    }

    @Test func aBadLifetimeIsAnErrorAtItsPlace() throws {
        guard case .failure(let error) = try Self.load("server: { listen: 127.0.0.1:9470, ack_link_ttl: forever }")
        else {
            Issue.record("expected an error")
            return
        }
        #expect(error.diagnostics.map(\.description) == [
            "herald.yaml:1:49: error: 'ack_link_ttl' must be an interval such as 4h, 2d or 1 business_day, "
                + "not 'forever'",
        ])
    }
}
