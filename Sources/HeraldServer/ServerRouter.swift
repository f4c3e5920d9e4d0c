import Foundation
import HeraldCore
import HeraldStore
import Hummingbird

/// The HTTP routes (README "HTTP API"): `/healthz`, `/readyz`, `/metrics`, the bearer-token API under `/api/v1`, the
/// digest pages the digests' "Full digest" link opens, the acknowledgement pages of escalation notices' links, the
/// calendar feeds, the dashboard and the chat commands.
public struct ServerRouter: Sendable {
    /// The state the routes read and change.
    let store: HeraldStore
    /// The configuration in force, read on every request (async: the daemon reads its runtime actor's); nil until
    /// one is loaded (then `/readyz` answers 503).
    let configuration: @Sendable () async -> Configuration?
    /// The current time (acknowledgements, `today` for the computed fields, `since` look-backs).
    let now: @Sendable () -> Date
    /// The key that verifies acknowledgement and digest links and calendar keys, read on every request (a reload
    /// may replace it); nil refuses them all (404).
    let serverKey: @Sendable () async -> ServerKey?
    /// The runtime that milestone changes and snoozes go through; nil refuses them (503).
    let actions: (any ServerActions)?
    /// Refuses a client address's dashboard logins for a while after ten wrong tokens from it within a minute.
    let loginThrottle = LoginThrottle(limit: 10, window: 60)
    /// The daemon's dispatcher and metrics (`/readyz`, replays, `/metrics`).
    let operations: any DaemonOperations

    /// Creates the routes over `store`; `configuration` is read on every request, so a reload takes effect at once.
    public init(
        store: HeraldStore, configuration: @escaping @Sendable () async -> Configuration?,
        now: @escaping @Sendable () -> Date, serverKey: @escaping @Sendable () async -> ServerKey? = { nil },
        actions: (any ServerActions)? = nil,
        operations: any DaemonOperations
    ) {
        self.store = store
        self.configuration = configuration
        self.now = now
        self.serverKey = serverKey
        self.actions = actions
        self.operations = operations
    }

    /// The router with every route; errors are answered as JSON `{"error": "…"}`.
    public func build() -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: JSONErrorMiddleware())
        addHealth(to: router)
        addMetrics(to: router)
        addDigestPages(to: router)
        addMilestonePages(to: router)
        addDashboard(to: router)
        addAckPages(to: router)
        addCalendars(to: router)
        addChat(to: router)
        let api = router.group("api/v1")
            .add(middleware: BearerTokenMiddleware { await configuration()?.server?.apiToken?.value })
        addProjects(to: api)
        addMilestoneUpdates(to: api)
        addHistory(to: api)
        addEscalations(to: api)
        addLog(to: api)
        addDeliveries(to: api)
        addReplay(to: api)
        return router
    }

    /// `server.max_body_bytes` of the configuration in force (its default without one): the largest API or chat
    /// request body read.
    func bodyLimit() async -> Int {
        await configuration()?.server?.limits.maxBodyBytes ?? ServerLimits().maxBodyBytes
    }

    /// The configuration, or 503 when none is loaded.
    func loadedConfiguration() async throws -> Configuration {
        guard let configuration = await configuration() else {
            throw APIError(.serviceUnavailable, "no configuration loaded")
        }
        return configuration
    }
}
