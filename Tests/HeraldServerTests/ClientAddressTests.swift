import Foundation
import HTTPTypes
import HeraldCore
import HeraldStore
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import HeraldServer

/// The login throttle counts each client address on its own; `X-Forwarded-For` names the client only when the
/// connection's peer is one of `server.trusted_proxies`.
@Suite struct ClientAddressTests {
    static let proxies = ["10.0.0.0/8", "2001:db8::/32"].compactMap(AddressRange.init(parsing:))

    @Test(arguments: [
        ("203.0.113.9", [], "203.0.113.9"),
        ("203.0.113.9", ["198.51.100.1"], "203.0.113.9"),
        ("10.0.0.2", ["198.51.100.1"], "198.51.100.1"),
        ("10.0.0.2", ["6.6.6.6, 198.51.100.1"], "198.51.100.1"),
        ("10.0.0.2", ["198.51.100.1, 10.1.1.1"], "198.51.100.1"),
        ("10.0.0.2", ["198.51.100.1", "10.1.1.1"], "198.51.100.1"),
        ("10.0.0.2", ["10.9.9.9, 10.1.1.1"], "10.9.9.9"),
        ("10.0.0.2", [], "10.0.0.2"),
        ("2001:db8::7", ["192.0.2.44"], "192.0.2.44"),
        ("::ffff:10.0.0.2", ["192.0.2.44"], "192.0.2.44"),
        ("2001:db9::7", ["192.0.2.44"], "2001:db9::7"),
    ] as [(String, [String], String)])
    func theForwardedAddressCountsOnlyFromATrustedProxy(peer: String, forwarded: [String], client: String) {
        #expect(ClientAddress.resolve(peer: peer, forwardedFor: forwarded, trusted: Self.proxies) == client)
    }

    @Test(arguments: [
        ("10.0.0.0/8", "10.255.1.2", true), ("10.0.0.0/8", "11.0.0.1", false), ("192.0.2.7", "192.0.2.7", true),
        ("192.0.2.7", "192.0.2.8", false), ("192.0.2.0/25", "192.0.2.127", true),
        ("192.0.2.0/25", "192.0.2.128", false), ("::1", "::1", true), ("fd00::/8", "fd12::1", true),
        ("fd00::/8", "fe80::1", false), ("0.0.0.0/0", "8.8.8.8", true), ("10.0.0.0/8", "::1", false),
        ("10.0.0.0/8", "not-an-ip", false),
    ])
    func aRangeHoldsTheAddressesOfItsPrefix(range: String, address: String, contained: Bool) throws {
        #expect(try #require(AddressRange(parsing: range)).contains(address) == contained)
    }

    @Test(arguments: ["10.0.0.0/33", "::/129", "10.0.0", "proxy.example.com", "10.0.0.0/", "10.0.0.0/-1", ""])
    func aMalformedRangeIsRefused(text: String) {
        #expect(AddressRange(parsing: text) == nil)
    }

    /// Ten wrong tokens through the live server, from the forwarded client `guesser`, then a login from `other`.
    static func guessThenLogIn(
        trusting proxies: [String], guesser: String, other: String
    ) async throws -> HTTPResponse.Status {
        let fixture = try ServerFixture()
        var configuration = fixture.configuration
        configuration.server?.trustedProxies = proxies.compactMap(AddressRange.init(parsing:))
        let status = StatusBox()
        try await fixture.test(configuration: configuration, setup: .live) { client in
            for _ in 0..<10 {
                try await client.execute(
                    uri: "/login", method: .post, headers: Self.form(from: guesser), body: body("token=guess")
                ) { #expect($0.status == .unauthorized) }
            }
            try await client.execute(
                uri: "/login", method: .post, headers: Self.form(from: guesser), body: body("token=s3cret")
            ) { #expect($0.status == .tooManyRequests, "the guesser waits") }
            try await client.execute(
                uri: "/login", method: .post, headers: Self.form(from: other), body: body("token=s3cret")
            ) { response in status.value.withLock { $0 = response.status } }
        }
        return try #require(status.value.withLock { $0 })
    }

    @Test func behindATrustedProxyOneGuesserLocksOnlyItself() async throws {
        let status = try await Self.guessThenLogIn(trusting: ["127.0.0.1"], guesser: "203.0.113.9", other: "192.0.2.1")
        #expect(status == .seeOther, "another client logs in")
    }

    @Test func fromAnUntrustedPeerTheForwardedAddressIsIgnored() async throws {
        let status = try await Self.guessThenLogIn(trusting: [], guesser: "203.0.113.9", other: "192.0.2.1")
        #expect(status == .tooManyRequests, "a made-up X-Forwarded-For does not escape the throttle")
    }

    static func form(from client: String) -> HTTPFields {
        [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Forwarded-For")!: client]
    }

    /// The status seen inside the test client's closure.
    final class StatusBox: Sendable {
        let value = Mutex<HTTPResponse.Status?>(nil)
    }
}
