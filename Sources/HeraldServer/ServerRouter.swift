import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// The HTTP routes of SPEC §4: `/healthz`, `/readyz`, `/metrics`, the bearer-token API under `/api/v1`, and the
/// digest pages the digests' "Full digest" link opens.
public struct ServerRouter: Sendable {
    /// The state the routes read and change.
    let store: HeraldStore
    /// The configuration in force, read on every request (async: the daemon reads its runtime actor's); nil until
    /// one is loaded (then `/readyz` answers 503).
    let configuration: @Sendable () async -> Configuration?
    /// The current time (acknowledgements, `today` for the computed fields, `since` look-backs).
    let now: @Sendable () -> Date
    /// The daemon's dispatcher and metrics (`/readyz`, replays, `/metrics`).
    let operations: any DaemonOperations

    /// Creates the routes over `store`; `configuration` is read on every request, so a reload takes effect at once.
    public init(
        store: HeraldStore, configuration: @escaping @Sendable () async -> Configuration?,
        now: @escaping @Sendable () -> Date, operations: any DaemonOperations
    ) {
        self.store = store
        self.configuration = configuration
        self.now = now
        self.operations = operations
    }

    /// The router with every route; errors are answered as JSON `{"error": "…"}`.
    public func build() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: JSONErrorMiddleware())
        addHealth(to: router)
        addMetrics(to: router)
        addDigestPages(to: router)
        let api = router.group("api/v1")
            .add(middleware: BearerTokenMiddleware { await configuration()?.server?.apiToken?.value })
        addProjects(to: api)
        addEscalations(to: api)
        addLog(to: api)
        addDeliveries(to: api)
        addReplay(to: api)
        return router
    }

    /// The configuration, or 503 when none is loaded.
    func loadedConfiguration() async throws -> Configuration {
        guard let configuration = await configuration() else {
            throw APIError(.serviceUnavailable, "no configuration loaded")
        }
        return configuration
    }
}
