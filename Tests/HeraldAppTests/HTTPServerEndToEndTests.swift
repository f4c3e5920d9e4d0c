import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
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
        let stopped = Mutex<String?>(nil)
        try await HTTPServerLimitsTests.withServer("") { port in
            let base = "http://127.0.0.1:\(port)"
            stopped.withLock { $0 = base }
            #expect(await Self.get(base + "/healthz")?.status == 200)
            #expect(await Self.get(base + "/readyz")?.status == 200)
            #expect(await Self.get(base + "/api/v1/projects")?.status == 401)
            let projects = await Self.get(base + "/api/v1/projects", token: "s3cret")
            #expect(projects?.status == 200)
            #expect(projects?.body.contains("\"business_days_until_due\" : 3") == true)
        }
        let base = try #require(stopped.withLock { $0 })
        #expect(await Self.get(base + "/healthz") == nil, "nothing listens after shutdown")
    }
}
