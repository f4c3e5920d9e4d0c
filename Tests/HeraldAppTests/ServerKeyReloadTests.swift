import Foundation
import HeraldApp
import HeraldConfig
import HeraldCore
import HeraldTestSupport
import Logging
import Testing

/// `server.key` is read again on every reload (SIGHUP): a replaced key signs and verifies from then on, and a
/// deleted one is made anew, so the operator can revoke every link without a restart.
@Suite struct ServerKeyReloadTests {
    /// What the runtime's key signs for the all-projects calendar: the same for the same key.
    static func calendarKey(_ runtime: HeraldRuntime) async throws -> String {
        CalendarLink.key(for: .all, with: try #require(await runtime.serverKey))
    }

    @Test func aReplacedOrDeletedKeyIsPickedUpOnReload() async throws {
        let fixture = try AppFixture(
            receiverURL: "http://127.0.0.1:9", milestones: "  - { id: design, owner: alice, due: 2026-12-18 }",
            extraRules: "server: { listen: \"127.0.0.1:0\", public_url: \"https://herald.example.com\" }"
        )
        defer { fixture.directory.remove() }
        let configuration = try ConfigLoader.load(path: fixture.configPath, environment: fixture.environment)
        let runtime = try HeraldRuntime(
            configuration: configuration, options: fixture.options(clock: TestClock(AppFixture.at("2026-12-01", 10))),
            logger: Logger(label: "test")
        )
        let path = fixture.directory.path + "/state/server.key"
        let original = try await Self.calendarKey(runtime)

        let replacement = [UInt8](repeating: 9, count: 32)
        try Data(replacement).write(to: URL(fileURLWithPath: path))
        #expect(await runtime.reload(reason: "test"))
        let replaced = try await Self.calendarKey(runtime)
        #expect(replaced == CalendarLink.key(for: .all, with: try #require(ServerKey(bytes: replacement))))
        #expect(replaced != original)

        try FileManager.default.removeItem(atPath: path)
        #expect(await runtime.reload(reason: "test"))
        let made = try #require(FileManager.default.contents(atPath: path), "a new key is made")
        let madeKey = try #require(ServerKey(bytes: made))
        #expect(try await Self.calendarKey(runtime) == CalendarLink.key(for: .all, with: madeKey))
        #expect(Array(made) != replacement)
        await runtime.shutdown()
    }
}
