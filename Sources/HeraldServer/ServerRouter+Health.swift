import Hummingbird

extension ServerRouter {
    /// `/healthz`: 200 while the process answers. `/readyz`: 200 once the store reads, a configuration is loaded and
    /// the dispatcher runs and can write the store, 503 naming what is missing otherwise (`store not writable: disk
    /// full: …`).
    func addHealth(to router: Router<ServerRequestContext>) {
        router.get("healthz") { _, _ in JSONResponse.make(["status": "alive"]) }
        router.get("readyz") { _, context in
            _ = try await loadedConfiguration()
            do {
                _ = try store.escalations(states: [.open], limit: 1)
            } catch {
                context.logger.error("readiness: store unreadable", metadata: ["error": "\(error)"])
                throw APIError(.serviceUnavailable, "store not readable")
            }
            guard operations.isDispatcherRunning else { throw APIError(.serviceUnavailable, "dispatcher not running") }
            if let failure = operations.storeWriteFailure {
                throw APIError(.serviceUnavailable, "store not writable: \(failure)")
            }
            return JSONResponse.make(["status": "ready"])
        }
    }
}
