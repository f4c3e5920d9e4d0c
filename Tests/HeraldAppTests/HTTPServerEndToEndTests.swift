import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HeraldApp
import HeraldTestSupport
import Logging
import Testing

/// With a `server:` section the daemon serves the API on `server.listen` while it runs, over the store it uses,
/// and stops serving when it shuts down.
@Suite struct HTTPServerEndToEndTests {
    /// GET `url` with `token` as bearer; nil while nothing listens.
    static func get(_ url: String, token: String? = nil) async -> (status: Int, body: String)? {
        var request = URLRequest(url: URL(string: url)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        guard let (data, response) = try? await URLSession.shared.data(for: request),
              let http = response as? HTTPURLResponse
        else { return nil }
        return (http.statusCode, String(decoding: data, as: UTF8.self))
    }

    @Test func theDaemonServesTheAPIWhileItRuns() async throws {
        let receiver = try TestHTTPReceiver()
        let port = try FreePort.onLoopback()
        let base = "http://127.0.0.1:\(port)"
        let fixture = try AppFixture(
            receiverURL: receiver.url, milestones: "  - { id: design, owner: alice, due: 2026-12-04 }",
            extraRules: "server: { listen: \"127.0.0.1:\(port)\", api_token: s3cret }"
        )
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-01", 10))
        let (group, _) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: clock), logger: Logger(label: "test")
        )
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var health = await Self.get(base + "/healthz")
            for _ in 0..<50 where health == nil {
                try await Task.sleep(for: .milliseconds(100))
                health = await Self.get(base + "/healthz")
            }
            #expect(health?.status == 200)
            #expect(await Self.get(base + "/readyz")?.status == 200)
            #expect(await Self.get(base + "/api/v1/projects")?.status == 401)
            let projects = await Self.get(base + "/api/v1/projects", token: "s3cret")
            #expect(projects?.status == 200)
            #expect(projects?.body.contains("\"business_days_until_due\" : 3") == true)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(await Self.get(base + "/healthz") == nil, "nothing listens after shutdown")
    }
}
